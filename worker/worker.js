'use strict';

const fs = require('node:fs');
const { DEFAULT_HEARTBEAT_FILE } = require('./healthcheck');
const { sleep, sqsQueue, unitOfWork } = require('./queue');

// Below ECS's default 30 s stopTimeout, so we exit on our own terms before SIGKILL. On ECS the task
// definition sets SHUTDOWN_TIMEOUT_SECONDS from its own stopTimeout; this default is for `docker run`.
const DEFAULT_SHUTDOWN_TIMEOUT_SECONDS = 25;
// ECS allows a stopTimeout of at most 120 s, so a longer wait could never finish before SIGKILL.
const MAX_SHUTDOWN_TIMEOUT_SECONDS = 120;

function logJson(event, fields = {}) {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
}

function intFromEnv(env, name, fallback, { min, max }) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/**
 * The worker loop without signal handling, so tests can drive it in-process: touch the heartbeat file, do
 * one unit of work, touch it again, wait `intervalMs`, repeat. `stop()` lets the current unit finish (its
 * signal only abandons a wait for work), and resolves 0 when it has, or 1 when `shutdownTimeoutMs` passes first.
 */
function createWorker({ unit, intervalMs, shutdownTimeoutMs, heartbeatFile, log = logJson }) {
  const stopping = new AbortController();
  let current;
  let units = 0;
  let stopPromise;

  function heartbeat() {
    try {
      fs.writeFileSync(heartbeatFile, `${Date.now()}\n`);
    } catch (err) {
      // Not fatal here: the health check sees the stale heartbeat and ECS replaces the task.
      log('heartbeat_failed', { file: heartbeatFile, error: err.message });
    }
  }

  async function runUnit() {
    const startedAt = Date.now();
    log('unit_begin', { unit: units + 1 });
    try {
      const result = await unit(stopping.signal);
      units++;
      log('unit_end', { unit: units, durationMs: Date.now() - startedAt, ...result });
    } catch (err) {
      // A failed unit does not stop the loop: the next one may succeed (a queue redelivers the message).
      log('unit_failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }

  async function loop() {
    while (!stopping.signal.aborted) {
      heartbeat();
      current = runUnit();
      await current;
      current = undefined;
      heartbeat();
      await sleep(intervalMs, stopping.signal).catch(() => undefined);
    }
  }

  /** Stops the loop; resolves with the exit code. Idempotent. */
  function stop(signal = 'stop') {
    if (stopPromise) return stopPromise;
    const startedAt = Date.now();
    log('shutdown_begin', { signal, unitInProgress: current !== undefined, timeoutMs: shutdownTimeoutMs });
    stopping.abort();
    const unitDone = current ?? Promise.resolve();
    stopPromise = new Promise((resolve) => {
      // Which came first decides, not the clock: a timer may fire a millisecond early or, on a busy
      // machine, late, so comparing elapsed time with the budget could report both outcomes.
      let timedOut = false;
      const deadline = setTimeout(() => {
        timedOut = true;
        log('shutdown_timeout', { durationMs: Date.now() - startedAt });
        resolve(1);
      }, shutdownTimeoutMs);
      unitDone.then(() => {
        clearTimeout(deadline);
        // After the deadline the outcome is already 1; a unit ending later changes nothing.
        if (!timedOut) log('shutdown_end', { code: 0, durationMs: Date.now() - startedAt, units });
        resolve(0);
      });
    });
    return stopPromise;
  }

  return { start: () => loop(), stop, unitsDone: () => units };
}

/** Settings from the environment, or an Error naming the variable and what it allows. */
function settingsFrom(env) {
  const queueUrl = env.QUEUE_URL || undefined;
  return {
    intervalMs: intFromEnv(env, 'WORK_INTERVAL_MS', 5000, { min: 0, max: 3_600_000 }),
    workMs: intFromEnv(env, 'WORK_DURATION_MS', 100, { min: 0, max: 3_600_000 }),
    shutdownTimeoutMs: 1000 * intFromEnv(env, 'SHUTDOWN_TIMEOUT_SECONDS', DEFAULT_SHUTDOWN_TIMEOUT_SECONDS, { min: 1, max: MAX_SHUTDOWN_TIMEOUT_SECONDS }),
    // SQS long polling waits at most 20 s (ReceiveMessage WaitTimeSeconds).
    waitSeconds: intFromEnv(env, 'QUEUE_WAIT_SECONDS', 20, { min: 0, max: 20 }),
    heartbeatFile: env.HEARTBEAT_FILE || DEFAULT_HEARTBEAT_FILE,
    queueUrl,
  };
}

/** Entry point for `node worker.js`: runs the loop and exits after a graceful stop. */
function start(env = process.env, log = logJson) {
  const settings = settingsFrom(env);
  const queue = settings.queueUrl ? sqsQueue(settings.queueUrl, env) : undefined;
  const worker = createWorker({ ...settings, unit: unitOfWork({ queue, ...settings }), log });
  log('startup', { queue: settings.queueUrl ?? null, intervalMs: settings.intervalMs, heartbeatFile: settings.heartbeatFile });
  for (const signal of ['SIGTERM', 'SIGINT']) {
    // `once`: a second identical signal gets Node's default handling, i.e. an immediate stop (double Ctrl-C).
    process.once(signal, () => {
      worker.stop(signal).then((code) => process.exit(code));
    });
  }
  worker.start();
  return worker;
}

module.exports = { createWorker, settingsFrom, start };

if (require.main === module) {
  try {
    start();
  } catch (err) {
    logJson('startup_failed', { error: err.message });
    process.exit(1);
  }
}

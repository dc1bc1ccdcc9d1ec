'use strict';

// Container health probe for a worker, which listens on no port: `node healthcheck.js` exits 0 when the
// worker loop touched its heartbeat file recently, 1 otherwise. Plain Node, no shell, curl or wget needed.
const fs = require('node:fs');

/** In /tmp, the only writable path of a read-only root filesystem; worker.js writes where HEARTBEAT_FILE says too. */
const DEFAULT_HEARTBEAT_FILE = '/tmp/worker-heartbeat';
/** Above a 20 s queue long poll plus the interval and one unit of work at their defaults. */
const DEFAULT_MAX_AGE_SECONDS = 60;

/** Why the heartbeat at `file` shows an unhealthy worker at `now`, or undefined when it is fresh. */
function staleness(file, maxAgeSeconds, now = Date.now()) {
  let modified;
  try {
    modified = fs.statSync(file).mtimeMs;
  } catch (err) {
    return `no heartbeat at ${file} (${err.code ?? err.message})`;
  }
  const ageSeconds = (now - modified) / 1000;
  return ageSeconds > maxAgeSeconds ? `heartbeat ${file} is ${Math.floor(ageSeconds)} s old, over ${maxAgeSeconds} s` : undefined;
}

/** The age limit from `env` (HEARTBEAT_MAX_AGE_SECONDS, a positive integer), or an Error naming a bad value. */
function maxAgeFrom(env) {
  const text = env.HEARTBEAT_MAX_AGE_SECONDS;
  if (text === undefined) return DEFAULT_MAX_AGE_SECONDS;
  const seconds = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(seconds) || seconds < 1) {
    return new Error(`HEARTBEAT_MAX_AGE_SECONDS is ${JSON.stringify(text)}; expected a whole number of seconds, at least 1`);
  }
  return seconds;
}

if (require.main === module) {
  const maxAge = maxAgeFrom(process.env);
  const problem = maxAge instanceof Error ? maxAge.message : staleness(process.env.HEARTBEAT_FILE || DEFAULT_HEARTBEAT_FILE, maxAge);
  if (problem) {
    // Docker keeps the probe's output in `docker inspect`, which helps explain an unhealthy container.
    console.error(`unhealthy: ${problem}`);
    process.exit(1);
  }
  process.exit(0);
}

module.exports = { DEFAULT_HEARTBEAT_FILE, DEFAULT_MAX_AGE_SECONDS, maxAgeFrom, staleness };

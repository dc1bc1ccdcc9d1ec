'use strict';

const http = require('node:http');
const { drillEffect, drillFromEnv, healthFails } = require('./drill');

const DEFAULT_PORT = 8080;
// Below ECS's default 30 s stopTimeout, so we exit on our own terms before SIGKILL. On ECS the task
// definition sets SHUTDOWN_TIMEOUT_SECONDS from its own stopTimeout; this default is for `docker run`.
const DEFAULT_SHUTDOWN_TIMEOUT_SECONDS = 25;
// ECS allows a stopTimeout of at most 120 s, so a longer drain could never finish before SIGKILL.
const MAX_SHUTDOWN_TIMEOUT_SECONDS = 120;

function logJson(event, fields = {}) {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
}

function intFromEnv(name, fallback, { min, max }) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function isRead(req) {
  return req.method === 'GET' || req.method === 'HEAD';
}

function sendJson(res, status, body) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

/**
 * Builds the HTTP server without listening, so tests can drive it in-process.
 *
 * options.handler(req, res, next) sees every request except /health and may call
 * next() to fall through to the built-in routes. It exists so tests can add routes
 * (e.g. a slow one for drain tests) without shipping them in production.
 * options.log(event, fields) replaces the stdout JSON logger.
 * options.drill is a rollout drill (drill.js, drillFromEnv): injected 5xx answers, latency or a failing
 * /health; none by default.
 */
function createServer(options = {}) {
  const serviceName = options.serviceName ?? process.env.SERVICE_NAME ?? 'web';
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_SECONDS * 1000;
  const handler = options.handler ?? ((req, res, next) => next());
  const log = options.log ?? logJson;
  const drill = options.drill;

  let draining = false;
  // Requests outside /health, counted for the drill's evenly spread 5xx share.
  let served = 0;
  let shutdownPromise;
  const inFlight = new Set();

  function routes(req, res, path) {
    if (isRead(req) && path === '/') {
      sendJson(res, 200, { message: `Hello from ${serviceName}`, service: serviceName });
    } else {
      sendJson(res, 404, { error: 'not found' });
    }
  }

  const server = http.createServer((req, res) => {
    inFlight.add(res);
    res.on('close', () => {
      inFlight.delete(res);
      // A response whose headers went out before draining began still said keep-alive;
      // drop its now-idle socket, or server.close() would wait for the keep-alive timeout.
      if (draining) server.closeIdleConnections();
    });
    // Tell keep-alive clients to reconnect elsewhere rather than reuse a socket that is going away.
    if (draining) res.setHeader('Connection', 'close');

    const path = req.url.split('?', 1)[0];
    if (isRead(req) && path === '/health') {
      // 503 while draining makes the load balancer stop routing here before we are gone.
      if (draining) sendJson(res, 503, { status: 'draining' });
      else if (healthFails(drill)) sendJson(res, 503, { status: 'drill: unhealthy' });
      else sendJson(res, 200, { status: 'ok' });
      return;
    }

    const effect = drillEffect(drill, served++);
    if (effect?.status) {
      sendJson(res, effect.status, { error: 'drill: injected failure' });
      return;
    }
    const serve = () => {
      try {
        handler(req, res, () => routes(req, res, path));
      } catch (err) {
        // A throwing handler must not take the whole process (and every other request) down.
        log('request_error', { method: req.method, path, error: err instanceof Error ? err.message : String(err) });
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.destroy();
      }
    };
    if (effect?.delayMs) {
      const timer = setTimeout(serve, effect.delayMs);
      // A client that gives up stops the wait too.
      res.once('close', () => clearTimeout(timer));
    } else {
      serve();
    }
  });

  // Longer than the ALB's 60 s idle timeout, so the ALB (not us) closes idle sockets;
  // otherwise it can reuse a socket we just closed and answer the client with a 502.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  /** Starts draining; resolves with the exit code (0 drained, 1 deadline hit). Idempotent. */
  function shutdown(signal = 'shutdown') {
    if (shutdownPromise) return shutdownPromise;
    draining = true;
    const startedAt = Date.now();
    log('shutdown_begin', { signal, inFlight: inFlight.size, timeoutMs: shutdownTimeoutMs });

    // Responses already being computed get the header too, so their sockets close after them.
    for (const res of inFlight) {
      if (!res.headersSent) res.setHeader('Connection', 'close');
    }

    shutdownPromise = new Promise((resolve) => {
      let done = false;
      const finish = (code, reason) => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        log('shutdown_end', { code, reason, durationMs: Date.now() - startedAt });
        resolve(code);
      };
      const deadline = setTimeout(() => {
        log('shutdown_timeout', { inFlight: inFlight.size });
        finish(1, 'timeout');
        server.closeAllConnections();
      }, shutdownTimeoutMs);

      server.close(() => finish(0, 'drained'));
      // close() already does this since Node 19; explicit so it survives a runtime or refactor change.
      server.closeIdleConnections();
    });
    return shutdownPromise;
  }

  return { server, shutdown, serviceName, isDraining: () => draining };
}

/** Entry point for `node server.js`: listens on PORT and exits after a graceful shutdown. */
function start(options = {}) {
  const port = intFromEnv('PORT', DEFAULT_PORT, { min: 0, max: 65535 });
  const shutdownTimeoutMs =
    1000 * intFromEnv('SHUTDOWN_TIMEOUT_SECONDS', DEFAULT_SHUTDOWN_TIMEOUT_SECONDS, { min: 1, max: MAX_SHUTDOWN_TIMEOUT_SECONDS });
  const drill = drillFromEnv(process.env);
  const app = createServer({ shutdownTimeoutMs, drill, ...options });
  const log = options.log ?? logJson;

  app.server.on('error', (err) => {
    log('server_error', { error: err.message });
    process.exit(1);
  });
  app.server.listen(port, () => {
    log('startup', { port: app.server.address().port, service: app.serviceName });
    if (drill) log('drill_enabled', drill);
  });

  for (const signal of ['SIGTERM', 'SIGINT']) {
    // `once`: a second identical signal gets Node's default handling, i.e. an immediate stop (double Ctrl-C).
    process.once(signal, () => {
      app.shutdown(signal).then((code) => process.exit(code));
    });
  }
  return app;
}

module.exports = { createServer, start };

if (require.main === module) {
  try {
    start();
  } catch (err) {
    logJson('startup_failed', { error: err.message });
    process.exit(1);
  }
}

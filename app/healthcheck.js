'use strict';

// Container health probe: `node healthcheck.js`. Plain Node so it works in images without a shell, curl or wget.
const http = require('node:http');

/** The probe's deadline unless HEALTHCHECK_TIMEOUT_MS sets one: below the Dockerfile's HEALTHCHECK --timeout. */
const DEFAULT_TIMEOUT_MS = 3000;

/** The deadline in ms from `env` (HEALTHCHECK_TIMEOUT_MS, a positive integer), or an Error naming a bad value. */
function timeoutFrom(env) {
  const text = env.HEALTHCHECK_TIMEOUT_MS;
  if (text === undefined) return DEFAULT_TIMEOUT_MS;
  const ms = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(ms) || ms < 1) {
    return new Error(`HEALTHCHECK_TIMEOUT_MS is ${JSON.stringify(text)}; expected a whole number of milliseconds, at least 1`);
  }
  return ms;
}

function fail(reason) {
  // Docker keeps the probe's output in `docker inspect`, which helps explain an unhealthy container.
  console.error(`unhealthy: ${reason}`);
  process.exit(1);
}

function probe(port, timeoutMs) {
  // A hard deadline for the whole probe (connect + response), not just socket inactivity.
  setTimeout(() => fail(`no response within ${timeoutMs} ms`), timeoutMs).unref();
  http
    .get({ host: '127.0.0.1', port, path: '/health', agent: false }, (res) => {
      res.resume();
      if (res.statusCode === 200) process.exit(0);
      fail(`GET /health returned ${res.statusCode}`);
    })
    .on('error', (err) => fail(err.message));
}

if (require.main === module) {
  const timeoutMs = timeoutFrom(process.env);
  if (timeoutMs instanceof Error) fail(timeoutMs.message);
  else probe(process.env.PORT || 8080, timeoutMs);
}

module.exports = { DEFAULT_TIMEOUT_MS, timeoutFrom };

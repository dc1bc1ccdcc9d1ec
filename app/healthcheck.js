'use strict';

// Container health probe: `node healthcheck.js`. Plain Node so it works in images without a shell, curl or wget.
const http = require('node:http');

const TIMEOUT_MS = 3000;
const port = process.env.PORT || 8080;

function fail(reason) {
  // Docker keeps the probe's output in `docker inspect`, which helps explain an unhealthy container.
  console.error(`unhealthy: ${reason}`);
  process.exit(1);
}

// A hard deadline for the whole probe (connect + response), not just socket inactivity.
setTimeout(() => fail(`no response within ${TIMEOUT_MS} ms`), TIMEOUT_MS).unref();

http
  .get({ host: '127.0.0.1', port, path: '/health', agent: false }, (res) => {
    res.resume();
    if (res.statusCode === 200) process.exit(0);
    fail(`GET /health returned ${res.statusCode}`);
  })
  .on('error', (err) => fail(err.message));

'use strict';

/**
 * Rollout drill: faults the sample injects on purpose, so a deployment of it exercises the stack's rollback.
 * Set by the task's environment (`containerEnvironment` in the stack config):
 *
 *   DRILL_FAULT=5xx        answer 500 on DRILL_FAULT_PERCENT % of requests (default 50), spread evenly
 *   DRILL_FAULT=slow       answer DRILL_DELAY_MS later (default 3000)
 *   DRILL_FAULT=unhealthy  fail /health, so the new tasks never turn healthy
 *
 * `5xx` and `slow` leave /health passing: the deployment goes ahead and the load balancer's 5xx-rate or p99
 * alarm rolls it back. `unhealthy` is caught earlier, by the deployment circuit breaker (and the
 * unhealthy-hosts alarm). Unset or empty: no fault.
 */

const FAULTS = ['5xx', 'slow', 'unhealthy'];
const DEFAULT_PERCENT = 50;
const DEFAULT_DELAY_MS = 3000;
// Above the ALB's 60 s idle timeout a slow answer would become a 504 from the load balancer, not a slow one.
const MAX_DELAY_MS = 55_000;

function integer(env, name, fallback, min, max) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/**
 * The drill `env` asks for, or undefined for none. Throws, naming the variable and what it accepts, on a
 * value it does not know: a typo must not deploy a drill-free version that looks like a passed drill.
 */
function drillFromEnv(env) {
  const fault = env.DRILL_FAULT;
  if (fault === undefined || fault === '') {
    for (const name of ['DRILL_FAULT_PERCENT', 'DRILL_DELAY_MS']) {
      if (env[name] !== undefined && env[name] !== '') throw new Error(`${name} is set but DRILL_FAULT is not; set DRILL_FAULT to ${FAULTS.join(', ')}`);
    }
    return undefined;
  }
  if (!FAULTS.includes(fault)) {
    throw new Error(`DRILL_FAULT must be one of ${FAULTS.join(', ')}, got ${JSON.stringify(fault)}`);
  }
  return {
    fault,
    percent: fault === '5xx' ? integer(env, 'DRILL_FAULT_PERCENT', DEFAULT_PERCENT, 1, 100) : undefined,
    delayMs: fault === 'slow' ? integer(env, 'DRILL_DELAY_MS', DEFAULT_DELAY_MS, 1, MAX_DELAY_MS) : undefined,
  };
}

/**
 * What the drill does to one request, the n-th (from 0) the server has seen outside /health:
 * `{ status: 500 }`, `{ delayMs }`, or undefined to answer normally. The 5xx share is exact over every
 * 100 requests and spread evenly (Bresenham), so a test and a dashboard see the configured rate.
 */
function drillEffect(drill, n) {
  if (!drill) return undefined;
  if (drill.fault === '5xx') {
    return Math.floor(((n + 1) * drill.percent) / 100) > Math.floor((n * drill.percent) / 100) ? { status: 500 } : undefined;
  }
  if (drill.fault === 'slow') return { delayMs: drill.delayMs };
  return undefined;
}

/** Whether /health fails under the drill. */
const healthFails = (drill) => drill?.fault === 'unhealthy';

module.exports = { drillFromEnv, drillEffect, healthFails, FAULTS, MAX_DELAY_MS };

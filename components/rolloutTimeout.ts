/**
 * How long `pulumi up` waits for an ECS service to reach a steady state. Pure.
 *
 * With `waitForSteadyState` the provider polls the service until its deployment is complete, within the
 * resource's create/update timeout (20 minutes by default in terraform-provider-aws
 * `internal/service/ecs/service.go`). A normal deploy must never hit it, and a failed one (the circuit
 * breaker rolling back) should end well before it, so the timeout is sized from the rollout itself.
 *
 * A blue/green, canary or linear deployment also waits on purpose: the bake time after production traffic
 * moved, the canary's bake, the bake between linear steps, and pause hooks until someone continues them or
 * they time out (ECS `DeploymentConfiguration`, `CanaryConfiguration`, `LinearConfiguration`,
 * `DeploymentLifecycleHookTimeoutConfiguration`). The provider waits through all of it, so the timeout adds
 * each at its longest.
 */
import type { DeploymentSettings } from "./deploymentSettings";

/** What one rollout wave is made of, in seconds. */
export interface RolloutTiming {
    /** Container health-check start period. */
    readonly startPeriodSeconds: number;
    /** The service's health-check grace period. */
    readonly healthCheckGracePeriodSeconds: number;
    /** Load balancer health checks until a new target is healthy: interval × healthy threshold. */
    readonly secondsToHealthy: number;
    /** How long the target group drains a stopping task. */
    readonly deregistrationDelaySeconds: number;
    /** How long a stopping container may take after SIGTERM. */
    readonly stopTimeoutSeconds: number;
}

/**
 * Allowance for placing a task, attaching its network interface, pulling the image and starting the
 * process. Generous on purpose: a cold pull of a large image, or Spot capacity found on a second try.
 */
export const PROVISION_SECONDS = 180;

/** Never less than this, so a deploy that is slow for reasons outside the model still completes. */
export const MINIMUM_TIMEOUT_MINUTES = 10;

/**
 * Seconds one wave takes at most: provision, then healthy (the later of the grace period and the start
 * period plus the load balancer's checks), then the old task drains and stops.
 */
export function waveSeconds(t: RolloutTiming): number {
    const healthy = Math.max(t.healthCheckGracePeriodSeconds, t.startPeriodSeconds + t.secondsToHealthy);
    return PROVISION_SECONDS + healthy + t.deregistrationDelaySeconds + t.stopTimeoutSeconds;
}

/**
 * The steady-state timeout in minutes: three waves — the deploy, a retry of failed tasks, and the circuit
 * breaker's rollback — rounded up, and at least {@link MINIMUM_TIMEOUT_MINUTES}. The service deploys with
 * minimum 100 % / maximum 200 %, so every task is replaced in one wave whatever the count.
 */
export function steadyStateTimeoutMinutes(t: RolloutTiming): number {
    for (const [key, value] of Object.entries(t)) {
        if (!Number.isFinite(value) || value < 0) {
            throw new Error(`rollout timing ${key} is ${value}; expected a number of seconds, 0 or more.`);
        }
    }
    return Math.max(MINIMUM_TIMEOUT_MINUTES, Math.ceil((3 * waveSeconds(t)) / 60));
}

/**
 * Traffic shifts of a linear deployment: `stepPercent` per step until 100 % (e.g. 10 % → 10, 3 % → 34).
 * The step bake follows every shift but the last ("not applied after reaching 100 percent", ECS
 * `LinearConfiguration`).
 */
export function linearShifts(stepPercent: number): number {
    if (!Number.isFinite(stepPercent) || stepPercent <= 0 || stepPercent > 100) {
        throw new Error(`linear stepPercent is ${stepPercent}; expected more than 0 and at most 100.`);
    }
    // Tenths of a percent are whole numbers, so the division is exact where ECS's steps are.
    return Math.ceil(1000 / Math.round(stepPercent * 10));
}

/**
 * Minutes a deployment waits on purpose beyond its task waves, at its longest: the bake time, the canary's
 * bake, every linear step bake, and each pause hook's timeout at every stage it pauses (each of those stages
 * runs once per deployment). 0 for rolling. Lambda hooks are not counted: ECS gives them no timeout the
 * service can set, and one that answers at once adds nothing.
 */
export function deploymentWaitMinutes(d: DeploymentSettings | undefined): number {
    if (d === undefined || d.strategy === "rolling") return 0;
    const canary = d.canary?.bakeMinutes ?? 0;
    const linear = d.linear ? (linearShifts(d.linear.stepPercent) - 1) * d.linear.stepBakeMinutes : 0;
    const pauses = d.hooks.reduce((sum, h) => sum + (h.type === "pause" ? h.timeoutMinutes * h.stages.length : 0), 0);
    const minutes = d.bakeTimeMinutes + canary + linear + pauses;
    if (!Number.isFinite(minutes) || minutes < 0) {
        throw new Error(`deployment wait is ${minutes} minutes; expected 0 or more.`);
    }
    return minutes;
}

/** The service's create/update timeout in minutes: {@link steadyStateTimeoutMinutes} plus {@link deploymentWaitMinutes}. */
export const deploymentTimeoutMinutes = (t: RolloutTiming, d: DeploymentSettings | undefined): number => steadyStateTimeoutMinutes(t) + deploymentWaitMinutes(d);

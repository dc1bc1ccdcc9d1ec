/**
 * Whether `pulumi up` waits long enough for a blue/green, canary or linear deployment. Pure.
 *
 * With `waitForSteadyState` the AWS provider polls until the deployment is done, for at most the
 * resource's update timeout: the `customTimeouts.update` option, else the provider's 20 minutes
 * (terraform-provider-aws, `aws_ecs_service` "Timeouts": create, update and delete 20m). A bake time or a
 * held pause past it fails the `up` while ECS carries on, so the stack's state no longer says what runs.
 */
import { StrategyRollout } from "./rolloutStrategy";

/** The provider's update timeout for an ECS service when no custom timeout is set. */
export const PROVIDER_UPDATE_TIMEOUT_SECONDS = 20 * 60;

/**
 * Warnings for service `name` whose deployment is `d`, given the update timeout it records (0: none set)
 * and whether `up` waits for its steady state at all.
 */
export function timeoutWarnings(name: string, d: StrategyRollout, updateTimeoutSeconds: number, waitsForSteadyState: boolean): string[] {
    if (!waitsForSteadyState) return [];
    const limit = updateTimeoutSeconds > 0 ? updateTimeoutSeconds : PROVIDER_UPDATE_TIMEOUT_SECONDS;
    const from = updateTimeoutSeconds > 0 ? `its customTimeouts.update (${limit} s)` : `the provider's default update timeout (${limit} s; no customTimeouts.update set)`;
    const seconds = d.completeSeconds ?? d.knownSeconds;
    const atLeast = d.completeSeconds === null ? "at least " : "";
    if (seconds > limit) {
        return [
            `Service ${name}: a deployment takes ${atLeast}${seconds} s but pulumi up waits for its steady state only ${from}; ` +
                `set customTimeouts.update above ${seconds} s (plus the pause hooks' timeouts), or shorten the bake times.`,
        ];
    }
    if (d.pauseCapSeconds === null || seconds + d.pauseCapSeconds > limit) {
        const cap = d.pauseCapSeconds === null ? "for an unknown time" : `up to ${d.pauseCapSeconds} s`;
        return [
            `Service ${name}: its pause hooks can hold a deployment ${cap}, but pulumi up waits ${from}: a pause held past ${limit - seconds} s fails the up; ` +
                "set customTimeouts.update to cover the pause hooks' timeouts.",
        ];
    }
    return [];
}

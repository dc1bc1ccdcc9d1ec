/**
 * The variables the task itself sets for the app, from the task's own settings. Pure.
 *
 * The image carries defaults (`PORT=8080`, a 25 s drain) for `docker run`; on ECS these follow the task
 * definition instead, so `containerPort` and `stopTimeoutSeconds` reach the process that must honour them.
 */

/** Variable names the task definition owns; config may not set them. */
export const APP_ENVIRONMENT_NAMES = ["PORT", "SHUTDOWN_TIMEOUT_SECONDS"] as const;

/**
 * Seconds the app may spend draining after SIGTERM: the stop timeout less a margin for closing sockets,
 * flushing logs and exiting before ECS sends SIGKILL. The margin is a sixth of the timeout (rounded up),
 * at most 5 s: 30 s gives 25 s, 120 s gives 115 s, 2 s gives 1 s.
 */
export function shutdownBudgetSeconds(stopTimeoutSeconds: number): number {
    if (!Number.isInteger(stopTimeoutSeconds) || stopTimeoutSeconds < 2 || stopTimeoutSeconds > 120) {
        throw new Error(`stopTimeoutSeconds is ${stopTimeoutSeconds}; expected an integer from 2 to 120 (ECS's range for Fargate).`);
    }
    return stopTimeoutSeconds - Math.min(5, Math.ceil(stopTimeoutSeconds / 6));
}

/** The variables for the app: the port it must listen on (none for a task without one) and how long it may drain. */
export function appEnvironment(port: number | undefined, stopTimeoutSeconds: number): Partial<Record<(typeof APP_ENVIRONMENT_NAMES)[number], string>> {
    const drain = { SHUTDOWN_TIMEOUT_SECONDS: String(shutdownBudgetSeconds(stopTimeoutSeconds)) };
    return port === undefined ? drain : { PORT: String(port), ...drain };
}

/** Names in `names` the task definition owns, in the order given. */
export const reservedNames = (names: Iterable<string>): string[] =>
    [...names].filter(name => (APP_ENVIRONMENT_NAMES as readonly string[]).includes(name));

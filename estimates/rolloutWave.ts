/**
 * What one rolling-deployment wave of an ECS service is made of, in seconds: a web service's (behind target
 * groups) and a worker's (no load balancer). Pure.
 */
import { containerDefinitions, num, Plain, ServiceView } from "./recorded";

/** Seconds allowed for Fargate to provision a task, pull the image and start the container. A rule of thumb. */
export const PULL_AND_START_SECONDS = 20;

/** AWS's values when an input is unset (ALB HTTP/HTTPS target groups, ECS services, container definitions). */
export const AWS_DEFAULTS = {
    healthCheckIntervalSeconds: 30,
    healthyThreshold: 5,
    deregistrationDelaySeconds: 300,
    healthCheckGracePeriodSeconds: 0,
    containerStartPeriodSeconds: 0,
    containerHealthCheckIntervalSeconds: 30,
    /**
     * A service with no load balancer whose task has no essential container with a health check: ECS counts
     * the task towards the healthy minimum 40 s after it is RUNNING (DeploymentConfiguration
     * minimumHealthyPercent, ECS API reference).
     */
    noHealthCheckWaitSeconds: 40,
    /** Fargate's stopTimeout: seconds between SIGTERM and SIGKILL. */
    stopTimeoutSeconds: 30,
    minimumHealthyPercent: 100,
    maximumPercent: 200,
} as const;

/** One part of a wave, and how to shrink it. */
export interface Part {
    readonly key: "drain" | "grace" | "checks" | "start" | "pull" | "stop" | "containerCheck" | "noHealthCheck";
    readonly label: string;
    readonly seconds: number;
    readonly fix: string;
}

/** One wave: its parts in the order we would rather shrink them, its length, and how the note spells it out. */
export interface Wave {
    readonly parts: Part[];
    readonly seconds: number;
    /** The grace period: a wave is never shorter than PULL_AND_START_SECONDS + grace. */
    readonly grace: number;
    /** `20 s start + … = N s`. */
    readonly description: string;
    /** Seconds from a started task to a healthy one (the wave's middle term), and how it is made up. */
    readonly health: number;
    readonly healthText: string;
    /** Seconds the old task takes to go: a web service's deregistration delay, a worker's stop timeout. */
    readonly release: number;
}

const pull: Part = { key: "pull", label: `image pull and start ${PULL_AND_START_SECONDS} s`, seconds: PULL_AND_START_SECONDS, fix: "use a smaller image" };

const essentialContainers = (service: ServiceView) => containerDefinitions(service.taskDefinition).filter(c => c.essential !== false);
const graceOf = (service: ServiceView) => num(service.inputs.healthCheckGracePeriodSeconds) ?? AWS_DEFAULTS.healthCheckGracePeriodSeconds;

/** The grace part when it holds the wave, else the parts that make the task healthy. */
const healthParts = (grace: number, ready: number, readyParts: Part[]): Part[] =>
    grace > ready
        ? [{ key: "grace", label: `health check grace period ${grace} s`, seconds: grace, fix: `lower healthCheckGracePeriodSeconds towards the start period plus health checks (${ready} s)` }]
        : readyParts;

/** The largest stopTimeout of a service's essential containers (Fargate's 30 s when none sets one). */
export function stopTimeout(service: ServiceView): number {
    const stops = essentialContainers(service).map(c => num(c.stopTimeout) ?? AWS_DEFAULTS.stopTimeoutSeconds);
    return stops.length > 0 ? Math.max(...stops) : AWS_DEFAULTS.stopTimeoutSeconds;
}

/**
 * A web service's wave: PULL_AND_START_SECONDS + max(grace, startPeriod + interval × healthyThreshold) +
 * deregistrationDelay, over the slowest of its target groups (AWS's defaults where none is matched).
 */
export function webWave(service: ServiceView): Wave {
    const tgs: Array<Plain | undefined> = service.targetGroups.length > 0 ? [...service.targetGroups] : [undefined];
    const checks = tgs.map(tg => {
        const interval = num(tg?.inputs.healthCheck?.interval) ?? AWS_DEFAULTS.healthCheckIntervalSeconds;
        const threshold = num(tg?.inputs.healthCheck?.healthyThreshold) ?? AWS_DEFAULTS.healthyThreshold;
        return { interval, threshold, seconds: interval * threshold };
    });
    const lb = checks.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    const drain = Math.max(...tgs.map(tg => num(tg?.inputs.deregistrationDelay) ?? AWS_DEFAULTS.deregistrationDelaySeconds));
    const start = Math.max(AWS_DEFAULTS.containerStartPeriodSeconds, ...essentialContainers(service).map(c => num(c.healthCheck?.startPeriod) ?? 0));
    const grace = graceOf(service);
    const health = Math.max(grace, start + lb.seconds);
    const drainFix = drain > 30 ? "set deregistrationDelaySeconds to 30" : "lower deregistrationDelaySeconds to your longest request (e.g. 10)";
    const parts: Part[] = [
        { key: "drain", label: `deregistration delay ${drain} s`, seconds: drain, fix: drainFix },
        ...healthParts(grace, start + lb.seconds, [
            { key: "checks", label: `target group health checks ${lb.interval} s × ${lb.threshold} = ${lb.seconds} s`, seconds: lb.seconds, fix: "lower healthCheckIntervalSeconds or healthyThreshold (e.g. 10 s × 2)" },
            { key: "start", label: `container start period ${start} s`, seconds: start, fix: "lower containerStartPeriodSeconds to the app's real start time" },
        ]),
        pull,
    ];
    const seconds = PULL_AND_START_SECONDS + health + drain;
    return {
        parts,
        seconds,
        grace,
        description: `${PULL_AND_START_SECONDS} s start + ${health} s health (max of grace ${grace} s, start period ${start} s + target group checks ${lb.seconds} s) + ${drain} s drain = ${seconds} s`,
        health,
        healthText: `max of grace ${grace} s, start period ${start} s + target group checks ${lb.seconds} s`,
        release: drain,
    };
}

/**
 * A worker's wave (a service with no load balancer): PULL_AND_START_SECONDS + max(grace, ready) + stop,
 * where ready is the essential containers' latest startPeriod + check interval (healthy at the first passing
 * check after the start period; ECS default interval 30 s), or ECS's 40 s wait when no essential container
 * has a health check, and stop is the largest stopTimeout of the essential containers (default 30 s): the
 * old task finishes its unit of work after SIGTERM, at most until SIGKILL. An upper estimate.
 */
export function workerWave(service: ServiceView): Wave {
    const essential = essentialContainers(service);
    const checked = essential.filter(c => c.healthCheck !== undefined && c.healthCheck !== null);
    const grace = graceOf(service);
    const stop = stopTimeout(service);
    const stopPart: Part = { key: "stop", label: `stop timeout ${stop} s`, seconds: stop, fix: "lower stopTimeoutSeconds to the longest unit of work the worker finishes after SIGTERM" };
    let ready: number;
    let readyParts: Part[];
    let readyText: string;
    if (checked.length > 0) {
        const slowest = checked
            .map(c => ({ start: num(c.healthCheck.startPeriod) ?? AWS_DEFAULTS.containerStartPeriodSeconds, interval: num(c.healthCheck.interval) ?? AWS_DEFAULTS.containerHealthCheckIntervalSeconds }))
            .reduce((a, b) => (b.start + b.interval > a.start + a.interval ? b : a));
        ready = slowest.start + slowest.interval;
        readyText = `start period ${slowest.start} s + container check interval ${slowest.interval} s`;
        readyParts = [
            { key: "containerCheck", label: `container health check interval ${slowest.interval} s`, seconds: slowest.interval, fix: "lower the container health check's intervalSeconds (e.g. 10 s)" },
            { key: "start", label: `container start period ${slowest.start} s`, seconds: slowest.start, fix: "lower containerStartPeriodSeconds to the app's real start time" },
        ];
    } else {
        ready = AWS_DEFAULTS.noHealthCheckWaitSeconds;
        readyText = `ECS's ${ready} s wait without a container health check`;
        readyParts = [{ key: "noHealthCheck", label: readyText, seconds: ready, fix: "give the essential container a health check (ECS then waits only until it passes)" }];
    }
    const health = Math.max(grace, ready);
    const seconds = PULL_AND_START_SECONDS + health + stop;
    return {
        parts: [stopPart, ...healthParts(grace, ready, readyParts), pull],
        seconds,
        grace,
        description: `${PULL_AND_START_SECONDS} s start + ${health} s health (max of grace ${grace} s, ${readyText}) + ${stop} s stop timeout = ${seconds} s`,
        health,
        healthText: `max of grace ${grace} s, ${readyText}`,
        release: stop,
    };
}

/**
 * Rolling-deployment duration model over the resources a program run records. Pure.
 */
import { RecordedResource } from "../harness/types";
import { byArnOrOnly, containerDefinitions, ecsServices, num, ofTypes, Plain, ServiceView, TYPES } from "./recorded";

/** Seconds allowed for Fargate to provision a task, pull the image and start the container. A rule of thumb. */
export const PULL_AND_START_SECONDS = 20;

/** AWS's values when an input is unset (ALB HTTP/HTTPS target groups, ECS services, container health checks). */
export const AWS_DEFAULTS = {
    healthCheckIntervalSeconds: 30,
    healthyThreshold: 5,
    deregistrationDelaySeconds: 300,
    healthCheckGracePeriodSeconds: 0,
    containerStartPeriodSeconds: 0,
    minimumHealthyPercent: 100,
    maximumPercent: 200,
} as const;

/** Seconds per wave above which a rollout draws a warning. */
export const WAVE_BUDGET_SECONDS = { dev: 60, prod: 90 } as const;

/** One service's share of the estimate. */
export interface ServiceRollout {
    readonly service: string;
    readonly tasks: number;
    readonly tasksPerWave: number;
    readonly secondsPerWave: number;
    readonly waves: number;
    readonly totalSeconds: number;
}

/** What `estimateRollout` returns: the slowest service's figures, every service in `services`. */
export interface RolloutEstimate {
    readonly secondsPerWave: number;
    readonly waves: number;
    readonly totalSeconds: number;
    readonly services: ServiceRollout[];
    readonly notes: string[];
    readonly warnings: string[];
}

/**
 * Tasks ECS can replace at once in a rolling update of `tasks` tasks: the room above desired count that
 * maximumPercent allows (ECS rounds it down) plus the tasks minimumHealthyPercent lets it stop first (it
 * rounds the healthy floor up), at least 1.
 */
export function tasksPerWave(tasks: number, minimumHealthyPercent: number, maximumPercent: number): number {
    return Math.max(1, room(tasks, minimumHealthyPercent, maximumPercent));
}

/** Tasks ECS may start above, plus stop below, the desired count; 0 or less means a rollout cannot start. */
const room = (tasks: number, min: number, max: number): number =>
    Math.floor((tasks * max) / 100) - tasks + Math.floor((tasks * (100 - min)) / 100);

interface Part {
    readonly key: "drain" | "grace" | "checks" | "start" | "pull";
    readonly label: string;
    readonly seconds: number;
    readonly fix: string;
}

/** The parts of one wave, in the order we would rather shrink them (ties go to the earlier one). */
function waveParts(service: ServiceView, targetGroups: Plain[]): { parts: Part[]; grace: number; start: number; checks: number; health: number; drain: number } {
    const tgs = (service.inputs.loadBalancers as Array<{ targetGroupArn?: string }>).map(lb => byArnOrOnly(targetGroups, lb.targetGroupArn));
    const checks = tgs.map(tg => {
        const interval = num(tg?.inputs.healthCheck?.interval) ?? AWS_DEFAULTS.healthCheckIntervalSeconds;
        const threshold = num(tg?.inputs.healthCheck?.healthyThreshold) ?? AWS_DEFAULTS.healthyThreshold;
        return { interval, threshold, seconds: interval * threshold };
    });
    const lb = checks.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    const drain = Math.max(...tgs.map(tg => num(tg?.inputs.deregistrationDelay) ?? AWS_DEFAULTS.deregistrationDelaySeconds));
    const essential = containerDefinitions(service.taskDefinition).filter(c => c.essential !== false);
    const start = Math.max(AWS_DEFAULTS.containerStartPeriodSeconds, ...essential.map(c => num(c.healthCheck?.startPeriod) ?? 0));
    const grace = num(service.inputs.healthCheckGracePeriodSeconds) ?? AWS_DEFAULTS.healthCheckGracePeriodSeconds;
    const health = Math.max(grace, start + lb.seconds);
    const drainFix = drain > 30 ? "set deregistrationDelaySeconds to 30" : "lower deregistrationDelaySeconds to your longest request (e.g. 10)";
    const parts: Part[] = [{ key: "drain", label: `deregistration delay ${drain} s`, seconds: drain, fix: drainFix }];
    if (grace > start + lb.seconds) {
        parts.push({ key: "grace", label: `health check grace period ${grace} s`, seconds: grace, fix: `lower healthCheckGracePeriodSeconds towards the start period plus health checks (${start + lb.seconds} s)` });
    } else {
        parts.push(
            { key: "checks", label: `target group health checks ${lb.interval} s × ${lb.threshold} = ${lb.seconds} s`, seconds: lb.seconds, fix: "lower healthCheckIntervalSeconds or healthyThreshold (e.g. 10 s × 2)" },
            { key: "start", label: `container start period ${start} s`, seconds: start, fix: "lower containerStartPeriodSeconds to the app's real start time" },
        );
    }
    parts.push({ key: "pull", label: `image pull and start ${PULL_AND_START_SECONDS} s`, seconds: PULL_AND_START_SECONDS, fix: "use a smaller image" });
    return { parts, grace, start, checks: lb.seconds, health, drain };
}

/**
 * How long a rolling deployment of each ECS service behind a load balancer takes, from the recorded inputs.
 *
 * One wave = PULL_AND_START_SECONDS (20)
 *          + max(grace, startPeriod + interval × healthyThreshold)
 *          + deregistrationDelay
 * where grace is the service's healthCheckGracePeriodSeconds (default 0), startPeriod the largest
 * healthCheck.startPeriod among essential containers (default 0), interval × healthyThreshold the target
 * group's checks (ALB defaults 30 s × 5; the slowest group when several) and deregistrationDelay how long
 * the old task drains (default 300 s). The new task is assumed ready only at the end of its start period,
 * the load balancer is assumed to want healthyThreshold passes, and the wave is assumed not to end before
 * the grace period does: all three make the figure an upper estimate (AWS documents that a newly
 * registered ALB target needs one passing check, and that the grace period only mutes unhealthy checks:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html). The old task's
 * stopTimeout is not counted (an app that exits on SIGTERM stops at once).
 *
 * Waves = ceil(N / tasksPerWave(N, minimumHealthyPercent, maximumPercent)), N being the scaling target's
 * minCapacity, else desiredCount, else 1; total = waves × secondsPerWave. Services deploy in parallel, so
 * the top-level figures are the slowest service's. A warning names the largest part of any wave over
 * WAVE_BUDGET_SECONDS for the environment, and how to shrink it.
 */
export function estimateRollout(resources: readonly RecordedResource[], options: { readonly environment: "dev" | "prod" }): RolloutEstimate {
    const budget = WAVE_BUDGET_SECONDS[options.environment];
    const targetGroups = ofTypes(resources, ...TYPES.targetGroups);
    const notes: string[] = [];
    const warnings: string[] = [];
    const services: ServiceRollout[] = [];
    for (const service of ecsServices(resources)) {
        if (!Array.isArray(service.inputs.loadBalancers) || service.inputs.loadBalancers.length === 0) {
            notes.push(`Service ${service.name} has no load balancer; its rollout is not modelled.`);
            continue;
        }
        if ((service.inputs.deploymentController?.type ?? "ECS") !== "ECS") {
            notes.push(`Service ${service.name} uses the ${service.inputs.deploymentController.type} deployment controller; modelled as a rolling update.`);
        }
        const min = num(service.inputs.deploymentMinimumHealthyPercent) ?? AWS_DEFAULTS.minimumHealthyPercent;
        const max = num(service.inputs.deploymentMaximumPercent) ?? AWS_DEFAULTS.maximumPercent;
        const tasks = service.tasks.min;
        const perWave = tasksPerWave(tasks, min, max);
        const { parts, grace, start, checks, health, drain } = waveParts(service, targetGroups);
        const secondsPerWave = PULL_AND_START_SECONDS + health + drain;
        const waves = Math.ceil(tasks / perWave);
        services.push({ service: service.name, tasks, tasksPerWave: perWave, secondsPerWave, waves, totalSeconds: waves * secondsPerWave });
        notes.push(
            `Service ${service.name}: ${tasks} task(s) (${service.tasks.from}), ${perWave} per wave, ${waves} wave(s) of ` +
                `${PULL_AND_START_SECONDS} s start + ${health} s health (max of grace ${grace} s, start period ${start} s + target group checks ${checks} s) + ${drain} s drain = ${secondsPerWave} s.`,
        );
        if (tasks > 0 && room(tasks, min, max) <= 0) {
            warnings.push(`Service ${service.name}: deploymentMaximumPercent ${max} with deploymentMinimumHealthyPercent ${min} leaves no room to replace a task; raise deploymentMaximumPercent to 200.`);
        }
        if (secondsPerWave > budget) {
            const top = Math.max(...parts.map(p => p.seconds));
            const [largest, ...tied] = parts.filter(p => p.seconds === top);
            const ties = tied.length > 0 ? ` (tied with ${tied.map(p => p.label).join(", ")})` : "";
            const floor = PULL_AND_START_SECONDS + grace;
            // Shrinking the other parts cannot get under the budget when the grace period alone exceeds it.
            const graceHint =
                floor > budget && largest.key !== "grace" ? ` The grace period alone holds a wave to ${floor} s; lower healthCheckGracePeriodSeconds too.` : "";
            warnings.push(
                `Service ${service.name}: a rollout wave takes ${secondsPerWave} s, over the ${budget} s ${options.environment} budget; ` +
                    `${largest.label} is the largest part${ties}; ${largest.fix}.${graceHint}`,
            );
        }
    }
    if (services.length === 0) {
        notes.push("No ECS service behind a load balancer recorded: nothing to roll out.");
    }
    const slowest = services.reduce<ServiceRollout | undefined>((a, b) => (a === undefined || b.totalSeconds > a.totalSeconds ? b : a), undefined);
    return {
        secondsPerWave: slowest?.secondsPerWave ?? 0,
        waves: slowest?.waves ?? 0,
        totalSeconds: slowest?.totalSeconds ?? 0,
        services,
        notes,
        warnings,
    };
}

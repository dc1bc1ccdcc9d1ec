/**
 * Deployment duration model over the resources a program run records: rolling updates wave by wave,
 * blue/green, canary and linear deployments phase by phase (`rolloutStrategy.ts`). Pure.
 */
import { RecordedResource } from "../harness/types";
import { deploymentInputs, EcsStrategy, STRATEGY_NAMES } from "./deploymentConfig";
import { ecsServices, Json, num, ServiceKind } from "./recorded";
import { deploymentTimings } from "./rolloutOrder";
import { StrategyRollout, strategyRollout } from "./rolloutStrategy";
import { timeoutWarnings } from "./rolloutTimeout";
import { AWS_DEFAULTS, PULL_AND_START_SECONDS, webWave, workerWave } from "./rolloutWave";
import { scheduledTasks } from "./scheduledTasks";

export { AWS_DEFAULTS, PULL_AND_START_SECONDS } from "./rolloutWave";

/** Seconds per wave above which a rollout draws a warning. */
export const WAVE_BUDGET_SECONDS = { dev: 60, prod: 90 } as const;

/** One service's share of the estimate. */
export interface ServiceRollout {
    readonly service: string;
    readonly kind: ServiceKind;
    readonly tasks: number;
    readonly tasksPerWave: number;
    readonly secondsPerWave: number;
    readonly waves: number;
    /** Its own rollout: waves × secondsPerWave. */
    readonly totalSeconds: number;
    /** Seconds into the `up` its rollout begins: 0, or when the services it waits for reach a steady state. */
    readonly startsAtSeconds: number;
    readonly finishesAtSeconds: number;
    /** The service whose steady state it waits for, when that delays it. */
    readonly after?: string;
    /** `deploymentConfiguration.strategy` as modelled (ROLLING when unset, unknown or not ECS's controller). */
    readonly strategy: EcsStrategy;
    /**
     * Blue/green, canary and linear only: the deployment's phases. Then the service is one wave of all its
     * tasks (`secondsPerWave` the scale-up) and `totalSeconds` runs until the old revision is gone, pauses
     * excluded (a lower bound when a phase is unknown).
     */
    readonly deployment?: StrategyRollout;
}

/**
 * What `estimateRollout` returns: for an `up` that changes every service, the stack's figures (the service
 * that finishes last), and every service in `services`.
 */
export interface RolloutEstimate {
    /** The slowest service's. */
    readonly secondsPerWave: number;
    /** The slowest service's. */
    readonly waves: number;
    /** Seconds until the last service finishes: the slowest service's own rollout, plus what it waits for. */
    readonly totalSeconds: number;
    /** The service that finishes last; undefined with no service. */
    readonly slowestService?: string;
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

/** Why a service is modelled as a rolling update: its config says so, ECS defaults to it, or a note above explains. */
function rollingSetBy(inputs: Json): string {
    const raw = inputs.deploymentConfiguration?.strategy;
    if ((inputs.deploymentController?.type ?? "ECS") !== "ECS" || (raw !== undefined && String(raw).toUpperCase() !== "ROLLING")) return "assumed, see above";
    return raw === undefined ? "ECS's default" : "deploymentConfiguration.strategy";
}

const PHASE_NAMES = { scaleUp: "the scale-up", testTraffic: "the test traffic shift", productionTraffic: "the production traffic shift", bake: "the bake time", cleanup: "the clean-up" } as const;

/** One line for a blue/green, canary or linear service: when traffic has moved, when the old revision is gone, what dominates. */
function strategySummary(name: string, tasks: number, from: string, d: StrategyRollout): string {
    const at = (s: number | null) => (s === null ? "an unknown time" : `${s} s`);
    const dominant = d.phases.find(p => p.key === d.dominantPhase)!;
    const pauses = d.pauses.length === 0 ? "" : `, pauses excluded (they can add ${d.pauseCapSeconds === null ? "an unknown time" : `up to ${d.pauseCapSeconds} s`})`;
    const bound = d.completeSeconds === null ? ` (at least ${d.knownSeconds} s)` : "";
    return (
        `Service ${name}: deployment strategy ${d.strategy} (${STRATEGY_NAMES[d.strategy]}), ${tasks} task(s) (${from}): ` +
        `traffic fully on the new revision at ${at(d.trafficShiftedSeconds)}, old revision gone at ${at(d.completeSeconds)}${bound}${pauses}; ` +
        (d.completeSeconds === null ? `of the known phases, ${PHASE_NAMES[d.dominantPhase]} is the longest (${dominant.seconds} s).` : `${PHASE_NAMES[d.dominantPhase]} dominates (${dominant.seconds} s).`)
    );
}

/**
 * How long a rolling deployment of each ECS service takes, from the recorded inputs, and of the stack in an
 * `up` that changes every service.
 *
 * A web service's wave (behind target groups) = PULL_AND_START_SECONDS (20)
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
 * A worker's wave (no load balancer) = 20 + max(grace, start period + container check interval, or ECS's
 * 40 s without a container health check) + the old task's stopTimeout (see `workerWave`).
 *
 * Waves = ceil(N / tasksPerWave(N, minimumHealthyPercent, maximumPercent)), N being the scaling target's
 * minCapacity, else desiredCount, else 1; a service's rollout = waves × secondsPerWave. Services deploy in
 * parallel unless one depends on another that waits for a steady state (`rolloutOrder.ts`); the stack's
 * rollout ends when the last service finishes, and the top-level figures are that service's. Scheduled
 * tasks are not rolled out: their next run starts the new task definition. A warning names the largest
 * part of any wave over WAVE_BUDGET_SECONDS for the environment, and how to shrink it.
 *
 * A service whose `deploymentConfiguration.strategy` is BLUE_GREEN, CANARY or LINEAR is modelled phase by
 * phase instead (`rolloutStrategy.ts`): its rollout runs until the old revision is gone, pauses excluded;
 * a note says when traffic is fully on the new revision and which phase dominates. The wave budget does
 * not apply to it (its old tasks keep serving until traffic has moved); a warning says instead when
 * `pulumi up` would stop waiting for it before it ends (`rolloutTimeout.ts`).
 */
export function estimateRollout(resources: readonly RecordedResource[], options: { readonly environment: "dev" | "prod" }): RolloutEstimate {
    const budget = WAVE_BUDGET_SECONDS[options.environment];
    const notes: string[] = [];
    const warnings: string[] = [];
    const own = ecsServices(resources).map(service => {
        if ((service.inputs.deploymentController?.type ?? "ECS") !== "ECS") {
            notes.push(`Service ${service.name} uses the ${service.inputs.deploymentController.type} deployment controller; modelled as a rolling update.`);
        }
        const inputs = deploymentInputs(service.inputs);
        const { strategy } = inputs;
        if (strategy !== "ROLLING") {
            const wave = service.kind === "web" ? webWave(service) : workerWave(service);
            const deployment = strategyRollout(service, strategy, inputs, wave);
            notes.push(strategySummary(service.name, service.tasks.min, service.tasks.from, deployment));
            const seconds = deployment.completeSeconds ?? deployment.knownSeconds;
            const scaleUp = deployment.phases[0].seconds ?? 0;
            const waitsForSteadyState = service.inputs.waitForSteadyState === true || service.inputs.waitForSteadyState === "true";
            warnings.push(...timeoutWarnings(service.name, deployment, service.resource.opts.customTimeouts.updateSeconds, waitsForSteadyState));
            const tasks = service.tasks.min;
            return { urn: service.resource.urn, name: service.name, kind: service.kind, tasks, tasksPerWave: tasks, secondsPerWave: scaleUp, waves: 1, seconds, waitsForSteadyState, strategy, deployment };
        }
        inputs.notes.forEach(n => notes.push(`Service ${service.name}: ${n}.`));
        const min = num(service.inputs.deploymentMinimumHealthyPercent) ?? AWS_DEFAULTS.minimumHealthyPercent;
        const max = num(service.inputs.deploymentMaximumPercent) ?? AWS_DEFAULTS.maximumPercent;
        const tasks = service.tasks.min;
        const perWave = tasksPerWave(tasks, min, max);
        const wave = service.kind === "web" ? webWave(service) : workerWave(service);
        const waves = Math.ceil(tasks / perWave);
        const kind = service.kind === "worker" ? " (worker, no load balancer)" : "";
        notes.push(`Service ${service.name}${kind}: ${tasks} task(s) (${service.tasks.from}), ${perWave} per wave, ${waves} wave(s) of ${wave.description}.`);
        if (tasks > 0 && room(tasks, min, max) <= 0) {
            warnings.push(`Service ${service.name}: deploymentMaximumPercent ${max} with deploymentMinimumHealthyPercent ${min} leaves no room to replace a task; raise deploymentMaximumPercent to 200.`);
        }
        if (wave.seconds > budget) {
            const top = Math.max(...wave.parts.map(p => p.seconds));
            const [largest, ...tied] = wave.parts.filter(p => p.seconds === top);
            const ties = tied.length > 0 ? ` (tied with ${tied.map(p => p.label).join(", ")})` : "";
            const floor = PULL_AND_START_SECONDS + wave.grace;
            // Shrinking the other parts cannot get under the budget when the grace period alone exceeds it.
            const graceHint =
                floor > budget && largest.key !== "grace" ? ` The grace period alone holds a wave to ${floor} s; lower healthCheckGracePeriodSeconds too.` : "";
            warnings.push(
                `Service ${service.name}: a rollout wave takes ${wave.seconds} s, over the ${budget} s ${options.environment} budget; ` +
                    `${largest.label} is the largest part${ties}; ${largest.fix}.${graceHint}`,
            );
        }
        const waitsForSteadyState = service.inputs.waitForSteadyState === true || service.inputs.waitForSteadyState === "true";
        notes.push(`Service ${service.name}: deployment strategy ROLLING (${rollingSetBy(service.inputs)}): the waves above.`);
        return { urn: service.resource.urn, name: service.name, kind: service.kind, tasks, tasksPerWave: perWave, secondsPerWave: wave.seconds, waves, seconds: waves * wave.seconds, waitsForSteadyState, strategy, deployment: undefined };
    });
    const timings = deploymentTimings(resources, own);
    const services: ServiceRollout[] = own.map(s => {
        const t = timings.get(s.urn)!;
        return {
            service: s.name,
            kind: s.kind,
            tasks: s.tasks,
            tasksPerWave: s.tasksPerWave,
            secondsPerWave: s.secondsPerWave,
            waves: s.waves,
            totalSeconds: s.seconds,
            startsAtSeconds: t.startsAtSeconds,
            finishesAtSeconds: t.finishesAtSeconds,
            ...(t.after === undefined ? {} : { after: t.after }),
            strategy: s.strategy,
            ...(s.deployment === undefined ? {} : { deployment: s.deployment }),
        };
    });
    for (const s of services.filter(s => s.after !== undefined)) {
        notes.push(`Service ${s.service} depends on service ${s.after}, which waits for a steady state: its rollout starts at ${s.startsAtSeconds} s and ends at ${s.finishesAtSeconds} s.`);
    }
    for (const task of scheduledTasks(resources)) {
        notes.push(`Scheduled task ${task.name}: not rolled out; its next run starts the new task definition.`);
    }
    const slowest = services.reduce<ServiceRollout | undefined>((a, b) => (a === undefined || b.finishesAtSeconds > a.finishesAtSeconds ? b : a), undefined);
    if (services.length === 0) {
        notes.push("No ECS service recorded: nothing to roll out.");
    } else if (services.length > 1) {
        notes.push(`Stack: ${services.length} services roll out in parallel unless one waits for another; the slowest, ${slowest!.service}, ends at ${slowest!.finishesAtSeconds} s.`);
    }
    return {
        secondsPerWave: slowest?.secondsPerWave ?? 0,
        waves: slowest?.waves ?? 0,
        totalSeconds: slowest?.finishesAtSeconds ?? 0,
        ...(slowest === undefined ? {} : { slowestService: slowest.service }),
        services,
        notes,
        warnings,
    };
}

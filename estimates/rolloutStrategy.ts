/**
 * How long a blue/green, canary or linear deployment of an ECS service takes, phase by phase. Pure.
 *
 * ECS runs these deployments in stages (developer guide, "Amazon ECS blue/green service deployments
 * workflow", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-how-it-works.html,
 * and the lifecycle stages of `DeploymentLifecycleHook`, API reference): SCALE_UP starts the new (green)
 * revision at the full task count beside the old (blue) one; TEST_TRAFFIC_SHIFT points the test listener
 * rule at green; PRODUCTION_TRAFFIC_SHIFT moves production traffic (blue/green in one shift; canary: the
 * canary percent, the canary bake, then the rest,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CanaryConfiguration.html; linear: equal steps
 * with the step bake between them and none after 100 %,
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinearConfiguration.html); BAKE_TIME keeps
 * both revisions running for `bakeTimeInMinutes`; CLEAN_UP stops blue. The phases here follow those stages:
 *
 * - scale-up: PULL_AND_START_SECONDS + the health term of the rolling wave (max of grace, start period +
 *   target group checks; a worker's container check), once: every green task starts at once;
 * - test traffic shift (only with a test listener rule): 0 s, ECS rewrites the rule's weights;
 * - production traffic shift: blue/green 0 s; canary canaryBake; linear (ceil(100 / stepPercent) − 1) ×
 *   stepBake;
 * - bake: bakeTimeInMinutes;
 * - clean-up: blue's deregistration delay + its stop timeout (an upper bound: an app that exits on SIGTERM
 *   stops at once); a worker's stop timeout alone.
 *
 * Hooks are not added to the figures. A Lambda hook adds its run time, unknown offline: the notes name it.
 * A pause hook waits for someone to call ContinueServiceDeployment, up to its timeout (1440 min by default):
 * counting that cap would turn every figure into "a day or more" and hide the parts a team can shorten, so
 * the figures exclude pauses and `pauseCapSeconds` states, apart, the most the pauses can add.
 */
import { DeploymentInputs, deploymentInputs, EcsStrategy, HookInputs, Setting, STRATEGY_NAMES } from "./deploymentConfig";
import { ServiceView } from "./recorded";
import { PULL_AND_START_SECONDS, stopTimeout, Wave, webWave, workerWave } from "./rolloutWave";

/** Phases of a non-rolling deployment, in ECS's order. */
export type PhaseKey = "scaleUp" | "testTraffic" | "productionTraffic" | "bake" | "cleanup";

/** One phase: its length (null when a setting it depends on is unknown) and how it is made up. */
export interface RolloutPhase {
    readonly key: PhaseKey;
    readonly label: string;
    readonly seconds: number | null;
    readonly detail: string;
}

/** A pause hook: how many times it can pause a deployment and the most it can add. */
export interface PauseHook {
    readonly stages: readonly string[];
    /** Pauses per deployment (a hook at a per-shift stage pauses before every shift); null when unknown. */
    readonly times: number | null;
    readonly timeoutMinutes: number | null;
    readonly action: string;
    /** times × timeout; null when either is unknown. */
    readonly capSeconds: number | null;
}

/** A blue/green, canary or linear deployment of one service. Seconds exclude pauses (see `pauseCapSeconds`). */
export interface StrategyRollout {
    readonly strategy: Exclude<EcsStrategy, "ROLLING">;
    readonly phases: readonly RolloutPhase[];
    /** Production traffic shifts (1 for blue/green); null when unknown. */
    readonly trafficShifts: number | null;
    /** Seconds until all production traffic is on the new revision; null when a phase before is unknown. */
    readonly trafficShiftedSeconds: number | null;
    /** Seconds until the old revision is gone (the deployment is complete); null when a phase is unknown. */
    readonly completeSeconds: number | null;
    /** The sum of the known phases: `completeSeconds` when all are known, else a lower bound. */
    readonly knownSeconds: number;
    /** The longest known phase. */
    readonly dominantPhase: PhaseKey;
    readonly pauses: readonly PauseHook[];
    /** The most all pauses can add (their timeouts); 0 without pause hooks, null when a timeout is unknown. */
    readonly pauseCapSeconds: number | null;
    readonly notes: readonly string[];
}

/** Stages ECS enters at every production traffic shift of a canary or linear deployment (`lifecycleStages`, API reference). */
const PER_SHIFT_STAGES = ["PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"];

/** One decimal place, as ECS takes percentages (multiples of 0.1). */
const tenths = (n: number): number => Math.round(n * 10) / 10;

/**
 * Production traffic shifts of a linear deployment of `stepPercent` % per step: ceil(100 / stepPercent),
 * in tenths of a percent so that 3.3 reads as 33/1000 and not a float just above it.
 */
export const linearShifts = (stepPercent: number): number => Math.ceil(1000 / Math.max(1, Math.round(stepPercent * 10)));

const minutes = (s: Setting): number | null => (s.value === null ? null : s.value * 60);

/** The production traffic shift phase and how many shifts it makes. */
function productionShift(strategy: StrategyRollout["strategy"], d: DeploymentInputs): { phase: RolloutPhase; shifts: number | null } {
    const label = "production traffic shift";
    if (strategy === "BLUE_GREEN") {
        return { phase: { key: "productionTraffic", label, seconds: 0, detail: "one shift of 100 %" }, shifts: 1 };
    }
    if (strategy === "CANARY") {
        const p = d.canary.percent.value;
        if (p !== null && (p < 0.1 || p > 100)) {
            return { phase: { key: "productionTraffic", label, seconds: null, detail: `${d.canary.percent.text}, outside the 0.1 to 100 ECS accepts: shifts unknown` }, shifts: null };
        }
        if (p !== null && p >= 100) {
            return { phase: { key: "productionTraffic", label, seconds: 0, detail: `${d.canary.percent.text}: one shift of 100 %, no canary bake after it` }, shifts: 1 };
        }
        const rest = p === null ? "the rest" : `the remaining ${tenths(100 - p)} %`;
        const bake = d.canary.bake.value;
        return {
            phase: {
                key: "productionTraffic",
                label,
                seconds: minutes(d.canary.bake),
                detail: `${p === null ? "an unknown share" : `${tenths(p)} %`} first (${d.canary.percent.text}), ${bake ?? "unknown"} min canary bake (${d.canary.bake.text}), then ${rest}`,
            },
            shifts: 2,
        };
    }
    const step = d.linear.stepPercent.value;
    if (step === null || step < 3 || step > 100) {
        const why = step === null ? "" : ", outside the 3 to 100 ECS accepts";
        return { phase: { key: "productionTraffic", label, seconds: null, detail: `${d.linear.stepPercent.text}${why}: steps unknown` }, shifts: null };
    }
    const shifts = linearShifts(step);
    const bake = d.linear.stepBake.value;
    const last = tenths(100 - step * (shifts - 1));
    const lastText = last === tenths(step) ? "" : ` (the last ${last} %)`;
    return {
        phase: {
            key: "productionTraffic",
            label,
            seconds: bake === null ? null : (shifts - 1) * bake * 60,
            detail: `${shifts} shift(s) of ${tenths(step)} %${lastText} (${d.linear.stepPercent.text}), ${shifts - 1} step bake(s) of ${bake ?? "unknown"} min between them (${d.linear.stepBake.text}), none after 100 %`,
        },
        shifts,
    };
}

/** How many times a hook at `stages` runs in one deployment of `shifts` production shifts. */
function hookTimes(hook: HookInputs, shifts: number | null): number | null {
    const perShift = hook.stages.filter(s => PER_SHIFT_STAGES.includes(s)).length;
    if (perShift > 0 && shifts === null) return null;
    return hook.stages.length - perShift + perShift * (shifts ?? 0);
}

function hookNotes(hooks: readonly HookInputs[], shifts: number | null): { pauses: PauseHook[]; notes: string[] } {
    const pauses: PauseHook[] = [];
    const notes: string[] = [];
    for (const hook of hooks) {
        const times = hookTimes(hook, shifts);
        const stages = hook.stages.length > 0 ? hook.stages.join(", ") : "no stage";
        const repeat = times !== null && times > 1 ? `, ${times} times a deployment` : times === null ? ", an unknown number of times" : "";
        const reconcile = hook.stages.includes("RECONCILE_SERVICE") ? " (RECONCILE_SERVICE runs only when a deployment starts with more than one active revision)" : "";
        const cap = `at most ${hook.timeout.value ?? "an unknown number of"} min each (${hook.timeout.text}), then ${hook.action}`;
        if (hook.type === "PAUSE") {
            const timeout = hook.timeout.value;
            const capSeconds = times === null || timeout === null ? null : times * timeout * 60;
            pauses.push({ stages: hook.stages, times, timeoutMinutes: timeout, action: hook.action, capSeconds });
            notes.push(
                `pause hook at ${stages}${repeat}${reconcile}: waits for ContinueServiceDeployment, ${cap}; ` +
                    `not in the figures: up to ${capSeconds === null ? "an unknown time" : `${capSeconds} s`} more.`,
            );
        } else {
            notes.push(`Lambda hook at ${stages}${repeat}${reconcile}: adds its run time (ECS calls it again every 30 s, or its callBackDelay, while it answers IN_PROGRESS), ${cap}.`);
        }
    }
    return { pauses, notes };
}

const sumOrNull = (phases: readonly RolloutPhase[]): number | null =>
    phases.some(p => p.seconds === null) ? null : phases.reduce((sum, p) => sum + (p.seconds ?? 0), 0);

/**
 * The phases of `service`'s blue/green, canary or linear deployment, `wave` being its rolling wave (whose
 * health term the scale-up shares) and `d` its deployment inputs.
 */
export function strategyRollout(service: ServiceView, strategy: StrategyRollout["strategy"], d: DeploymentInputs, wave: Wave): StrategyRollout {
    const tasks = service.tasks.min;
    const web = service.kind === "web";
    const stop = stopTimeout(service);
    // Without a load balancer or Service Connect ECS has no traffic to move (a "headless" deployment).
    const shiftsTraffic = web || service.inputs.serviceConnectConfiguration?.enabled === true;
    const { phase: production, shifts } = shiftsTraffic
        ? productionShift(strategy, d)
        : { phase: { key: "productionTraffic", label: "production traffic shift", seconds: 0, detail: "no load balancer or Service Connect: no traffic to move" } as RolloutPhase, shifts: 0 };
    const phases: RolloutPhase[] = [
        {
            key: "scaleUp",
            label: `scale-up of the new revision to ${tasks} task(s)`,
            seconds: PULL_AND_START_SECONDS + wave.health,
            detail: `${PULL_AND_START_SECONDS} s start + ${wave.health} s health (${wave.healthText}); every task starts at once`,
        },
        ...(d.testListenerRule ? [{ key: "testTraffic", label: "test traffic shift", seconds: 0, detail: "ECS points the test listener rule at the new revision" } as RolloutPhase] : []),
        production,
        { key: "bake", label: "bake time", seconds: minutes(d.bake), detail: `${d.bake.text}: both revisions run` },
        {
            key: "cleanup",
            label: "old revision drained and stopped",
            seconds: web ? wave.release + stop : stop,
            detail: web ? `deregistration delay ${wave.release} s + stop timeout ${stop} s` : `stop timeout ${stop} s`,
        },
    ];
    const notes = [...d.notes];
    if (!shiftsTraffic) {
        notes.push(`${STRATEGY_NAMES[strategy]} without a load balancer or Service Connect: ECS shifts no traffic; only the scale-up, bake and clean-up take time`);
    }
    const unknown = phases.filter(p => p.seconds === null);
    if (unknown.length > 0) {
        notes.push(`${unknown.map(p => p.label).join(", ")} unknown: the figures are a lower bound`);
    }
    const hooks = hookNotes(d.hooks, shifts);
    const shiftEnd = phases.findIndex(p => p.key === "productionTraffic") + 1;
    const dominant = phases.reduce((a, b) => ((b.seconds ?? -1) > (a.seconds ?? -1) ? b : a));
    const caps = hooks.pauses.map(p => p.capSeconds);
    return {
        strategy,
        phases,
        trafficShifts: shifts,
        trafficShiftedSeconds: sumOrNull(phases.slice(0, shiftEnd)),
        completeSeconds: sumOrNull(phases),
        knownSeconds: phases.reduce((sum, p) => sum + (p.seconds ?? 0), 0),
        dominantPhase: dominant.key,
        pauses: hooks.pauses,
        pauseCapSeconds: caps.some(c => c === null) ? null : caps.reduce<number>((sum, c) => sum + (c ?? 0), 0),
        notes: [...notes, ...hooks.notes],
    };
}

/** The phases of `service`'s deployment, or undefined when it is a rolling update. */
export function serviceStrategyRollout(service: ServiceView): StrategyRollout | undefined {
    const inputs = deploymentInputs(service.inputs);
    if (inputs.strategy === "ROLLING") return undefined;
    return strategyRollout(service, inputs.strategy, inputs, service.kind === "web" ? webWave(service) : workerWave(service));
}

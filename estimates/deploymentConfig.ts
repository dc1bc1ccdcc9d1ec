/**
 * How an ECS service deploys, read from its recorded inputs (`deploymentConfiguration`,
 * `loadBalancers[].advancedConfiguration`), so the rollout and cost models work for any program, not only
 * ours. Pure. Numbers may arrive as strings (the AWS provider types `bakeTimeInMinutes` and the canary and
 * linear minutes as strings); a value not known until deploy, or one that cannot be read, is `null` and
 * said so, never guessed.
 *
 * Defaults are ECS's (`ECS_DEPLOYMENT_DEFAULTS` in policy/facts/ecsDeployments.ts; API reference, `CanaryConfiguration`, `LinearConfiguration`,
 * `DeploymentLifecycleHook`, `DeploymentLifecycleHookTimeoutConfiguration`):
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CanaryConfiguration.html (canaryPercent 5,
 * canaryBakeTimeInMinutes 10), https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinearConfiguration.html
 * (stepPercent 10, stepBakeTimeInMinutes 6), hook targetType AWS_LAMBDA, timeoutInMinutes 1440, action
 * ROLLBACK. `bakeTimeInMinutes` has no documented default ("you must provide this parameter when you use the
 * BLUE_GREEN deployment strategy", API_DeploymentConfiguration): unset, it is unknown.
 */
import { UNKNOWN } from "../harness/serialisation";
import { ECS_DEPLOYMENT_DEFAULTS as DEFAULTS, ECS_DEPLOYMENT_STRATEGIES, EcsDeploymentStrategy } from "../policy/facts/ecsDeployments";
import { Json, num } from "./recorded";

/** `deploymentConfiguration.strategy` as ECS spells it. */
export type EcsStrategy = EcsDeploymentStrategy;

const STRATEGIES: readonly EcsStrategy[] = ECS_DEPLOYMENT_STRATEGIES;

/** How each strategy reads in the report. */
export const STRATEGY_NAMES: Readonly<Record<EcsStrategy, string>> = { ROLLING: "rolling update", BLUE_GREEN: "blue/green", CANARY: "canary", LINEAR: "linear" };

/** One numeric setting: its value (null when unknown) and how the report spells it (`bakeTimeInMinutes 10`). */
export interface Setting {
    readonly value: number | null;
    readonly text: string;
}

/** A lifecycle hook as ECS runs it. */
export interface HookInputs {
    readonly type: "AWS_LAMBDA" | "PAUSE";
    /** Stages as given (strings other than ECS's are kept, to be named in the notes). */
    readonly stages: readonly string[];
    readonly timeout: Setting;
    readonly action: string;
}

/** A service's deployment as the models read it. */
export interface DeploymentInputs {
    readonly strategy: EcsStrategy;
    /** Minutes both revisions run after production traffic moved (`bakeTimeInMinutes`). */
    readonly bake: Setting;
    readonly canary: { readonly percent: Setting; readonly bake: Setting };
    readonly linear: { readonly stepPercent: Setting; readonly stepBake: Setting };
    readonly hooks: readonly HookInputs[];
    /** A `loadBalancers[].advancedConfiguration.testListenerRule` is set (known or not yet known). */
    readonly testListenerRule: boolean;
    /** What the reading assumed (strategy unknown, values unreadable …), for the estimate's notes. */
    readonly notes: readonly string[];
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null || v === "";

/** `key` of `from` as a number; absent: ECS's default when it has one, else unknown. */
export function setting(from: Json | undefined, key: string, ecsDefault?: number): Setting {
    const raw = from?.[key];
    if (absent(raw)) {
        return ecsDefault === undefined ? { value: null, text: `${key} unknown (not set)` } : { value: ecsDefault, text: `${key} ${ecsDefault} (ECS default)` };
    }
    if (raw === UNKNOWN) {
        return { value: null, text: `${key} unknown until deploy` };
    }
    const value = num(raw);
    return value === undefined ? { value: null, text: `${key} unknown (${JSON.stringify(raw)} is not a number)` } : { value, text: `${key} ${value}` };
}

function readStrategy(inputs: Json, notes: string[]): EcsStrategy {
    const controller = inputs.deploymentController?.type ?? "ECS";
    const raw = isObject(inputs.deploymentConfiguration) ? inputs.deploymentConfiguration.strategy : undefined;
    // Another controller (CODE_DEPLOY, EXTERNAL) owns the deployment; the rollout model says so already.
    if (controller !== "ECS" || absent(raw)) return "ROLLING";
    if (raw === UNKNOWN) {
        notes.push("deploymentConfiguration.strategy is unknown until deploy; modelled as a rolling update");
        return "ROLLING";
    }
    if ((STRATEGIES as readonly string[]).includes(String(raw))) return raw as EcsStrategy;
    // The provider validates the strategy case-sensitively: "blue_green" is refused, not deployed blue/green.
    const known = (STRATEGIES as readonly string[]).includes(String(raw).toUpperCase());
    notes.push(
        known
            ? `deploymentConfiguration.strategy ${JSON.stringify(raw)} is refused by the AWS provider (it takes ${STRATEGIES.join(", ")} exactly, in capitals); modelled as a rolling update`
            : `deploymentConfiguration.strategy ${JSON.stringify(raw)} is not one ECS knows (${STRATEGIES.join(", ")}); modelled as a rolling update`,
    );
    return "ROLLING";
}

function readHooks(config: Json | undefined): HookInputs[] {
    const hooks: unknown[] = Array.isArray(config?.lifecycleHooks) ? config.lifecycleHooks : [];
    return hooks.filter(isObject).map(hook => {
        const timeoutConfig = isObject(hook.timeoutConfiguration) ? hook.timeoutConfiguration : undefined;
        const stages = Array.isArray(hook.lifecycleStages) ? hook.lifecycleStages.map(stage => (stage === UNKNOWN ? "(a stage unknown until deploy)" : String(stage))) : [];
        return {
            type: String(hook.targetType ?? "AWS_LAMBDA").toUpperCase() === "PAUSE" ? "PAUSE" : "AWS_LAMBDA",
            stages,
            timeout: setting(timeoutConfig, "timeoutInMinutes", DEFAULTS.hookTimeoutInMinutes),
            action: typeof timeoutConfig?.action === "string" && timeoutConfig.action !== UNKNOWN ? timeoutConfig.action : "ROLLBACK",
        };
    });
}

/** The deployment of a service whose recorded inputs are `inputs`. */
export function deploymentInputs(inputs: Json): DeploymentInputs {
    const notes: string[] = [];
    const strategy = readStrategy(inputs, notes);
    const config = isObject(inputs.deploymentConfiguration) ? inputs.deploymentConfiguration : undefined;
    const canary = isObject(config?.canaryConfiguration) ? config.canaryConfiguration : undefined;
    const linear = isObject(config?.linearConfiguration) ? config.linearConfiguration : undefined;
    const entries: unknown[] = Array.isArray(inputs.loadBalancers) ? inputs.loadBalancers : [];
    const testListenerRule = entries.some(e => isObject(e) && isObject(e.advancedConfiguration) && !absent(e.advancedConfiguration.testListenerRule));
    return {
        strategy,
        bake: setting(config, "bakeTimeInMinutes"),
        canary: { percent: setting(canary, "canaryPercent", DEFAULTS.canaryPercent), bake: setting(canary, "canaryBakeTimeInMinutes", DEFAULTS.canaryBakeTimeInMinutes) },
        linear: { stepPercent: setting(linear, "stepPercent", DEFAULTS.stepPercent), stepBake: setting(linear, "stepBakeTimeInMinutes", DEFAULTS.stepBakeTimeInMinutes) },
        hooks: readHooks(config),
        testListenerRule,
        notes,
    };
}

/**
 * What ECS accepts for a service's deployment strategy: the strategy and controller names, the lifecycle
 * stages and hook types, and the documented value ranges of bake times, canary and linear steps and hook
 * timeouts. One owner for the policies, the components and the loader. Pure, with no import.
 *
 * Sources (checked 2026-11-30):
 * - ECS API reference, `DeploymentConfiguration`, `CanaryConfiguration` ("multiples of 0.1 from 0.1 to
 *   100.0", bake "0 to 1440 minutes"), `LinearConfiguration` ("multiples of 0.1 from 3.0 to 100.0"),
 *   `DeploymentLifecycleHook` ("PAUSE hooks cannot be configured at TEST_TRAFFIC_SHIFT or
 *   PRODUCTION_TRAFFIC_SHIFT stages"; `hookTargetArn` "must be provided" for AWS_LAMBDA),
 *   `DeploymentLifecycleHookTimeoutConfiguration`, as shipped in `@aws-sdk/client-ecs` 3.1164
 *   (`dist-types/models/models_0.d.ts`, `enums.d.ts`): https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html
 * - `@pulumi/aws` 7.48 `ecs.Service` inputs (`types/input.d.ts`): bake times and hook timeouts are strings,
 *   `timeoutInMinutes` 1-20160; the provider validates `strategy` and the controller `type` against these
 *   enums, case-sensitively (terraform-provider-aws `internal/service/ecs/service.go`, `enum.Validate`).
 */

/** `deploymentConfiguration.strategy` values, exactly as the provider and ECS accept them. */
export const ECS_DEPLOYMENT_STRATEGIES = ["ROLLING", "BLUE_GREEN", "LINEAR", "CANARY"] as const;
export type EcsDeploymentStrategy = (typeof ECS_DEPLOYMENT_STRATEGIES)[number];

/** The strategies that shift traffic between two target groups (ECS's blue/green family). */
export const TRAFFIC_SHIFTING_STRATEGIES: readonly EcsDeploymentStrategy[] = ["BLUE_GREEN", "LINEAR", "CANARY"];

/** `deploymentController.type` values; ECS is the default and the only one that runs the strategies above. */
export const ECS_DEPLOYMENT_CONTROLLERS = ["ECS", "CODE_DEPLOY", "EXTERNAL"] as const;

/** `lifecycleHooks[].lifecycleStages` values. */
export const ECS_LIFECYCLE_STAGES = [
    "RECONCILE_SERVICE",
    "PRE_SCALE_UP",
    "POST_SCALE_UP",
    "TEST_TRAFFIC_SHIFT",
    "POST_TEST_TRAFFIC_SHIFT",
    "PRE_PRODUCTION_TRAFFIC_SHIFT",
    "PRODUCTION_TRAFFIC_SHIFT",
    "POST_PRODUCTION_TRAFFIC_SHIFT",
] as const;

export type EcsLifecycleStage = (typeof ECS_LIFECYCLE_STAGES)[number];

/**
 * Stages ECS accepts that the pinned provider does not list yet: `@pulumi/aws` 7.48.0
 * `ServiceDeploymentConfigurationLifecycleHook.lifecycleStages` ("Valid values: RECONCILE_SERVICE, …,
 * POST_PRODUCTION_TRAFFIC_SHIFT", `types/input.d.ts`).
 */
export const PROVIDER_MISSING_STAGES = ["PRE_PRODUCTION_TRAFFIC_SHIFT"] as const;

/** A stage the pinned provider accepts. */
export type ProviderLifecycleStage = Exclude<EcsLifecycleStage, (typeof PROVIDER_MISSING_STAGES)[number]>;

/** The stages the pinned provider accepts, in the order a deployment reaches them. */
export const PROVIDER_LIFECYCLE_STAGES: readonly ProviderLifecycleStage[] = ECS_LIFECYCLE_STAGES.filter(
    (s): s is ProviderLifecycleStage => !(PROVIDER_MISSING_STAGES as readonly string[]).includes(s),
);

/** Stages at which only AWS_LAMBDA hooks may run: a PAUSE hook there is refused. */
export const PAUSE_FORBIDDEN_STAGES: readonly string[] = ["TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"];

/** `lifecycleHooks[].targetType` values; unset means AWS_LAMBDA. */
export const ECS_HOOK_TARGET_TYPES = ["AWS_LAMBDA", "PAUSE"] as const;

/** `lifecycleHooks[].timeoutConfiguration.action` values; unset means ROLLBACK. */
export const ECS_HOOK_TIMEOUT_ACTIONS = ["ROLLBACK", "CONTINUE"] as const;

/** An inclusive range; `step` when ECS accepts only multiples of it. */
export interface ValueRange {
    readonly min: number;
    readonly max: number;
    readonly step?: number;
    /** True when only whole numbers are accepted. */
    readonly integer?: boolean;
}

/** `bakeTimeInMinutes`, `canaryBakeTimeInMinutes`, `stepBakeTimeInMinutes`: whole minutes, up to 24 hours. */
export const BAKE_TIME_MINUTES: ValueRange = { min: 0, max: 1440, integer: true };

/** `canaryConfiguration.canaryPercent`: multiples of 0.1 from 0.1 to 100. */
export const CANARY_PERCENT: ValueRange = { min: 0.1, max: 100, step: 0.1 };

/** `linearConfiguration.stepPercent`: multiples of 0.1 from 3 to 100. */
export const LINEAR_STEP_PERCENT: ValueRange = { min: 3, max: 100, step: 0.1 };

/**
 * What ECS uses when a setting is left out (API reference: `CanaryConfiguration`, `LinearConfiguration`,
 * `DeploymentLifecycleHookTimeoutConfiguration`). `bakeTimeInMinutes` has none: BLUE_GREEN must give it.
 */
export const ECS_DEPLOYMENT_DEFAULTS = {
    canaryPercent: 5,
    canaryBakeTimeInMinutes: 10,
    stepPercent: 10,
    stepBakeTimeInMinutes: 6,
    hookTimeoutInMinutes: 1440,
} as const;

/** `lifecycleHooks[].timeoutConfiguration.timeoutInMinutes`: whole minutes, 1 to 14 days. */
export const HOOK_TIMEOUT_MINUTES: ValueRange = { min: 1, max: 20160, integer: true };

/** True when `value` lies in `range` (and is a whole number or a multiple of its step where it must be). */
export function inRange(value: number, range: ValueRange): boolean {
    if (!Number.isFinite(value) || value < range.min || value > range.max) {
        return false;
    }
    if (range.integer && !Number.isInteger(value)) {
        return false;
    }
    // Multiples of 0.1 compared in tenths, rounded: 0.3 is 3 tenths although 0.3 / 0.1 is 2.9999999999999996.
    return range.step === undefined || Math.abs(value / range.step - Math.round(value / range.step)) < 1e-9;
}

/** "0 to 1440", "multiples of 0.1 from 0.1 to 100" — for messages. */
export const describeRange = (range: ValueRange): string =>
    range.step !== undefined ? `multiples of ${range.step} from ${range.min} to ${range.max}` : `${range.integer ? "whole numbers " : ""}${range.min} to ${range.max}`;

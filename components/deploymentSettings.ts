/**
 * The validated shape of a service's deployment strategy: how ECS replaces its tasks, how long it bakes,
 * how it shifts traffic, which lifecycle hooks it runs and where test traffic may come from. The loader
 * fills it from config; the components, the rollout model and the README read it.
 *
 * ECS's own deployment controller does all four strategies (`deploymentConfiguration.strategy`):
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-types.html
 */
import type { EcsDeploymentStrategy, ProviderLifecycleStage } from "../policy/facts/ecsDeployments";

/** How ECS replaces a service's tasks. */
export type DeploymentStrategy = "rolling" | "blueGreen" | "canary" | "linear";

/** Every strategy, in the order the README lists them. */
export const DEPLOYMENT_STRATEGIES: readonly DeploymentStrategy[] = ["rolling", "blueGreen", "canary", "linear"];

/** The strategy as ECS spells it in `deploymentConfiguration.strategy` (policy/facts/ecsDeployments.ts). */
export const ECS_STRATEGY: Readonly<Record<DeploymentStrategy, EcsDeploymentStrategy>> = {
    rolling: "ROLLING",
    blueGreen: "BLUE_GREEN",
    canary: "CANARY",
    linear: "LINEAR",
};

/**
 * Stages of a blue/green, canary or linear deployment at which a lifecycle hook can run (ECS API
 * `DeploymentLifecycleHook.lifecycleStages`, as the AWS provider accepts them: policy/facts/ecsDeployments.ts).
 */
export type LifecycleStage = ProviderLifecycleStage;

/** A hook that invokes a Lambda function; ECS assumes a role the stack creates that may invoke only it. */
export interface LambdaHookSettings {
    readonly type: "lambda";
    readonly stages: readonly LifecycleStage[];
    /** The function's ARN (unqualified, or with a version or alias). */
    readonly functionArn: string;
}

/** A hook that pauses the deployment until someone continues it, or until it times out. */
export interface PauseHookSettings {
    readonly type: "pause";
    readonly stages: readonly LifecycleStage[];
    /** Minutes before ECS takes `onTimeout` (1 to 20160). */
    readonly timeoutMinutes: number;
    readonly onTimeout: "ROLLBACK" | "CONTINUE";
}

export type LifecycleHookSettings = LambdaHookSettings | PauseHookSettings;

/** One service's deployment, fully defaulted. */
export interface DeploymentSettings {
    readonly strategy: DeploymentStrategy;
    /**
     * Minutes both revisions keep running after production traffic reached the new one, before the old one
     * stops (`bakeTimeInMinutes`, 0 to 1440); 0 for rolling.
     */
    readonly bakeTimeMinutes: number;
    /** `canary` only: the share of production traffic the new revision takes first, and for how long. */
    readonly canary?: { readonly percent: number; readonly bakeMinutes: number };
    /** `linear` only: the share shifted per step and the minutes between steps. */
    readonly linear?: { readonly stepPercent: number; readonly stepBakeMinutes: number };
    /**
     * Test traffic (not for rolling): a second listener rule that sends requests matching the route, carrying
     * the header `X-Deployment-Test: <service>`, from these CIDRs only, to the new revision before production
     * traffic moves. None: no test listener rule.
     */
    readonly testTraffic?: { readonly cidrs: readonly string[] };
    /** Lifecycle hooks, in the order ECS runs hooks of one stage. */
    readonly hooks: readonly LifecycleHookSettings[];
}

/** Rolling with nothing else: what every service gets unless its config chooses otherwise. */
export const ROLLING: DeploymentSettings = { strategy: "rolling", bakeTimeMinutes: 0, hooks: [] };

/** The header a test request carries; its value is the service's name. */
export const TEST_TRAFFIC_HEADER = "X-Deployment-Test";

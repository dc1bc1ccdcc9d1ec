/**
 * A service's deployment settings as the ECS service's `deploymentConfiguration` (`@pulumi/aws` 7.48
 * `aws.ecs.Service`), and every check on them that ECS would otherwise make only at `pulumi up`. Pure.
 *
 * Sources (ECS API reference and developer guide):
 * - `DeploymentConfiguration`: `strategy` ROLLING | BLUE_GREEN | LINEAR | CANARY; `bakeTimeInMinutes`
 *   (required for BLUE_GREEN; 0 to 1440); `canaryConfiguration` only with CANARY, `linearConfiguration` only
 *   with LINEAR.
 * - `CanaryConfiguration.canaryPercent` 0.1 to 100, `canaryBakeTimeInMinutes` 0 to 1440;
 *   `LinearConfiguration.stepPercent` multiples of 0.1 from 3.0 to 100.0, `stepBakeTimeInMinutes` 0 to
 *   1440, not applied after the last step (`API_LinearConfiguration.html`).
 * - `DeploymentLifecycleHook`: `targetType` AWS_LAMBDA (needs `hookTargetArn` and `roleArn`) or PAUSE;
 *   "PAUSE hooks cannot be configured at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT stages";
 *   `timeoutConfiguration` (PAUSE only in the provider) `timeoutInMinutes` 1 to 20160, `action` ROLLBACK |
 *   CONTINUE (`API_DeploymentLifecycleHook.html`, `pause-lifecycle-hooks.html`).
 */
import type * as pulumi from "@pulumi/pulumi";
import { DeploymentSettings, ECS_STRATEGY, LifecycleStage } from "./deploymentSettings";

/** ECS's documented ranges of the deployment settings. */
export const DEPLOYMENT_LIMITS = {
    maxBakeMinutes: 1440,
    minCanaryPercent: 0.1,
    maxCanaryPercent: 100,
    minStepPercent: 3,
    maxStepPercent: 100,
    minPauseMinutes: 1,
    maxPauseMinutes: 20160,
} as const;

/** Stages a hook may run at, as the provider validates them. */
export const LIFECYCLE_STAGES: readonly LifecycleStage[] = [
    "RECONCILE_SERVICE",
    "PRE_SCALE_UP",
    "POST_SCALE_UP",
    "TEST_TRAFFIC_SHIFT",
    "POST_TEST_TRAFFIC_SHIFT",
    "PRODUCTION_TRAFFIC_SHIFT",
    "POST_PRODUCTION_TRAFFIC_SHIFT",
];

/** Stages ECS refuses for PAUSE hooks: they are only valid for AWS_LAMBDA hooks. */
export const LAMBDA_ONLY_STAGES: readonly LifecycleStage[] = ["TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"];

/** A Lambda function ARN, unqualified or with a version or alias, in any partition. */
const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:(\$LATEST|[A-Za-z0-9_-]{1,128}))?$/;
const IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;

const wholeIn = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;
/** A multiple of 0.1 within the range (ECS's percentages take one decimal). */
const tenthsIn = (v: number, min: number, max: number) => Number.isFinite(v) && v >= min && v <= max && Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;

/**
 * Every problem with `d`, each naming the field (`deployment.canary.percent`) and what is allowed; empty
 * when ECS would accept it. Settings that do not apply to the strategy are refused, not ignored.
 */
export function deploymentProblems(d: DeploymentSettings): string[] {
    const problems: string[] = [];
    const at = (field: string) => `deployment.${field}`;
    if (!(d.strategy in ECS_STRATEGY)) {
        return [`${at("strategy")} is ${JSON.stringify(d.strategy)}; expected one of ${Object.keys(ECS_STRATEGY).join(", ")}`];
    }
    const rolling = d.strategy === "rolling";
    if (!wholeIn(d.bakeTimeMinutes, 0, DEPLOYMENT_LIMITS.maxBakeMinutes)) {
        problems.push(`${at("bakeTimeMinutes")} is ${d.bakeTimeMinutes}; expected a whole number of minutes from 0 to ${DEPLOYMENT_LIMITS.maxBakeMinutes}`);
    } else if (rolling && d.bakeTimeMinutes !== 0) {
        problems.push(`${at("bakeTimeMinutes")} is ${d.bakeTimeMinutes} but a rolling deployment has no bake time; choose blueGreen, canary or linear`);
    }
    if (d.strategy === "canary" && !d.canary) problems.push(`${at("canary")} is missing; a canary deployment needs its percent and bake minutes`);
    if (d.strategy !== "canary" && d.canary) problems.push(`${at("canary")} is set but the strategy is ${d.strategy}; it needs the canary strategy`);
    if (d.canary) {
        if (!tenthsIn(d.canary.percent, DEPLOYMENT_LIMITS.minCanaryPercent, DEPLOYMENT_LIMITS.maxCanaryPercent)) {
            problems.push(`${at("canary.percent")} is ${d.canary.percent}; expected ${DEPLOYMENT_LIMITS.minCanaryPercent} to ${DEPLOYMENT_LIMITS.maxCanaryPercent} in steps of 0.1`);
        }
        if (!wholeIn(d.canary.bakeMinutes, 0, DEPLOYMENT_LIMITS.maxBakeMinutes)) {
            problems.push(`${at("canary.bakeMinutes")} is ${d.canary.bakeMinutes}; expected a whole number of minutes from 0 to ${DEPLOYMENT_LIMITS.maxBakeMinutes}`);
        }
    }
    if (d.strategy === "linear" && !d.linear) problems.push(`${at("linear")} is missing; a linear deployment needs its step percent and step bake minutes`);
    if (d.strategy !== "linear" && d.linear) problems.push(`${at("linear")} is set but the strategy is ${d.strategy}; it needs the linear strategy`);
    if (d.linear) {
        if (!tenthsIn(d.linear.stepPercent, DEPLOYMENT_LIMITS.minStepPercent, DEPLOYMENT_LIMITS.maxStepPercent)) {
            problems.push(`${at("linear.stepPercent")} is ${d.linear.stepPercent}; expected ${DEPLOYMENT_LIMITS.minStepPercent} to ${DEPLOYMENT_LIMITS.maxStepPercent} in steps of 0.1`);
        }
        if (!wholeIn(d.linear.stepBakeMinutes, 0, DEPLOYMENT_LIMITS.maxBakeMinutes)) {
            problems.push(`${at("linear.stepBakeMinutes")} is ${d.linear.stepBakeMinutes}; expected a whole number of minutes from 0 to ${DEPLOYMENT_LIMITS.maxBakeMinutes}`);
        }
    }
    if (d.testTraffic) {
        if (rolling) problems.push(`${at("testTraffic")} is set but a rolling deployment has no test traffic; choose blueGreen, canary or linear`);
        if (d.testTraffic.cidrs.length === 0) problems.push(`${at("testTraffic.cidrs")} is empty; leave testTraffic unset for no test listener rule`);
        d.testTraffic.cidrs.forEach((cidr, i) => {
            if (!IPV4_CIDR.test(cidr)) problems.push(`${at(`testTraffic.cidrs[${i}]`)} is ${JSON.stringify(cidr)}; expected an IPv4 CIDR such as "203.0.113.0/24"`);
            else if (cidr.endsWith("/0")) problems.push(`${at(`testTraffic.cidrs[${i}]`)} is ${JSON.stringify(cidr)}; test traffic is never open to the whole internet, name the networks that test`);
        });
    }
    if (rolling && d.hooks.length > 0) problems.push(`${at("hooks")} has ${d.hooks.length} hooks but a rolling deployment runs none here; choose blueGreen, canary or linear`);
    d.hooks.forEach((h, i) => {
        const hook = at(`hooks[${i}]`);
        if (h.stages.length === 0) problems.push(`${hook}.stages is empty; name at least one of ${LIFECYCLE_STAGES.join(", ")}`);
        h.stages.forEach((stage, j) => {
            if (!LIFECYCLE_STAGES.includes(stage)) problems.push(`${hook}.stages[${j}] is ${JSON.stringify(stage)}; expected one of ${LIFECYCLE_STAGES.join(", ")}`);
            else if (h.stages.indexOf(stage) !== j) problems.push(`${hook}.stages[${j}] repeats ${stage}`);
        });
        if (h.type === "lambda") {
            if (!FUNCTION_ARN.test(h.functionArn)) {
                problems.push(`${hook}.functionArn is ${JSON.stringify(h.functionArn)}; expected a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>[:<version or alias>])`);
            }
        } else {
            const refused = h.stages.filter(s => LAMBDA_ONLY_STAGES.includes(s));
            if (refused.length > 0) problems.push(`${hook}.stages has ${refused.join(", ")}; ECS runs only Lambda hooks at those stages, not pause hooks`);
            if (!wholeIn(h.timeoutMinutes, DEPLOYMENT_LIMITS.minPauseMinutes, DEPLOYMENT_LIMITS.maxPauseMinutes)) {
                problems.push(`${hook}.timeoutMinutes is ${h.timeoutMinutes}; expected a whole number of minutes from ${DEPLOYMENT_LIMITS.minPauseMinutes} to ${DEPLOYMENT_LIMITS.maxPauseMinutes}`);
            }
            if (h.onTimeout !== "ROLLBACK" && h.onTimeout !== "CONTINUE") problems.push(`${hook}.onTimeout is ${JSON.stringify(h.onTimeout)}; expected ROLLBACK or CONTINUE`);
        }
    });
    return problems;
}

/** The distinct Lambda functions the hooks invoke, sorted: exactly what the hook role may invoke. */
export const hookFunctionArns = (d: DeploymentSettings): string[] =>
    [...new Set(d.hooks.flatMap(h => (h.type === "lambda" ? [h.functionArn] : [])))].sort();

/** The service's `deploymentConfiguration` input. */
export interface EcsDeploymentConfiguration {
    readonly strategy: string;
    /** The provider takes these minutes as strings (a nullable integer in Terraform); none for rolling. */
    readonly bakeTimeInMinutes?: string;
    readonly canaryConfiguration?: { readonly canaryPercent: number; readonly canaryBakeTimeInMinutes: string };
    readonly linearConfiguration?: { readonly stepPercent: number; readonly stepBakeTimeInMinutes: string };
    readonly lifecycleHooks?: (
        | { readonly targetType: "AWS_LAMBDA"; readonly hookTargetArn: string; readonly roleArn: pulumi.Input<string>; readonly lifecycleStages: LifecycleStage[] }
        | { readonly targetType: "PAUSE"; readonly lifecycleStages: LifecycleStage[]; readonly timeoutConfiguration: { readonly action: string; readonly timeoutInMinutes: string } }
    )[];
}

/**
 * The `deploymentConfiguration` for `d`, with Lambda hooks assumed through `hookRoleArn`. No deployment
 * (a worker, or a component user who chose none) sends nothing. A chosen `rolling` sends the strategy
 * itself: the provider keeps `deployment_configuration` as Optional+Computed, so a service that stopped
 * sending it would stay on the blue/green, canary or linear strategy ECS last got, and switching back to
 * rolling would silently do nothing.
 */
export function ecsDeploymentConfiguration(d: DeploymentSettings | undefined, hookRoleArn?: pulumi.Input<string>): EcsDeploymentConfiguration | undefined {
    if (d === undefined) return undefined;
    if (d.strategy === "rolling") return { strategy: ECS_STRATEGY.rolling };
    if (hookFunctionArns(d).length > 0 && hookRoleArn === undefined) {
        throw new Error("ecsDeploymentConfiguration: Lambda hooks need the hook role's ARN");
    }
    return {
        strategy: ECS_STRATEGY[d.strategy],
        bakeTimeInMinutes: String(d.bakeTimeMinutes),
        ...(d.canary ? { canaryConfiguration: { canaryPercent: d.canary.percent, canaryBakeTimeInMinutes: String(d.canary.bakeMinutes) } } : {}),
        ...(d.linear ? { linearConfiguration: { stepPercent: d.linear.stepPercent, stepBakeTimeInMinutes: String(d.linear.stepBakeMinutes) } } : {}),
        ...(d.hooks.length > 0
            ? {
                  lifecycleHooks: d.hooks.map(h =>
                      h.type === "lambda"
                          ? { targetType: "AWS_LAMBDA" as const, hookTargetArn: h.functionArn, roleArn: hookRoleArn!, lifecycleStages: [...h.stages] }
                          : { targetType: "PAUSE" as const, lifecycleStages: [...h.stages], timeoutConfiguration: { action: h.onTimeout, timeoutInMinutes: String(h.timeoutMinutes) } },
                  ),
              }
            : {}),
    };
}

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
 * The ranges and names are ECS's facts (policy/facts/ecsDeployments.ts); the hook rules the loader judges
 * too are theirs: the stages, PAUSE at a Lambda-only stage and a Lambda ARN's shape lifecycleHookRules.ts's,
 * the test traffic's source CIDRs testTraffic.ts's.
 */
import type * as pulumi from "@pulumi/pulumi";
import { BAKE_TIME_MINUTES, CANARY_PERCENT, ECS_HOOK_TIMEOUT_ACTIONS, HOOK_TIMEOUT_MINUTES, inRange, LINEAR_STEP_PERCENT, ValueRange } from "../policy/facts/ecsDeployments";
import { DeploymentSettings, ECS_STRATEGY, LifecycleStage } from "./deploymentSettings";
import { isLambdaOnlyStage, lambdaFunctionArnProblem, LIFECYCLE_STAGES } from "./lifecycleHookRules";
import { readTestCidrs } from "./testTraffic";

/** What a whole-minute range allows, as the messages say it. */
const minutes = (range: ValueRange) => `a whole number of minutes from ${range.min} to ${range.max}`;
/** What a percentage range allows, as the messages say it. */
const percent = (range: ValueRange) => `${range.min} to ${range.max} in steps of ${range.step}`;

/**
 * Every problem with `d`, each naming the field (`deployment.canary.percent`) and what is allowed; empty
 * when ECS would accept it. Settings that do not apply to the strategy are refused, not ignored. With the
 * stack's `region`, a Lambda hook in another partition is refused too (as the loader refuses it).
 */
export function deploymentProblems(d: DeploymentSettings, region?: string): string[] {
    const problems: string[] = [];
    const at = (field: string) => `deployment.${field}`;
    if (!(d.strategy in ECS_STRATEGY)) {
        return [`${at("strategy")} is ${JSON.stringify(d.strategy)}; expected one of ${Object.keys(ECS_STRATEGY).join(", ")}`];
    }
    const rolling = d.strategy === "rolling";
    if (!inRange(d.bakeTimeMinutes, BAKE_TIME_MINUTES)) {
        problems.push(`${at("bakeTimeMinutes")} is ${d.bakeTimeMinutes}; expected ${minutes(BAKE_TIME_MINUTES)}`);
    } else if (rolling && d.bakeTimeMinutes !== 0) {
        problems.push(`${at("bakeTimeMinutes")} is ${d.bakeTimeMinutes} but a rolling deployment has no bake time; choose blueGreen, canary or linear`);
    }
    if (d.strategy === "canary" && !d.canary) problems.push(`${at("canary")} is missing; a canary deployment needs its percent and bake minutes`);
    if (d.strategy !== "canary" && d.canary) problems.push(`${at("canary")} is set but the strategy is ${d.strategy}; it needs the canary strategy`);
    if (d.canary) {
        if (!inRange(d.canary.percent, CANARY_PERCENT)) problems.push(`${at("canary.percent")} is ${d.canary.percent}; expected ${percent(CANARY_PERCENT)}`);
        if (!inRange(d.canary.bakeMinutes, BAKE_TIME_MINUTES)) problems.push(`${at("canary.bakeMinutes")} is ${d.canary.bakeMinutes}; expected ${minutes(BAKE_TIME_MINUTES)}`);
    }
    if (d.strategy === "linear" && !d.linear) problems.push(`${at("linear")} is missing; a linear deployment needs its step percent and step bake minutes`);
    if (d.strategy !== "linear" && d.linear) problems.push(`${at("linear")} is set but the strategy is ${d.strategy}; it needs the linear strategy`);
    if (d.linear) {
        if (!inRange(d.linear.stepPercent, LINEAR_STEP_PERCENT)) problems.push(`${at("linear.stepPercent")} is ${d.linear.stepPercent}; expected ${percent(LINEAR_STEP_PERCENT)}`);
        if (!inRange(d.linear.stepBakeMinutes, BAKE_TIME_MINUTES)) problems.push(`${at("linear.stepBakeMinutes")} is ${d.linear.stepBakeMinutes}; expected ${minutes(BAKE_TIME_MINUTES)}`);
    }
    if (d.testTraffic) {
        if (rolling) problems.push(`${at("testTraffic")} is set but a rolling deployment has no test traffic; choose blueGreen, canary or linear`);
        if (d.testTraffic.cidrs.length === 0) problems.push(`${at("testTraffic.cidrs")} is empty; leave testTraffic unset for no test listener rule`);
        for (const p of readTestCidrs(d.testTraffic.cidrs).problems) problems.push(`${at(`testTraffic.cidrs${p.at}`)} is ${JSON.stringify(p.given)}; ${p.problem}`);
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
            const arn = lambdaFunctionArnProblem(h.functionArn, region);
            if (arn) problems.push(`${hook}.functionArn is ${JSON.stringify(h.functionArn)}; ${arn.problem}`);
        } else {
            const refused = h.stages.filter(isLambdaOnlyStage);
            if (refused.length > 0) problems.push(`${hook}.stages has ${refused.join(", ")}; ECS runs only Lambda hooks at those stages, not pause hooks`);
            if (!inRange(h.timeoutMinutes, HOOK_TIMEOUT_MINUTES)) problems.push(`${hook}.timeoutMinutes is ${h.timeoutMinutes}; expected ${minutes(HOOK_TIMEOUT_MINUTES)}`);
            if (!(ECS_HOOK_TIMEOUT_ACTIONS as readonly string[]).includes(h.onTimeout)) {
                problems.push(`${hook}.onTimeout is ${JSON.stringify(h.onTimeout)}; expected ${ECS_HOOK_TIMEOUT_ACTIONS.join(" or ")}`);
            }
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

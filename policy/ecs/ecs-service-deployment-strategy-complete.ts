import { ResourceValidationPolicy, ReportViolation } from "@pulumi/policy";
import {
    BAKE_TIME_MINUTES,
    CANARY_PERCENT,
    ECS_DEPLOYMENT_CONTROLLERS,
    ECS_DEPLOYMENT_STRATEGIES,
    ECS_HOOK_TARGET_TYPES,
    ECS_HOOK_TIMEOUT_ACTIONS,
    ECS_LIFECYCLE_STAGES,
    HOOK_TIMEOUT_MINUTES,
    LINEAR_STEP_PERCENT,
    PAUSE_FORBIDDEN_STAGES,
    TRAFFIC_SHIFTING_STRATEGIES,
    ValueRange,
    describeRange,
    inRange,
} from "../facts/ecsDeployments";
import { validateTypes } from "../lib/applies";
import { asArray, isNonEmptyString, isRecord, quoteList, toNumber } from "../lib/coerce";
import { controllerType, deploymentStrategy, givenStrategy, loadBalancerEntries } from "../lib/ecsDeployment";
import { isUnknownSentinel } from "../lib/goDecode";
import { ECS_SERVICE } from "../lib/types";
import { peek, UNKNOWN, UnknownDeferral } from "../lib/unknowns";

const show = (value: unknown): string => (typeof value === "string" ? JSON.stringify(value) : String(JSON.stringify(value) ?? value));

/** Reports `field` when it is set and not a number in `range` (bake times arrive as strings). */
function checkRange(report: ReportViolation, field: string, value: unknown, range: ValueRange): void {
    if (value === undefined || value === null || isUnknownSentinel(value)) {
        return;
    }
    const n = toNumber(value);
    if (n === undefined || !inRange(n, range)) {
        report(`${field} is ${show(value)}; ECS accepts ${describeRange(range)}.`);
    }
}

/** A Lambda function ARN, unqualified or with a version or alias (what an AWS_LAMBDA hook invokes). */
const LAMBDA_FUNCTION_ARN = /^arn:aws(?:-[a-z]+)*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+(?::[A-Za-z0-9_$-]+)?$/;

/** The step configuration of each strategy that shifts traffic in steps: its field, its percent and bake fields. */
const STEP_CONFIGURATIONS = [
    { field: "canaryConfiguration", strategy: "CANARY", percent: "canaryPercent", percentRange: CANARY_PERCENT, bake: "canaryBakeTimeInMinutes" },
    { field: "linearConfiguration", strategy: "LINEAR", percent: "stepPercent", percentRange: LINEAR_STEP_PERCENT, bake: "stepBakeTimeInMinutes" },
] as const;

/** The load-balancer half: what a traffic shift needs from each target-group entry. */
function checkLoadBalancers(props: Record<string, any>, strategy: string, report: ReportViolation, deferral: UnknownDeferral): void {
    for (const { entry, index } of loadBalancerEntries(props)) {
        deferral.run(() => {
            const where = `loadBalancers[${index}]`;
            if (!isNonEmptyString(entry.targetGroupArn)) {
                return; // a Classic Load Balancer or an entry without target: ecs-service-load-balancer-target-complete's
            }
            const advanced = entry.advancedConfiguration;
            if (!isRecord(advanced)) {
                report(
                    `${where} has no advancedConfiguration, which a ${strategy} deployment needs to shift traffic; set alternateTargetGroupArn (a second target group), ` +
                        `productionListenerRule (the rule that forwards to both), and roleArn (a role ECS assumes with AmazonECSInfrastructureRolePolicyForLoadBalancers).`,
                );
                return;
            }
            // An ARN not known yet (its resource is still to be created) is set; it is only not compared.
            const read = (key: string): unknown => peek(advanced, key);
            const isSet = (value: unknown): boolean => value === UNKNOWN || isNonEmptyString(value);
            const primary = peek(entry, "targetGroupArn");
            const alternate = read("alternateTargetGroupArn");
            if (!isSet(alternate)) {
                report(`${where}.advancedConfiguration.alternateTargetGroupArn is not set; name a second target group for the new revision's tasks.`);
            } else if (alternate === primary) {
                report(`${where}.advancedConfiguration.alternateTargetGroupArn is the primary target group (${String(alternate)}); ECS needs a second target group to register the new revision's tasks in.`);
            }
            const production = read("productionListenerRule");
            if (!isSet(production)) {
                report(`${where}.advancedConfiguration.productionListenerRule is not set; name the listener rule that forwards production traffic to both target groups.`);
            }
            if (!isSet(read("roleArn"))) {
                report(`${where}.advancedConfiguration.roleArn is not set; name the role ECS assumes to move traffic (trusting ecs.amazonaws.com, with AmazonECSInfrastructureRolePolicyForLoadBalancers).`);
            }
            const test = read("testListenerRule");
            if (isNonEmptyString(test) && test === production) {
                report(`${where}.advancedConfiguration.testListenerRule is the production listener rule (${test}); give test traffic a rule of its own, or leave testListenerRule unset.`);
            }
        });
    }
}

/** One lifecycle hook: its type, stages, target and timeout. */
function checkHook(hook: unknown, where: string, report: ReportViolation): void {
    if (!isRecord(hook)) {
        report(`${where} is not an object; give it lifecycleStages and a targetType (AWS_LAMBDA with hookTargetArn and roleArn, or PAUSE).`);
        return;
    }
    const type = hook.targetType ?? "AWS_LAMBDA";
    if (!(ECS_HOOK_TARGET_TYPES as readonly unknown[]).includes(type)) {
        report(`${where}.targetType is ${show(type)}; ECS accepts ${quoteList([...ECS_HOOK_TARGET_TYPES], "or")} (case-sensitive).`);
    }
    const stages = hook.lifecycleStages;
    if (!Array.isArray(stages) || stages.length === 0) {
        report(`${where}.lifecycleStages names no stage; list the stages the hook runs at (${quoteList([...ECS_LIFECYCLE_STAGES], "or")}).`);
    } else {
        const unknownStages = asArray(stages).filter(s => !(ECS_LIFECYCLE_STAGES as readonly unknown[]).includes(s));
        if (unknownStages.length > 0) {
            report(`${where}.lifecycleStages has ${unknownStages.map(show).join(", ")}, which ECS does not accept; use ${quoteList([...ECS_LIFECYCLE_STAGES], "or")} (case-sensitive).`);
        }
        const forbidden = asArray(stages).filter(s => typeof s === "string" && PAUSE_FORBIDDEN_STAGES.includes(s));
        if (type === "PAUSE" && forbidden.length > 0) {
            report(
                `${where} is a PAUSE hook at ${quoteList(forbidden as string[])}, where ECS runs only AWS_LAMBDA hooks; ` +
                    `pause at ${quoteList(ECS_LIFECYCLE_STAGES.filter(s => !PAUSE_FORBIDDEN_STAGES.includes(s)), "or")} instead.`,
            );
        }
    }
    if (type === "AWS_LAMBDA") {
        const target = hook.hookTargetArn;
        if (!isNonEmptyString(target)) {
            report(`${where} is an AWS_LAMBDA hook without hookTargetArn; name the Lambda function ECS invokes.`);
        } else if (!LAMBDA_FUNCTION_ARN.test(target)) {
            report(`${where}.hookTargetArn is ${show(target)}, which is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>[:<version or alias>]).`);
        }
        if (!isNonEmptyString(hook.roleArn)) {
            report(`${where} is an AWS_LAMBDA hook without roleArn; name a role, trusting ecs.amazonaws.com, that may invoke exactly that function (lambda:InvokeFunction).`);
        }
    }
    const timeout = hook.timeoutConfiguration;
    if (isRecord(timeout)) {
        checkRange(report, `${where}.timeoutConfiguration.timeoutInMinutes`, timeout.timeoutInMinutes, HOOK_TIMEOUT_MINUTES);
        const action = timeout.action;
        if (action !== undefined && action !== null && !(ECS_HOOK_TIMEOUT_ACTIONS as readonly unknown[]).includes(action)) {
            report(`${where}.timeoutConfiguration.action is ${show(action)}; ECS accepts ${quoteList([...ECS_HOOK_TIMEOUT_ACTIONS], "or")} (case-sensitive).`);
        }
    }
}

/**
 * Extra: what ECS (and the provider, whose plan-time checks an offline run skips) refuses at apply time in a
 * service's deployment settings, caught before `pulumi up` starts half a deployment.
 * - `deploymentController.type` and `deploymentConfiguration.strategy` are case-sensitive enums
 *   (ECS, CODE_DEPLOY, EXTERNAL; ROLLING, BLUE_GREEN, LINEAR, CANARY): "blue_green" is refused. BLUE_GREEN,
 *   LINEAR and CANARY run on the ECS controller only (API reference `LinearConfiguration`: "only valid …
 *   with deploymentController set to ECS").
 * - A traffic shift through a load balancer needs, on each target-group entry, `advancedConfiguration` with
 *   an alternate target group other than the primary, the production listener rule and the role ECS assumes
 *   ("Application Load Balancer resources for blue/green, linear, and canary deployments",
 *   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html; the
 *   provider requires all three); a test listener rule, when set, is not the production one.
 * - Bake times 0-1440 whole minutes, and a bake time with BLUE_GREEN ("You must provide this parameter when
 *   you use the BLUE_GREEN deployment strategy", API reference `DeploymentConfiguration.bakeTimeInMinutes`,
 *   https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html, and the
 *   same text in `@aws-sdk/client-ecs`'s model), `canaryPercent` and `stepPercent` in ECS's ranges (multiples of 0.1,
 *   from 0.1 and from 3 to 100), `canaryConfiguration` only with CANARY and `linearConfiguration` only with
 *   LINEAR ("Only valid when the deployment strategy is …").
 * - `lifecycleHooks` and `loadBalancers` are lists (one given as an object would otherwise go unread).
 * - Lifecycle hooks: stages and types from ECS's enums, no PAUSE hook at TEST_TRAFFIC_SHIFT or
 *   PRODUCTION_TRAFFIC_SHIFT, AWS_LAMBDA hooks (the default type) with a Lambda function ARN and a role,
 *   timeouts 1-20160 minutes with action ROLLBACK or CONTINUE (API reference `DeploymentLifecycleHook`).
 * Ranges and names come from `../facts/ecsDeployments`. Values not known yet are not guessed: what is known
 * is checked, then the engine notes the policy could not finish.
 */
export const ecsServiceDeploymentStrategyComplete: ResourceValidationPolicy = {
    name: "ecs-service-deployment-strategy-complete",
    description: "Blue/green, canary and linear deployments name what ECS needs and stay within the values ECS accepts.",
    enforcementLevel: "mandatory",
    severity: "medium",
    validateResource: validateTypes(ECS_SERVICE, (props, _args, report) => {
        const deferral = new UnknownDeferral();
        const controller = deferral.run(() => controllerType(props));
        if (controller !== undefined && !(ECS_DEPLOYMENT_CONTROLLERS as readonly unknown[]).includes(controller)) {
            report(`deploymentController.type is ${show(controller)}; the provider accepts ${quoteList([...ECS_DEPLOYMENT_CONTROLLERS], "or")} (case-sensitive).`);
        }
        const given = deferral.run(() => givenStrategy(props));
        const strategy = deferral.run(() => deploymentStrategy(props));
        if (given !== undefined && strategy === undefined) {
            report(`deploymentConfiguration.strategy is ${show(given)}; the provider accepts ${quoteList([...ECS_DEPLOYMENT_STRATEGIES], "or")} (case-sensitive).`);
        }
        const shifting = strategy !== undefined && TRAFFIC_SHIFTING_STRATEGIES.includes(strategy);
        if (shifting && controller !== undefined && controller !== "ECS") {
            report(`deploymentConfiguration.strategy ${strategy} runs only on ECS's own deployment controller, but deploymentController.type is ${show(controller)}; remove deploymentController or set its type to "ECS".`);
        }
        deferral.run(() => {
            const config = props.deploymentConfiguration;
            if (!isRecord(config)) {
                return;
            }
            deferral.run(() => {
                const bake: unknown = config.bakeTimeInMinutes;
                if (strategy === "BLUE_GREEN" && (bake === undefined || bake === null || bake === "")) {
                    report(
                        `deploymentConfiguration.bakeTimeInMinutes is not set; ECS requires it with the BLUE_GREEN strategy ("You must provide this parameter when you use the BLUE_GREEN deployment strategy", ` +
                            `API reference DeploymentConfiguration): set the minutes both revisions keep running after production traffic has moved, ${describeRange(BAKE_TIME_MINUTES)}.`,
                    );
                    return;
                }
                checkRange(report, "deploymentConfiguration.bakeTimeInMinutes", bake, BAKE_TIME_MINUTES);
            });
            for (const step of STEP_CONFIGURATIONS) {
                deferral.run(() => {
                    const settings = config[step.field];
                    if (!isRecord(settings)) {
                        return;
                    }
                    if (strategy !== step.strategy) {
                        report(`deploymentConfiguration.${step.field} is set for strategy ${show(given ?? "ROLLING")}; ECS takes it only with ${step.strategy}: set strategy "${step.strategy}" or remove it.`);
                    }
                    checkRange(report, `deploymentConfiguration.${step.field}.${step.percent}`, settings[step.percent], step.percentRange);
                    checkRange(report, `deploymentConfiguration.${step.field}.${step.bake}`, settings[step.bake], BAKE_TIME_MINUTES);
                });
            }
            const hookList = deferral.run(() => config.lifecycleHooks);
            if (hookList !== undefined && hookList !== null && !Array.isArray(hookList)) {
                report(`deploymentConfiguration.lifecycleHooks is ${show(hookList)}, not a list; the provider takes a list of hooks: wrap it in [ ... ].`);
                if (isRecord(hookList)) {
                    deferral.run(() => checkHook(hookList, "deploymentConfiguration.lifecycleHooks", report)); // its content is judged too
                }
            }
            const hooks = asArray(hookList);
            for (let i = 0; i < hooks.length; i++) {
                deferral.run(() => checkHook(hooks[i], `deploymentConfiguration.lifecycleHooks[${i}]`, report));
            }
        });
        if (shifting) {
            deferral.run(() => {
                const entries: unknown = props.loadBalancers;
                if (entries !== undefined && entries !== null && !Array.isArray(entries)) {
                    report(`loadBalancers is ${show(entries)}, not a list; a ${strategy} deployment shifts traffic through a list of target-group entries: wrap it in [ ... ].`);
                }
                checkLoadBalancers(props, strategy, report, deferral);
            });
        }
        deferral.rethrow();
    }),
};

/**
 * Lifecycle hooks of a blue/green, canary or linear deployment (`lifecycleHooks`) as config holds them:
 * `{stages: [...], lambdaArn}` invokes a Lambda function, `{stages: [...], pauseMinutes, onTimeout}` pauses
 * until someone continues the deployment. Pure.
 *
 * Sources (Amazon ECS):
 * - API reference, `DeploymentLifecycleHook` (API_DeploymentLifecycleHook.html): the stages, "You must
 *   provide this parameter" for `lifecycleStages`; `hookTargetArn` is the Lambda function's ARN for
 *   AWS_LAMBDA hooks; "PAUSE hooks cannot be configured at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT
 *   stages. These stages are only valid for AWS_LAMBDA hooks."
 * - API reference, `DeploymentLifecycleHookTimeoutConfiguration`: `timeoutInMinutes` 1 to 20160 (default
 *   1440), `action` ROLLBACK | CONTINUE (default ROLLBACK). The AWS provider takes `timeoutConfiguration`
 *   "only when targetType is PAUSE" (@pulumi/aws 7.48.0, `ServiceDeploymentConfigurationLifecycleHook`).
 * - Developer guide, "Pause hooks for Amazon ECS service deployments" (pause-lifecycle-hooks.html): the
 *   stages a pause hook takes; "Lifecycle hooks for Amazon ECS service deployments"
 *   (deployment-lifecycle-hooks.html): a Lambda hook and a pause hook may share a stage, so two hooks at one
 *   stage are not refused. ECS documents no limit on the number of hooks, so none is enforced here.
 * - TEST_TRAFFIC_SHIFT and POST_TEST_TRAFFIC_SHIFT without `testTrafficCidrs` are accepted: the API makes the
 *   test listener rule optional (`AdvancedConfiguration.testListenerRule`) and sets no condition on these
 *   stages, which still run (AWS's own pause-hook example pauses at POST_TEST_TRAFFIC_SHIFT with no test
 *   listener); a hook there simply sees no test traffic.
 * - Refused as meaningless, not as invalid (no ECS page forbids them): a stage twice in one hook, the same
 *   function twice at one stage, two pause hooks at one stage; fields other than the four below (ECS's own
 *   field names get the one to write instead).
 * - AWS General Reference, partitions: resources in one partition (aws, aws-cn, aws-us-gov) cannot reach
 *   another's, so a function in another partition than the stack's region is refused. Another region of the
 *   same partition is not refused: ECS documents no such rule.
 */
import { ECS_HOOK_TIMEOUT_ACTIONS, ECS_LIFECYCLE_STAGES, HOOK_TIMEOUT_MINUTES, PAUSE_FORBIDDEN_STAGES } from "../policy/facts/ecsDeployments";
import type { LifecycleHookSettings, LifecycleStage } from "./deploymentSettings";
import { closestName } from "./naming";
import { describeAllowed, show } from "./configReader";
import { fromEntry } from "./serviceReader";
import type { ItemProblem, ValueProblem } from "./testTraffic";

/**
 * Every stage a hook may name, in the order a deployment reaches them: ECS's (policy/facts), less
 * PRE_PRODUCTION_TRAFFIC_SHIFT, which the pinned provider (@pulumi/aws 7.48.0) does not list.
 */
export const LIFECYCLE_STAGES: readonly LifecycleStage[] = ECS_LIFECYCLE_STAGES.filter((s): s is LifecycleStage => s !== "PRE_PRODUCTION_TRAFFIC_SHIFT");
/** Stages only a Lambda hook may use (DeploymentLifecycleHook; ECS also runs them again on a rollback). */
export const LAMBDA_ONLY_STAGES = PAUSE_FORBIDDEN_STAGES as readonly LifecycleStage[];
/** DeploymentLifecycleHookTimeoutConfiguration.timeoutInMinutes. */
export const PAUSE_MINUTES = HOOK_TIMEOUT_MINUTES;
export const ON_TIMEOUT = ECS_HOOK_TIMEOUT_ACTIONS;
/** The fields a hook object may have. */
export const HOOK_FIELDS = ["stages", "lambdaArn", "pauseMinutes", "onTimeout"] as const;

/** ECS's own field names, which a hook copied from an ECS service definition carries: what to write instead. */
const ECS_FIELDS: Readonly<Record<string, string>> = {
    lifecycleStages: "write stages",
    hookTargetArn: "write lambdaArn",
    targetType: "a hook with lambdaArn invokes the function, one with pauseMinutes pauses",
    timeoutConfiguration: "write pauseMinutes and onTimeout",
    roleArn: "the stack creates the role ECS invokes the function with",
    hookDetails: "the stack passes no hook details",
};

const STAGE_BY_NAME: ReadonlySet<string> = new Set(LIFECYCLE_STAGES);
const PARTITION = "(aws|aws-cn|aws-us-gov)";
/**
 * A Lambda function ARN as `Invoke` takes it (Lambda API reference, `FunctionName`): name of 1 to 64 letters,
 * digits, hyphens or underscores; an optional qualifier, `$LATEST`, a version or an alias of up to 128.
 */
const LAMBDA_FUNCTION_ARN = new RegExp(`^arn:${PARTITION}:lambda:([a-z]{2}(?:-[a-z]+)+-\\d):(\\d{12}):function:([A-Za-z0-9_-]{1,64})(?::(\\$LATEST|[A-Za-z0-9_-]{1,128}))?$`);

/** The partition a region belongs to. */
export const partitionOf = (region: string): string => (region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws");

/** Why a text is not the ARN of a Lambda function a stack in `region` can invoke, or undefined. */
export function lambdaFunctionArnProblem(arn: string, region: string | undefined): ValueProblem | undefined {
    const form = "expected a Lambda function ARN, arn:aws:lambda:<region>:<account>:function:<name>, optionally with :<version or alias>";
    const match = LAMBDA_FUNCTION_ARN.exec(arn);
    if (!match) {
        if (/^[A-Za-z0-9_-]{1,64}$/.test(arn)) return { problem: `${form}: give the function's full ARN, not its name` };
        if (/^arn:[^:]*:lambda:[^:]*:[^:]*:layer:/.test(arn)) return { problem: `${form}: this is a layer, which cannot be invoked` };
        return { problem: form };
    }
    const [, partition, own] = match;
    if (partitionOf(own) !== partition) {
        return { problem: `${form}: region ${own} is not in partition ${partition}`, hidden: `${form}: its region is not in its partition` };
    }
    if (region !== undefined && partitionOf(region) !== partition) {
        return {
            problem: `the function is in partition ${partition} but the stack deploys to ${region} (${partitionOf(region)}), and partitions cannot reach each other`,
            hidden: `the function is in another partition than the stack's region ${region} (${partitionOf(region)}), and partitions cannot reach each other`,
        };
    }
    return undefined;
}

/**
 * The hooks from a list as config holds it, with a problem per bad item (named `[i]`, `[i].stages[j]`, …).
 * Integers may be given as text, as everywhere in `services` (`pauseMinutes: "30"`).
 */
export function readHooks(items: readonly unknown[], region: string | undefined): { hooks: LifecycleHookSettings[]; problems: ItemProblem[] } {
    const problems: ItemProblem[] = [];
    const hooks: LifecycleHookSettings[] = [];
    /** Where each target (a function's ARN, or "pause") already runs: `target stage` to the hook's index. */
    const placed = new Map<string, number>();
    items.forEach((item, i) => {
        const before = problems.length;
        const hook = readHook(item, `[${i}]`, region, problems);
        if (!hook || problems.length !== before) return;
        // Meaningless rather than invalid: the same function twice at one stage, or two pauses at one stage.
        hook.stages.forEach((stage, j) => {
            const target = hook.type === "lambda" ? hook.functionArn : "pause";
            const earlier = placed.get(`${target} ${stage}`);
            if (earlier !== undefined) {
                const what = hook.type === "lambda" ? "this function already runs" : "a pause hook already pauses";
                problems.push({ at: `[${i}].stages[${j}]`, given: stage, problem: `${what} at ${stage} (lifecycleHooks[${earlier}]); one is enough` });
            }
            placed.set(`${target} ${stage}`, earlier ?? i);
        });
        if (problems.length === before) hooks.push(hook);
    });
    return { hooks, problems };
}

function readHook(item: unknown, at: string, region: string | undefined, problems: ItemProblem[]): LifecycleHookSettings | undefined {
    const shapes = "expected {stages: [...], lambdaArn} or {stages: [...], pauseMinutes, onTimeout}";
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
        problems.push({ at, given: item, problem: shapes });
        return undefined;
    }
    const hook = item as Record<string, unknown>;
    for (const field of Object.keys(hook).filter(f => !(HOOK_FIELDS as readonly string[]).includes(f))) {
        const hint = Object.hasOwn(ECS_FIELDS, field) ? ECS_FIELDS[field] : undefined;
        const suggestion = closestName(field, HOOK_FIELDS);
        problems.push({
            at: `${at}.${field}`,
            given: hook[field],
            problem: `not a field of a lifecycle hook (${HOOK_FIELDS.join(", ")})${hint ? `; ${hint}` : suggestion ? `; did you mean ${suggestion}?` : ""}`,
        });
    }
    const lambda = Object.hasOwn(hook, "lambdaArn");
    const pause = Object.hasOwn(hook, "pauseMinutes");
    if (lambda === pause) {
        problems.push({ at, given: item, problem: lambda ? "a hook either invokes a Lambda function (lambdaArn) or pauses (pauseMinutes), not both" : shapes });
        return undefined;
    }
    const stages = readStages(hook.stages, `${at}.stages`, pause, problems);
    if (lambda) {
        if (Object.hasOwn(hook, "onTimeout")) {
            problems.push({ at: `${at}.onTimeout`, given: hook.onTimeout, problem: "applies to pause hooks only (ECS takes a timeout configuration only for PAUSE hooks); remove it" });
        }
        const arn = hook.lambdaArn;
        const problem = typeof arn === "string" ? lambdaFunctionArnProblem(arn, region) : { problem: "expected a Lambda function ARN" };
        if (problem) problems.push({ at: `${at}.lambdaArn`, given: arn, ...problem });
        return { type: "lambda", stages, functionArn: arn as string };
    }
    const minutes = fromEntry("integer", hook.pauseMinutes);
    if (typeof minutes !== "number" || !Number.isInteger(minutes) || minutes < PAUSE_MINUTES.min || minutes > PAUSE_MINUTES.max) {
        problems.push({ at: `${at}.pauseMinutes`, given: hook.pauseMinutes, problem: `expected an integer from ${PAUSE_MINUTES.min} to ${PAUSE_MINUTES.max} (minutes ECS waits before onTimeout: 14 days at most)` });
    }
    const onTimeout = hook.onTimeout ?? "ROLLBACK";
    if (!(ON_TIMEOUT as readonly unknown[]).includes(onTimeout)) {
        problems.push({ at: `${at}.onTimeout`, given: onTimeout, problem: `allowed: ${describeAllowed(ON_TIMEOUT)} (what ECS does when the pause times out)` });
    }
    return { type: "pause", stages, timeoutMinutes: minutes as number, onTimeout: onTimeout as "ROLLBACK" | "CONTINUE" };
}

function readStages(value: unknown, at: string, pause: boolean, problems: ItemProblem[]): LifecycleStage[] {
    if (!Array.isArray(value) || value.length === 0) {
        problems.push({ at, given: value, problem: `expected a non-empty list of stages (ECS requires lifecycleStages), from ${describeAllowed(LIFECYCLE_STAGES)}` });
        return [];
    }
    const stages: LifecycleStage[] = [];
    value.forEach((stage, j) => {
        const where = `${at}[${j}]`;
        if (typeof stage !== "string" || !STAGE_BY_NAME.has(stage)) {
            // PRE_PRODUCTION_TRAFFIC_SHIFT is in ECS's current API, not among the stages the pinned provider documents.
            const newer = stage === "PRE_PRODUCTION_TRAFFIC_SHIFT" ? " (PRE_PRODUCTION_TRAFFIC_SHIFT is newer than the AWS provider this project pins, @pulumi/aws 7.48.0)" : "";
            const suggestion = typeof stage === "string" && !newer ? closestName(stage, LIFECYCLE_STAGES) : undefined;
            const problem = `allowed: ${describeAllowed(LIFECYCLE_STAGES)}`;
            problems.push({ at: where, given: stage, problem: `${problem}${newer}${suggestion && suggestion !== stage ? `; did you mean ${show(suggestion)}?` : ""}`, hidden: problem });
            return;
        }
        if (stages.includes(stage as LifecycleStage)) {
            problems.push({ at: where, given: stage, problem: `listed twice (also at [${value.indexOf(stage)}]); a hook runs once per stage` });
            return;
        }
        if (pause && (LAMBDA_ONLY_STAGES as readonly string[]).includes(stage)) {
            problems.push({
                at: where,
                given: stage,
                problem: `a pause hook cannot run at ${LAMBDA_ONLY_STAGES.join(" or ")}, which only Lambda hooks may use (ECS API, DeploymentLifecycleHook); pause at ${stage === "TEST_TRAFFIC_SHIFT" ? "POST_TEST_TRAFFIC_SHIFT" : "POST_TEST_TRAFFIC_SHIFT or POST_PRODUCTION_TRAFFIC_SHIFT"} instead`,
            });
            return;
        }
        stages.push(stage as LifecycleStage);
    });
    return stages;
}

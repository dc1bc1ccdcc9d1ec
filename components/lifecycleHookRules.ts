/**
 * The rules on a lifecycle hook that both the loader (`deploymentHooks.ts`, from config) and the components
 * (`deploymentConfiguration.ts`, from `FargateService`'s and `LoadBalancer`'s `deployment`) judge: which
 * stages a hook may name, which of them a pause hook may not, and what a Lambda function ARN looks like.
 * Pure; each caller words its own messages around them.
 *
 * Sources: the stages and the PAUSE rule are ECS's (policy/facts/ecsDeployments.ts, which cites the API
 * reference `DeploymentLifecycleHook`); the ARN is Lambda's (API reference, `Invoke` `FunctionName`); the
 * partitions are the AWS General Reference's (resources in aws, aws-cn and aws-us-gov cannot reach another
 * partition's).
 */
import { PAUSE_FORBIDDEN_STAGES, PROVIDER_LIFECYCLE_STAGES } from "../policy/facts/ecsDeployments";
import { PARTITION, partitionOf } from "./arn";
import type { LifecycleStage } from "./deploymentSettings";
import type { ValueProblem } from "./testTraffic";

/** Every stage a hook may name, in the order a deployment reaches them: those the pinned provider accepts (policy/facts). */
export const LIFECYCLE_STAGES: readonly LifecycleStage[] = PROVIDER_LIFECYCLE_STAGES;

/** Stages only a Lambda hook may use (DeploymentLifecycleHook; ECS also runs them again on a rollback). */
export const LAMBDA_ONLY_STAGES = PAUSE_FORBIDDEN_STAGES as readonly LifecycleStage[];

/** Whether a pause hook is refused at `stage`: only Lambda hooks may run there. */
export const isLambdaOnlyStage = (stage: string): boolean => (LAMBDA_ONLY_STAGES as readonly string[]).includes(stage);

/**
 * A Lambda function ARN as `Invoke` takes it (Lambda API reference, `FunctionName`): name of 1 to 64 letters,
 * digits, hyphens or underscores; an optional qualifier, `$LATEST`, a version or an alias of up to 128.
 */
const LAMBDA_FUNCTION_ARN = new RegExp(`^arn:${PARTITION}:lambda:([a-z]{2}(?:-[a-z]+)+-\\d):(\\d{12}):function:([A-Za-z0-9_-]{1,64})(?::(\\$LATEST|[A-Za-z0-9_-]{1,128}))?$`);


/**
 * Why a text is not the ARN of a Lambda function a stack in `region` can invoke, or undefined; with no
 * region, only the ARN's own shape and partition are judged.
 */
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

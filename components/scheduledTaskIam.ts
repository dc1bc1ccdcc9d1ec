/**
 * IAM documents of a scheduled task's schedule role: who may assume it and what it may do. Pure, so that
 * least privilege is tested without mocks.
 *
 * Sources:
 * - Scheduler User Guide, "Confused deputy prevention"
 *   (https://docs.aws.amazon.com/scheduler/latest/UserGuide/cross-service-confused-deputy-prevention.html):
 *   pin `aws:SourceAccount`, and `aws:SourceArn` to the schedule GROUP's ARN — "Do not scope the
 *   aws:SourceArn statement to a specific schedule or a schedule name prefix". So the trust policy never
 *   needs the schedule's own ARN, and there is no cycle between the role and the schedule that uses it.
 * - ECS Developer Guide, "Amazon ECS CloudWatch Events IAM role"
 *   (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html) and "Grant permission to
 *   tag resources on creation" (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html):
 *   `ecs:RunTask` on the task definition, `iam:PassRole` for the task's roles, and `ecs:TagResource` limited
 *   to `ecs:CreateAction` RunTask when the task is started with tags (propagated or ECS-managed).
 * - Service Authorization Reference, Amazon ECS: `ecs:RunTask` takes a task-definition resource and the
 *   `ecs:cluster` condition key; `ecs:TagResource` takes the task resource `task/<cluster>/<id>`.
 */
import type { PolicyDocument } from "./iamDocuments";

const TASK_DEFINITION_ARN = /^arn:(aws|aws-cn|aws-us-gov):ecs:([a-z]{2}(-[a-z]+)+-\d):(\d{12}):task-definition\/([A-Za-z0-9_-]{1,255}):([1-9]\d*)$/;
const CLUSTER_ARN = /^arn:(aws|aws-cn|aws-us-gov):ecs:([a-z]{2}(-[a-z]+)+-\d):(\d{12}):cluster\/([A-Za-z0-9_-]{1,255})$/;
const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/([\w+=,.@/-]{1,512})$/;

/** Why `arn` is not a task definition revision ARN (`…:task-definition/<family>:<revision>`), or undefined. */
export const taskDefinitionArnProblem = (arn: string): string | undefined =>
    TASK_DEFINITION_ARN.test(arn) ? undefined : "expected a task definition revision ARN (arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>)";

/** Why `arn` is not an ECS cluster ARN, or undefined. */
export const clusterArnProblem = (arn: string): string | undefined =>
    CLUSTER_ARN.test(arn) ? undefined : "expected an ECS cluster ARN (arn:aws:ecs:<region>:<account>:cluster/<name>)";

/** Why `arn` is not an IAM role ARN, or undefined. */
export const roleArnProblem = (arn: string): string | undefined => (ROLE_ARN.test(arn) ? undefined : "expected an IAM role ARN (arn:aws:iam::<account>:role/<name>)");

/** Where the schedule runs, for the trust policy. */
export interface ScheduleSource {
    readonly accountId: string;
    readonly region: string;
    readonly partition: string;
    /** The schedule group the schedule belongs to ("default" unless one is named). */
    readonly groupName: string;
}

/**
 * Trust policy letting EventBridge Scheduler assume the role only for schedules of this account's group
 * `groupName` in this region: another account's schedule (or a schedule of another group) cannot use it.
 */
export function schedulerTrustPolicy(source: ScheduleSource): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: "scheduler.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: {
                        "aws:SourceAccount": source.accountId,
                        "aws:SourceArn": `arn:${source.partition}:scheduler:${source.region}:${source.accountId}:schedule-group/${source.groupName}`,
                    },
                },
            },
        ],
    };
}

/** What the schedule role starts and hands over. */
export interface ScheduledRunNeeds {
    /** The task definition revision the schedule runs. */
    readonly taskDefinitionArn: string;
    /** The cluster it runs in. */
    readonly clusterArn: string;
    /** The task's execution role and task role: the only roles RunTask may pass. */
    readonly executionRoleArn: string;
    readonly taskRoleArn: string;
}

/**
 * The schedule role's permissions: run exactly this task definition revision, only in this cluster; tag
 * only tasks it starts there (the propagated and ECS-managed tags); pass only the task's two roles, and only
 * to ECS tasks.
 *
 * The revision ARN rather than `family:*`: the role can then never start an older revision (an older image
 * with a fixed vulnerability, a wider task role). The schedule and this policy change together when a new
 * revision is registered; a run falling between the two updates is refused and retried by the schedule's
 * retry policy.
 */
export function scheduledRunPolicy(needs: ScheduledRunNeeds): PolicyDocument {
    const problems = [
        taskDefinitionArnProblem(needs.taskDefinitionArn) && `taskDefinitionArn ${JSON.stringify(needs.taskDefinitionArn)}: ${taskDefinitionArnProblem(needs.taskDefinitionArn)}`,
        clusterArnProblem(needs.clusterArn) && `clusterArn ${JSON.stringify(needs.clusterArn)}: ${clusterArnProblem(needs.clusterArn)}`,
        roleArnProblem(needs.executionRoleArn) && `executionRoleArn ${JSON.stringify(needs.executionRoleArn)}: ${roleArnProblem(needs.executionRoleArn)}`,
        roleArnProblem(needs.taskRoleArn) && `taskRoleArn ${JSON.stringify(needs.taskRoleArn)}: ${roleArnProblem(needs.taskRoleArn)}`,
    ].filter((p): p is string => !!p);
    if (problems.length > 0) {
        throw new Error(problems.join("; "));
    }
    const [, partition, region, , account, clusterName] = CLUSTER_ARN.exec(needs.clusterArn)!;
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "RunThisTaskDefinition",
                Effect: "Allow",
                Action: "ecs:RunTask",
                Resource: needs.taskDefinitionArn,
                Condition: { ArnEquals: { "ecs:cluster": needs.clusterArn } },
            },
            {
                Sid: "TagTasksItStarts",
                Effect: "Allow",
                Action: "ecs:TagResource",
                Resource: `arn:${partition}:ecs:${region}:${account}:task/${clusterName}/*`,
                Condition: { StringEquals: { "ecs:CreateAction": "RunTask" } },
            },
            {
                Sid: "PassTheTaskRoles",
                Effect: "Allow",
                Action: "iam:PassRole",
                Resource: [...new Set([needs.executionRoleArn, needs.taskRoleArn])],
                Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
            },
        ],
    };
}

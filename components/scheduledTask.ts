import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ec2Description } from "./ec2Description";
import { allowAwsApiEgress, createFargateTask, FargateTask } from "./fargateTask";
import { childName } from "./naming";
import { resolveScheduledTaskArgs, ScheduledTaskArgs } from "./scheduledTaskArgs";
import { scheduledRunPolicy, schedulerTrustPolicy } from "./scheduledTaskIam";

export { resolveScheduledTaskArgs, ScheduledTaskArgs, ScheduleRetry } from "./scheduledTaskArgs";

/**
 * A task definition run on a schedule by EventBridge Scheduler (an existing revision, or one it creates from
 * `task` as `FargateService` does): a schedule (flexible window off, bounded
 * retries) whose ECS target starts the task on Fargate without a public IP; a role that only Scheduler, for
 * schedules of this account's group, may assume, and that may run only this task definition revision in this
 * cluster and pass only the task's execution and task roles; and a security group with no ingress and HTTPS
 * egress only.
 *
 * No dead-letter queue: a run that fails after its retries shows in the `AWS/Scheduler` metrics
 * (`TargetErrorCount`, `InvocationDroppedCount`), and the event itself (the schedule's ARN and time) holds
 * nothing to replay. A queue would add a resource, a grant and a second place to watch for no information.
 * Set `target.deadLetterConfig` through Pulumi's `transforms` option where a team reads one.
 *
 * A one-time `at(…)` schedule stays in place after its run (ActionAfterCompletion NONE): were AWS to delete
 * it, the next `pulumi up` would create it again.
 */
export class ScheduledTask extends pulumi.ComponentResource {
    /** The schedule's ARN. */
    public readonly scheduleArn: pulumi.Output<string>;
    /** The schedule's name (generated from the component's name). */
    public readonly scheduleName: pulumi.Output<string>;
    /** The role Scheduler assumes to start the task. */
    public readonly roleArn: pulumi.Output<string>;
    /** Security group of the scheduled tasks; callers may add egress rules to it. */
    public readonly securityGroupId: pulumi.Output<string>;
    /** The schedule resource, for `dependsOn` and inspection. */
    public readonly schedule: aws.scheduler.Schedule;
    /** The role Scheduler assumes; holds only the run policy. */
    public readonly role: aws.iam.Role;
    /** The scheduled tasks' security group. */
    public readonly securityGroup: aws.ec2.SecurityGroup;
    /** The task this component created (`args.task`): log group, roles and task definition; else undefined. */
    public readonly task?: FargateTask;
    /** The task definition revision the schedule runs. */
    public readonly taskDefinitionArn: pulumi.Output<string>;

    constructor(name: string, args: ScheduledTaskArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component itself registers: bad arguments leave nothing behind.
        const a = resolveScheduledTaskArgs(name, args);
        const groupDescription = ec2Description(`ScheduledTask ${name}`, "security group description", `Scheduled tasks of ${name}: no ingress`);
        super("fargate-web:scheduler:ScheduledTask", name, {}, opts);
        const tags = a.tags;
        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        const region = aws.getRegionOutput({}, { parent: this }).region;
        const partition = aws.getPartitionOutput({}, { parent: this }).partition;

        // resolveScheduledTaskArgs has made sure of one form or the other.
        this.task = args.task ? createFargateTask(this, name, args.task) : undefined;
        const taskDefinitionArn = this.task ? this.task.taskDefinition.arn : pulumi.output(args.taskDefinitionArn!);
        const executionRoleArn = this.task ? this.task.executionRole.arn : pulumi.output(args.executionRoleArn!);
        const taskRoleArn = this.task ? this.task.taskRole.arn : pulumi.output(args.taskRoleArn!);
        this.taskDefinitionArn = taskDefinitionArn;

        const role = (this.role = new aws.iam.Role(
            childName(name, "schedule-role"),
            {
                description: `EventBridge Scheduler starts ${name}: run its task definition, pass its two roles.`,
                assumeRolePolicy: pulumi
                    .all([identity.accountId, region, partition])
                    .apply(([accountId, r, p]) => JSON.stringify(schedulerTrustPolicy({ accountId, region: r, partition: p, groupName: a.groupName }))),
                tags,
            },
            { parent: this },
        ));
        const runPolicy = new aws.iam.RolePolicy(
            childName(name, "schedule-policy"),
            {
                role: role.name,
                policy: pulumi
                    .all([taskDefinitionArn, args.clusterArn, executionRoleArn, taskRoleArn])
                    .apply(([taskDefinitionArn, clusterArn, executionRoleArn, taskRoleArn]) =>
                        JSON.stringify(scheduledRunPolicy({ taskDefinitionArn, clusterArn, executionRoleArn, taskRoleArn })),
                    ),
            },
            { parent: this },
        );

        const securityGroup = (this.securityGroup = new aws.ec2.SecurityGroup(
            childName(name, "task-sg"),
            { vpcId: args.vpcId, description: groupDescription, tags: { ...tags, Name: childName(name, "tasks") } },
            { parent: this },
        ));
        allowAwsApiEgress(this, name, securityGroup.id, tags);

        this.schedule = new aws.scheduler.Schedule(
            childName(name, "schedule"),
            {
                description: `Runs the task of ${name} on ${a.schedule} (${a.timezone}).`,
                groupName: a.groupName,
                scheduleExpression: a.schedule,
                scheduleExpressionTimezone: a.timezone,
                // Runs at the stated minute; a window would only spread load Fargate does not need spread.
                flexibleTimeWindow: { mode: "OFF" },
                state: "ENABLED",
                target: {
                    arn: args.clusterArn,
                    roleArn: role.arn,
                    retryPolicy: { maximumRetryAttempts: a.maximumRetryAttempts, maximumEventAgeInSeconds: a.maximumEventAgeSeconds },
                    ecsParameters: {
                        taskDefinitionArn,
                        taskCount: a.taskCount,
                        // On-demand runs name the launch type, which needs no capacity provider on the cluster;
                        // Spot can only be asked for through a strategy.
                        ...(a.capacityProvider === "FARGATE"
                            ? { launchType: "FARGATE" }
                            : { capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }] }),
                        platformVersion: a.platformVersion,
                        networkConfiguration: { subnets: args.subnetIds, securityGroups: [securityGroup.id], assignPublicIp: a.assignPublicIp },
                        enableEcsManagedTags: true,
                        propagateTags: "TASK_DEFINITION",
                        enableExecuteCommand: false,
                    },
                },
            },
            // The first run must not find the role without its permissions.
            { parent: this, dependsOn: [runPolicy] },
        );

        this.scheduleArn = this.schedule.arn;
        this.scheduleName = this.schedule.name;
        this.roleArn = role.arn;
        this.securityGroupId = securityGroup.id;
        this.registerOutputs({
            scheduleArn: this.scheduleArn,
            scheduleName: this.scheduleName,
            roleArn: this.roleArn,
            securityGroupId: this.securityGroupId,
            taskDefinitionArn: this.taskDefinitionArn,
        });
    }
}

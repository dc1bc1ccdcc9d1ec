/**
 * The arguments of {@link ScheduledTask} and their normalisation: defaults, and every check that can be made
 * before a resource is registered. Pure.
 */
import type * as pulumi from "@pulumi/pulumi";
import { arnRegionOf } from "./arn";
import type { CapacityProvider } from "./capacity";
import type { CpuArchitecture } from "./fargateServiceArgs";
import type { FargateTaskArgs } from "./fargateTask";
import { FargatePlatformVersion, FARGATE_PLATFORM_VERSIONS, platformVersionProblem } from "./platformVersion";
import { scheduleProblems } from "./scheduleExpression";
import { clusterArnProblem, roleArnProblem, taskDefinitionArnProblem } from "./scheduledTaskIam";

/** How many times, and for how long, Scheduler retries a RunTask call that failed. */
export interface ScheduleRetry {
    /** Retries after the first attempt, 0 to 185. @default 3 */
    readonly maximumRetryAttempts?: number;
    /** Seconds after the scheduled time past which a run is dropped, 60 to 86400. @default 3600 */
    readonly maximumEventAgeSeconds?: number;
}

/** Arguments of {@link ScheduledTask}. */
export interface ScheduledTaskArgs {
    /** ARN of the cluster the task runs in. */
    readonly clusterArn: pulumi.Input<string>;
    /**
     * The task definition revision to run (`…:task-definition/<family>:<revision>`); the role may run only it.
     * Give it with `executionRoleArn` and `taskRoleArn`, or give `task` instead.
     */
    readonly taskDefinitionArn?: pulumi.Input<string>;
    /** The task definition's execution role; with `taskRoleArn`, the only roles the schedule may pass. */
    readonly executionRoleArn?: pulumi.Input<string>;
    /** The task definition's task role. */
    readonly taskRoleArn?: pulumi.Input<string>;
    /**
     * A task to create as this component's children (log group, execution and task roles, task definition:
     * `createFargateTask`, as `FargateService` does), instead of `taskDefinitionArn` and its roles. Resolved
     * settings, validated by the caller (`resolveFargateServiceArgs` or the stack loader). @default undefined
     */
    readonly task?: FargateTaskArgs;
    /** VPC of the task's security group. */
    readonly vpcId: pulumi.Input<string>;
    /** Subnets the task runs in. */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Give the task a public IP; only for public subnets without NAT, where the task needs one to pull images.
     * @default false
     */
    readonly assignPublicIp?: boolean;
    /** When to run: `cron(minutes hours day-of-month month day-of-week year)`, `rate(value unit)` or `at(yyyy-mm-ddThh:mm:ss)`. */
    readonly schedule: string;
    /** Time zone the schedule is read in, a tz database name. @default "UTC" */
    readonly timezone?: string;
    /**
     * Fargate or Fargate Spot (cheaper; a run may be stopped with two minutes' notice). Spot runs get no public
     * IP (Scheduler allows one only with launch type FARGATE). @default "FARGATE"
     */
    readonly capacityProvider?: CapacityProvider;
    /** Fargate platform version. @default "LATEST" */
    readonly platformVersion?: FargatePlatformVersion;
    /** CPU architecture of the task definition, to check a pinned platform version. @default "X86_64" */
    readonly architecture?: CpuArchitecture;
    /** Tasks started per run, 1 to 10. @default 1 */
    readonly taskCount?: number;
    /** Schedule group the schedule belongs to; the role trusts only schedules of this group. @default "default" */
    readonly groupName?: string;
    /** Retries of a failed RunTask. @default 3 retries within one hour */
    readonly retry?: ScheduleRetry;
    /** Tags for every resource (and, through the task definition, the tasks). @default {} */
    readonly tags?: Record<string, string>;
}

/** Schedule and group names: CreateSchedule `Name` and `GroupName`, 1 to 64 of `[0-9a-zA-Z-_.]`. */
export const SCHEDULE_NAME = /^[0-9a-zA-Z_.-]{1,64}$/;

const known = (value: pulumi.Input<string> | undefined): value is string => typeof value === "string";

/**
 * The fully defaulted, validated form of {@link ScheduledTaskArgs}. Throws one error listing every problem,
 * each naming the instance, the argument, the value given and what is allowed.
 */
export function resolveScheduledTaskArgs(name: string, args: ScheduledTaskArgs) {
    const resolved = {
        schedule: args.schedule,
        timezone: args.timezone ?? "UTC",
        assignPublicIp: args.assignPublicIp ?? false,
        capacityProvider: args.capacityProvider ?? "FARGATE",
        platformVersion: args.platformVersion ?? "LATEST",
        architecture: args.architecture ?? args.task?.architecture ?? "X86_64",
        taskCount: args.taskCount ?? 1,
        groupName: args.groupName ?? "default",
        // AWS's default is 185 retries over 24 hours: a missed nightly run could then start the next
        // afternoon, or overlap the next night's run. One hour and three retries ride out throttling and a
        // brief capacity shortage (and the moment a new revision is being rolled into the policy).
        maximumRetryAttempts: args.retry?.maximumRetryAttempts ?? 3,
        maximumEventAgeSeconds: args.retry?.maximumEventAgeSeconds ?? 3600,
        tags: args.tags ?? {},
    };
    const problems: string[] = [];
    const show = JSON.stringify;
    if (typeof resolved.schedule !== "string") {
        problems.push(`schedule is ${show(resolved.schedule)}; expected a schedule expression such as "cron(0 3 * * ? *)" or "rate(1 hour)"`);
    } else {
        problems.push(...scheduleProblems(resolved.schedule, resolved.timezone, { expression: "schedule", timezone: "timezone" }));
    }
    if (!["FARGATE", "FARGATE_SPOT"].includes(resolved.capacityProvider)) {
        problems.push(`capacityProvider is ${show(resolved.capacityProvider)}; expected "FARGATE" or "FARGATE_SPOT"`);
    }
    if (!(FARGATE_PLATFORM_VERSIONS as readonly string[]).includes(resolved.platformVersion)) {
        problems.push(`platformVersion is ${show(resolved.platformVersion)}; expected one of ${FARGATE_PLATFORM_VERSIONS.join(", ")}`);
    } else {
        const platform = platformVersionProblem(
            // A task given by ARN is sized elsewhere (cpu 0: nothing to judge here).
            { platformVersion: resolved.platformVersion, architecture: resolved.architecture, capacityProvider: resolved.capacityProvider, secretsByKeyOrVersion: false, cpu: args.task?.cpu ?? 0 },
            { platformVersion: "platformVersion", architecture: "architecture", capacityProvider: "capacityProvider", secrets: "secrets", cpu: "cpu" },
        );
        if (platform) problems.push(platform);
    }
    // Scheduler API Reference, AwsVpcConfiguration.AssignPublicIp: "You can specify ENABLED only when LaunchType
    // in EcsParameters is set to FARGATE"; Spot is asked for through a capacity provider strategy instead.
    if (resolved.assignPublicIp && resolved.capacityProvider === "FARGATE_SPOT") {
        problems.push(
            `assignPublicIp is true with capacityProvider "FARGATE_SPOT"; Scheduler gives a public IP only to tasks launched as FARGATE: use capacityProvider "FARGATE", or subnets with a NAT gateway and no public IP`,
        );
    }
    // RunTask's count: 1 to 10 (CreateSchedule EcsParameters.TaskCount).
    if (!Number.isInteger(resolved.taskCount) || resolved.taskCount < 1 || resolved.taskCount > 10) {
        problems.push(`taskCount is ${show(resolved.taskCount)}; expected a whole number from 1 to 10`);
    }
    if (typeof resolved.groupName !== "string" || !SCHEDULE_NAME.test(resolved.groupName)) {
        problems.push(`groupName is ${show(resolved.groupName)}; expected 1 to 64 letters, digits and - _ .`);
    }
    // Ranges of CreateSchedule RetryPolicy.
    if (!Number.isInteger(resolved.maximumRetryAttempts) || resolved.maximumRetryAttempts < 0 || resolved.maximumRetryAttempts > 185) {
        problems.push(`retry.maximumRetryAttempts is ${show(resolved.maximumRetryAttempts)}; expected a whole number from 0 to 185`);
    }
    if (!Number.isInteger(resolved.maximumEventAgeSeconds) || resolved.maximumEventAgeSeconds < 60 || resolved.maximumEventAgeSeconds > 86400) {
        problems.push(`retry.maximumEventAgeSeconds is ${show(resolved.maximumEventAgeSeconds)}; expected a whole number of seconds from 60 to 86400`);
    }
    const given = (["taskDefinitionArn", "executionRoleArn", "taskRoleArn"] as const).filter(key => args[key] !== undefined);
    if (args.task !== undefined && given.length > 0) {
        problems.push(`task and ${given.join(", ")} are both set; give the task to create, or an existing task definition with its two roles, not both`);
    } else if (args.task === undefined && given.length < 3) {
        const missing = (["taskDefinitionArn", "executionRoleArn", "taskRoleArn"] as const).filter(key => args[key] === undefined);
        problems.push(`${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not set; give taskDefinitionArn with executionRoleArn and taskRoleArn, or task`);
    }
    if (args.task !== undefined && args.architecture !== undefined && args.architecture !== args.task.architecture) {
        problems.push(`architecture is ${show(args.architecture)} but task.architecture is ${show(args.task.architecture)}; leave architecture unset, it is the task's`);
    }
    // ARNs known now are checked now; Outputs are checked when the role's policy is built.
    const arnChecks: Array<[string, pulumi.Input<string> | undefined, (v: string) => string | undefined]> = [
        ["clusterArn", args.clusterArn, clusterArnProblem],
        ["taskDefinitionArn", args.taskDefinitionArn, taskDefinitionArnProblem],
        ["executionRoleArn", args.executionRoleArn, roleArnProblem],
        ["taskRoleArn", args.taskRoleArn, roleArnProblem],
    ];
    for (const [key, value, check] of arnChecks) {
        const problem = known(value) ? check(value) : undefined;
        if (problem) problems.push(`${key} is ${show(value)}; ${problem}`);
    }
    if (known(args.clusterArn) && known(args.taskDefinitionArn) && !clusterArnProblem(args.clusterArn) && !taskDefinitionArnProblem(args.taskDefinitionArn)) {
        const [clusterRegion, taskRegion] = [arnRegionOf(args.clusterArn), arnRegionOf(args.taskDefinitionArn)];
        if (clusterRegion !== taskRegion) {
            problems.push(`taskDefinitionArn is in ${taskRegion} but clusterArn in ${clusterRegion}; RunTask runs a task definition of the cluster's region`);
        }
    }
    if (problems.length > 0) {
        throw new Error(problems.map(p => `ScheduledTask ${name}: ${p}.`).join("\n"));
    }
    return resolved;
}

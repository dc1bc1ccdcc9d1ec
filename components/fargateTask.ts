/**
 * The task a Fargate service or a scheduled task runs: its log group, execution role and policy, task role
 * and task definition. A function, not a component, so the resources stay children of the component that
 * calls it and keep the logical names (`<name>-logs`, `-execution-role`, `-execution-policy`, `-task-role`,
 * `-task`) and URNs they had when `FargateService` created them itself.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ContainerHealthCheck } from "./containerDefinition";
import { containerDefinition } from "./containerDefinition";
import type { CpuArchitecture } from "./fargateServiceArgs";
import { ecsTasksTrustPolicy, executionRolePolicy } from "./iamDocuments";
import { childName, serviceLogGroupName } from "./naming";

/** Resolved settings of one task: one container, values already validated by the caller. */
export interface FargateTaskArgs {
    readonly cpu: number;
    readonly memory: number;
    readonly architecture: CpuArchitecture;
    readonly containerName: string;
    /** Port the container listens on; none for a task that serves nothing. */
    readonly containerPort?: number;
    readonly user: string;
    readonly readonlyRootFilesystem: boolean;
    readonly stopTimeoutSeconds: number;
    readonly healthCheck: ContainerHealthCheck;
    /** Plain variables, including those the task sets itself (`PORT`, `SHUTDOWN_TIMEOUT_SECONDS`). */
    readonly environment: Readonly<Record<string, string>>;
    /** Variable name to `valueFrom` ARN. */
    readonly secrets: Readonly<Record<string, pulumi.Input<string>>>;
    /** Image reference, by digest. */
    readonly image: pulumi.Input<string>;
    /** ECR repository of the image, for the pull grant. */
    readonly repositoryArn?: pulumi.Input<string>;
    readonly logRetentionDays: number;
    readonly kmsKeyArn?: string;
    /** Region, for the awslogs driver; the provider's when unset. */
    readonly region?: pulumi.Input<string>;
    /** Protect (and retain) the log group. */
    readonly protect: boolean;
    readonly tags: Record<string, string>;
}

/** The resources of a task, all children of the calling component. */
export interface FargateTask {
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly executionRole: aws.iam.Role;
    readonly executionPolicy: aws.iam.RolePolicy;
    /** Role the application code runs as; it holds no permissions. */
    readonly taskRole: aws.iam.Role;
    readonly taskDefinition: aws.ecs.TaskDefinition;
    /** The region the task logs to (given, or the provider's). */
    readonly region: pulumi.Output<string>;
}

/**
 * Creates the task of `name` as children of `parent`: a log group with retention, an execution role that
 * can pull this image, write these logs and read exactly these secrets, a task role with no permissions, and
 * a task definition (family `<stack>-<name>`, non-root, health check, digest-pinned image).
 */
export function createFargateTask(parent: pulumi.Resource, name: string, a: FargateTaskArgs): FargateTask {
    const opts = { parent };
    const tags = a.tags;
    const region = pulumi.output(a.region ?? aws.getRegionOutput({}, opts).region);
    const identity = aws.getCallerIdentityOutput({}, opts);
    const partition = aws.getPartitionOutput({}, opts).partition;

    const logGroup = new aws.cloudwatch.LogGroup(
        childName(name, "logs"),
        { name: serviceLogGroupName(pulumi.getProject(), pulumi.getStack(), name), retentionInDays: a.logRetentionDays, kmsKeyId: a.kmsKeyArn, tags },
        { parent, protect: a.protect, retainOnDelete: a.protect },
    );

    const trustPolicy = pulumi
        .all([identity.accountId, region, partition])
        .apply(([account, r, p]) => JSON.stringify(ecsTasksTrustPolicy(account, r, p)));
    const executionRole = new aws.iam.Role(
        childName(name, "execution-role"),
        { description: `ECS agent for ${name}: pull the image, write logs, read the task's secrets.`, assumeRolePolicy: trustPolicy, tags },
        opts,
    );
    // Variable name to valueFrom ARN, resolved once for both the grants and the container definition.
    const secrets = pulumi.output(a.secrets);
    const executionPolicy = new aws.iam.RolePolicy(
        childName(name, "execution-policy"),
        {
            role: executionRole.name,
            policy: pulumi.all([a.repositoryArn, logGroup.arn, secrets]).apply(([repositoryArn, logGroupArn, valueFroms]) =>
                JSON.stringify(executionRolePolicy({ repositoryArn, logGroupArn, secretValueFroms: Object.values(valueFroms), kmsKeyArn: a.kmsKeyArn })),
            ),
        },
        opts,
    );
    const taskRole = new aws.iam.Role(
        childName(name, "task-role"),
        { description: `Application code of ${name}; holds no permissions by default.`, assumeRolePolicy: trustPolicy, tags },
        opts,
    );

    const containerDefinitions = pulumi.all([a.image, logGroup.name, region, secrets]).apply(([image, logGroupName, r, valueFroms]) =>
        JSON.stringify([
            containerDefinition({
                name: a.containerName,
                image,
                port: a.containerPort,
                user: a.user,
                readonlyRootFilesystem: a.readonlyRootFilesystem,
                stopTimeoutSeconds: a.stopTimeoutSeconds,
                healthCheck: a.healthCheck,
                environment: a.environment,
                secrets: valueFroms,
                logGroupName,
                region: r,
            }),
        ]),
    );
    const taskDefinition = new aws.ecs.TaskDefinition(
        childName(name, "task"),
        {
            family: childName(pulumi.getStack(), name),
            cpu: String(a.cpu),
            memory: String(a.memory),
            networkMode: "awsvpc",
            requiresCompatibilities: ["FARGATE"],
            runtimePlatform: { cpuArchitecture: a.architecture, operatingSystemFamily: "LINUX" },
            executionRoleArn: executionRole.arn,
            taskRoleArn: taskRole.arn,
            containerDefinitions,
            volumes: a.readonlyRootFilesystem ? [{ name: "tmp" }] : [],
            tags,
        },
        opts,
    );
    return { logGroup, executionRole, executionPolicy, taskRole, taskDefinition, region };
}

/**
 * The one egress a task's security group needs: HTTPS to the world, for ECR, CloudWatch Logs, Secrets
 * Manager and the other AWS APIs (tasks reach them through a public IP or NAT). Logical name
 * `<name>-egress-https`, a child of `parent`.
 */
export function allowAwsApiEgress(parent: pulumi.Resource, name: string, securityGroupId: pulumi.Input<string>, tags: Record<string, string>): aws.vpc.SecurityGroupEgressRule {
    return new aws.vpc.SecurityGroupEgressRule(
        childName(name, "egress-https"),
        {
            securityGroupId,
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrIpv4: "0.0.0.0/0",
            description: "HTTPS to ECR, CloudWatch Logs, Secrets Manager and other AWS APIs",
            tags,
        },
        { parent },
    );
}

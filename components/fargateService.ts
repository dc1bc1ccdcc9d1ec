import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { appEnvironment, reservedNames } from "./appEnvironment";
import { CapacityProvider, capacityProviderStrategy } from "./capacity";
import { ContainerHealthCheck, containerDefinition } from "./containerDefinition";
import { fargateSizeProblem } from "./fargateSizes";
import { ec2Description } from "./ec2Description";
import { ecsTasksTrustPolicy, executionRolePolicy } from "./iamDocuments";
import { childName, serviceLogGroupName } from "./naming";
import { FargatePlatformVersion, FARGATE_PLATFORM_VERSIONS, platformVersionProblem, referencesKeyOrVersion } from "./platformVersion";
import { steadyStateTimeoutMinutes } from "./rolloutTimeout";

/** CPU architectures Fargate runs. */
export type CpuArchitecture = "X86_64" | "ARM64";

/** Arguments of {@link FargateService}. */
export interface FargateServiceArgs {
    /** VPC the tasks run in. */
    readonly vpcId: pulumi.Input<string>;
    /** Subnets the tasks run in. */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Give each task a public IP; only for public subnets without NAT, where tasks need one to pull images.
     * @default false
     */
    readonly assignPublicIp?: boolean;
    /** The load balancer in front: only its security group may reach the tasks. */
    readonly loadBalancer: {
        readonly securityGroupId: pulumi.Input<string>;
        readonly targetGroupArn: pulumi.Input<string>;
        /** The listener forwarding to the target group; ECS rejects a target group no listener uses. */
        readonly listener?: pulumi.Resource;
        /**
         * Seconds of target-group health checks before a new task is healthy (interval × healthy threshold);
         * sizes the deploy timeout. @default 150 (the ALB defaults, 30 s × 5)
         */
        readonly secondsToHealthy?: number;
        /** Seconds the target group drains a stopping task; sizes the deploy timeout. @default 300 (AWS's default) */
        readonly deregistrationDelaySeconds?: number;
    };
    /** Image reference, by digest (`repo@sha256:…`). */
    readonly image: pulumi.Input<string>;
    /** ECR repository of the image, for the pull grant; unset for images from other registries. */
    readonly repositoryArn?: pulumi.Input<string>;
    /** Task CPU units. @default 256 */
    readonly cpu?: number;
    /** Task memory (MiB); must be a size Fargate offers with `cpu`. @default 512 */
    readonly memory?: number;
    /** CPU architecture; must match the image. @default "X86_64" */
    readonly architecture?: CpuArchitecture;
    /** Container name. @default "web" */
    readonly containerName?: string;
    /** Port the container listens on. @default 8080 */
    readonly containerPort?: number;
    /** Non-root user the container runs as. @default "1000" */
    readonly user?: string;
    /** Read-only root filesystem (a writable `/tmp` is mounted). @default true */
    readonly readonlyRootFilesystem?: boolean;
    /**
     * Seconds between SIGTERM and SIGKILL (2 to 120). The app learns its drain budget from it through
     * `SHUTDOWN_TIMEOUT_SECONDS`, and the port from `PORT`. @default 30
     */
    readonly stopTimeoutSeconds?: number;
    /** Container health check. @default `node healthcheck.js` every 15 s, 5 s timeout, 3 retries, 10 s start period */
    readonly healthCheck?: Partial<ContainerHealthCheck>;
    /** Plain environment variables. Never secrets, never `PORT` or `SHUTDOWN_TIMEOUT_SECONDS` (the task sets them). @default {} */
    readonly environment?: Record<string, string>;
    /** Secret variables: name to Secrets Manager or SSM parameter ARN (`valueFrom`). @default {} */
    readonly secrets?: Record<string, pulumi.Input<string>>;
    /** Tasks at first deployment. @default 1 */
    readonly desiredCount?: number;
    /** Provider for tasks above the on-demand base. @default "FARGATE" */
    readonly capacityProvider?: CapacityProvider;
    /** Tasks always on on-demand FARGATE. @default 0 */
    readonly onDemandBase?: number;
    /** Fargate platform version; pinned versions must run the architecture and the secrets. @default "LATEST" */
    readonly platformVersion?: FargatePlatformVersion;
    /** Seconds the service ignores load balancer health after a task starts. @default 30 */
    readonly healthCheckGracePeriodSeconds?: number;
    /** Days CloudWatch keeps container logs. @default 30 */
    readonly logRetentionDays?: number;
    /** Customer-managed KMS key for logs and secrets; grants `kms:Decrypt` when set. @default undefined */
    readonly kmsKeyArn?: string;
    /** Region, for the awslogs driver. @default the provider's region */
    readonly region?: pulumi.Input<string>;
    /** Autoscaling manages the task count: drift of `desiredCount` is then ignored. @default false */
    readonly autoscaled?: boolean;
    /** Protect the log group from deletion. @default false */
    readonly protect?: boolean;
    /** Tags for every resource. @default {} */
    readonly tags?: Record<string, string>;
}

const DEFAULT_HEALTH_CHECK: ContainerHealthCheck = {
    command: ["CMD", "node", "healthcheck.js"],
    intervalSeconds: 15,
    timeoutSeconds: 5,
    retries: 3,
    startPeriodSeconds: 10,
};

/** The fully defaulted, validated form of {@link FargateServiceArgs}. */
export function resolveFargateServiceArgs(args: FargateServiceArgs) {
    const resolved = {
        cpu: args.cpu ?? 256,
        memory: args.memory ?? 512,
        architecture: args.architecture ?? "X86_64",
        containerName: args.containerName ?? "web",
        containerPort: args.containerPort ?? 8080,
        user: args.user ?? "1000",
        readonlyRootFilesystem: args.readonlyRootFilesystem ?? true,
        stopTimeoutSeconds: args.stopTimeoutSeconds ?? 30,
        healthCheck: { ...DEFAULT_HEALTH_CHECK, ...args.healthCheck },
        environment: args.environment ?? {},
        secrets: args.secrets ?? {},
        desiredCount: args.desiredCount ?? 1,
        capacityProvider: args.capacityProvider ?? "FARGATE",
        onDemandBase: args.onDemandBase ?? 0,
        platformVersion: args.platformVersion ?? "LATEST",
        secondsToHealthy: args.loadBalancer.secondsToHealthy ?? 150,
        deregistrationDelaySeconds: args.loadBalancer.deregistrationDelaySeconds ?? 300,
        healthCheckGracePeriodSeconds: args.healthCheckGracePeriodSeconds ?? 30,
        logRetentionDays: args.logRetentionDays ?? 30,
        assignPublicIp: args.assignPublicIp ?? false,
        autoscaled: args.autoscaled ?? false,
        kmsKeyArn: args.kmsKeyArn,
        protect: args.protect ?? false,
        tags: args.tags ?? {},
    };
    const size = fargateSizeProblem(resolved.cpu, resolved.memory);
    if (size) {
        throw new Error(`FargateService: ${size}.`);
    }
    if (/^(root|0+)(:|$)/.test(resolved.user)) {
        throw new Error(`FargateService: user is ${JSON.stringify(resolved.user)}; run the container as a non-root user such as "1000".`);
    }
    if (resolved.healthCheckGracePeriodSeconds < resolved.healthCheck.startPeriodSeconds) {
        throw new Error(
            `FargateService: healthCheckGracePeriodSeconds (${resolved.healthCheckGracePeriodSeconds}) must be at least the container's start period (${resolved.healthCheck.startPeriodSeconds}).`,
        );
    }
    const reserved = reservedNames([...Object.keys(resolved.environment), ...Object.keys(resolved.secrets)]);
    if (reserved.length > 0) {
        throw new Error(`FargateService: ${reserved.join(", ")} set in environment or secrets; the task sets it from containerPort and stopTimeoutSeconds.`);
    }
    if (!(FARGATE_PLATFORM_VERSIONS as readonly string[]).includes(resolved.platformVersion)) {
        throw new Error(`FargateService: platformVersion is ${JSON.stringify(resolved.platformVersion)}; expected one of ${FARGATE_PLATFORM_VERSIONS.join(", ")}.`);
    }
    // Secret references known now; created secrets (Outputs) are pinned to versions, which the loader checks.
    const platform = platformVersionProblem(
        {
            platformVersion: resolved.platformVersion,
            architecture: resolved.architecture,
            capacityProvider: resolved.capacityProvider,
            secretsByKeyOrVersion: Object.values(resolved.secrets).some(v => typeof v === "string" && referencesKeyOrVersion(v)),
        },
        { platformVersion: "platformVersion", architecture: "architecture", capacityProvider: "capacityProvider", secrets: "secrets" },
    );
    if (platform) {
        throw new Error(`FargateService: ${platform}.`);
    }
    const both = Object.keys(resolved.secrets).filter(name => name in resolved.environment);
    if (both.length > 0) {
        throw new Error(`FargateService: ${both.join(", ")} set both in environment and in secrets; a variable is either plain or secret.`);
    }
    let taskEnvironment: Record<string, string>;
    try {
        taskEnvironment = { ...resolved.environment, ...appEnvironment(resolved.containerPort, resolved.stopTimeoutSeconds) };
    } catch (e) {
        throw new Error(`FargateService: ${(e as Error).message}`);
    }
    return { ...resolved, taskEnvironment };
}

/**
 * A Fargate service behind a load balancer: a cluster with Container Insights, a log group with retention,
 * an execution role that can pull this image, write these logs and read exactly these secrets, a separate
 * task role with no permissions, a task definition (non-root, health check, digest-pinned image) and a
 * service with circuit breaker and rollback whose security group admits only the load balancer.
 */
export class FargateService extends pulumi.ComponentResource {
    public readonly clusterName: pulumi.Output<string>;
    public readonly clusterArn: pulumi.Output<string>;
    public readonly serviceName: pulumi.Output<string>;
    public readonly taskDefinitionArn: pulumi.Output<string>;
    public readonly logGroupName: pulumi.Output<string>;
    /** Security group of the tasks. */
    public readonly securityGroupId: pulumi.Output<string>;
    public readonly executionRoleArn: pulumi.Output<string>;
    /** Role the application code runs as; attach the app's own permissions to it. */
    public readonly taskRoleName: pulumi.Output<string>;

    constructor(name: string, args: FargateServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:ecs:FargateService", name, {}, opts);
        const a = resolveFargateServiceArgs(args);
        const groupDescription = ec2Description(`FargateService ${name}`, "security group description", `Tasks of ${name}: only from the load balancer`);
        const tags = a.tags;
        const region = pulumi.output(args.region ?? aws.getRegionOutput({}, { parent: this }).region);
        const identity = aws.getCallerIdentityOutput({}, { parent: this });
        const partition = aws.getPartitionOutput({}, { parent: this }).partition;

        const cluster = new aws.ecs.Cluster(
            childName(name, "cluster"),
            { settings: [{ name: "containerInsights", value: "enabled" }], tags },
            { parent: this },
        );
        const capacityProviders = new aws.ecs.ClusterCapacityProviders(
            childName(name, "capacity"),
            { clusterName: cluster.name, capacityProviders: ["FARGATE", "FARGATE_SPOT"] },
            { parent: this },
        );

        const logGroup = new aws.cloudwatch.LogGroup(
            childName(name, "logs"),
            {
                name: serviceLogGroupName(pulumi.getProject(), pulumi.getStack(), name),
                retentionInDays: a.logRetentionDays,
                kmsKeyId: a.kmsKeyArn,
                tags,
            },
            { parent: this, protect: a.protect, retainOnDelete: a.protect },
        );

        const trustPolicy = pulumi
            .all([identity.accountId, region, partition])
            .apply(([account, r, p]) => JSON.stringify(ecsTasksTrustPolicy(account, r, p)));
        const executionRole = new aws.iam.Role(
            childName(name, "execution-role"),
            { description: `ECS agent for ${name}: pull the image, write logs, read the task's secrets.`, assumeRolePolicy: trustPolicy, tags },
            { parent: this },
        );
        // Variable name to valueFrom ARN, resolved once for both the grants and the container definition.
        const secrets = pulumi.output(a.secrets);
        new aws.iam.RolePolicy(
            childName(name, "execution-policy"),
            {
                role: executionRole.name,
                policy: pulumi.all([args.repositoryArn, logGroup.arn, secrets]).apply(([repositoryArn, logGroupArn, valueFroms]) =>
                    JSON.stringify(executionRolePolicy({ repositoryArn, logGroupArn, secretValueFroms: Object.values(valueFroms), kmsKeyArn: a.kmsKeyArn })),
                ),
            },
            { parent: this },
        );
        const taskRole = new aws.iam.Role(
            childName(name, "task-role"),
            { description: `Application code of ${name}; holds no permissions by default.`, assumeRolePolicy: trustPolicy, tags },
            { parent: this },
        );

        const securityGroup = new aws.ec2.SecurityGroup(
            childName(name, "task-sg"),
            { vpcId: args.vpcId, description: groupDescription, tags: { ...tags, Name: childName(name, "tasks") } },
            { parent: this },
        );
        new aws.vpc.SecurityGroupIngressRule(
            childName(name, "ingress-lb"),
            {
                securityGroupId: securityGroup.id,
                referencedSecurityGroupId: args.loadBalancer.securityGroupId,
                ipProtocol: "tcp",
                fromPort: a.containerPort,
                toPort: a.containerPort,
                description: "Container port from the load balancer only",
                tags,
            },
            { parent: this },
        );
        new aws.vpc.SecurityGroupEgressRule(
            childName(name, "egress-https"),
            {
                securityGroupId: securityGroup.id,
                ipProtocol: "tcp",
                fromPort: 443,
                toPort: 443,
                cidrIpv4: "0.0.0.0/0",
                description: "HTTPS to ECR, CloudWatch Logs, Secrets Manager and other AWS APIs",
                tags,
            },
            { parent: this },
        );

        const containerDefinitions = pulumi
            .all([args.image, logGroup.name, region, secrets])
            .apply(([image, logGroupName, r, valueFroms]) =>
                JSON.stringify([
                    containerDefinition({
                        name: a.containerName,
                        image,
                        port: a.containerPort,
                        user: a.user,
                        readonlyRootFilesystem: a.readonlyRootFilesystem,
                        stopTimeoutSeconds: a.stopTimeoutSeconds,
                        healthCheck: a.healthCheck,
                        environment: a.taskEnvironment,
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
            { parent: this },
        );

        const steadyStateTimeout = `${steadyStateTimeoutMinutes({
            startPeriodSeconds: a.healthCheck.startPeriodSeconds,
            healthCheckGracePeriodSeconds: a.healthCheckGracePeriodSeconds,
            secondsToHealthy: a.secondsToHealthy,
            deregistrationDelaySeconds: a.deregistrationDelaySeconds,
            stopTimeoutSeconds: a.stopTimeoutSeconds,
        })}m`;
        const service = new aws.ecs.Service(
            childName(name, "service"),
            {
                cluster: cluster.arn,
                taskDefinition: taskDefinition.arn,
                desiredCount: a.desiredCount,
                capacityProviderStrategies: capacityProviderStrategy(a.capacityProvider, a.onDemandBase),
                platformVersion: a.platformVersion,
                // Without it the provider refuses (terraform-provider-aws v6) or replaces (v5) the service when
                // the capacity-provider strategy changes: `capacityProviderStrategyCustomizeDiff` in
                // hashicorp/terraform-provider-aws internal/service/ecs/service.go, "force_new_deployment should
                // be true when capacity_provider_strategy is being updated". Changing capacityProvider or
                // onDemandBase then rolls the tasks onto the new strategy in place.
                forceNewDeployment: true,
                // `pulumi up` fails when the deployment does not complete (e.g. the circuit breaker rolls it
                // back) instead of reporting success while AWS runs the old revision.
                waitForSteadyState: true,
                deploymentCircuitBreaker: { enable: true, rollback: true },
                deploymentMinimumHealthyPercent: 100,
                deploymentMaximumPercent: 200,
                healthCheckGracePeriodSeconds: a.healthCheckGracePeriodSeconds,
                loadBalancers: [{ targetGroupArn: args.loadBalancer.targetGroupArn, containerName: a.containerName, containerPort: a.containerPort }],
                networkConfiguration: { subnets: args.subnetIds, securityGroups: [securityGroup.id], assignPublicIp: a.assignPublicIp },
                propagateTags: "SERVICE",
                enableEcsManagedTags: true,
                enableExecuteCommand: false,
                tags,
            },
            {
                parent: this,
                dependsOn: [capacityProviders, ...(args.loadBalancer.listener ? [args.loadBalancer.listener] : [])],
                ignoreChanges: a.autoscaled ? ["desiredCount"] : [],
                // Sized from the rollout (see rolloutTimeout.ts), so a normal deploy never hits it.
                customTimeouts: { create: steadyStateTimeout, update: steadyStateTimeout },
            },
        );

        this.clusterName = cluster.name;
        this.clusterArn = cluster.arn;
        this.serviceName = service.name;
        this.taskDefinitionArn = taskDefinition.arn;
        this.logGroupName = logGroup.name;
        this.securityGroupId = securityGroup.id;
        this.executionRoleArn = executionRole.arn;
        this.taskRoleName = taskRole.name;
        this.registerOutputs({ clusterName: this.clusterName, serviceName: this.serviceName, logGroupName: this.logGroupName });
    }
}

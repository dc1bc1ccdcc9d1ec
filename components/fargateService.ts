import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { capacityProviderStrategy } from "./capacity";
import { containerDefinition } from "./containerDefinition";
import { ec2Description } from "./ec2Description";
import { FargateServiceArgs, resolveFargateServiceArgs } from "./fargateServiceArgs";
import { ecsTasksTrustPolicy, executionRolePolicy } from "./iamDocuments";
import { childName, serviceLogGroupName } from "./naming";
import { steadyStateTimeoutMinutes } from "./rolloutTimeout";

export { CpuArchitecture, FargateServiceArgs, resolveFargateServiceArgs } from "./fargateServiceArgs";

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
        // Validated before the component itself registers: bad arguments leave nothing behind.
        const a = resolveFargateServiceArgs(args);
        const groupDescription = ec2Description(`FargateService ${name}`, "security group description", `Tasks of ${name}: only from the load balancer`);
        super("fargate-web:ecs:FargateService", name, {}, opts);
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

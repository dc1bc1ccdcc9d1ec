import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { capacityProviderStrategy } from "./capacity";
import { containerPortName } from "./containerDefinition";
import { ecsDeploymentConfiguration } from "./deploymentConfiguration";
import { createDeploymentRoles, DeploymentRoles } from "./deploymentRoles";
import { shiftsTraffic } from "./deploymentRules";
import { ec2Description } from "./ec2Description";
import { FargateServiceArgs, resolveFargateServiceArgs } from "./fargateServiceArgs";
import { allowAwsApiEgress, createFargateTask } from "./fargateTask";
import { childName } from "./naming";
import { deploymentTimeoutMinutes } from "./rolloutTimeout";

export { CpuArchitecture, FargateServiceArgs, ServiceLoadBalancer, resolveFargateServiceArgs } from "./fargateServiceArgs";

/** The component's type token; part of every child's URN (the cluster's aliases name it). */
export const FARGATE_SERVICE_TYPE = "fargate-web:ecs:FargateService";

/**
 * A Fargate service in an existing cluster: its task (see `fargateTask.ts`: log group with retention, an
 * execution role that reads exactly these secrets, a task role with no permissions, a non-root task
 * definition), a security group that admits only the load balancer (when routed) and the callers named
 * through {@link FargateService.allowFrom}, and a service with circuit breaker and rollback, optionally in
 * the cluster's Service Connect namespace. A blue/green, canary or linear `deployment` adds the roles ECS
 * assumes (`deploymentRoles.ts`), the service's `deploymentConfiguration`, the load balancer's
 * `advancedConfiguration` and a deploy timeout that covers its bakes and pauses.
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
    /** Port the tasks listen on; undefined for a service that serves nothing. */
    public readonly containerPort?: number;

    /** The ECS service. */
    public readonly service: aws.ecs.Service;
    public readonly taskDefinition: aws.ecs.TaskDefinition;
    public readonly taskRole: aws.iam.Role;
    public readonly executionRole: aws.iam.Role;
    /** The tasks' security group. */
    public readonly securityGroup: aws.ec2.SecurityGroup;
    public readonly logGroup: aws.cloudwatch.LogGroup;
    /** The roles ECS assumes to shift traffic and run Lambda hooks; undefined for a rolling service. */
    public readonly deploymentRoles?: DeploymentRoles;

    private readonly baseName: string;
    private readonly callers = new Set<string>();
    private readonly ruleTags: Record<string, string>;

    constructor(name: string, args: FargateServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component itself registers: bad arguments leave nothing behind.
        const a = resolveFargateServiceArgs(name, args);
        // A group description change replaces the group: a routed service keeps the text it always had.
        const groupDescription = ec2Description(
            `FargateService ${name}`,
            "security group description",
            args.loadBalancer ? `Tasks of ${name}: only from the load balancer` : `Tasks of ${name}: only from named callers`,
        );
        super(FARGATE_SERVICE_TYPE, name, {}, opts);
        this.baseName = name;
        this.containerPort = a.containerPort;
        const tags = a.tags;
        this.ruleTags = tags;

        const task = createFargateTask(this, name, {
            cpu: a.cpu,
            memory: a.memory,
            architecture: a.architecture,
            containerName: a.containerName,
            containerPort: a.containerPort,
            user: a.user,
            readonlyRootFilesystem: a.readonlyRootFilesystem,
            stopTimeoutSeconds: a.stopTimeoutSeconds,
            healthCheck: a.healthCheck,
            environment: a.taskEnvironment,
            secrets: a.secrets,
            image: args.image,
            repositoryArn: args.repositoryArn,
            logRetentionDays: a.logRetentionDays,
            kmsKeyArn: a.kmsKeyArn,
            region: args.region,
            protect: a.protect,
            tags,
        });

        const securityGroup = new aws.ec2.SecurityGroup(
            childName(name, "task-sg"),
            { vpcId: args.vpcId, description: groupDescription, tags: { ...tags, Name: childName(name, "tasks") } },
            { parent: this },
        );
        if (args.loadBalancer && a.containerPort !== undefined) {
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
        }
        allowAwsApiEgress(this, name, securityGroup.id, tags);

        // Blue/green, canary and linear: the roles exist, with their permissions, before ECS is told to use them.
        const roles = shiftsTraffic(a.deployment) ? createDeploymentRoles(this, name, a.deployment, tags) : undefined;
        this.deploymentRoles = roles;
        const deploymentConfiguration = ecsDeploymentConfiguration(a.deployment, roles?.hookRole?.arn);
        const shift = args.loadBalancer?.trafficShift;
        const steadyStateTimeout = `${deploymentTimeoutMinutes({
            startPeriodSeconds: a.healthCheck.startPeriodSeconds,
            healthCheckGracePeriodSeconds: args.loadBalancer ? a.healthCheckGracePeriodSeconds : 0,
            // Without a load balancer ECS waits for the container's own check: its first pass comes one
            // interval after the start period (what the rollout estimate counts too).
            secondsToHealthy: args.loadBalancer ? a.secondsToHealthy : a.healthCheck.intervalSeconds,
            deregistrationDelaySeconds: args.loadBalancer ? a.deregistrationDelaySeconds : 0,
            stopTimeoutSeconds: a.stopTimeoutSeconds,
        }, a.deployment)}m`;
        const clusterDependency = args.cluster instanceof pulumi.Resource ? [args.cluster] : [];
        this.service = new aws.ecs.Service(
            childName(name, "service"),
            {
                cluster: args.cluster.arn,
                taskDefinition: task.taskDefinition.arn,
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
                // Kept for every strategy: ECS rolls a blue/green or canary deployment back on it too
                // (hashicorp/terraform-provider-aws service_test.go, TestAccECSService_BlueGreenDeployment_circuitBreakerRollback
                // and the canary `withFailure` case).
                deploymentCircuitBreaker: { enable: true, rollback: true },
                alarms: args.rollbackAlarmNames?.length ? { alarmNames: [...args.rollbackAlarmNames], enable: true, rollback: true } : undefined,
                // ECS uses these only for rolling, and accepts them with every strategy: the provider sends
                // 100/200 as its defaults anyway (`deployment_minimum_healthy_percent`, `deployment_maximum_percent`).
                deploymentMinimumHealthyPercent: 100,
                deploymentMaximumPercent: 200,
                // Whenever a deployment is given, rolling included (see ecsDeploymentConfiguration); none without.
                ...(deploymentConfiguration ? { deploymentConfiguration } : {}),
                // ECS accepts a grace period only for services behind a load balancer.
                healthCheckGracePeriodSeconds: args.loadBalancer ? a.healthCheckGracePeriodSeconds : undefined,
                loadBalancers:
                    args.loadBalancer && a.containerPort !== undefined
                        ? [
                              {
                                  targetGroupArn: args.loadBalancer.targetGroupArn,
                                  containerName: a.containerName,
                                  containerPort: a.containerPort,
                                  ...(shift && roles
                                      ? {
                                            advancedConfiguration: {
                                                alternateTargetGroupArn: shift.alternateTargetGroupArn,
                                                productionListenerRule: shift.productionListenerRuleArn,
                                                testListenerRule: shift.testListenerRuleArn,
                                                roleArn: roles.infrastructureRole.arn,
                                            },
                                        }
                                      : {}),
                              },
                          ]
                        : [],
                networkConfiguration: { subnets: args.subnetIds, securityGroups: [securityGroup.id], assignPublicIp: a.assignPublicIp },
                ...(a.serviceConnect
                    ? {
                          serviceConnectConfiguration: {
                              enabled: true,
                              namespace: args.cluster.serviceConnectNamespaceArn,
                              // The proxy's own logs, beside the app's in the service's log group.
                              logConfiguration: {
                                  logDriver: "awslogs",
                                  options: { "awslogs-group": task.logGroup.name, "awslogs-region": task.region, "awslogs-stream-prefix": "service-connect" },
                              },
                              // A server only with a port: other services then reach it as http://<name>:<port>,
                              // over TLS when the cluster's namespace has a CA.
                              services:
                                  a.containerPort === undefined
                                      ? []
                                      : [
                                            {
                                                portName: containerPortName(a.containerName, a.containerPort),
                                                discoveryName: name,
                                                clientAlias: [{ port: a.containerPort, dnsName: name }],
                                                ...(args.cluster.serviceConnectTls
                                                    ? {
                                                          tls: {
                                                              issuerCertAuthority: { awsPcaAuthorityArn: args.cluster.serviceConnectTls.awsPcaAuthorityArn },
                                                              roleArn: args.cluster.serviceConnectTls.roleArn,
                                                          },
                                                      }
                                                    : {}),
                                            },
                                        ],
                          },
                      }
                    : {}),
                propagateTags: "SERVICE",
                enableEcsManagedTags: true,
                enableExecuteCommand: false,
                tags,
            },
            {
                parent: this,
                dependsOn: [...clusterDependency, ...(args.loadBalancer?.listener ? [args.loadBalancer.listener] : []), ...(roles?.grants ?? [])],
                ignoreChanges: a.autoscaled ? ["desiredCount"] : [],
                // Sized from the rollout and the deployment's bakes and pauses (see rolloutTimeout.ts), so a
                // normal deploy never hits it.
                customTimeouts: { create: steadyStateTimeout, update: steadyStateTimeout },
            },
        );

        this.taskDefinition = task.taskDefinition;
        this.taskRole = task.taskRole;
        this.executionRole = task.executionRole;
        this.logGroup = task.logGroup;
        this.securityGroup = securityGroup;
        this.clusterName = pulumi.output(args.cluster.name);
        this.clusterArn = pulumi.output(args.cluster.arn);
        this.serviceName = this.service.name;
        this.taskDefinitionArn = task.taskDefinition.arn;
        this.logGroupName = task.logGroup.name;
        this.securityGroupId = securityGroup.id;
        this.executionRoleArn = task.executionRole.arn;
        this.taskRoleName = task.taskRole.name;
        this.registerOutputs({
            clusterName: this.clusterName,
            clusterArn: this.clusterArn,
            serviceName: this.serviceName,
            taskDefinitionArn: this.taskDefinitionArn,
            logGroupName: this.logGroupName,
            securityGroupId: this.securityGroupId,
            executionRoleArn: this.executionRoleArn,
            taskRoleName: this.taskRoleName,
        });
    }

    /**
     * Lets the tasks of service `callerName` (security group `callerSecurityGroupId`) reach this service's
     * port: an ingress rule on this group from the caller's, and an egress rule on the caller's group to this
     * one, both children of this component. Throws when this service has no port or the caller is named twice.
     */
    public allowFrom(callerName: string, callerSecurityGroupId: pulumi.Input<string>): void {
        const owner = `FargateService ${this.baseName}`;
        const port = this.containerPort;
        if (port === undefined) {
            throw new Error(`${owner}: ${callerName} is named as a caller but ${this.baseName} has no containerPort to call; give it a port or drop the caller.`);
        }
        if (this.callers.has(callerName)) {
            throw new Error(`${owner}: caller ${callerName} is named twice.`);
        }
        // `ingress-from-<caller>`: a caller named "lb" must not take the name of the load balancer's rule.
        this.callers.add(callerName);
        new aws.vpc.SecurityGroupIngressRule(
            childName(this.baseName, `ingress-from-${callerName}`),
            {
                securityGroupId: this.securityGroupId,
                referencedSecurityGroupId: callerSecurityGroupId,
                ipProtocol: "tcp",
                fromPort: port,
                toPort: port,
                description: `Container port from the tasks of ${callerName}`,
                tags: this.ruleTags,
            },
            { parent: this },
        );
        new aws.vpc.SecurityGroupEgressRule(
            childName(this.baseName, `caller-egress-${callerName}`),
            {
                securityGroupId: callerSecurityGroupId,
                referencedSecurityGroupId: this.securityGroupId,
                ipProtocol: "tcp",
                fromPort: port,
                toPort: port,
                description: `From ${callerName} to the container port of ${this.baseName}`,
                tags: this.ruleTags,
            },
            { parent: this },
        );
    }
}

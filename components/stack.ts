/**
 * The stack's composition: one network, one cluster and one load balancer shared by every service of
 * `config.services`, each service with its image, secrets and scaling. `index.ts` calls it with the loaded
 * config; tests call it with settings of their own.
 */
import * as pulumi from "@pulumi/pulumi";
import { AccessLogBucket } from "./accessLogBucket";
import { Cluster } from "./cluster";
import { ContainerImage } from "./containerImage";
import { FargateService, FARGATE_SERVICE_TYPE } from "./fargateService";
import { LoadBalancer, ServiceTarget } from "./loadBalancer";
import type { LoadedServiceSettings, LoadedStackSettings } from "./loadStackConfig";
import { Network } from "./network";
import { ServiceScaling } from "./scaling";
import { ScheduledTask } from "./scheduledTask";
import { resolveFargateServiceArgs } from "./fargateServiceArgs";
import { ServiceAlarms } from "./serviceAlarms";
import { ServiceSecrets } from "./serviceSecrets";
import { StackObservability } from "./stackObservability";
import type { AlarmThresholds } from "./alarmRules";
import { CONFIG_KEYS } from "./configKeys";
import { defaultWebService, serviceTopologyProblems } from "./serviceTopology";
import { ConfigError } from "./stackSettings";

/** What the stack exports. The one-service form's keys describe its main service; `services` lists every one. */
export interface StackOutputs {
    readonly url?: pulumi.Output<string>;
    readonly serviceName?: pulumi.Output<string>;
    readonly clusterName: pulumi.Output<string>;
    readonly repositoryUrl?: pulumi.Output<string>;
    readonly imageDigest?: pulumi.Output<string>;
    readonly vpcId: pulumi.Output<string>;
    readonly logGroupName?: pulumi.Output<string>;
    /** Every service by name, once the stack runs more than one. */
    readonly services?: pulumi.Output<Record<string, { serviceName: string; logGroupName: string; repositoryUrl: string; imageDigest: string }>>;
    /** The SNS topic every alarm of the stack notifies. */
    readonly alarmTopicArn: pulumi.Output<string>;
    /** The console address of the stack's CloudWatch dashboard. */
    readonly dashboardUrl: string;
}

/** What every step reads: the config, the stack-wide name, tags and protection. */
interface Stack {
    readonly config: LoadedStackSettings;
    /** The stack-wide resources carry the stack's name: in the one-service form it is the service's, as before. */
    readonly name: string;
    readonly protect: boolean;
    readonly tags: Record<string, string>;
}

/** A service deployed as a long-running ECS service. */
interface DeployedService {
    readonly image: ContainerImage;
    readonly service: FargateService;
}

/**
 * Creates the stack's resources for `config`. Throws a `ConfigError` before creating anything when the
 * services' references to each other or their routes do not hold (see `serviceTopology.ts`).
 */
export function deployStack(config: LoadedStackSettings): StackOutputs {
    const topology = serviceTopologyProblems(config.services);
    if (topology.length > 0) {
        throw new ConfigError(config.stack, topology);
    }
    const name = config.serviceName;
    const stack: Stack = {
        config,
        name,
        protect: config.deletionProtection,
        tags: { ...config.tags, Project: config.project, Stack: config.stack, Service: name, Environment: config.environment },
    };

    // The order keeps the one-service form's registration order: network, image, load balancer, then the rest.
    const network = createNetwork(stack);
    const images = new Map(config.services.map(s => [s.name, createImage(stack, s)]));
    const lb = createLoadBalancer(stack, network);
    const cluster = createCluster(stack);
    const observability = new StackObservability(name, {
        project: config.project,
        stack: config.stack,
        region: config.region,
        alarmEmail: config.alarmEmail,
        kmsKeyArn: config.kmsKeyArn,
        tags: stack.tags,
    });
    observability.notifyEcsEvents(cluster.arn, config.environment === "prod");

    const deployed = new Map<string, DeployedService>();
    for (const s of config.services) {
        switch (s.kind) {
            case "web":
            case "worker":
                deployed.set(s.name, { image: images.get(s.name)!, service: deployService(stack, s, { network, cluster, lb, image: images.get(s.name)!, alarmTopicArn: observability.topicArn }) });
                break;
            case "scheduled":
                scheduleTask(stack, s, { network, cluster, image: images.get(s.name)! });
                break;
        }
    }
    // Callers last: every service's security group exists by now, whatever order the config lists them in.
    for (const s of config.services) {
        for (const caller of s.callers) {
            deployed.get(s.name)?.service.allowFrom(caller, deployed.get(caller)!.service.securityGroupId);
        }
    }
    observability.addDashboard(
        config.services
            .filter(s => deployed.has(s.name))
            .map(s => {
                const target = s.route ? lb!.targets[s.name] : undefined;
                return {
                    name: s.name,
                    clusterName: cluster.name,
                    serviceName: deployed.get(s.name)!.service.serviceName,
                    target: target && lb ? targetGroupsOf(lb, target) : undefined,
                };
            }),
    );
    return stackOutputs(stack, { network, cluster, lb, deployed, observability });
}

/**
 * A service's alarm thresholds: from config, or, for settings made without the loader, the key table's
 * defaults, so that no long-running service goes without alarms.
 */
const thresholdsOf = (s: LoadedServiceSettings): AlarmThresholds =>
    s.alarms ??
    (s.kind === "web"
        ? { target5xxPercent: CONFIG_KEYS.alarm5xxPercent.default, latencyP99Ms: CONFIG_KEYS.alarmLatencyP99Ms.default, evaluationPeriods: CONFIG_KEYS.alarmEvaluationPeriods.default }
        : { evaluationPeriods: CONFIG_KEYS.alarmEvaluationPeriods.default });

/**
 * The ARN suffixes a service's per-target-group metrics name (alarms, dashboard, request scaling): its load
 * balancer, its target group and, for a blue/green, canary or linear service, the alternate group ECS sends
 * production to after every other deployment. A rolling service gets no `alternateTargetGroupArnSuffix` key
 * at all, so its inputs stay as they were.
 */
const targetGroupsOf = (lb: LoadBalancer, target: ServiceTarget) => ({
    loadBalancerArnSuffix: lb.loadBalancerArnSuffix,
    targetGroupArnSuffix: target.targetGroupArnSuffix,
    ...(target.trafficShift ? { alternateTargetGroupArnSuffix: target.trafficShift.alternateTargetGroupArnSuffix } : {}),
});

const tagsOf = (stack: Stack, service: string) => ({ ...stack.tags, Service: service });

/**
 * The container's name: "web" for the service named like the stack, as every stack has run it since the
 * one-service form (renaming it would change its running task definition and load-balancer entry); every
 * other service's own name, so its container and its log streams say which service they are.
 */
const containerNameOf = (stack: Stack, s: LoadedServiceSettings): string => (s.name === stack.name ? "web" : s.name);

function createNetwork({ config, name, protect, tags }: Stack): Network {
    return new Network(name, {
        cidrBlock: config.network.cidrBlock,
        availabilityZones: config.network.availabilityZones,
        natStrategy: config.network.natStrategy,
        flowLogRetentionDays: config.service.logRetentionDays,
        kmsKeyArn: config.kmsKeyArn,
        protect,
        tags,
    });
}

/** A service's image: built from its app folder or taken by digest. */
function createImage(stack: Stack, s: LoadedServiceSettings): ContainerImage {
    const { config, protect } = stack;
    return new ContainerImage(s.name, {
        ...(s.image.prebuilt ? { prebuiltImage: s.image.prebuilt } : { context: s.image.context }),
        architecture: s.container.architecture,
        keepImages: config.image.keepImages,
        untaggedExpiryDays: config.image.untaggedExpiryDays,
        kmsKeyArn: config.kmsKeyArn,
        protect,
        tags: tagsOf(stack, s.name),
    });
}

/**
 * The load balancer every web service shares (none without one): the default service keeps the load
 * balancer's own target group, as in the one-service form; every other web service is a route.
 */
function createLoadBalancer(stack: Stack, network: Network): LoadBalancer | undefined {
    const { config, name, protect, tags } = stack;
    const webServices = config.services.filter(s => s.kind === "web");
    if (webServices.length === 0) {
        return undefined;
    }
    const defaultService = defaultWebService(config.services);
    const accessLogs = config.loadBalancer.accessLogs;
    const accessLogsBucket =
        accessLogs && !accessLogs.bucket
            ? new AccessLogBucket(name, { expireAfterDays: config.service.logRetentionDays, region: config.region, protect, tags }).bucketName
            : accessLogs?.bucket;
    return new LoadBalancer(name, {
        vpcId: network.vpcId,
        vpcCidrBlock: network.cidrBlock,
        subnetIds: network.publicSubnetIds,
        ...(defaultService
            ? {
                  targetPort: defaultService.container.port,
                  defaultService: defaultService.name,
                  healthCheck: defaultService.route!.healthCheck,
                  deregistrationDelaySeconds: defaultService.route!.deregistrationDelaySeconds,
                  // Rolling (undefined) adds nothing: the stack's existing load balancer stays as it is.
                  ...(defaultService.deployment ? { defaultDeployment: defaultService.deployment } : {}),
              }
            : {}),
        routes: webServices
            .filter(s => s !== defaultService)
            .map(s => ({
                name: s.name,
                port: s.container.port!,
                paths: s.route!.paths,
                hosts: s.route!.hosts,
                priority: s.route!.priority,
                healthCheck: s.route!.healthCheck,
                deregistrationDelaySeconds: s.route!.deregistrationDelaySeconds,
                tags: tagsOf(stack, s.name),
                ...(s.deployment ? { deployment: s.deployment } : {}),
            })),
        idleTimeoutSeconds: config.loadBalancer.idleTimeoutSeconds,
        deletionProtection: protect,
        accessLogsBucket,
        tls: {
            certificateArn: config.loadBalancer.certificateArn,
            domainName: config.loadBalancer.domain?.name,
            hostedZoneId: config.loadBalancer.domain?.hostedZoneId,
        },
        tags,
    });
}

function createCluster({ config, name, tags }: Stack): Cluster {
    const serviceConnect = config.services.some(s => s.serviceConnect);
    return new Cluster(name, {
        serviceConnect,
        serviceConnectTls: serviceConnect ? config.serviceConnectTls : undefined,
        // FargateService created the cluster and its capacity providers itself until clusters were shared.
        movedFrom: pulumi.createUrn(name, FARGATE_SERVICE_TYPE),
        tags,
    });
}

/**
 * What a service's container is, for `FargateService` and a scheduled task alike: its image, size, user,
 * health check and variables, and its secrets by ARN — those the config names and those the stack creates
 * from secret values (a `ServiceSecrets` of the service's own).
 */
function containerArgs(stack: Stack, s: LoadedServiceSettings, image: ContainerImage) {
    const { config, protect } = stack;
    const created = new ServiceSecrets(s.name, {
        values: s.container.secretValues,
        kmsKeyArn: config.kmsKeyArn,
        protect,
        recoveryWindowInDays: protect ? 30 : 0,
        tags: tagsOf(stack, s.name),
    });
    return {
        containerName: containerNameOf(stack, s),
        image: image.imageRef,
        repositoryArn: image.imageRepositoryArn,
        cpu: s.container.cpu,
        memory: s.container.memory,
        architecture: s.container.architecture,
        containerPort: s.container.port,
        user: s.container.user,
        readonlyRootFilesystem: s.container.readonlyRootFilesystem,
        stopTimeoutSeconds: s.container.stopTimeoutSeconds,
        healthCheck: s.container.healthCheck,
        environment: s.container.environment,
        secrets: {
            ...Object.fromEntries(Object.entries(s.container.secrets).map(([k, ref]) => [k, ref.valueFrom])),
            ...created.valueFroms,
        },
    };
}

/** A long-running service (web or worker): secrets, the service on the shared cluster, and its scaling. */
function deployService(
    stack: Stack,
    s: LoadedServiceSettings,
    shared: { readonly network: Network; readonly cluster: Cluster; readonly lb?: LoadBalancer; readonly image: ContainerImage; readonly alarmTopicArn: pulumi.Output<string> },
): FargateService {
    const { config, protect } = stack;
    const { network, cluster, lb, image } = shared;
    const serviceTags = tagsOf(stack, s.name);
    const target = s.route ? lb!.targets[s.name] : undefined;
    // The load balancer's alarms exist before the service, whose deployments they roll back.
    const alarms = new ServiceAlarms(s.name, {
        topicArn: shared.alarmTopicArn,
        thresholds: thresholdsOf(s),
        target: target && lb ? targetGroupsOf(lb, target) : undefined,
        queueMetric: s.scaling?.queue,
        tags: serviceTags,
    });
    const service = new FargateService(s.name, {
        cluster,
        vpcId: network.vpcId,
        subnetIds: network.taskSubnetIds,
        assignPublicIp: network.tasksNeedPublicIp,
        loadBalancer: target,
        // The route was given the same deployment: ECS shifts traffic between its two target groups.
        deployment: s.deployment,
        rollbackAlarmNames: alarms.rollbackAlarmNames,
        serviceConnect: s.serviceConnect,
        ...containerArgs(stack, s, image),
        desiredCount: s.service.desiredCount,
        capacityProvider: s.service.capacityProvider,
        onDemandBase: s.service.onDemandBase,
        platformVersion: s.service.platformVersion,
        // ECS accepts a grace period only behind a load balancer.
        healthCheckGracePeriodSeconds: target ? s.service.healthCheckGracePeriodSeconds : undefined,
        logRetentionDays: s.service.logRetentionDays,
        kmsKeyArn: config.kmsKeyArn,
        region: config.region,
        autoscaled: s.scaling !== undefined,
        protect,
        tags: serviceTags,
    });
    alarms.watchService({ clusterName: cluster.name, serviceName: service.serviceName });
    if (s.scaling) {
        const queue = s.scaling.queue;
        new ServiceScaling(s.name, {
            clusterName: cluster.name,
            serviceName: service.serviceName,
            minCapacity: s.scaling.minCapacity,
            maxCapacity: s.scaling.maxCapacity,
            cpuTargetPercent: s.scaling.cpuTargetPercent,
            memoryTargetPercent: s.scaling.memoryTargetPercent,
            // Requests per task exist only for a service behind the load balancer.
            requestsPerTarget: target ? s.scaling.requestsPerTarget : undefined,
            loadBalancer: target && lb ? targetGroupsOf(lb, target) : undefined,
            customMetric: queue && {
                namespace: queue.namespace,
                metricName: queue.metricName,
                dimensions: queue.dimensions,
                statistic: queue.statistic,
                targetValue: queue.targetValue,
            },
            scaleInCooldownSeconds: s.scaling.scaleInCooldownSeconds,
            scaleOutCooldownSeconds: s.scaling.scaleOutCooldownSeconds,
        });
    }
    return service;
}

/**
 * A task run by a schedule rather than kept running: its secrets, and a ScheduledTask that creates the task
 * definition (as FargateService does) and the schedule that starts it in the shared cluster.
 */
function scheduleTask(
    stack: Stack,
    s: LoadedServiceSettings,
    shared: { readonly network: Network; readonly cluster: Cluster; readonly image: ContainerImage },
): ScheduledTask {
    const { config, protect } = stack;
    const { network, cluster, image } = shared;
    const serviceTags = tagsOf(stack, s.name);
    // The task's settings are checked and defaulted once, by the same rules as a long-running service's.
    const task = resolveFargateServiceArgs(s.name, {
        cluster,
        vpcId: network.vpcId,
        subnetIds: network.taskSubnetIds,
        ...containerArgs(stack, s, image),
        capacityProvider: s.service.capacityProvider,
        platformVersion: s.service.platformVersion,
        logRetentionDays: s.service.logRetentionDays,
        kmsKeyArn: config.kmsKeyArn,
    });
    return new ScheduledTask(s.name, {
        clusterArn: cluster.arn,
        task: {
            cpu: task.cpu,
            memory: task.memory,
            architecture: task.architecture,
            containerName: task.containerName,
            containerPort: task.containerPort,
            user: task.user,
            readonlyRootFilesystem: task.readonlyRootFilesystem,
            stopTimeoutSeconds: task.stopTimeoutSeconds,
            healthCheck: task.healthCheck,
            environment: task.taskEnvironment,
            secrets: task.secrets,
            image: image.imageRef,
            repositoryArn: image.imageRepositoryArn,
            logRetentionDays: task.logRetentionDays,
            kmsKeyArn: config.kmsKeyArn,
            region: config.region,
            protect,
            tags: serviceTags,
        },
        vpcId: network.vpcId,
        subnetIds: network.taskSubnetIds,
        assignPublicIp: network.tasksNeedPublicIp,
        schedule: s.schedule!.expression,
        timezone: s.schedule!.timezone,
        capacityProvider: s.service.capacityProvider,
        platformVersion: s.service.platformVersion,
        architecture: s.container.architecture,
        taskCount: s.service.desiredCount,
        tags: serviceTags,
    });
}

/** The one-service form's outputs describe the stack's main service: the one named like the stack, else the first. */
function stackOutputs(
    stack: Stack,
    made: {
        readonly network: Network;
        readonly cluster: Cluster;
        readonly lb?: LoadBalancer;
        readonly deployed: ReadonlyMap<string, DeployedService>;
        readonly observability: StackObservability;
    },
): StackOutputs {
    const { network, cluster, lb, deployed, observability } = made;
    const main = deployed.get(stack.name) ?? [...deployed.values()][0];
    return {
        url: lb?.url,
        serviceName: main?.service.serviceName,
        clusterName: cluster.name,
        repositoryUrl: main?.image.repositoryUrl,
        imageDigest: main?.image.imageDigest,
        vpcId: network.vpcId,
        logGroupName: main?.service.logGroupName,
        services:
            stack.config.services.length > 1
                ? pulumi.output(
                      Object.fromEntries(
                          [...deployed].map(([key, d]) => [
                              key,
                              { serviceName: d.service.serviceName, logGroupName: d.service.logGroupName, repositoryUrl: d.image.repositoryUrl, imageDigest: d.image.imageDigest },
                          ]),
                      ),
                  )
                : undefined,
        alarmTopicArn: observability.topicArn,
        dashboardUrl: observability.dashboardUrl,
    };
}

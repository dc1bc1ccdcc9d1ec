/**
 * One web service on ECS Fargate per stack. Everything varies by `Pulumi.<stack>.yaml` only.
 */
import {
    AccessLogBucket,
    ContainerImage,
    FargateService,
    LoadBalancer,
    loadStackConfig,
    Network,
    ServiceScaling,
    ServiceSecrets,
} from "./components";

const config = loadStackConfig();
const name = config.serviceName;
const protect = config.deletionProtection;
const tags = { ...config.tags, Project: config.project, Stack: config.stack, Service: name, Environment: config.environment };

const network = new Network(name, {
    cidrBlock: config.network.cidrBlock,
    availabilityZones: config.network.availabilityZones,
    natStrategy: config.network.natStrategy,
    flowLogRetentionDays: config.service.logRetentionDays,
    kmsKeyArn: config.kmsKeyArn,
    protect,
    tags,
});

const image = new ContainerImage(name, {
    ...(config.image.prebuilt ? { prebuiltImage: config.image.prebuilt } : { context: config.image.context }),
    architecture: config.container.architecture,
    keepImages: config.image.keepImages,
    untaggedExpiryDays: config.image.untaggedExpiryDays,
    kmsKeyArn: config.kmsKeyArn,
    protect,
    tags,
});

const accessLogs = config.loadBalancer.accessLogs;
const accessLogsBucket =
    accessLogs && !accessLogs.bucket
        ? new AccessLogBucket(name, { expireAfterDays: config.service.logRetentionDays, region: config.region, protect, tags }).bucketName
        : accessLogs?.bucket;

const lb = new LoadBalancer(name, {
    vpcId: network.vpcId,
    vpcCidrBlock: network.cidrBlock,
    subnetIds: network.publicSubnetIds,
    targetPort: config.container.port,
    healthCheck: config.loadBalancer.healthCheck,
    deregistrationDelaySeconds: config.loadBalancer.deregistrationDelaySeconds,
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

const created = new ServiceSecrets(name, {
    values: config.container.secretValues,
    kmsKeyArn: config.kmsKeyArn,
    protect,
    recoveryWindowInDays: protect ? 30 : 0,
    tags,
});

const service = new FargateService(name, {
    vpcId: network.vpcId,
    subnetIds: network.taskSubnetIds,
    assignPublicIp: network.tasksNeedPublicIp,
    loadBalancer: {
        securityGroupId: lb.securityGroupId,
        targetGroupArn: lb.targetGroupArn,
        listener: lb.listener,
        secondsToHealthy: lb.targetTiming.secondsToHealthy,
        deregistrationDelaySeconds: lb.targetTiming.deregistrationDelaySeconds,
    },
    image: image.imageRef,
    repositoryArn: image.imageRepositoryArn,
    cpu: config.container.cpu,
    memory: config.container.memory,
    architecture: config.container.architecture,
    containerPort: config.container.port,
    user: config.container.user,
    readonlyRootFilesystem: config.container.readonlyRootFilesystem,
    stopTimeoutSeconds: config.container.stopTimeoutSeconds,
    healthCheck: config.container.healthCheck,
    environment: config.container.environment,
    secrets: {
        ...Object.fromEntries(Object.entries(config.container.secrets).map(([k, s]) => [k, s.valueFrom])),
        ...created.valueFroms,
    },
    desiredCount: config.service.desiredCount,
    capacityProvider: config.service.capacityProvider,
    onDemandBase: config.service.onDemandBase,
    platformVersion: config.service.platformVersion,
    healthCheckGracePeriodSeconds: config.service.healthCheckGracePeriodSeconds,
    logRetentionDays: config.service.logRetentionDays,
    kmsKeyArn: config.kmsKeyArn,
    region: config.region,
    autoscaled: true,
    protect,
    tags,
});

new ServiceScaling(name, {
    clusterName: service.clusterName,
    serviceName: service.serviceName,
    minCapacity: config.scaling.minCapacity,
    maxCapacity: config.scaling.maxCapacity,
    cpuTargetPercent: config.scaling.cpuTargetPercent,
    memoryTargetPercent: config.scaling.memoryTargetPercent,
    requestsPerTarget: config.scaling.requestsPerTarget,
    loadBalancer: { loadBalancerArnSuffix: lb.loadBalancerArnSuffix, targetGroupArnSuffix: lb.targetGroupArnSuffix },
    scaleInCooldownSeconds: config.scaling.scaleInCooldownSeconds,
    scaleOutCooldownSeconds: config.scaling.scaleOutCooldownSeconds,
});

export const url = lb.url;
export const serviceName = service.serviceName;
export const clusterName = service.clusterName;
export const repositoryUrl = image.repositoryUrl;
export const imageDigest = image.imageDigest;
export const vpcId = network.vpcId;
export const logGroupName = service.logGroupName;

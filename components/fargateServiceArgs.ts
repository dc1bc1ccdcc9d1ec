/**
 * The arguments of {@link FargateService} and their normalisation: defaults, and every check that can be
 * made before a resource is registered. Pure.
 */
import type * as pulumi from "@pulumi/pulumi";
import { appEnvironment, reservedNames } from "./appEnvironment";
import type { CapacityProvider } from "./capacity";
import type { ClusterReference } from "./cluster";
import type { ContainerHealthCheck } from "./containerDefinition";
import { deploymentProblems } from "./deploymentConfiguration";
import { shiftsTraffic } from "./deploymentRules";
import type { DeploymentSettings } from "./deploymentSettings";
import type { TrafficShiftTarget } from "./serviceRoute";
import { fargateSizeProblem } from "./fargateSizes";
import { isLogRetentionDays, LOG_RETENTION_DAYS } from "../policy/facts/logRetention";
import { FargatePlatformVersion, FARGATE_PLATFORM_VERSIONS, platformVersionProblem, referencesKeyOrVersion } from "./platformVersion";


/** CPU architectures Fargate runs. */
export type CpuArchitecture = "X86_64" | "ARM64";

/** The route in front of a service: the load balancer's group and the target group the tasks register in. */
export interface ServiceLoadBalancer {
    readonly securityGroupId: pulumi.Input<string>;
    readonly targetGroupArn: pulumi.Input<string>;
    /** The listener (or listener rule) forwarding to the target group; ECS rejects a target group no listener uses. */
    readonly listener?: pulumi.Resource;
    /**
     * Seconds of target-group health checks before a new task is healthy (interval × healthy threshold);
     * sizes the deploy timeout. @default 150 (the ALB defaults, 30 s × 5)
     */
    readonly secondsToHealthy?: number;
    /** Seconds the target group drains a stopping task; sizes the deploy timeout. @default 300 (AWS's default) */
    readonly deregistrationDelaySeconds?: number;
    /**
     * The alternate target group and the listener rules ECS shifts traffic with: required by a blue/green,
     * canary or linear `deployment`, refused by a rolling one (`LoadBalancer` makes it from a route's
     * `deployment`). @default undefined
     */
    readonly trafficShift?: TrafficShiftTarget;
}

/** Arguments of {@link FargateService}. */
export interface FargateServiceArgs {
    /** The cluster the service runs in: a {@link Cluster}, or any cluster by ARN and name. */
    readonly cluster: ClusterReference;
    /** VPC the tasks run in. */
    readonly vpcId: pulumi.Input<string>;
    /** Subnets the tasks run in. */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Give each task a public IP; only for public subnets without NAT, where tasks need one to pull images.
     * @default false
     */
    readonly assignPublicIp?: boolean;
    /**
     * The route in front (see `LoadBalancer.routes`): its security group may reach the tasks on the container
     * port. None for a worker: no load balancer, no ingress from it. @default undefined
     */
    readonly loadBalancer?: ServiceLoadBalancer;
    /**
     * CloudWatch alarms that roll a deployment back when one fires while it runs (the service's `alarms`,
     * beside the circuit breaker, which judges only tasks that never get healthy). None: no alarm rollback.
     */
    readonly rollbackAlarmNames?: readonly pulumi.Input<string>[];
    /**
     * How ECS deploys the service (`deploymentSettings.ts`): blue/green, canary and linear need a
     * `loadBalancer` with a `trafficShift`, and add an infrastructure role for load balancers, a hook role for
     * Lambda hooks, the `deploymentConfiguration` and a longer deploy timeout. A given `rolling` is sent as
     * the strategy, which moves a service back from the others; none sends nothing (ECS then keeps the
     * strategy it has, rolling for a new service). @default undefined
     */
    readonly deployment?: DeploymentSettings;
    /**
     * Join the cluster's Service Connect namespace: as a client always, and as a server named after the
     * service (DNS alias `<name>:<port>`) when it has a port. The cluster must have a namespace. @default false
     */
    readonly serviceConnect?: boolean;
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
    /** Port the container listens on. @default 8080 with a `loadBalancer`; none without (no `PORT` variable) */
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
    /** Seconds the service ignores load balancer health after a task starts; only with a `loadBalancer`. @default 30 */
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

/** Whether a container user (`user`, `uid` or `uid:gid`) is root; the loader refuses the same users by key. */
export const isRootUser = (user: string): boolean => /^(root|0+)(:|$)/.test(user);

/**
 * Whether the service's health-check grace period covers the container's start period; a shorter one
 * lets the service kill new tasks while they start. The loader judges the same rule by key.
 */
export const graceCoversStart = (gracePeriodSeconds: number, startPeriodSeconds: number): boolean => gracePeriodSeconds >= startPeriodSeconds;

/** The fully defaulted, validated form of {@link FargateServiceArgs}; errors name the instance `name`. */
export function resolveFargateServiceArgs(name: string, args: FargateServiceArgs) {
    const owner = `FargateService ${name}`;
    const routed = args.loadBalancer !== undefined;
    const resolved = {
        cpu: args.cpu ?? 256,
        memory: args.memory ?? 512,
        architecture: args.architecture ?? "X86_64",
        containerName: args.containerName ?? "web",
        containerPort: args.containerPort ?? (routed ? 8080 : undefined),
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
        secondsToHealthy: args.loadBalancer?.secondsToHealthy ?? 150,
        deregistrationDelaySeconds: args.loadBalancer?.deregistrationDelaySeconds ?? 300,
        serviceConnect: args.serviceConnect ?? false,
        healthCheckGracePeriodSeconds: args.healthCheckGracePeriodSeconds ?? 30,
        logRetentionDays: args.logRetentionDays ?? 30,
        assignPublicIp: args.assignPublicIp ?? false,
        autoscaled: args.autoscaled ?? false,
        kmsKeyArn: args.kmsKeyArn,
        protect: args.protect ?? false,
        tags: args.tags ?? {},
        deployment: args.deployment,
    };
    const size = fargateSizeProblem(resolved.cpu, resolved.memory);
    if (size) {
        throw new Error(`${owner}: ${size}.`);
    }
    if (!isLogRetentionDays(resolved.logRetentionDays)) {
        throw new Error(`${owner}: logRetentionDays is ${resolved.logRetentionDays}; expected a period CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}.`);
    }
    if (isRootUser(resolved.user)) {
        throw new Error(`${owner}: user is ${JSON.stringify(resolved.user)}; run the container as a non-root user such as "1000".`);
    }
    const port = resolved.containerPort;
    if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
        throw new Error(`${owner}: containerPort is ${port}; expected a port from 1 to 65535.`);
    }
    if (!routed && args.healthCheckGracePeriodSeconds !== undefined) {
        throw new Error(`${owner}: healthCheckGracePeriodSeconds is set but the service has no loadBalancer; ECS accepts a grace period only for services behind a load balancer, so drop it.`);
    }
    if (resolved.serviceConnect && args.cluster.serviceConnectNamespaceArn === undefined) {
        throw new Error(
            `${owner}: serviceConnect is true but the cluster has no Service Connect namespace; create the Cluster with serviceConnect: true (or pass cluster.serviceConnectNamespaceArn).`,
        );
    }
    if (routed && !graceCoversStart(resolved.healthCheckGracePeriodSeconds, resolved.healthCheck.startPeriodSeconds)) {
        throw new Error(
            `${owner}: healthCheckGracePeriodSeconds (${resolved.healthCheckGracePeriodSeconds}) must be at least the container's start period (${resolved.healthCheck.startPeriodSeconds}).`,
        );
    }
    const reserved = reservedNames([...Object.keys(resolved.environment), ...Object.keys(resolved.secrets)]);
    if (reserved.length > 0) {
        throw new Error(`${owner}: ${reserved.join(", ")} set in environment or secrets; the task sets it from containerPort and stopTimeoutSeconds.`);
    }
    if (!(FARGATE_PLATFORM_VERSIONS as readonly string[]).includes(resolved.platformVersion)) {
        throw new Error(`${owner}: platformVersion is ${JSON.stringify(resolved.platformVersion)}; expected one of ${FARGATE_PLATFORM_VERSIONS.join(", ")}.`);
    }
    // Secret references known now; created secrets (Outputs) are pinned to versions, which the loader checks.
    const platform = platformVersionProblem(
        {
            platformVersion: resolved.platformVersion,
            architecture: resolved.architecture,
            capacityProvider: resolved.capacityProvider,
            secretsByKeyOrVersion: Object.values(resolved.secrets).some(v => typeof v === "string" && referencesKeyOrVersion(v)),
            cpu: resolved.cpu,
        },
        { platformVersion: "platformVersion", architecture: "architecture", capacityProvider: "capacityProvider", secrets: "secrets", cpu: "cpu" },
    );
    if (platform) {
        throw new Error(`${owner}: ${platform}.`);
    }
    if (args.deployment) {
        // A region known now (not an Output) also lets a hook's partition be judged.
        const problems = deploymentProblems(args.deployment, typeof args.region === "string" ? args.region : undefined);
        if (problems.length > 0) {
            throw new Error(problems.length === 1 ? `${owner}: ${problems[0]}.` : `${owner}: ${problems.length} deployment problems:\n${problems.map(p => `  - ${p}`).join("\n")}`);
        }
    }
    const shifting = shiftsTraffic(args.deployment);
    if (shifting && !args.loadBalancer?.trafficShift) {
        throw new Error(
            `${owner}: deployment.strategy is ${args.deployment!.strategy}, which shifts traffic between two target groups, but ${args.loadBalancer ? "loadBalancer has no trafficShift" : "the service has no loadBalancer"}; give the service's route the same deployment (LoadBalancer routes[].deployment or defaultDeployment) and pass its target.`,
        );
    }
    if (!shifting && args.loadBalancer?.trafficShift) {
        throw new Error(`${owner}: loadBalancer has a trafficShift but the deployment is rolling, so ECS would never use it; drop the route's deployment or set the service's.`);
    }
    // The route's rules come from the LoadBalancer's copy of the deployment: test traffic must agree.
    const shift = args.loadBalancer?.trafficShift;
    if (shifting && shift && Boolean(args.deployment!.testTraffic) !== (shift.testListenerRuleArn !== undefined)) {
        throw new Error(
            args.deployment!.testTraffic
                ? `${owner}: deployment.testTraffic is set, but the route's trafficShift has no test listener rule; give the route the same deployment (LoadBalancer routes[].deployment or defaultDeployment).`
                : `${owner}: the route's trafficShift has a test listener rule, but deployment.testTraffic is not set; give the service the same deployment as its route.`,
        );
    }
    const both = Object.keys(resolved.secrets).filter(key => key in resolved.environment);
    if (both.length > 0) {
        throw new Error(`${owner}: ${both.join(", ")} set both in environment and in secrets; a variable is either plain or secret.`);
    }
    let taskEnvironment: Record<string, string>;
    try {
        taskEnvironment = { ...resolved.environment, ...appEnvironment(resolved.containerPort, resolved.stopTimeoutSeconds) };
    } catch (e) {
        throw new Error(`${owner}: ${(e as Error).message}`);
    }
    return { ...resolved, taskEnvironment };
}

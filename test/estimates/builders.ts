/**
 * Recorded-resource builders for the estimate tests: a compliant baseline per type, overridden per case.
 */
import { fixture } from "../../harness/fixtures";
import { UNKNOWN } from "../../harness/serialisation";
import { RecordedResource } from "../../harness/types";
import { AWSX_TYPES, AWS_TYPES } from "../../policy/facts/typeTokens";

export const TD_ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1";
export const TG_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123456789abcdef";

/** A task definition: 0.25 vCPU, 0.5 GB, x86, one essential container with the given health check. */
export function taskDefinition(overrides: Record<string, unknown> = {}, healthCheck?: Record<string, unknown>, arn = TD_ARN): RecordedResource {
    const containers = [{ name: "web", image: "web:1", essential: true, ...(healthCheck ? { healthCheck } : {}) }];
    return fixture(
        AWS_TYPES.ecsTaskDefinition,
        "web-task",
        { family: "web", cpu: "256", memory: "512", requiresCompatibilities: ["FARGATE"], containerDefinitions: JSON.stringify(containers), ...overrides },
        { state: { arn } },
    );
}

/** An ECS service named `web-svc` running TD_ARN behind TG_ARN; AWS defaults for everything else. */
export function service(overrides: Record<string, unknown> = {}, name = "web-svc"): RecordedResource {
    return fixture(
        AWS_TYPES.ecsService,
        name,
        {
            cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/web-cluster",
            taskDefinition: TD_ARN,
            loadBalancers: [{ containerName: "web", containerPort: 8080, targetGroupArn: TG_ARN }],
            ...overrides,
        },
        { state: { name, arn: `arn:aws:ecs:us-east-1:123456789012:service/web-cluster/${name}` } },
    );
}

/** The scaling target of service `name`. */
export const scalingTarget = (minCapacity: number, maxCapacity: number, name = "web-svc"): RecordedResource =>
    fixture(AWS_TYPES.appautoscalingTarget, `${name}-target`, {
        minCapacity,
        maxCapacity,
        resourceId: `service/web-cluster/${name}`,
        scalableDimension: "ecs:service:DesiredCount",
        serviceNamespace: "ecs",
    });

/** A target group with only the given settings (AWS defaults for the rest). */
export const targetGroup = (overrides: Record<string, unknown> = {}): RecordedResource =>
    fixture(AWS_TYPES.lbTargetGroup, "web-tg", { port: 8080, protocol: "HTTP", targetType: "ip", ...overrides }, { state: { arn: TG_ARN } });

/** An application load balancer over `subnets` subnets. */
export const loadBalancer = (subnets: number, overrides: Record<string, unknown> = {}): RecordedResource =>
    fixture(AWS_TYPES.lbLoadBalancer, "web-alb", {
        loadBalancerType: "application",
        internal: false,
        subnets: Array.from({ length: subnets }, (_, i) => `subnet-${i}`),
        ...overrides,
    });

/** An awsx Vpc component with the given inputs. */
export const awsxVpc = (inputs: Record<string, unknown>): RecordedResource => ({ ...fixture(AWSX_TYPES.ec2Vpc, "web-vpc", inputs), component: true });

// ---- stacks of several services -------------------------------------------------------------------
// Each builder records what the engine would: ARNs in state, and for every input built from another
// resource's output that resource's URN in propertyDependencies, so matching can be tested with the ARNs
// unknown (see `asFirstPreview`).

const ACCOUNT = "arn:aws:ecs:us-east-1:123456789012";
const CLUSTER_ARN = `${ACCOUNT}:cluster/shared`;

/** `r` with the given input dependencies (input name to the resources it was built from). */
const dependingOn = (r: RecordedResource, inputs: Record<string, readonly RecordedResource[]>): RecordedResource => {
    const propertyDependencies = Object.fromEntries(Object.entries(inputs).map(([k, rs]) => [k, rs.map(d => d.urn)]));
    return { ...r, propertyDependencies, dependencies: [...new Set(Object.values(propertyDependencies).flat())] };
};

/** Sizes and health of one service's task definition. */
export interface TaskShape {
    readonly cpu?: number;
    readonly memory?: number;
    readonly arm?: boolean;
    /** The essential container's health check (ECS fields: interval, startPeriod …). */
    readonly healthCheck?: Record<string, unknown>;
    /** The essential container's stopTimeout. */
    readonly stopTimeout?: number;
    readonly tags?: Record<string, string>;
}

/** The task definition of service `name`: one essential container named `name`. */
export function taskDefinitionOf(name: string, shape: TaskShape = {}): RecordedResource {
    const container = { name, image: `${name}:1`, essential: true, ...(shape.healthCheck ? { healthCheck: shape.healthCheck } : {}), ...(shape.stopTimeout ? { stopTimeout: shape.stopTimeout } : {}) };
    return fixture(
        AWS_TYPES.ecsTaskDefinition,
        `${name}-task`,
        {
            family: name,
            cpu: String(shape.cpu ?? 256),
            memory: String(shape.memory ?? 512),
            requiresCompatibilities: ["FARGATE"],
            containerDefinitions: JSON.stringify([container]),
            ...(shape.arm ? { runtimePlatform: { cpuArchitecture: "ARM64", operatingSystemFamily: "LINUX" } } : {}),
            ...(shape.tags ? { tags: shape.tags } : {}),
        },
        { state: { arn: `${ACCOUNT}:task-definition/${name}:1` } },
    );
}

/** One shared internet-facing ALB over two subnets with its HTTP listener. */
export function sharedAlb(): RecordedResource[] {
    const alb = fixture(AWS_TYPES.lbLoadBalancer, "shared-alb", { loadBalancerType: "application", internal: false, subnets: ["subnet-a", "subnet-b"] }, {
        state: { arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shared-alb/0123456789abcdef" },
    });
    const listener = dependingOn(
        fixture(AWS_TYPES.lbListener, "shared-http", { loadBalancerArn: alb.state.arn, port: 80, protocol: "HTTP", defaultActions: [{ type: "fixed-response" }] }, {
            state: { arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shared-alb/0123456789abcdef/0123456789abcdef" },
        }),
        { loadBalancerArn: [alb] },
    );
    return [alb, listener];
}

/** What a service runs and how it deploys, for `webService` and `workerService`. */
export interface ServiceShape extends TaskShape {
    /** Fixed task count (desiredCount); with `scaling`, the scaling target's min and max instead. */
    readonly desiredCount?: number;
    readonly scaling?: readonly [number, number];
    readonly capacityProviderStrategies?: ReadonlyArray<{ capacityProvider: string; base?: number; weight?: number }>;
    readonly assignPublicIp?: boolean;
    readonly healthCheckGracePeriodSeconds?: number;
    readonly waitForSteadyState?: boolean;
    /** Resources the service depends on besides its own (e.g. another service). */
    readonly dependsOn?: readonly RecordedResource[];
    readonly extra?: Record<string, unknown>;
}

function ecsService(name: string, td: RecordedResource, shape: ServiceShape, loadBalancers: Array<Record<string, unknown>>, targetGroups: RecordedResource[]): RecordedResource[] {
    const svc = fixture(
        AWS_TYPES.ecsService,
        `${name}-service`,
        {
            cluster: CLUSTER_ARN,
            taskDefinition: td.state.arn,
            desiredCount: shape.desiredCount ?? 1,
            loadBalancers,
            capacityProviderStrategies: shape.capacityProviderStrategies ?? [{ capacityProvider: "FARGATE", base: 0, weight: 1 }],
            networkConfiguration: { subnets: ["subnet-a"], assignPublicIp: shape.assignPublicIp ?? false },
            waitForSteadyState: shape.waitForSteadyState ?? true,
            deploymentMinimumHealthyPercent: 100,
            deploymentMaximumPercent: 200,
            ...(shape.healthCheckGracePeriodSeconds === undefined ? {} : { healthCheckGracePeriodSeconds: shape.healthCheckGracePeriodSeconds }),
            ...shape.extra,
        },
        { state: { name, arn: `${ACCOUNT}:service/shared/${name}` } },
    );
    const service = dependingOn(svc, { taskDefinition: [td], loadBalancers: targetGroups, ...(shape.dependsOn ? { dependsOn: shape.dependsOn } : {}) });
    const target = shape.scaling
        ? [
              dependingOn(
                  fixture(AWS_TYPES.appautoscalingTarget, `${name}-target`, {
                      minCapacity: shape.scaling[0],
                      maxCapacity: shape.scaling[1],
                      resourceId: `service/shared/${name}`,
                      scalableDimension: "ecs:service:DesiredCount",
                      serviceNamespace: "ecs",
                  }),
                  { resourceId: [service] },
              ),
          ]
        : [];
    return [td, ...targetGroups, service, ...target];
}

/** Routing of a web service: its target group's timing and its listener rule. */
export interface RouteShape {
    readonly interval?: number;
    readonly healthyThreshold?: number;
    readonly deregistrationDelay?: number;
    readonly priority: number;
    readonly paths: readonly string[];
}

/**
 * A web service behind `alb` (from `sharedAlb`): its task definition, its own target group, a listener rule
 * forwarding `paths` to it, the service and (with `scaling`) its scaling target.
 */
export function webService(name: string, alb: RecordedResource[], route: RouteShape, shape: ServiceShape = {}): RecordedResource[] {
    const td = taskDefinitionOf(name, shape);
    const tg = fixture(
        AWS_TYPES.lbTargetGroup,
        `${name}-tg`,
        {
            port: 8080,
            protocol: "HTTP",
            targetType: "ip",
            healthCheck: { path: "/health", interval: route.interval ?? 10, healthyThreshold: route.healthyThreshold ?? 2 },
            deregistrationDelay: route.deregistrationDelay ?? 10,
        },
        { state: { arn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${name}-tg/${name.padEnd(16, "0").slice(0, 16)}` } },
    );
    const listener = alb[1];
    const rule = dependingOn(
        fixture(AWS_TYPES.lbListenerRule, `${name}-rule`, {
            listenerArn: listener.state.arn,
            priority: route.priority,
            actions: [{ type: "forward", targetGroupArn: tg.state.arn }],
            conditions: [{ pathPattern: { values: route.paths } }],
        }),
        { listenerArn: [listener], actions: [tg] },
    );
    const [tdOut, tgOut, ...rest] = ecsService(name, td, { ...shape, dependsOn: [rule, ...(shape.dependsOn ?? [])] }, [{ containerName: name, containerPort: 8080, targetGroupArn: tg.state.arn }], [tg]);
    return [tdOut, tgOut, rule, ...rest];
}

/** A worker: a service with no load balancer (its task definition, the service, its scaling target). */
export function workerService(name: string, shape: ServiceShape = {}): RecordedResource[] {
    return ecsService(name, taskDefinitionOf(name, shape), shape, [], []);
}

/** A scheduled task: its task definition and an EventBridge Scheduler schedule running it. */
export function scheduledTask(
    name: string,
    scheduleExpression: string,
    shape: TaskShape & { readonly taskCount?: number; readonly runTags?: Record<string, string>; readonly ecs?: Record<string, unknown>; readonly state?: string } = {},
): RecordedResource[] {
    const td = taskDefinitionOf(name, shape);
    const schedule = fixture(
        AWS_TYPES.schedulerSchedule,
        `${name}-schedule`,
        {
            scheduleExpression,
            scheduleExpressionTimezone: "Europe/Paris",
            flexibleTimeWindow: { mode: "OFF" },
            ...(shape.state ? { state: shape.state } : {}),
            target: {
                arn: CLUSTER_ARN,
                roleArn: `arn:aws:iam::123456789012:role/${name}-scheduler`,
                ecsParameters: {
                    taskDefinitionArn: td.state.arn,
                    launchType: "FARGATE",
                    ...(shape.taskCount === undefined ? {} : { taskCount: shape.taskCount }),
                    networkConfiguration: { subnets: ["subnet-a"], assignPublicIp: false },
                    ...(shape.runTags ? { tags: shape.runTags } : {}),
                    ...shape.ecs,
                },
            },
        },
        { state: { name, arn: `arn:aws:scheduler:us-east-1:123456789012:schedule/default/${name}` } },
    );
    return [td, dependingOn(schedule, { target: [td] })];
}

/**
 * The resources as a first `pulumi preview` records them: every ARN and generated name unknown, inputs
 * built from them too; the engine's dependency records are all that ties them together.
 */
export function asFirstPreview(resources: readonly RecordedResource[]): RecordedResource[] {
    const hide = (value: unknown): unknown =>
        typeof value === "string" && value.startsWith("arn:")
            ? UNKNOWN
            : Array.isArray(value)
              ? value.map(hide)
              : value !== null && typeof value === "object"
                ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hide(v)]))
                : value;
    // A scaling target's resourceId is built from the cluster's and service's names, unknown too.
    const unknownId = (r: RecordedResource) => (r.type === AWS_TYPES.appautoscalingTarget ? { resourceId: UNKNOWN } : {});
    return resources.map(r => ({
        ...r,
        inputs: { ...(hide(r.inputs) as Record<string, unknown>), ...unknownId(r) },
        // Names AWS or the provider generates (no `name` input) are unknown as well.
        state: { ...(hide(r.state) as Record<string, unknown>), ...(r.inputs.name === undefined && r.state.name !== undefined ? { name: UNKNOWN } : {}) },
    }));
}

// ---- alarms and dashboards ------------------------------------------------------------------------
// Shaped as the stack's alarms are: per web service a 5xx-rate alarm by metric math over its target
// group's HTTPCode_Target_5XX_Count and RequestCount, a p99 TargetResponseTime alarm and an
// UnHealthyHostCount alarm; per service CPU and memory alarms and a running-below-desired alarm over
// Container Insights' RunningTaskCount and DesiredTaskCount.

const ALB_SUFFIX = "app/shared-alb/0123456789abcdef";
const TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:alarms";

/** `targetgroup/<name>/<id>`: what CloudWatch's TargetGroup dimension holds. */
const suffixOf = (tg: RecordedResource): string => String(tg.state.arn).replace(/^.*:(targetgroup\/)/, "$1");

/** One metric alarm named `${name}-alarm` with the given inputs, depending on `deps` per input. */
export function metricAlarm(name: string, inputs: Record<string, unknown>, deps: Record<string, readonly RecordedResource[]> = {}): RecordedResource {
    const alarm = fixture(
        AWS_TYPES.cloudwatchMetricAlarm,
        `${name}-alarm`,
        { comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 3, threshold: 1, treatMissingData: "notBreaching", alarmActions: [TOPIC_ARN], ...inputs },
        { state: { name: `${name}-alarm`, arn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}-alarm` } },
    );
    return Object.keys(deps).length > 0 ? dependingOn(alarm, deps) : alarm;
}

const metricQuery = (id: string, namespace: string, metricName: string, dimensions: Record<string, unknown>, stat = "Sum", period = 60) => ({
    id,
    metric: { namespace, metricName, dimensions, stat, period },
    returnData: false,
});

/** The alarms of web service `name` from `webService` (its target group is the second resource). */
export function webAlarms(name: string, web: RecordedResource[], period = 60): RecordedResource[] {
    const tg = web.find(r => r.type === AWS_TYPES.lbTargetGroup)!;
    const service = web.find(r => r.type === AWS_TYPES.ecsService)!;
    const lb = { TargetGroup: suffixOf(tg), LoadBalancer: ALB_SUFFIX };
    return [
        metricAlarm(
            `${name}-5xx`,
            {
                threshold: 5,
                metricQueries: [
                    metricQuery("errors", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", lb, "Sum", period),
                    metricQuery("requests", "AWS/ApplicationELB", "RequestCount", lb, "Sum", period),
                    { id: "rate", expression: "100 * FILL(errors, 0) / requests", label: "5xx rate (%)", returnData: true },
                ],
            },
            { metricQueries: [tg] },
        ),
        metricAlarm(`${name}-latency`, { namespace: "AWS/ApplicationELB", metricName: "TargetResponseTime", extendedStatistic: "p99", period, dimensions: lb, threshold: 2 }, { dimensions: [tg] }),
        metricAlarm(`${name}-unhealthy`, { namespace: "AWS/ApplicationELB", metricName: "UnHealthyHostCount", statistic: "Maximum", period, dimensions: lb, threshold: 0 }, { dimensions: [tg] }),
        ...serviceAlarms(name, service, period),
    ];
}

/** CPU, memory and running-task alarms of the ECS service `service` (from `webService` or `workerService`). */
export function serviceAlarms(name: string, service: RecordedResource, period = 60): RecordedResource[] {
    const ecs = { ClusterName: "shared", ServiceName: String(service.state.name) };
    return [
        metricAlarm(`${name}-cpu`, { namespace: "AWS/ECS", metricName: "CPUUtilization", statistic: "Average", period, dimensions: ecs, threshold: 80 }, { dimensions: [service] }),
        metricAlarm(`${name}-memory`, { namespace: "AWS/ECS", metricName: "MemoryUtilization", statistic: "Average", period, dimensions: ecs, threshold: 80 }, { dimensions: [service] }),
        metricAlarm(
            `${name}-tasks`,
            {
                comparisonOperator: "LessThanThreshold",
                threshold: 0,
                treatMissingData: "breaching",
                metricQueries: [
                    metricQuery("running", "ECS/ContainerInsights", "RunningTaskCount", ecs, "Average", period),
                    metricQuery("desired", "ECS/ContainerInsights", "DesiredTaskCount", ecs, "Average", period),
                    { id: "shortfall", expression: "running - desired", label: "running minus desired", returnData: true },
                ],
            },
            { metricQueries: [service] },
        ),
    ];
}

/** A CloudWatch dashboard. */
export const dashboard = (name = "stack-dashboard"): RecordedResource =>
    fixture(AWS_TYPES.cloudwatchDashboard, name, { dashboardName: name, dashboardBody: JSON.stringify({ widgets: [] }) }, { state: { dashboardArn: `arn:aws:cloudwatch::123456789012:dashboard/${name}` } });

/** An SNS topic subscription with the given protocol. */
export const topicSubscription = (protocol: string, endpoint = "ops@example.com"): RecordedResource =>
    fixture(AWS_TYPES.snsTopicSubscription, `alarms-${protocol}`, { topic: TOPIC_ARN, protocol, endpoint });

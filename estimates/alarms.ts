/**
 * CloudWatch alarms and dashboards in billing units, and which service each alarm belongs to. Pure.
 *
 * CloudWatch bills an alarm per *alarm metric* and month (https://aws.amazon.com/cloudwatch/pricing/):
 * an alarm on one metric is one alarm metric; a metric-math alarm is one per metric it reads (each
 * `metricQueries` entry with a `metric`; the expressions over them are not billed); an alarm whose period is
 * under 60 s (10, 20, 30, or a high-resolution metric's 1 or 5) is a high-resolution alarm at the higher
 * price; an anomaly-detection alarm counts three alarm metrics (the metric and its band's two bounds).
 * infracost counts the same way (`internal/providers/terraform/aws/cloudwatch_metric_alarm.go`).
 */
import { RecordedResource } from "../harness/types";
import { addUsage, Usage } from "./fargateTasks";
import { AWS_TYPES } from "../policy/facts/typeTokens";
import { Json, known, num, ofTypes, Plain, ServiceView, TYPES } from "./recorded";

/** Comparison operators of anomaly-detection alarms (CloudWatch `ComparisonOperator`). */
const ANOMALY_BAND_OPERATORS = ["LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold"];
/** Alarm metrics an anomaly-detection alarm is billed for, per metric it reads. */
const ANOMALY_DETECTION_METRICS = 3;
/** Periods below this many seconds make a high-resolution alarm. */
const STANDARD_RESOLUTION_SECONDS = 60;

/** What one alarm is billed for. */
export interface AlarmBilling {
    /** Alarm metrics billed each month. */
    readonly alarmMetrics: number;
    readonly highResolution: boolean;
    /** Problems that make the figure a lower bound, for the estimate's notes. */
    readonly caveats: readonly string[];
}

const queriesOf = (inputs: Json): Json[] => (Array.isArray(inputs.metricQueries) ? inputs.metricQueries.filter((q: unknown) => q !== null && typeof q === "object") : []);

/** The alarm metrics and resolution an `aws:cloudwatch/metricAlarm:MetricAlarm`'s inputs are billed for. */
export function alarmBilling(inputs: Json): AlarmBilling {
    const queries = queriesOf(inputs);
    const caveats: string[] = [];
    let metrics: number;
    let periods: number[];
    if (queries.length > 0) {
        metrics = queries.filter(q => q.metric !== undefined && q.metric !== null).length;
        periods = queries.flatMap(q => [num(q.period), num(q.metric?.period)]).filter((p): p is number => p !== undefined);
        if (queries.some(q => typeof q.expression === "string" && /\bSELECT\b/i.test(q.expression))) {
            caveats.push("a Metrics Insights query is billed per metric it analyses, which offline cannot know; counted as the metrics listed");
        }
    } else {
        metrics = 1;
        periods = [num(inputs.period)].filter((p): p is number => p !== undefined);
    }
    const anomaly = ANOMALY_BAND_OPERATORS.includes(inputs.comparisonOperator);
    return {
        alarmMetrics: metrics * (anomaly ? ANOMALY_DETECTION_METRICS : 1),
        highResolution: periods.some(p => p < STANDARD_RESOLUTION_SECONDS),
        caveats,
    };
}

/** Every dimension map an alarm's inputs name: its own and each queried metric's. */
function dimensionMaps(inputs: Json): Json[] {
    const maps = [inputs.dimensions, ...queriesOf(inputs).map(q => q.metric?.dimensions)];
    return maps.filter((m): m is Json => m !== null && typeof m === "object" && !Array.isArray(m));
}

/** `targetgroup/<name>/<id>`: what CloudWatch's TargetGroup dimension holds (the target group ARN's suffix). */
const targetGroupSuffix = (tg: Plain): string | undefined =>
    known(tg.state.arnSuffix) ? tg.state.arnSuffix : known(tg.state.arn) ? /:(targetgroup\/.+)$/.exec(tg.state.arn)?.[1] : undefined;

/** The cluster name of an ECS service's `cluster` input (an ARN or a name), when known. */
const clusterName = (service: ServiceView): string | undefined =>
    known(service.inputs.cluster) ? service.inputs.cluster.replace(/^arn:[^:]+:ecs:[^:]*:[^:]*:cluster\//, "") : undefined;

/** `namespace|metricName|name=value,…` (dimensions sorted), when every part is known. */
function metricKey(namespace: unknown, metricName: unknown, dimensions: ReadonlyArray<readonly [unknown, unknown]>): string | undefined {
    const parts = dimensions.map(([name, value]) => (known(name) && known(value) ? `${name}=${value}` : undefined));
    return known(namespace) && known(metricName) && parts.every(known) ? `${namespace}|${metricName}|${parts.sort().join(",")}` : undefined;
}

/**
 * The custom metrics `service` scales on: each target-tracking policy whose `resourceId`
 * (`service/<cluster>/<name>`) names it and whose `customizedMetricSpecification` names one metric.
 */
function scalingMetrics(service: ServiceView, policies: readonly Plain[]): string[] {
    return policies
        .filter(p => known(p.inputs.resourceId) && p.inputs.resourceId.split("/")[2] === service.name)
        .map(p => p.inputs.targetTrackingScalingPolicyConfiguration?.customizedMetricSpecification)
        .filter((m): m is Json => m !== null && typeof m === "object")
        .map(m => metricKey(m.namespace, m.metricName, (Array.isArray(m.dimensions) ? m.dimensions : []).map((d: Json) => [d?.name, d?.value] as const)))
        .filter(known);
}

/**
 * Whether an alarm watches `service`: a dimension map names its target group (`TargetGroup`) or the service
 * itself (`ServiceName`, with `ClusterName` when both are known), or it watches a metric the service scales
 * on (a worker's backlog alarm on its queue metric), or, values being unknown in a first preview, the engine
 * records its dimensions or queries as built from the service or its target group.
 */
function watches(alarm: Plain, service: ServiceView, policies: readonly Plain[]): boolean {
    const suffixes = service.targetGroups.map(targetGroupSuffix).filter(known);
    const cluster = clusterName(service);
    const byValue = dimensionMaps(alarm.inputs).some(
        d =>
            (known(d.TargetGroup) && suffixes.includes(d.TargetGroup)) ||
            (d.ServiceName === service.name && !(known(d.ClusterName) && cluster !== undefined && d.ClusterName !== cluster)),
    );
    if (byValue) return true;
    const dimensions = alarm.inputs.dimensions ?? {};
    const alarmMetric =
        dimensions !== null && typeof dimensions === "object" && !Array.isArray(dimensions)
            ? metricKey(alarm.inputs.namespace, alarm.inputs.metricName, Object.entries(dimensions))
            : undefined;
    if (alarmMetric !== undefined && scalingMetrics(service, policies).includes(alarmMetric)) return true;
    const owned = new Set([service.resource.urn, ...service.targetGroups.map(tg => tg.resource.urn)]);
    const deps = alarm.resource.propertyDependencies;
    return [...(deps.dimensions ?? []), ...(deps.metricQueries ?? [])].some(urn => owned.has(urn));
}

/** Alarm and dashboard usage: per service (by name) and what no single service owns. */
export interface MonitoringUsage {
    readonly perService: ReadonlyMap<string, Usage>;
    readonly shared: Usage;
    readonly alarms: number;
    readonly dashboards: number;
}

/**
 * The alarm metrics of every metric alarm, each counted with the one service it watches (an alarm watching
 * several services, or none, is shared), and one dashboard-month per dashboard, shared. `note` receives the
 * caveats.
 */
export function monitoringUsage(resources: readonly RecordedResource[], services: readonly ServiceView[], note: (text: string) => void): MonitoringUsage {
    const perService = new Map<string, Usage>();
    const shared: Usage = new Map();
    const alarms = ofTypes(resources, TYPES.metricAlarm);
    const policies = ofTypes(resources, AWS_TYPES.appautoscalingPolicy);
    for (const alarm of alarms) {
        const billing = alarmBilling(alarm.inputs);
        billing.caveats.forEach(caveat => note(`Alarm ${alarm.resource.name}: ${caveat}.`));
        const owners = services.filter(service => watches(alarm, service, policies));
        const usage = owners.length === 1 ? (perService.get(owners[0].name) ?? new Map()) : shared;
        if (owners.length === 1) perService.set(owners[0].name, usage);
        addUsage(usage, billing.highResolution ? "alarmHighResMetricMonth" : "alarmMetricMonth", billing.alarmMetrics);
    }
    const dashboards = ofTypes(resources, TYPES.dashboard).length;
    addUsage(shared, "dashboardMonth", dashboards);
    return { perService, shared, alarms: alarms.length, dashboards };
}

/** Email subscriptions (`email`, `email-json`) of the stack's SNS topics. */
export const emailSubscriptions = (resources: readonly RecordedResource[]): number =>
    ofTypes(resources, TYPES.topicSubscription).filter(s => typeof s.inputs.protocol === "string" && /^email(-json)?$/.test(s.inputs.protocol)).length;

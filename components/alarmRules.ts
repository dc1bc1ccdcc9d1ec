/**
 * What each CloudWatch alarm of a service watches, as plain data: metric, statistic or metric math,
 * threshold and evaluation. Pure, and generic over the dimension values (`S`: a string in tests, an Output
 * in the program), so the numbers and expressions are tested apart from the resources.
 *
 * Metrics: Application Load Balancer target-group metrics (AWS/ApplicationELB, dimensions TargetGroup and
 * LoadBalancer: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html),
 * ECS service metrics (AWS/ECS, ClusterName and ServiceName) and Container Insights' task counts
 * (ECS/ContainerInsights: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html).
 */

/** Seconds per datapoint of every alarm: one minute, the standard resolution. */
export const ALARM_PERIOD_SECONDS = 60;
/** Average CPU or memory utilisation (percent) that counts as high. */
export const UTILISATION_HIGH_PERCENT = 90;
/**
 * Minutes a service may run fewer tasks than desired before it alarms: a new task needs its image pull,
 * start period and health checks, so a shorter window alarms on every scale-out and deployment.
 */
export const RUNNING_TASKS_EVALUATION_PERIODS = 5;

/** A service's alarm thresholds, from config (`alarm5xxPercent`, `alarmLatencyP99Ms`, `alarmEvaluationPeriods`). */
export interface AlarmThresholds {
    /** Percent of the target group's requests answered 5xx by the targets; web services only. */
    readonly target5xxPercent?: number;
    /** p99 of the targets' response time in milliseconds; web services only. */
    readonly latencyP99Ms?: number;
    /** Consecutive one-minute periods over the threshold before an alarm fires. */
    readonly evaluationPeriods: number;
    /** Workers with queue scaling: the value of the scaling metric above which the backlog alarm fires; none when undefined. */
    readonly queueBacklog?: number;
}

/**
 * What is wrong with `t`, one message per field (empty when nothing is): CloudWatch evaluates at most one
 * day of periods (PutMetricAlarm: EvaluationPeriods × Period ≤ 86,400 s), a percentage is above 0 and at
 * most 100, a latency above 0.
 */
export function alarmThresholdsProblems(t: AlarmThresholds): string[] {
    const problems: string[] = [];
    const maxPeriods = 86_400 / ALARM_PERIOD_SECONDS;
    if (!Number.isInteger(t.evaluationPeriods) || t.evaluationPeriods < 1 || t.evaluationPeriods > maxPeriods) {
        problems.push(`evaluationPeriods (${t.evaluationPeriods}) must be a whole number from 1 to ${maxPeriods} (one day of ${ALARM_PERIOD_SECONDS} s periods)`);
    }
    if (t.target5xxPercent !== undefined && !(t.target5xxPercent > 0 && t.target5xxPercent <= 100)) {
        problems.push(`target5xxPercent (${t.target5xxPercent}) must be above 0 and at most 100`);
    }
    if (t.latencyP99Ms !== undefined && !(t.latencyP99Ms > 0 && Number.isFinite(t.latencyP99Ms))) {
        problems.push(`latencyP99Ms (${t.latencyP99Ms}) must be a number of milliseconds above 0`);
    }
    if (t.queueBacklog !== undefined && !(t.queueBacklog > 0 && Number.isFinite(t.queueBacklog))) {
        problems.push(`queueBacklog (${t.queueBacklog}) must be a number above 0`);
    }
    return problems;
}

/** One metric as `MetricAlarm` and its metric queries take it. */
export interface AlarmMetric<S> {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: Readonly<Record<string, S>>;
}

/** An entry of `metricQueries`: a metric (by `stat`) or an expression over the others' ids. */
export interface AlarmQuery<S> {
    readonly id: string;
    readonly label?: string;
    readonly returnData: boolean;
    readonly expression?: string;
    readonly metric?: AlarmMetric<S> & { readonly stat: string; readonly period: number };
}

/** What one alarm watches and when it fires; `role` names it (the resource is `<service>-<role>`). */
export interface AlarmRule<S> {
    readonly role: string;
    readonly description: string;
    /** Whether a deployment that sets it off is rolled back (the service's `alarms`). */
    readonly rollback: boolean;
    readonly comparisonOperator: "GreaterThanThreshold" | "GreaterThanOrEqualToThreshold";
    readonly threshold: number;
    readonly evaluationPeriods: number;
    readonly datapointsToAlarm: number;
    /** No requests is no error: missing data never fires an alarm. */
    readonly treatMissingData: "notBreaching";
    /** A single metric, with `statistic` or `extendedStatistic` (percentiles). */
    readonly metric?: AlarmMetric<S> & { readonly statistic?: string; readonly extendedStatistic?: string; readonly period: number };
    /** Metric math instead of `metric`: exactly one query returns data. */
    readonly metricQueries?: readonly AlarmQuery<S>[];
}

/** The target group's dimensions: the `targetgroup/…` and `app/…` suffixes of their ARNs. */
export interface TargetDimensions<S> {
    readonly loadBalancer: S;
    readonly targetGroup: S;
    /**
     * The alternate target group (`<name>-alt`) of a blue/green, canary or linear service. ECS moves
     * production from one group to the other at every deployment, so the alarms read both (see
     * {@link targetAlarmRules}). @default undefined: rolling, one group
     */
    readonly alternateTargetGroup?: S;
}

/** The ECS service's dimensions. */
export interface ServiceDimensions<S> {
    readonly clusterName: S;
    readonly serviceName: S;
}

/**
 * The 5xx rate as metric math: `100 * errors / requests` over one minute, 0 in a minute without requests,
 * errors counted 0 when the target group reported none (CloudWatch publishes HTTPCode_Target_5XX_Count only
 * when there is one).
 */
export const TARGET_5XX_RATE_EXPRESSION = "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)";

/**
 * One target group's 5xx rate, for a shifted service: its sums filled with 0 where the group reported
 * nothing (between deployments only one group gets traffic; the other publishes no RequestCount at all),
 * then 100 × errors / requests, 0 in a minute without requests.
 */
const groupRate = (errors: string, requests: string): string => `IF(FILL(${requests}, 0) > 0, 100 * FILL(${errors}, 0) / FILL(${requests}, 0), 0)`;

/**
 * The 5xx rate of a shifted service: the worse of its two groups' rates each minute. Not errors over the
 * requests of both: while a canary or a linear step serves a few percent of the traffic, the old revision's
 * healthy requests would dilute the new one's errors below any threshold (a 5 % canary answering 30 % 5xx
 * reads 1.5 % overall), and the rollback would wait until all traffic had moved. MAX over an array of time
 * series returns one series, each point the highest at that time (as for the latency below).
 */
export const SHIFTED_5XX_RATE_EXPRESSION = "MAX([rateBlue, rateGreen])";

/**
 * The worse p99 of the two groups. Percentiles of two series cannot be merged (the p99 of the union needs
 * the samples, which CloudWatch keeps only per series), and their average would hide a slow new version
 * that takes 10 % of a canary's traffic; the maximum fires whenever either group's p99 is over the
 * threshold, which is what the rollback must catch. CloudWatch's metric math MAX over an array of time
 * series returns one series, each point the highest of the array's points at that time ("Metric math
 * syntax and functions", https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html).
 * A group without requests has no p99 point: filled with 0, it never hides the other group's.
 */
export const SHIFTED_LATENCY_EXPRESSION = "MAX(FILL([p99, p99Alt], 0))";

/**
 * Unhealthy tasks of the service: the sum of both groups' maxima. ECS registers the old revision's tasks in
 * one group and the new revision's in the other, so the sum counts each unhealthy task once; with the
 * threshold at 1 it fires exactly when either group has one (a maximum would fire in the same minutes), and
 * its graph reads as a task count. An empty group publishes nothing or 0: filled with 0.
 */
export const SHIFTED_UNHEALTHY_EXPRESSION = "FILL(unhealthy, 0) + FILL(unhealthyAlt, 0)";

/**
 * The alarms that judge a new version by what the load balancer sees: its 5xx rate, its p99 latency and
 * unhealthy targets. All three roll a deployment back.
 *
 * With `alternateTargetGroup` (a blue/green, canary or linear service) each reads both groups by metric math:
 * ECS sends production to the alternate group after every other deployment, and an alarm on the primary
 * alone would see no traffic then (no rollback at all). Every group's series is filled with 0 where it has
 * no data, so the alarm has a value in every minute whichever group is live and does not go to
 * INSUFFICIENT_DATA when production flips; a minute where neither group has data is missing data, and
 * `notBreaching`. Each alarm reads 2 (latency, unhealthy hosts) or 4 (5xx) metrics and at most 3 expressions:
 * "A single PutMetricAlarm call can include up to 20 MetricDataQuery structures … as many as 10 … MetricStat
 * … and as many as 10 … Expression", the one with ReturnData true returning a single time series
 * (`MetricDataQuery`, @aws-sdk/client-cloudwatch; held by `test/conformance/cloudwatchLimits.ts`). Names and
 * roles are the same as with one group: the ECS service's `alarms` names them.
 */
export function targetAlarmRules<S>(target: TargetDimensions<S>, t: AlarmThresholds): AlarmRule<S>[] {
    if (t.target5xxPercent === undefined || t.latencyP99Ms === undefined) {
        throw new Error("a web service's alarms need target5xxPercent and latencyP99Ms");
    }
    const dimensions = { TargetGroup: target.targetGroup, LoadBalancer: target.loadBalancer };
    const elb = (metricName: string) => ({ namespace: "AWS/ApplicationELB", metricName, dimensions });
    const evaluation = { evaluationPeriods: t.evaluationPeriods, datapointsToAlarm: t.evaluationPeriods, treatMissingData: "notBreaching" as const };
    const alternate = target.alternateTargetGroup;
    const shifted = alternate !== undefined ? pairQueries({ TargetGroup: alternate, LoadBalancer: target.loadBalancer }, dimensions) : undefined;
    const groups = shifted ? " across both target groups" : "";
    return [
        {
            role: "target-5xx",
            description: `More than ${t.target5xxPercent}% of requests answered 5xx by the service's tasks${groups} for ${t.evaluationPeriods} min`,
            rollback: true,
            comparisonOperator: "GreaterThanThreshold",
            threshold: t.target5xxPercent,
            ...evaluation,
            metricQueries: shifted?.rate ?? [
                { id: "errors", returnData: false, metric: { ...elb("HTTPCode_Target_5XX_Count"), stat: "Sum", period: ALARM_PERIOD_SECONDS } },
                { id: "requests", returnData: false, metric: { ...elb("RequestCount"), stat: "Sum", period: ALARM_PERIOD_SECONDS } },
                { id: "rate", label: "Target 5xx (%)", returnData: true, expression: TARGET_5XX_RATE_EXPRESSION },
            ],
        },
        {
            role: "latency-p99",
            description: `p99 response time of the service's tasks${shifted ? " (the slower target group)" : ""} above ${t.latencyP99Ms} ms for ${t.evaluationPeriods} min`,
            rollback: true,
            comparisonOperator: "GreaterThanThreshold",
            // TargetResponseTime is in seconds.
            threshold: t.latencyP99Ms / 1000,
            ...evaluation,
            ...(shifted ? { metricQueries: shifted.latency } : { metric: { ...elb("TargetResponseTime"), extendedStatistic: "p99", period: ALARM_PERIOD_SECONDS } }),
        },
        {
            role: "unhealthy-hosts",
            description: `A task of the service failed the load balancer's health check${groups} for ${t.evaluationPeriods} min`,
            rollback: true,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            threshold: 1,
            ...evaluation,
            ...(shifted ? { metricQueries: shifted.unhealthy } : { metric: { ...elb("UnHealthyHostCount"), statistic: "Maximum", period: ALARM_PERIOD_SECONDS } }),
        },
    ];
}

/** The metric queries of the three target alarms over the primary group (`primary`) and the alternate. */
function pairQueries<S>(alternate: Readonly<Record<string, S>>, primary: Readonly<Record<string, S>>) {
    const query = (id: string, metricName: string, stat: string, dimensions: Readonly<Record<string, S>>): AlarmQuery<S> => ({
        id,
        returnData: false,
        metric: { namespace: "AWS/ApplicationELB", metricName, dimensions, stat, period: ALARM_PERIOD_SECONDS },
    });
    const both = (id: string, metricName: string, stat: string): AlarmQuery<S>[] => [query(id, metricName, stat, primary), query(`${id}Alt`, metricName, stat, alternate)];
    return {
        rate: [
            ...both("errors", "HTTPCode_Target_5XX_Count", "Sum"),
            ...both("requests", "RequestCount", "Sum"),
            { id: "rateBlue", returnData: false, expression: groupRate("errors", "requests") },
            { id: "rateGreen", returnData: false, expression: groupRate("errorsAlt", "requestsAlt") },
            { id: "rate", label: "Target 5xx (%), worse group", returnData: true, expression: SHIFTED_5XX_RATE_EXPRESSION },
        ],
        latency: [...both("p99", "TargetResponseTime", "p99"), { id: "latency", label: "p99 response time, slower group (s)", returnData: true, expression: SHIFTED_LATENCY_EXPRESSION }],
        unhealthy: [...both("unhealthy", "UnHealthyHostCount", "Maximum"), { id: "unhealthyAll", label: "Unhealthy tasks", returnData: true, expression: SHIFTED_UNHEALTHY_EXPRESSION }],
    };
}

/**
 * The alarms on the service itself: CPU and memory high, and fewer running tasks than desired. They notify
 * but do not roll back: a busy service is not a bad version, and the circuit breaker already judges tasks
 * that never start.
 */
export function serviceAlarmRules<S>(service: ServiceDimensions<S>, t: AlarmThresholds): AlarmRule<S>[] {
    const dimensions = { ClusterName: service.clusterName, ServiceName: service.serviceName };
    const evaluation = { evaluationPeriods: t.evaluationPeriods, datapointsToAlarm: t.evaluationPeriods, treatMissingData: "notBreaching" as const };
    const utilisation = (role: string, metricName: string, what: string): AlarmRule<S> => ({
        role,
        description: `Average ${what} of the service above ${UTILISATION_HIGH_PERCENT}% for ${t.evaluationPeriods} min`,
        rollback: false,
        comparisonOperator: "GreaterThanThreshold",
        threshold: UTILISATION_HIGH_PERCENT,
        ...evaluation,
        metric: { namespace: "AWS/ECS", metricName, dimensions, statistic: "Average", period: ALARM_PERIOD_SECONDS },
    });
    const insights = (metricName: string) => ({ namespace: "ECS/ContainerInsights", metricName, dimensions, stat: "Average", period: ALARM_PERIOD_SECONDS });
    return [
        utilisation("cpu-high", "CPUUtilization", "CPU utilisation"),
        utilisation("memory-high", "MemoryUtilization", "memory utilisation"),
        {
            role: "running-tasks",
            description: `The service ran fewer tasks than desired for ${RUNNING_TASKS_EVALUATION_PERIODS} min`,
            rollback: false,
            comparisonOperator: "GreaterThanThreshold",
            threshold: 0,
            evaluationPeriods: RUNNING_TASKS_EVALUATION_PERIODS,
            datapointsToAlarm: RUNNING_TASKS_EVALUATION_PERIODS,
            treatMissingData: "notBreaching",
            metricQueries: [
                { id: "running", returnData: false, metric: insights("RunningTaskCount") },
                { id: "desired", returnData: false, metric: insights("DesiredTaskCount") },
                { id: "missing", label: "Tasks below desired", returnData: true, expression: "desired - running" },
            ],
        },
    ];
}

/** The metric a worker's queue scaling tracks: the backlog alarm watches the same series. */
export interface QueueMetric<S> extends AlarmMetric<S> {
    readonly statistic: "Average" | "Minimum" | "Maximum" | "Sum" | "SampleCount";
}

/**
 * A worker's backlog alarm: the metric its queue scaling tracks (same namespace, name, dimensions and
 * statistic, one-minute periods) above `queueBacklog` for the evaluation periods. It notifies and never
 * rolls back: a backlog says the workers cannot keep up (at maxCapacity, or failing), not that a version is
 * bad. Missing data (no messages published) is no backlog.
 */
export function queueBacklogAlarmRule<S>(metric: QueueMetric<S>, t: AlarmThresholds): AlarmRule<S> {
    if (t.queueBacklog === undefined) {
        throw new Error("a backlog alarm needs queueBacklog");
    }
    return {
        role: "queue-backlog",
        description: `${metric.statistic} of ${metric.namespace} ${metric.metricName} above ${t.queueBacklog} for ${t.evaluationPeriods} min: the workers are not keeping up`,
        rollback: false,
        comparisonOperator: "GreaterThanThreshold",
        threshold: t.queueBacklog,
        evaluationPeriods: t.evaluationPeriods,
        datapointsToAlarm: t.evaluationPeriods,
        treatMissingData: "notBreaching",
        metric: { namespace: metric.namespace, metricName: metric.metricName, dimensions: metric.dimensions, statistic: metric.statistic, period: ALARM_PERIOD_SECONDS },
    };
}

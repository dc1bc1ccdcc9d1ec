/**
 * Pulumi inputs of `aws:cloudwatch/metricAlarm:MetricAlarm` and `aws:cloudwatch/dashboard:Dashboard` → the
 * CloudWatch `PutMetricAlarm` and `PutDashboard` requests the provider sends, as terraform-provider-aws
 * `internal/service/cloudwatch/metric_alarm.go` builds them (`expandPutMetricAlarmInput`,
 * `expandMetricAlarmMetrics`): `treatMissingData` defaults to "missing" and `actionsEnabled` to true, both
 * always sent; `returnData` defaults to false and is always sent; `threshold` is dropped when
 * `thresholdMetricId` is set; dimension maps become `{ Name, Value }` lists. Unmapped inputs are returned, as
 * in `mapping.ts`.
 */
import type { Dimension, MetricDataQuery, PutDashboardInput, PutMetricAlarmInput } from "@aws-sdk/client-cloudwatch";
import type { Mapped } from "./mapping";

type Inputs = Record<string, any>;

const keys = (rest: Inputs, at = ""): string[] => Object.keys(rest).map(k => `${at}${k}`);
const dimensions = (map?: Record<string, unknown>): Dimension[] | undefined =>
    map && Object.keys(map).length > 0 ? Object.entries(map).map(([Name, Value]) => ({ Name, Value: Value as string })) : undefined;
/** The provider sends a set only when it has members. */
const nonEmpty = <T>(list?: T[]): T[] | undefined => (list && list.length > 0 ? list : undefined);

function metricQuery(query: Inputs, i: number, unmapped: string[]): MetricDataQuery {
    const { id, accountId, expression, label, returnData, metric, period, ...rest } = query;
    const at = `metricQueries[${i}].`;
    unmapped.push(...keys(rest, at));
    let metricStat: MetricDataQuery["MetricStat"];
    if (metric) {
        const { metricName, namespace, dimensions: dims, period: metricPeriod, stat, unit, ...metricRest } = metric as Inputs;
        unmapped.push(...keys(metricRest, `${at}metric.`));
        metricStat = { Metric: { MetricName: metricName, Namespace: namespace, Dimensions: dimensions(dims) }, Stat: stat, Period: metricPeriod, Unit: unit };
    }
    return {
        Id: id,
        AccountId: accountId,
        Expression: expression,
        Label: label,
        ReturnData: returnData ?? false,
        MetricStat: metricStat,
        Period: period === 0 ? undefined : period,
    };
}

/** `aws:cloudwatch/metricAlarm:MetricAlarm` → CloudWatch `PutMetricAlarm`; `alarmName` is the physical name. */
export function putMetricAlarm(inputs: Inputs, alarmName: string): Mapped<PutMetricAlarmInput> {
    const {
        name: _name,
        actionsEnabled,
        alarmActions,
        alarmDescription,
        comparisonOperator,
        datapointsToAlarm,
        dimensions: dims,
        evaluateLowSampleCountPercentiles,
        evaluationPeriods,
        extendedStatistic,
        insufficientDataActions,
        metricName,
        metricQueries,
        namespace,
        okActions,
        period,
        statistic,
        tags,
        threshold,
        thresholdMetricId,
        treatMissingData,
        unit,
        // The region the provider calls, not a request member.
        region: _region,
        ...rest
    } = inputs;
    const unmapped = keys(rest);
    const request: PutMetricAlarmInput = {
        AlarmName: alarmName,
        AlarmDescription: alarmDescription,
        ActionsEnabled: actionsEnabled ?? true,
        OKActions: nonEmpty(okActions),
        AlarmActions: nonEmpty(alarmActions),
        InsufficientDataActions: nonEmpty(insufficientDataActions),
        MetricName: metricName,
        Namespace: namespace,
        Statistic: statistic,
        ExtendedStatistic: extendedStatistic,
        Dimensions: dimensions(dims),
        Period: period,
        Unit: unit,
        EvaluationPeriods: evaluationPeriods,
        DatapointsToAlarm: datapointsToAlarm,
        Threshold: thresholdMetricId === undefined ? threshold : undefined,
        ComparisonOperator: comparisonOperator,
        TreatMissingData: treatMissingData ?? "missing",
        EvaluateLowSampleCountPercentile: evaluateLowSampleCountPercentiles,
        Metrics: nonEmpty((metricQueries as Inputs[] | undefined)?.map((q, i) => metricQuery(q, i, unmapped))),
        Tags: tags && Object.entries(tags as Record<string, string>).map(([Key, Value]) => ({ Key, Value })),
        ThresholdMetricId: thresholdMetricId,
    };
    return { request: JSON.parse(JSON.stringify(request)) as PutMetricAlarmInput, unmapped };
}

/** `aws:cloudwatch/dashboard:Dashboard` → CloudWatch `PutDashboard`. */
export function putDashboard(inputs: Inputs): Mapped<PutDashboardInput> {
    const { dashboardName, dashboardBody, region: _region, ...rest } = inputs;
    return { request: { DashboardName: dashboardName, DashboardBody: dashboardBody }, unmapped: keys(rest) };
}

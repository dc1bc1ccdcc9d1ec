/**
 * Value constraints of PutMetricAlarm and PutDashboard that the CloudWatch model does not carry, quoted in
 * the SDK's declaration comments (`@aws-sdk/client-cloudwatch` `dist-types/models/models_0.d.ts`: Period
 * "10, 20, 30, and any multiple of 60", the 7-day and 1-day evaluation windows, "up to 20 MetricDataQuery
 * structures … as many as 10 … MetricStat … 10 … Expression", Id "The first character must be a lowercase
 * letter", "up to 30 dimensions", "as many as 50 tags", DashboardName "maximum length is 255 … A-Z, a-z, 0-9,
 * - and _"), in the API reference (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html:
 * name and action lengths, at most 5 actions of each kind, TreatMissingData and
 * EvaluateLowSampleCountPercentile values) and in Dashboard Body Structure and Syntax
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html:
 * 0 to 500 widgets, a 24-column grid, widths 1–24, heights 1–1000, each metric widget's `region`).
 * Each problem starts "documented limit:", as in `documentedLimits.ts`.
 */
import type { MetricDataQuery, PutDashboardInput, PutMetricAlarmInput } from "@aws-sdk/client-cloudwatch";

/** Collects problems; every check skips values that are not set unless it says otherwise. */
class Limits {
    readonly problems: string[] = [];
    check(ok: boolean, message: string): void {
        if (!ok) this.problems.push(`documented limit: ${message}`);
    }
    length(at: string, value: string | undefined, min: number, max: number): void {
        if (value === undefined) return;
        this.check(value.length >= min && value.length <= max, `${at} has ${value.length} characters; expected ${min} to ${max}`);
    }
    atMost(at: string, list: readonly unknown[] | undefined, max: number): void {
        this.check((list?.length ?? 0) <= max, `${at} has ${list?.length} entries; at most ${max}`);
    }
    oneOf(at: string, value: unknown, allowed: readonly string[]): void {
        if (value === undefined) return;
        this.check(allowed.includes(value as string), `${at} is ${JSON.stringify(value)}; expected one of ${allowed.join(", ")}`);
    }
}

/**
 * Percentile and trimmed statistics CloudWatch accepts in ExtendedStatistic and MetricStat.Stat (the SDK's
 * list: p90, tm90, tc90, ts90, wm90, IQM, PR(n:m), TC/TM/TS/WM(X%:X%)); the pattern is terraform-provider-aws's.
 */
export const EXTENDED_STATISTIC = /^((p|tm|wm|tc|ts)(\d{1,2}(\.\d{1,2})?|100)|IQM|(TM|WM|PR|TC|TS)\((\d+(\.\d+)?%?)?:(\d+(\.\d+)?%?)?\))$/;
/** CloudWatch's `Statistic` values. */
const STATISTICS = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];
const TREAT_MISSING_DATA = ["breaching", "notBreaching", "ignore", "missing"];
const LOW_SAMPLE_COUNT = ["evaluate", "ignore"];
const ANOMALY_BAND_OPERATORS = ["LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold"];
const QUERY_ID = /^[a-z][A-Za-z0-9_]*$/;
/** Alarm periods: 10, 20, 30 or a multiple of 60; metric queries also take 1 and 5 (high-resolution metrics). */
const alarmPeriod = (p: number) => [10, 20, 30].includes(p) || (p > 0 && p % 60 === 0);
const queryPeriod = (p: number) => [1, 5].includes(p) || alarmPeriod(p);
const SECONDS_7_DAYS = 604_800;
const SECONDS_1_DAY = 86_400;

function checkDimensions(l: Limits, at: string, dims: PutMetricAlarmInput["Dimensions"]): void {
    l.atMost(at, dims, 30);
    (dims ?? []).forEach((d, i) => {
        l.length(`${at}[${i}].Name`, d.Name, 1, 255);
        l.length(`${at}[${i}].Value`, d.Value, 1, 1024);
    });
}

/** Identifiers a metric-math expression refers to (ids start lowercase; functions and keywords are uppercase). */
export function expressionIds(expression: string): string[] {
    const withoutStrings = expression.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, " ");
    return [...new Set(withoutStrings.match(/(?<![\w.])[a-z][A-Za-z0-9_]*/g) ?? [])];
}

function checkQueries(l: Limits, alarm: PutMetricAlarmInput, queries: readonly MetricDataQuery[]): number[] {
    l.atMost("Metrics", queries, 20);
    l.atMost("Metrics with MetricStat", queries.filter(q => q.MetricStat), 10);
    l.atMost("Metrics with Expression", queries.filter(q => q.Expression), 10);
    for (const member of ["Namespace", "MetricName", "Dimensions", "Period", "Unit", "Statistic", "ExtendedStatistic"] as const) {
        l.check(alarm[member] === undefined, `${member} is set with Metrics; a metric-math alarm sets it per query`);
    }
    const ids = queries.map(q => q.Id ?? "");
    const periods: number[] = [];
    queries.forEach((q, i) => {
        const at = `Metrics[${i}]`;
        l.check(QUERY_ID.test(q.Id ?? "") && (q.Id ?? "").length <= 255, `${at}.Id is ${JSON.stringify(q.Id)}; expected letters, numbers and underscores starting with a lowercase letter`);
        l.check(ids.indexOf(q.Id ?? "") === i, `${at}.Id ${JSON.stringify(q.Id)} is used by another query`);
        l.check((q.Expression === undefined) !== (q.MetricStat === undefined), `${at} needs exactly one of Expression and MetricStat`);
        if (q.Period !== undefined) {
            l.check(queryPeriod(q.Period), `${at}.Period is ${q.Period}; expected 1, 5, 10, 20, 30 or a multiple of 60`);
            periods.push(q.Period);
        }
        if (q.Expression !== undefined) {
            l.length(`${at}.Expression`, q.Expression, 1, 2048);
            if (!/\bSELECT\b/i.test(q.Expression)) {
                for (const id of expressionIds(q.Expression)) {
                    l.check(ids.includes(id) && id !== q.Id, `${at}.Expression refers to ${JSON.stringify(id)}, which is no other query of the alarm`);
                }
            }
        }
        const stat = q.MetricStat;
        if (stat) {
            l.check(stat.Period !== undefined && queryPeriod(stat.Period), `${at}.MetricStat.Period is ${stat.Period}; expected 1, 5, 10, 20, 30 or a multiple of 60`);
            if (stat.Period !== undefined) periods.push(stat.Period);
            l.check(
                typeof stat.Stat === "string" && (STATISTICS.includes(stat.Stat) || EXTENDED_STATISTIC.test(stat.Stat)),
                `${at}.MetricStat.Stat is ${JSON.stringify(stat.Stat)}; expected ${STATISTICS.join(", ")} or a percentile such as p99`,
            );
            l.length(`${at}.MetricStat.Metric.MetricName`, stat.Metric?.MetricName, 1, 255);
            l.length(`${at}.MetricStat.Metric.Namespace`, stat.Metric?.Namespace, 1, 255);
            checkDimensions(l, `${at}.MetricStat.Metric.Dimensions`, stat.Metric?.Dimensions);
        }
    });
    const returning = queries.filter(q => q.ReturnData === true);
    if (alarm.ThresholdMetricId === undefined) {
        l.check(returning.length === 1, `Metrics has ${returning.length} queries with ReturnData true; exactly one, the value the alarm watches`);
    } else {
        l.check(ids.includes(alarm.ThresholdMetricId), `ThresholdMetricId ${JSON.stringify(alarm.ThresholdMetricId)} is no query of the alarm`);
    }
    return periods;
}

/**
 * PutMetricAlarm (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html)
 * and MetricDataQuery. Required in practice though no longer in the model (PromQL alarms use
 * EvaluationCriteria instead, which this project does not): ComparisonOperator and EvaluationPeriods.
 */
export function metricAlarmLimits(alarm: PutMetricAlarmInput): string[] {
    const l = new Limits();
    l.length("AlarmName", alarm.AlarmName, 1, 255);
    // eslint-disable-next-line no-control-regex -- the rule is exactly "no ASCII control characters"
    l.check(!/[\u0000-\u001f\u007f]/.test(alarm.AlarmName ?? ""), "AlarmName contains an ASCII control character");
    l.length("AlarmDescription", alarm.AlarmDescription, 0, 1024);
    for (const kind of ["AlarmActions", "OKActions", "InsufficientDataActions"] as const) {
        const actions = alarm[kind];
        l.atMost(kind, actions, 5);
        (actions ?? []).forEach((a, i) => {
            l.length(`${kind}[${i}]`, a, 1, 1024);
            l.check(a.startsWith("arn:"), `${kind}[${i}] is ${JSON.stringify(a)}; expected an ARN`);
        });
    }
    l.check(alarm.ComparisonOperator !== undefined, "ComparisonOperator is not set");
    l.check(alarm.EvaluationPeriods !== undefined, "EvaluationPeriods is not set");
    l.check(alarm.EvaluationPeriods === undefined || (Number.isInteger(alarm.EvaluationPeriods) && alarm.EvaluationPeriods >= 1), `EvaluationPeriods is ${alarm.EvaluationPeriods}; expected a whole number of at least 1`);
    if (alarm.DatapointsToAlarm !== undefined) {
        l.check(
            Number.isInteger(alarm.DatapointsToAlarm) && alarm.DatapointsToAlarm >= 1 && alarm.DatapointsToAlarm <= (alarm.EvaluationPeriods ?? 1),
            `DatapointsToAlarm is ${alarm.DatapointsToAlarm}; expected a whole number from 1 to EvaluationPeriods (${alarm.EvaluationPeriods})`,
        );
    }
    const band = ANOMALY_BAND_OPERATORS.includes(alarm.ComparisonOperator ?? "");
    l.check(band === (alarm.ThresholdMetricId !== undefined), "ThresholdMetricId goes with, and only with, the anomaly-detection comparison operators");
    // The provider sends 0 for an unset threshold: a static alarm without one compares against 0 unnoticed.
    l.check(band || alarm.Threshold !== undefined, "Threshold is not set; a static-threshold alarm needs one (the provider would send 0)");
    l.oneOf("TreatMissingData", alarm.TreatMissingData, TREAT_MISSING_DATA);
    l.oneOf("EvaluateLowSampleCountPercentile", alarm.EvaluateLowSampleCountPercentile, LOW_SAMPLE_COUNT);
    l.atMost("Tags", alarm.Tags, 50);

    const queries = alarm.Metrics ?? [];
    l.check((alarm.MetricName !== undefined) !== (queries.length > 0), "exactly one of MetricName and Metrics is needed");
    let periods: number[] = [];
    if (queries.length > 0) {
        periods = checkQueries(l, alarm, queries);
        l.check(alarm.EvaluateLowSampleCountPercentile === undefined, "EvaluateLowSampleCountPercentile is only for an ExtendedStatistic alarm");
    } else if (alarm.MetricName !== undefined) {
        l.length("MetricName", alarm.MetricName, 1, 255);
        l.length("Namespace", alarm.Namespace, 1, 255);
        l.check(!(alarm.Namespace ?? "").startsWith(":"), `Namespace ${JSON.stringify(alarm.Namespace)} may not start with ":"`);
        l.check((alarm.Statistic === undefined) !== (alarm.ExtendedStatistic === undefined), "exactly one of Statistic and ExtendedStatistic is needed");
        if (alarm.ExtendedStatistic !== undefined) {
            l.check(EXTENDED_STATISTIC.test(alarm.ExtendedStatistic), `ExtendedStatistic is ${JSON.stringify(alarm.ExtendedStatistic)}; expected a percentile such as p99 (or tm90, IQM, …)`);
        }
        l.check(alarm.EvaluateLowSampleCountPercentile === undefined || alarm.ExtendedStatistic !== undefined, "EvaluateLowSampleCountPercentile is only for an ExtendedStatistic alarm");
        l.check(alarm.Period !== undefined && alarmPeriod(alarm.Period), `Period is ${alarm.Period}; expected 10, 20, 30 or a multiple of 60`);
        if (alarm.Period !== undefined) periods = [alarm.Period];
        checkDimensions(l, "Dimensions", alarm.Dimensions);
    }
    const period = Math.max(0, ...periods);
    const window = period * (alarm.EvaluationPeriods ?? 1);
    const maxWindow = period < 3600 ? SECONDS_1_DAY : SECONDS_7_DAYS;
    l.check(window <= maxWindow, `Period ${period} × EvaluationPeriods ${alarm.EvaluationPeriods} is ${window} s; at most ${maxWindow} s for this period`);
    return l.problems;
}

type Json = Record<string, any>;
const WIDGET_TYPES = ["metric", "text", "log", "alarm", "explorer", "custom"];
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);

/** One entry of a metric widget's `metrics`: `[namespace, name, dim, value, …, {options}?]` or `[{ expression, … }]`. */
function checkWidgetMetric(l: Limits, at: string, entry: unknown, first: boolean): string | undefined {
    if (!Array.isArray(entry) || entry.length === 0) {
        l.check(false, `${at} is ${JSON.stringify(entry)}; expected a non-empty array`);
        return undefined;
    }
    const last = entry[entry.length - 1];
    const options = isObject(last) ? last : undefined;
    const strings = options ? entry.slice(0, -1) : entry;
    l.check(strings.every(s => typeof s === "string"), `${at}: every element but a final options object must be a string`);
    if (options?.id !== undefined) l.check(QUERY_ID.test(String(options.id)), `${at}.id is ${JSON.stringify(options.id)}; expected to start with a lowercase letter`);
    if (strings.length === 0) {
        l.check(typeof options?.expression === "string", `${at} has neither a metric nor an expression`);
    } else if (strings[0] === "...") {
        // "..." repeats every value of the entry before; only rendering options may follow.
        l.check(first === false && strings.length === 1, `${at}: "..." repeats the entry before and stands alone`);
    } else {
        l.check(strings.length >= 2 && strings.length % 2 === 0, `${at} has ${strings.length} strings; expected namespace, metric name, then dimension name/value pairs`);
    }
    return typeof options?.id === "string" ? options.id : undefined;
}

/**
 * PutDashboard and the dashboard body (see the file comment). The body is what the API parses: it must be
 * a JSON object whose `widgets` array holds widgets the grid can place.
 */
export function dashboardLimits(dashboard: PutDashboardInput): string[] {
    const l = new Limits();
    l.check(/^[A-Za-z0-9_-]{1,255}$/.test(dashboard.DashboardName ?? ""), `DashboardName is ${JSON.stringify(dashboard.DashboardName)}; expected 1 to 255 of A-Z, a-z, 0-9, - and _`);
    let body: unknown;
    try {
        body = JSON.parse(dashboard.DashboardBody ?? "");
    } catch (e) {
        l.check(false, `DashboardBody is not JSON: ${(e as Error).message}`);
        return l.problems;
    }
    if (!isObject(body) || !Array.isArray(body.widgets)) {
        l.check(false, "DashboardBody needs a widgets array (it may be empty)");
        return l.problems;
    }
    l.oneOf("periodOverride", body.periodOverride, ["auto", "inherit"]);
    l.atMost("widgets", body.widgets, 500);
    (body.widgets as unknown[]).forEach((widget, i) => {
        const at = `widgets[${i}]`;
        if (!isObject(widget)) {
            l.check(false, `${at} is not an object`);
            return;
        }
        l.oneOf(`${at}.type`, widget.type, WIDGET_TYPES);
        l.check(widget.type !== undefined, `${at}.type is not set`);
        const int = (v: unknown, min: number, max: number) => v === undefined || (Number.isInteger(v) && (v as number) >= min && (v as number) <= max);
        l.check(int(widget.width, 1, 24), `${at}.width is ${JSON.stringify(widget.width)}; expected 1 to 24`);
        l.check(int(widget.height, 1, 1000), `${at}.height is ${JSON.stringify(widget.height)}; expected 1 to 1000`);
        l.check(int(widget.x, 0, 23), `${at}.x is ${JSON.stringify(widget.x)}; expected 0 to 23`);
        l.check(int(widget.y, 0, Number.MAX_SAFE_INTEGER), `${at}.y is ${JSON.stringify(widget.y)}; expected a whole number of at least 0`);
        l.check((widget.x ?? 0) + (widget.width ?? 6) <= 24, `${at} reaches column ${(widget.x ?? 0) + (widget.width ?? 6)}; the grid has 24`);
        const props = widget.properties;
        if (!isObject(props)) {
            l.check(false, `${at}.properties is not an object`);
            return;
        }
        if (widget.type === "metric") {
            l.check(typeof props.region === "string" && props.region.length > 0, `${at}.properties.region is not set; a metric widget needs it`);
            if (props.stat !== undefined) {
                l.check(STATISTICS.includes(props.stat) || EXTENDED_STATISTIC.test(props.stat), `${at}.properties.stat is ${JSON.stringify(props.stat)}`);
            }
            if (props.period !== undefined) l.check(Number.isInteger(props.period) && queryPeriod(props.period), `${at}.properties.period is ${JSON.stringify(props.period)}`);
            const metrics: unknown[] = Array.isArray(props.metrics) ? props.metrics : [];
            l.check(metrics.length > 0 || props.annotations?.alarms !== undefined, `${at}.properties.metrics is empty; a metric widget graphs metrics or an alarm`);
            l.atMost(`${at}.properties.metrics`, metrics, 500);
            const ids = metrics.map((m, j) => checkWidgetMetric(l, `${at}.properties.metrics[${j}]`, m, j === 0));
            metrics.forEach((m, j) => {
                const options = Array.isArray(m) && isObject(m[m.length - 1]) ? (m[m.length - 1] as Json) : undefined;
                if (typeof options?.expression === "string" && !/\bSELECT\b|\bSEARCH\b/.test(options.expression)) {
                    for (const id of expressionIds(options.expression)) {
                        l.check(ids.includes(id) && id !== options.id, `${at}.properties.metrics[${j}] expression refers to ${JSON.stringify(id)}, which is no other metric of the widget`);
                    }
                }
            });
            for (const arn of props.annotations?.alarms ?? []) l.check(typeof arn === "string" && arn.startsWith("arn:"), `${at}.properties.annotations.alarms has ${JSON.stringify(arn)}; expected an alarm ARN`);
        }
        if (widget.type === "alarm") {
            const alarms: unknown[] = Array.isArray(props.alarms) ? props.alarms : [];
            l.check(alarms.length >= 1 && alarms.length <= 100, `${at}.properties.alarms has ${alarms.length}; expected 1 to 100 alarm ARNs`);
            for (const arn of alarms) l.check(typeof arn === "string" && arn.startsWith("arn:"), `${at}.properties.alarms has ${JSON.stringify(arn)}; expected an alarm ARN`);
        }
        if (widget.type === "text") l.check(typeof props.markdown === "string", `${at}.properties.markdown is not set; a text widget needs it`);
    });
    return l.problems;
}

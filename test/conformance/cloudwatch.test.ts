/**
 * CloudWatch alarms and dashboards as the PutMetricAlarm and PutDashboard requests the provider sends,
 * against the model shipped in @aws-sdk/client-cloudwatch (members, types, required members, enums such as
 * ComparisonOperator, Statistic, StandardUnit) and the documented limits the model leaves out
 * (`cloudwatchLimits.ts`). Two sources: fixtures shaped as the stacks' per-service alarms and dashboard are
 * (run through the real `@pulumi/aws` classes under the mocks), and every MetricAlarm and Dashboard of the
 * dev and prod stacks, with every alarm an ECS service's `alarms` names checked to be one of the stack's.
 */
import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ProgramRun } from "../../harness/runProgram";
import { RecordedResource } from "../../harness/types";
import { AWS_TYPES } from "../../policy/facts/typeTokens";
import { ApiModel, loadApiModel } from "../support/awsApiModel";
import { inputs, ofType, runInline, state } from "../support/stacks";
import { dashboardLimits, metricAlarmLimits } from "./cloudwatchLimits";
import { putDashboard, putMetricAlarm } from "./cloudwatchMapping";
import { assertNoProblems, describeConformance, requestProblems } from "./kit";
import { createService } from "./mapping";
import { runStrategyStack } from "../support/strategyStack";

const ALARM = AWS_TYPES.cloudwatchMetricAlarm;
const DASHBOARD = AWS_TYPES.cloudwatchDashboard;

/**
 * The alarm's physical name: its `name`, else the provider's auto-name, which is the logical name plus a
 * dash and seven random characters (of the same length as the placeholder used here).
 */
export const alarmName = (alarm: RecordedResource): string => inputs(alarm).name ?? state(alarm).name ?? `${alarm.name}-0000000`;

const alarmProblems = (alarm: RecordedResource, model: ApiModel): string[] => {
    const mapped = putMetricAlarm(inputs(alarm), alarmName(alarm));
    return requestProblems("PutMetricAlarmInput", mapped, model, metricAlarmLimits(mapped.request)).map(p => `${alarm.name}: ${p}`);
};
const dashboardProblems = (dashboard: RecordedResource, model: ApiModel): string[] => {
    const mapped = putDashboard(inputs(dashboard));
    return requestProblems("PutDashboardInput", mapped, model, dashboardLimits(mapped.request)).map(p => `${dashboard.name}: ${p}`);
};

/**
 * One web service's alarms and the stack's dashboard, as the stacks build them: a 5xx-rate alarm by metric
 * math over the target group's HTTPCode_Target_5XX_Count and RequestCount, a p99 TargetResponseTime alarm,
 * UnHealthyHostCount, ECS CPU and memory by ClusterName/ServiceName, and running tasks below desired from
 * Container Insights, every one notifying an SNS topic; the latency alarm is auto-named.
 */
function monitoredService(): void {
    const alb = new aws.lb.LoadBalancer("shared-alb", { loadBalancerType: "application", subnets: ["subnet-a", "subnet-b"] });
    const tg = new aws.lb.TargetGroup("web-tg", { port: 8080, protocol: "HTTP", targetType: "ip", vpcId: "vpc-1" });
    const cluster = new aws.ecs.Cluster("cluster", {});
    const service = new aws.ecs.Service("web-service", { cluster: cluster.arn, desiredCount: 2 });
    const topic = new aws.sns.Topic("alarms", {});
    const lb = { TargetGroup: tg.arnSuffix, LoadBalancer: alb.arnSuffix };
    const ecs = { ClusterName: cluster.name, ServiceName: service.name };
    const common = { alarmActions: [topic.arn], okActions: [topic.arn], evaluationPeriods: 3, datapointsToAlarm: 2 };
    const query = (id: string, namespace: string, metricName: string, dimensions: Record<string, pulumi.Input<string>>, stat: string) => ({
        id,
        metric: { namespace, metricName, dimensions, stat, period: 60 },
        returnData: false,
    });
    new aws.cloudwatch.MetricAlarm("web-5xx", {
        ...common,
        name: "test-web-5xx-rate",
        alarmDescription: "Target 5xx responses above 5 % of requests",
        comparisonOperator: "GreaterThanThreshold",
        threshold: 5,
        treatMissingData: "notBreaching",
        metricQueries: [
            query("errors", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", lb, "Sum"),
            query("requests", "AWS/ApplicationELB", "RequestCount", lb, "Sum"),
            { id: "rate", expression: "100 * FILL(errors, 0) / requests", label: "5xx rate (%)", returnData: true },
        ],
    });
    new aws.cloudwatch.MetricAlarm("web-latency", {
        ...common,
        comparisonOperator: "GreaterThanThreshold",
        namespace: "AWS/ApplicationELB",
        metricName: "TargetResponseTime",
        extendedStatistic: "p99",
        evaluateLowSampleCountPercentiles: "ignore",
        period: 60,
        dimensions: lb,
        threshold: 1.5,
        treatMissingData: "notBreaching",
    });
    new aws.cloudwatch.MetricAlarm("web-unhealthy", {
        ...common,
        name: "test-web-unhealthy-hosts",
        comparisonOperator: "GreaterThanThreshold",
        namespace: "AWS/ApplicationELB",
        metricName: "UnHealthyHostCount",
        statistic: "Maximum",
        period: 60,
        dimensions: lb,
        threshold: 0,
    });
    for (const [role, metricName] of [
        ["cpu", "CPUUtilization"],
        ["memory", "MemoryUtilization"],
    ]) {
        new aws.cloudwatch.MetricAlarm(`web-${role}`, {
            ...common,
            name: `test-web-${role}-high`,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            namespace: "AWS/ECS",
            metricName,
            statistic: "Average",
            period: 300,
            dimensions: ecs,
            threshold: 85,
            unit: "Percent",
        });
    }
    new aws.cloudwatch.MetricAlarm("web-tasks", {
        ...common,
        name: "test-web-running-below-desired",
        comparisonOperator: "LessThanThreshold",
        threshold: 0,
        treatMissingData: "breaching",
        metricQueries: [
            query("running", "ECS/ContainerInsights", "RunningTaskCount", ecs, "Average"),
            query("desired", "ECS/ContainerInsights", "DesiredTaskCount", ecs, "Average"),
            { id: "shortfall", expression: "running - desired", label: "running minus desired", returnData: true },
        ],
    });
    const graph = (x: number, y: number, title: string, metrics: unknown[], extra: Record<string, unknown> = {}) => ({
        type: "metric",
        x,
        y,
        width: 12,
        height: 6,
        properties: { title, region: "us-east-1", view: "timeSeries", period: 60, metrics, ...extra },
    });
    new aws.cloudwatch.Dashboard("dashboard", {
        dashboardName: "test-fargate-web",
        dashboardBody: pulumi.all([alb.arnSuffix, tg.arnSuffix, cluster.name, service.name]).apply(([albSuffix, tgSuffix, clusterName, serviceName]) =>
            JSON.stringify({
                periodOverride: "auto",
                widgets: [
                    { type: "text", x: 0, y: 0, width: 24, height: 1, properties: { markdown: `## ${serviceName}` } },
                    graph(0, 1, "Requests and 5xx", [
                        ["AWS/ApplicationELB", "RequestCount", "TargetGroup", tgSuffix, "LoadBalancer", albSuffix, { id: "requests", stat: "Sum" }],
                        [".", "HTTPCode_Target_5XX_Count", ".", ".", ".", ".", { id: "errors", stat: "Sum" }],
                        [{ expression: "100 * FILL(errors, 0) / requests", label: "5xx rate (%)", id: "rate" }],
                    ]),
                    graph(12, 1, "Latency", [
                        ["AWS/ApplicationELB", "TargetResponseTime", "TargetGroup", tgSuffix, "LoadBalancer", albSuffix, { stat: "p50" }],
                        ["...", { stat: "p99" }],
                    ]),
                    graph(0, 7, "Healthy hosts", [["AWS/ApplicationELB", "HealthyHostCount", "TargetGroup", tgSuffix, "LoadBalancer", albSuffix]], { stat: "Minimum" }),
                    graph(12, 7, "CPU and memory", [
                        ["AWS/ECS", "CPUUtilization", "ClusterName", clusterName, "ServiceName", serviceName],
                        [".", "MemoryUtilization", ".", ".", ".", "."],
                    ], { stat: "Average" }),
                    graph(0, 13, "Running tasks", [
                        ["ECS/ContainerInsights", "RunningTaskCount", "ClusterName", clusterName, "ServiceName", serviceName],
                        [".", "DesiredTaskCount", ".", ".", ".", "."],
                    ], { stat: "Average" }),
                ],
            }),
        ),
    });
}

describe("conformance: CloudWatch requests (fixtures shaped as the stacks' alarms and dashboard)", () => {
    const model = loadApiModel("@aws-sdk/client-cloudwatch");
    let run: ProgramRun;
    before(async function () {
        this.timeout(60_000);
        run = await runInline(monitoredService);
    });

    it("GIVEN a web service's six alarms WHEN sent as PutMetricAlarm THEN the model and documented limits accept each", () => {
        const alarms = ofType(run, ALARM);
        assert.deepEqual(alarms.map(a => a.name).sort(), ["web-5xx", "web-cpu", "web-latency", "web-memory", "web-tasks", "web-unhealthy"]);
        assertNoProblems("PutMetricAlarm (fixtures)", alarms.flatMap(a => alarmProblems(a, model)));
    });

    it("GIVEN the 5xx-rate alarm WHEN mapped THEN it reads two metrics of the target group and load balancer and returns only the rate", () => {
        const alarm = ofType(run, ALARM).find(a => a.name === "web-5xx")!;
        const { Metrics = [] } = putMetricAlarm(inputs(alarm), alarmName(alarm)).request;
        assert.deepEqual(
            Metrics.map(q => [q.Id, q.MetricStat?.Metric?.MetricName ?? q.Expression, q.ReturnData]),
            [
                ["errors", "HTTPCode_Target_5XX_Count", false],
                ["requests", "RequestCount", false],
                ["rate", "100 * FILL(errors, 0) / requests", true],
            ],
        );
        const dims = Metrics[0].MetricStat?.Metric?.Dimensions ?? [];
        assert.deepEqual(dims.map(d => d.Name).sort(), ["LoadBalancer", "TargetGroup"]);
        assert.match(dims.find(d => d.Name === "TargetGroup")!.Value!, /^targetgroup\/web-tg-[0-9a-f]{7}\/[0-9a-f]+$/);
    });

    it("GIVEN the stack's dashboard WHEN sent as PutDashboard THEN the model and the body's documented structure accept it", () => {
        const dashboards = ofType(run, DASHBOARD);
        assert.equal(dashboards.length, 1);
        assertNoProblems("PutDashboard (fixtures)", dashboards.flatMap(d => dashboardProblems(d, model)));
        assert.equal(JSON.parse(inputs(dashboards[0]).dashboardBody).widgets.length, 6);
    });

    // Each case breaks one input of a fixture and names the one problem the check must report.
    const alarmCases: Array<[string, string, (i: Record<string, any>) => Record<string, any>, RegExp]> = [
        ["a misspelt comparison operator", "web-unhealthy", i => ({ ...i, comparisonOperator: "GreaterThan" }), /ComparisonOperator: "GreaterThan" is not one of/],
        ["p99 as a Statistic", "web-unhealthy", i => ({ ...i, statistic: "p99" }), /Statistic: "p99" is not one of \[Average/],
        ["an ExtendedStatistic that is no percentile", "web-latency", i => ({ ...i, extendedStatistic: "99p" }), /ExtendedStatistic is "99p"/],
        ["both Statistic and ExtendedStatistic", "web-latency", i => ({ ...i, statistic: "Average" }), /exactly one of Statistic and ExtendedStatistic/],
        ["a treatMissingData in the wrong case", "web-unhealthy", i => ({ ...i, treatMissingData: "NotBreaching" }), /TreatMissingData is "NotBreaching"/],
        ["six alarm actions", "web-unhealthy", i => ({ ...i, alarmActions: Array.from({ length: 6 }, (_, n) => `arn:aws:sns:us-east-1:123456789012:t${n}`) }), /AlarmActions has 6 entries; at most 5/],
        ["a 256-character name", "web-unhealthy", i => ({ ...i, name: "a".repeat(256) }), /AlarmName has 256 characters; expected 1 to 255/],
        ["no threshold", "web-unhealthy", ({ threshold: _t, ...i }) => i, /Threshold is not set/],
        ["zero evaluation periods", "web-unhealthy", i => ({ ...i, evaluationPeriods: 0, datapointsToAlarm: undefined }), /EvaluationPeriods is 0/],
        ["more datapoints than periods", "web-unhealthy", i => ({ ...i, datapointsToAlarm: 4 }), /DatapointsToAlarm is 4/],
        ["a 45 s period", "web-unhealthy", i => ({ ...i, period: 45 }), /Period is 45; expected 10, 20, 30 or a multiple of 60/],
        ["a window over one day", "web-unhealthy", i => ({ ...i, period: 1800, evaluationPeriods: 49 }), /Period 1800 × EvaluationPeriods 49 is 88200 s; at most 86400/],
        [
            "two queries returning data",
            "web-5xx",
            i => ({ ...i, metricQueries: i.metricQueries.map((q: any) => ({ ...q, returnData: q.id === "requests" || q.returnData })) }),
            /2 queries with ReturnData true; exactly one/,
        ],
        [
            "an expression naming a missing query",
            "web-5xx",
            i => ({ ...i, metricQueries: i.metricQueries.map((q: any) => (q.expression ? { ...q, expression: "100 * errors / request" } : q)) }),
            /refers to "request", which is no other query/,
        ],
        [
            "a query with both an expression and a metric",
            "web-tasks",
            i => ({ ...i, metricQueries: i.metricQueries.map((q: any, n: number) => (n === 0 ? { ...q, expression: "desired" } : q)) }),
            /Metrics\[0\] needs exactly one of Expression and MetricStat/,
        ],
        ["a query id starting with a capital", "web-tasks", i => ({ ...i, metricQueries: i.metricQueries.map((q: any) => (q.id === "shortfall" ? { ...q, id: "Shortfall" } : q)) }), /Id is "Shortfall"/],
        ["a metric-math alarm with a top-level metric name", "web-tasks", i => ({ ...i, metricName: "RunningTaskCount" }), /MetricName is set with Metrics/],
        ["a stray input", "web-cpu", i => ({ ...i, evaluationPeriod: 3 }), /Pulumi input "evaluationPeriod" has no mapping/],
    ];
    for (const [what, name, mutate, expected] of alarmCases) {
        it(`GIVEN ${what} THEN the check refuses it`, () => {
            const alarm = ofType(run, ALARM).find(a => a.name === name)!;
            const broken = { ...alarm, inputs: mutate(inputs(alarm)), state: { ...state(alarm), name: undefined } } as RecordedResource;
            const problems = alarmProblems(broken, model);
            assert.ok(problems.some(p => expected.test(p)), `expected ${expected} in:\n  ${problems.join("\n  ")}`);
        });
    }

    const dashboardCases: Array<[string, (body: Record<string, any>, name: string) => [Record<string, any> | string, string], RegExp]> = [
        ["a name with a space", (b, n) => [b, `${n} prod`], /DashboardName is "test-fargate-web prod"/],
        ["a body that is not JSON", (_b, n) => ["{ widgets: [] }", n], /DashboardBody is not JSON/],
        ["a body without widgets", (_b, n) => [{ start: "-PT6H" }, n], /needs a widgets array/],
        ["a widget 25 columns wide", (b, n) => [{ ...b, widgets: [{ ...b.widgets[0], width: 25 }] }, n], /widgets\[0\]\.width is 25/],
        ["a metric widget without its region", (b, n) => [{ ...b, widgets: [{ ...b.widgets[1], properties: { ...b.widgets[1].properties, region: undefined } }] }, n], /properties\.region is not set/],
        ["a metric entry with an odd number of strings", (b, n) => [{ ...b, widgets: [{ ...b.widgets[5], properties: { ...b.widgets[5].properties, metrics: [["AWS/ECS", "CPUUtilization", "ClusterName"]] } }] }, n], /has 3 strings/],
        ["an unknown widget type", (b, n) => [{ ...b, widgets: [{ ...b.widgets[0], type: "markdown" }] }, n], /type is "markdown"/],
    ];
    for (const [what, mutate, expected] of dashboardCases) {
        it(`GIVEN a dashboard with ${what} THEN the check refuses it`, () => {
            const dashboard = ofType(run, DASHBOARD)[0];
            const [body, name] = mutate(JSON.parse(inputs(dashboard).dashboardBody), inputs(dashboard).dashboardName);
            const broken = { ...dashboard, inputs: { dashboardName: name, dashboardBody: typeof body === "string" ? body : JSON.stringify(body) } } as RecordedResource;
            const problems = dashboardProblems(broken, model);
            assert.ok(problems.some(p => expected.test(p)), `expected ${expected} in:\n  ${problems.join("\n  ")}`);
        });
    }
});

describeConformance("conformance: CloudWatch requests of the stacks", "@aws-sdk/client-cloudwatch", (model, stack, runOf) => {
    it("GIVEN every MetricAlarm of the stack WHEN sent as PutMetricAlarm THEN the model and documented limits accept it", function () {
        const alarms = ofType(runOf(), ALARM);
        // Every long-running service has alarms (stack.ts): none would mean they were lost.
        assert.ok(alarms.length > 0, `${stack} has no MetricAlarm`);
        assertNoProblems(`PutMetricAlarm (${stack})`, alarms.flatMap(a => alarmProblems(a, model)));
    });

    it("GIVEN every Dashboard of the stack WHEN sent as PutDashboard THEN the model and the body's documented structure accept it", function () {
        const dashboards = ofType(runOf(), DASHBOARD);
        assert.equal(dashboards.length, 1, `${stack} has one dashboard`);
        assertNoProblems(`PutDashboard (${stack})`, dashboards.flatMap(d => dashboardProblems(d, model)));
    });

    it("GIVEN every ECS service with deployment alarms THEN each alarm it names is a MetricAlarm of the stack", function () {
        const run = runOf();
        const names = new Set(ofType(run, ALARM).map(alarmName));
        const withAlarms = ofType(run, AWS_TYPES.ecsService).filter(s => inputs(s).alarms !== undefined);
        assert.ok(withAlarms.length > 0, `${stack} has no service with deployment alarms`);
        const problems = withAlarms.flatMap(service => {
            const alarms = createService(inputs(service), service.name).request.deploymentConfiguration?.alarms;
            return (alarms?.alarmNames ?? []).filter(n => !names.has(n)).map(n => `${service.name}: alarms.alarmNames has ${JSON.stringify(n)}, which is no alarm of the stack`);
        });
        assertNoProblems(`ECS deployment alarms (${stack})`, problems);
    });
});

describe("conformance: CloudWatch requests of the strategy stack (alarms and dashboard over two target groups)", () => {
    const model = loadApiModel("@aws-sdk/client-cloudwatch");
    let run: ProgramRun;
    before(async function () {
        this.timeout(60_000);
        run = await runStrategyStack();
    });

    it("GIVEN every MetricAlarm, the two-group metric-math ones included WHEN sent as PutMetricAlarm THEN the model and documented limits accept each", () => {
        const alarms = ofType(run, ALARM);
        assertNoProblems("PutMetricAlarm (strategies)", alarms.flatMap(a => alarmProblems(a, model)));
        // Non-vacuous: the walked requests carry both groups' queries of each shifted service.
        for (const s of ["web", "api", "admin"]) {
            const alarm = alarms.find(a => a.name === `${s}-target-5xx`)!;
            const { Metrics = [] } = putMetricAlarm(inputs(alarm), alarmName(alarm)).request;
            assert.deepEqual(Metrics.filter(q => q.MetricStat).length, 4, s);
            assert.equal(Metrics.filter(q => q.ReturnData).length, 1, s);
        }
    });

    it("GIVEN the dashboard with the shifted services' sums over hidden per-group series WHEN sent as PutDashboard THEN the model and the body's documented structure accept it", () => {
        const dashboards = ofType(run, DASHBOARD);
        assert.equal(dashboards.length, 1);
        assertNoProblems("PutDashboard (strategies)", dashboards.flatMap(d => dashboardProblems(d, model)));
        assert.ok(inputs(dashboards[0]).dashboardBody.includes("FILL(requests, 0) + FILL(requestsAlt, 0)"));
    });

    it("GIVEN the latency alarm's MAX expression naming an id it lacks THEN the check refuses it", () => {
        const alarm = ofType(run, ALARM).find(a => a.name === "api-latency-p99")!;
        const broken = {
            ...alarm,
            inputs: { ...inputs(alarm), metricQueries: inputs(alarm).metricQueries.map((q: any) => (q.expression ? { ...q, expression: "MAX(FILL([p99, p99Alt2], 0))" } : q)) },
        } as RecordedResource;
        assert.ok(alarmProblems(broken, model).some(p => /refers to "p99Alt2"/.test(p)));
    });
});

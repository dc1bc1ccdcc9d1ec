import { strict as assert } from "node:assert";
import {
    ALARM_PERIOD_SECONDS,
    AlarmQuery,
    serviceAlarmRules,
    SHIFTED_5XX_RATE_EXPRESSION,
    SHIFTED_LATENCY_EXPRESSION,
    SHIFTED_UNHEALTHY_EXPRESSION,
    TARGET_5XX_RATE_EXPRESSION,
    targetAlarmRules,
} from "../../components/alarmRules";
import { alarmSeries, Series } from "../support/metricMath";

const target = { loadBalancer: "app/web-lb/0123456789abcdef", targetGroup: "targetgroup/web-tg/fedcba9876543210" };
const elbDimensions = { TargetGroup: target.targetGroup, LoadBalancer: target.loadBalancer };

describe("alarm rules (pure)", () => {
    describe("GIVEN a web service's target group and thresholds", () => {
        const rules = targetAlarmRules(target, { target5xxPercent: 2, latencyP99Ms: 1500, evaluationPeriods: 4 });

        it("THEN the 5xx rate is metric math over the target group's 5xx and request sums, one series returned", () => {
            const rate = rules.find(r => r.role === "target-5xx")!;
            assert.equal(rate.metric, undefined);
            assert.deepEqual(rate.metricQueries, [
                { id: "errors", returnData: false, metric: { namespace: "AWS/ApplicationELB", metricName: "HTTPCode_Target_5XX_Count", dimensions: elbDimensions, stat: "Sum", period: 60 } },
                { id: "requests", returnData: false, metric: { namespace: "AWS/ApplicationELB", metricName: "RequestCount", dimensions: elbDimensions, stat: "Sum", period: 60 } },
                { id: "rate", label: "Target 5xx (%)", returnData: true, expression: "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)" },
            ]);
            assert.equal(rate.metricQueries!.filter(q => q.returnData).length, 1);
            assert.deepEqual([rate.comparisonOperator, rate.threshold, rate.evaluationPeriods, rate.datapointsToAlarm], ["GreaterThanThreshold", 2, 4, 4]);
        });

        it("THEN the expression names only the ids of its queries", () => {
            const ids = new Set(["errors", "requests"]);
            const names = TARGET_5XX_RATE_EXPRESSION.match(/[a-z]+(?![A-Z(])/g)!.filter(n => !["if"].includes(n));
            assert.deepEqual([...new Set(names)].sort(), [...ids].sort());
        });

        it("THEN p99 latency is an extended statistic with the threshold in seconds", () => {
            const latency = rules.find(r => r.role === "latency-p99")!;
            assert.deepEqual(latency.metric, { namespace: "AWS/ApplicationELB", metricName: "TargetResponseTime", dimensions: elbDimensions, extendedStatistic: "p99", period: ALARM_PERIOD_SECONDS });
            assert.equal(latency.threshold, 1.5);
        });

        it("THEN one unhealthy host for the evaluation periods sets off an alarm", () => {
            const unhealthy = rules.find(r => r.role === "unhealthy-hosts")!;
            assert.deepEqual(unhealthy.metric, { namespace: "AWS/ApplicationELB", metricName: "UnHealthyHostCount", dimensions: elbDimensions, statistic: "Maximum", period: 60 });
            assert.deepEqual([unhealthy.comparisonOperator, unhealthy.threshold], ["GreaterThanOrEqualToThreshold", 1]);
        });

        it("THEN all three roll a deployment back and treat missing data as not breaching", () => {
            assert.deepEqual(rules.map(r => [r.role, r.rollback, r.treatMissingData]), [
                ["target-5xx", true, "notBreaching"],
                ["latency-p99", true, "notBreaching"],
                ["unhealthy-hosts", true, "notBreaching"],
            ]);
        });
    });

    it("GIVEN thresholds without the web ones THEN target alarms are refused", () => {
        assert.throws(() => targetAlarmRules(target, { evaluationPeriods: 3 }), /target5xxPercent and latencyP99Ms/);
    });

    describe("GIVEN an ECS service", () => {
        const rules = serviceAlarmRules({ clusterName: "web-cluster-1", serviceName: "web-service-2" }, { evaluationPeriods: 2 });
        const dimensions = { ClusterName: "web-cluster-1", ServiceName: "web-service-2" };

        it("THEN CPU and memory above 90 % notify without rolling back", () => {
            assert.deepEqual(
                rules.filter(r => r.metric).map(r => [r.role, r.metric!.namespace, r.metric!.metricName, r.metric!.dimensions, r.metric!.statistic, r.threshold, r.evaluationPeriods, r.rollback]),
                [
                    ["cpu-high", "AWS/ECS", "CPUUtilization", dimensions, "Average", 90, 2, false],
                    ["memory-high", "AWS/ECS", "MemoryUtilization", dimensions, "Average", 90, 2, false],
                ],
            );
        });

        it("THEN running tasks below desired is metric math over Container Insights' counts for five minutes", () => {
            const running = rules.find(r => r.role === "running-tasks")!;
            assert.deepEqual(
                running.metricQueries!.map(q => [q.id, q.returnData, q.expression ?? `${q.metric!.namespace}/${q.metric!.metricName}`]),
                [
                    ["running", false, "ECS/ContainerInsights/RunningTaskCount"],
                    ["desired", false, "ECS/ContainerInsights/DesiredTaskCount"],
                    ["missing", true, "desired - running"],
                ],
            );
            assert.deepEqual(running.metricQueries![0].metric!.dimensions, dimensions);
            assert.deepEqual([running.comparisonOperator, running.threshold, running.evaluationPeriods, running.rollback], ["GreaterThanThreshold", 0, 5, false]);
        });
    });

    describe("GIVEN a blue/green, canary or linear service's two target groups", () => {
        const alternate = "targetgroup/web-alt/0a1b2c3d4e5f6071";
        const altDimensions = { TargetGroup: alternate, LoadBalancer: target.loadBalancer };
        const rules = targetAlarmRules({ ...target, alternateTargetGroup: alternate }, { target5xxPercent: 2, latencyP99Ms: 1500, evaluationPeriods: 4 });
        const elb = (metricName: string, stat: string, dimensions: Record<string, string>) => ({ namespace: "AWS/ApplicationELB", metricName, dimensions, stat, period: 60 });
        const queriesOf = (role: string) => rules.find(r => r.role === role)!.metricQueries!;

        it("THEN the roles, thresholds, evaluation and rollback are those of one group: the ECS service's alarms keep their names", () => {
            const single = targetAlarmRules(target, { target5xxPercent: 2, latencyP99Ms: 1500, evaluationPeriods: 4 });
            const shape = (r: (typeof rules)[number]) => [r.role, r.rollback, r.comparisonOperator, r.threshold, r.evaluationPeriods, r.datapointsToAlarm, r.treatMissingData];
            assert.deepEqual(rules.map(shape), single.map(shape));
            assert.ok(rules.every(r => r.metric === undefined && r.metricQueries!.filter(q => q.returnData).length === 1));
        });

        it("THEN the 5xx rate is the worse group's rate, each group's sums filled with 0 where it has no data", () => {
            assert.deepEqual(queriesOf("target-5xx"), [
                { id: "errors", returnData: false, metric: elb("HTTPCode_Target_5XX_Count", "Sum", elbDimensions) },
                { id: "errorsAlt", returnData: false, metric: elb("HTTPCode_Target_5XX_Count", "Sum", altDimensions) },
                { id: "requests", returnData: false, metric: elb("RequestCount", "Sum", elbDimensions) },
                { id: "requestsAlt", returnData: false, metric: elb("RequestCount", "Sum", altDimensions) },
                { id: "rateBlue", returnData: false, expression: "IF(FILL(requests, 0) > 0, 100 * FILL(errors, 0) / FILL(requests, 0), 0)" },
                { id: "rateGreen", returnData: false, expression: "IF(FILL(requestsAlt, 0) > 0, 100 * FILL(errorsAlt, 0) / FILL(requestsAlt, 0), 0)" },
                { id: "rate", label: "Target 5xx (%), worse group", returnData: true, expression: "MAX([rateBlue, rateGreen])" },
            ]);
        });

        it("THEN p99 latency is the MAX of both groups' p99, each filled with 0, in seconds", () => {
            assert.deepEqual(queriesOf("latency-p99"), [
                { id: "p99", returnData: false, metric: elb("TargetResponseTime", "p99", elbDimensions) },
                { id: "p99Alt", returnData: false, metric: elb("TargetResponseTime", "p99", altDimensions) },
                { id: "latency", label: "p99 response time, slower group (s)", returnData: true, expression: "MAX(FILL([p99, p99Alt], 0))" },
            ]);
            assert.equal(rules.find(r => r.role === "latency-p99")!.threshold, 1.5);
        });

        it("THEN unhealthy hosts are the sum of both groups' maxima, filled with 0", () => {
            assert.deepEqual(queriesOf("unhealthy-hosts"), [
                { id: "unhealthy", returnData: false, metric: elb("UnHealthyHostCount", "Maximum", elbDimensions) },
                { id: "unhealthyAlt", returnData: false, metric: elb("UnHealthyHostCount", "Maximum", altDimensions) },
                { id: "unhealthyAll", label: "Unhealthy tasks", returnData: true, expression: "FILL(unhealthy, 0) + FILL(unhealthyAlt, 0)" },
            ]);
        });

        it("THEN every expression names only ids of earlier queries of its alarm, and each alarm stays within PutMetricAlarm's 10 metrics and 10 expressions", () => {
            for (const rule of rules) {
                const queries: readonly AlarmQuery<string>[] = rule.metricQueries!;
                queries.forEach((q, i) => {
                    if (!q.expression) return;
                    const names = q.expression.match(/(?<![\w.])[a-z][A-Za-z0-9_]*/g) ?? [];
                    const earlier = queries.slice(0, i).map(e => e.id);
                    assert.ok(names.length > 0 && names.every(n => earlier.includes(n)), `${rule.role}: ${q.expression}`);
                });
                assert.ok(queries.filter(q => q.metric).length <= 10 && queries.filter(q => q.expression).length <= 10, rule.role);
            }
            assert.deepEqual([SHIFTED_5XX_RATE_EXPRESSION, SHIFTED_LATENCY_EXPRESSION, SHIFTED_UNHEALTHY_EXPRESSION].map(e => rules.some(r => r.metricQueries!.some(q => q.expression === e))), [true, true, true]);
        });

        it("THEN each alarm reads the primary and the alternate group alike: no query names a third group or another load balancer", () => {
            const groups = new Set(rules.flatMap(r => r.metricQueries!.flatMap(q => (q.metric ? [`${q.metric.dimensions.LoadBalancer} ${q.metric.dimensions.TargetGroup}`] : []))));
            assert.deepEqual([...groups].sort(), [`${target.loadBalancer} ${alternate}`, `${target.loadBalancer} ${target.targetGroup}`].sort());
        });
    });

    it("GIVEN one target group (rolling) THEN no alternate query appears, whatever else is set", () => {
        const rules = targetAlarmRules({ ...target, alternateTargetGroup: undefined }, { target5xxPercent: 2, latencyP99Ms: 1500, evaluationPeriods: 4 });
        assert.deepEqual(rules, targetAlarmRules(target, { target5xxPercent: 2, latencyP99Ms: 1500, evaluationPeriods: 4 }));
        assert.equal(JSON.stringify(rules).includes("Alt"), false);
    });

    describe("GIVEN production flipping from the primary to the alternate group mid-window (metric math modelled minute by minute)", () => {
        // Minutes 0-1 primary only; 2 both (a canary step); 3-4 alternate only (production flipped); 5 no traffic at all.
        const u = undefined;
        const metrics: Record<string, Series> = {
            requests: [100, 100, 50, u, u, u],
            requestsAlt: [u, u, 50, 100, 100, u],
            errors: [u, 10, 5, u, u, u],
            errorsAlt: [u, u, 25, u, 3, u],
            p99: [0.2, 0.3, 0.4, u, u, u],
            p99Alt: [u, u, 2.0, 0.5, 0.6, u],
            unhealthy: [0, 1, u, u, u, u],
            unhealthyAlt: [u, u, 0, 2, 0, u],
        };
        const shifted = targetAlarmRules({ ...target, alternateTargetGroup: "targetgroup/web-alt/1" }, { target5xxPercent: 2, latencyP99Ms: 1500, evaluationPeriods: 4 });
        const single = targetAlarmRules(target, { target5xxPercent: 2, latencyP99Ms: 1500, evaluationPeriods: 4 });
        const seriesOf = (role: string) => alarmSeries(shifted.find(r => r.role === role)!.metricQueries!, metrics, 6);

        it("THEN the 5xx rate has a value every minute, whichever group is live, and is the worse group's while both serve", () => {
            // Minute 2: the primary answers 5 of 50 with 5xx (10 %), the alternate 25 of 50 (50 %).
            assert.deepEqual(seriesOf("target-5xx"), [0, 10, 50, 0, 3, 0]);
        });

        it("THEN a 5 % canary answering 40 % 5xx sets the alarm off, where errors over both groups' requests would read 2 % and stay under a 2 % threshold", () => {
            const canary: Record<string, Series> = { requests: [95, 95, 95], requestsAlt: [5, 5, 5], errors: [u, u, u], errorsAlt: [2, 2, 2] };
            const rate = alarmSeries(shifted.find(r => r.role === "target-5xx")!.metricQueries!, canary, 3);
            assert.deepEqual(rate, [40, 40, 40]);
            assert.ok(rate.every(p => p! > 2));
        });

        it("THEN p99 latency is the slower group's every minute, 0 where no group answered", () => {
            assert.deepEqual(seriesOf("latency-p99"), [0.2, 0.3, 2.0, 0.5, 0.6, 0]);
        });

        it("THEN unhealthy tasks count both groups every minute", () => {
            assert.deepEqual(seriesOf("unhealthy-hosts"), [0, 1, 0, 2, 0, 0]);
        });

        it("THEN the one-group rate goes without data once production has flipped: what the alarms over both groups fix", () => {
            assert.deepEqual(alarmSeries(single.find(r => r.role === "target-5xx")!.metricQueries!, metrics, 6), [0, 10, 10, u, u, u]);
        });
    });
});

import { strict as assert } from "node:assert";
import { ALARM_PERIOD_SECONDS, serviceAlarmRules, TARGET_5XX_RATE_EXPRESSION, targetAlarmRules } from "../../components/alarmRules";

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
});

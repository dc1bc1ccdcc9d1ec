import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ServiceAlarms } from "../../components/serviceAlarms";
import { StackObservability } from "../../components/stackObservability";
import { inputs, ofType, one, runInline, state } from "../support/stacks";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const topicArn = "arn:aws:sns:us-east-1:123456789012:alarms";
const target = { loadBalancerArnSuffix: "app/web-lb/0123456789abcdef", targetGroupArnSuffix: "targetgroup/web-tg/fedcba9876543210" };

describe("ServiceAlarms (under mocks)", () => {
    it("GIVEN a web service THEN its six alarms are named <service>-<role>, each notifying the topic on alarm and recovery", async () => {
        const run = await runInline(() => {
            const alarms = new ServiceAlarms("api", { topicArn, thresholds: { target5xxPercent: 2, latencyP99Ms: 800, evaluationPeriods: 3 }, target });
            alarms.watchService({ clusterName: "cluster-1", serviceName: "api-svc" });
            return { rollback: pulumi.all(alarms.rollbackAlarmNames) };
        });
        const alarms = ofType(run, ALARM);
        assert.deepEqual(alarms.map(a => a.name).sort(), ["api-cpu-high", "api-latency-p99", "api-memory-high", "api-running-tasks", "api-target-5xx", "api-unhealthy-hosts"]);
        for (const a of alarms) {
            assert.deepEqual([inputs(a).actionsEnabled, inputs(a).alarmActions, inputs(a).okActions], [true, [topicArn], [topicArn]], a.name);
        }
        assert.deepEqual(run.outputs.rollback, ["api-target-5xx", "api-latency-p99", "api-unhealthy-hosts"].map(n => state(one(run, ALARM, n)).name));
    });

    it("THEN the 5xx alarm's metric math reads the target group and load balancer suffixes", async () => {
        const run = await runInline(() => void new ServiceAlarms("web", { topicArn, thresholds: { target5xxPercent: 5, latencyP99Ms: 2000, evaluationPeriods: 3 }, target }));
        const rate = inputs(one(run, ALARM, "web-target-5xx"));
        assert.deepEqual([rate.comparisonOperator, rate.threshold, rate.evaluationPeriods, rate.datapointsToAlarm, rate.treatMissingData], ["GreaterThanThreshold", 5, 3, 3, "notBreaching"]);
        assert.equal(rate.metricName, undefined);
        assert.deepEqual(rate.metricQueries, [
            {
                id: "errors",
                returnData: false,
                metric: { namespace: "AWS/ApplicationELB", metricName: "HTTPCode_Target_5XX_Count", dimensions: { TargetGroup: target.targetGroupArnSuffix, LoadBalancer: target.loadBalancerArnSuffix }, stat: "Sum", period: 60 },
            },
            {
                id: "requests",
                returnData: false,
                metric: { namespace: "AWS/ApplicationELB", metricName: "RequestCount", dimensions: { TargetGroup: target.targetGroupArnSuffix, LoadBalancer: target.loadBalancerArnSuffix }, stat: "Sum", period: 60 },
            },
            { id: "rate", label: "Target 5xx (%)", returnData: true, expression: "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)" },
        ]);
        const latency = inputs(one(run, ALARM, "web-latency-p99"));
        assert.deepEqual([latency.metricName, latency.extendedStatistic, latency.statistic, latency.threshold], ["TargetResponseTime", "p99", undefined, 2]);
    });

    it("GIVEN a worker THEN it gets the ECS alarms only, none that rolls back", async () => {
        const run = await runInline(() => {
            const alarms = new ServiceAlarms("jobs", { topicArn, thresholds: { evaluationPeriods: 5 } });
            alarms.watchService({ clusterName: "cluster-1", serviceName: "jobs-svc" });
            return { rollback: pulumi.all(alarms.rollbackAlarmNames) };
        });
        assert.deepEqual(ofType(run, ALARM).map(a => a.name).sort(), ["jobs-cpu-high", "jobs-memory-high", "jobs-running-tasks"]);
        assert.deepEqual(inputs(one(run, ALARM, "jobs-cpu-high")).dimensions, { ClusterName: "cluster-1", ServiceName: "jobs-svc" });
        assert.deepEqual(run.outputs.rollback, []);
    });
});

describe("StackObservability (under mocks)", () => {
    it("GIVEN an email THEN the topic gets an email subscription; the dashboard body names the resolved services", async () => {
        const run = await runInline(() => {
            const o = new StackObservability("web", { project: "fargate-web", stack: "dev", region: "eu-west-1", alarmEmail: "ops@example.com" });
            o.addDashboard([{ name: "web", clusterName: "cluster-1", serviceName: "web-svc", target }]);
            return { topicArn: o.topicArn, dashboardUrl: o.dashboardUrl };
        }, "dev", "eu-west-1");
        const topic = one(run, "aws:sns/topic:Topic", "web-alarms");
        assert.deepEqual(inputs(one(run, "aws:sns/topicSubscription:TopicSubscription", "web-alarm-email")), { topic: state(topic).arn, protocol: "email", endpoint: "ops@example.com" });
        const dashboard = inputs(one(run, "aws:cloudwatch/dashboard:Dashboard", "web-dashboard"));
        assert.equal(dashboard.dashboardName, "fargate-web-dev");
        const body = JSON.parse(dashboard.dashboardBody);
        assert.deepEqual(body.widgets[0].properties.metrics[0], ["AWS/ApplicationELB", "RequestCount", "TargetGroup", target.targetGroupArnSuffix, "LoadBalancer", target.loadBalancerArnSuffix, { stat: "Sum", label: "Requests" }]);
        assert.equal(run.outputs.topicArn, state(topic).arn);
        assert.equal(run.outputs.dashboardUrl, "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards:name=fargate-web-dev");
    });

    it("GIVEN no email THEN there is no subscription; GIVEN a KMS key THEN the topic is encrypted with it", async () => {
        const key = "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-0000-1111-2222-333344445555";
        const run = await runInline(() => void new StackObservability("web", { project: "fargate-web", stack: "test", region: "us-east-1", kmsKeyArn: key }));
        assert.deepEqual(ofType(run, "aws:sns/topicSubscription:TopicSubscription"), []);
        assert.equal(inputs(one(run, "aws:sns/topic:Topic")).kmsMasterKeyId, key);
    });
});

describe("ServiceAlarms refusals", () => {
    for (const [what, thresholds, message] of [
        ["no evaluation period", { target5xxPercent: 5, latencyP99Ms: 100, evaluationPeriods: 0 }, /ServiceAlarms web: evaluationPeriods \(0\) must be a whole number from 1 to 1440/],
        ["more than a day of periods", { target5xxPercent: 5, latencyP99Ms: 100, evaluationPeriods: 1441 }, /evaluationPeriods \(1441\)/],
        ["a 5xx rate of 0 %", { target5xxPercent: 0, latencyP99Ms: 100, evaluationPeriods: 3 }, /target5xxPercent \(0\) must be above 0 and at most 100/],
        ["a 5xx rate above 100 %", { target5xxPercent: 101, latencyP99Ms: 100, evaluationPeriods: 3 }, /target5xxPercent \(101\)/],
        ["a negative latency", { target5xxPercent: 5, latencyP99Ms: -1, evaluationPeriods: 3 }, /latencyP99Ms \(-1\) must be a number of milliseconds above 0/],
        ["a target without web thresholds", { evaluationPeriods: 3 }, /needs target5xxPercent and latencyP99Ms/],
    ] as const) {
        it(`GIVEN ${what} THEN the program fails naming the component and the threshold`, async () => {
            await assert.rejects(
                runInline(() => {
                    new ServiceAlarms("web", { topicArn, thresholds, target });
                }),
                message,
            );
        });
    }
});

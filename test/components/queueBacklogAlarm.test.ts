import { strict as assert } from "node:assert";
import { queueBacklogAlarmRule } from "../../components/alarmRules";
import { ServiceAlarms } from "../../components/serviceAlarms";
import { inputs, ofType, one, runInline, runStack, state } from "../support/stacks";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const topicArn = "arn:aws:sns:us-east-1:123456789012:alarms";
const metric = { namespace: "AWS/SQS", metricName: "ApproximateNumberOfMessagesVisible", dimensions: { QueueName: "jobs" }, statistic: "Maximum" as const };

describe("a worker's backlog alarm", () => {
    it("THEN it watches the scaling metric (same namespace, name, dimensions, statistic) per minute, above the threshold for the evaluation periods, and never rolls back", () => {
        const rule = queueBacklogAlarmRule(metric, { evaluationPeriods: 5, queueBacklog: 500 });
        assert.deepEqual(
            { ...rule, description: undefined },
            {
                role: "queue-backlog",
                description: undefined,
                rollback: false,
                comparisonOperator: "GreaterThanThreshold",
                threshold: 500,
                evaluationPeriods: 5,
                datapointsToAlarm: 5,
                treatMissingData: "notBreaching",
                metric: { namespace: "AWS/SQS", metricName: "ApproximateNumberOfMessagesVisible", dimensions: { QueueName: "jobs" }, statistic: "Maximum", period: 60 },
            },
        );
        assert.equal(rule.description, "Maximum of AWS/SQS ApproximateNumberOfMessagesVisible above 500 for 5 min: the workers are not keeping up");
        assert.throws(() => queueBacklogAlarmRule(metric, { evaluationPeriods: 5 }), { message: "a backlog alarm needs queueBacklog" });
    });

    it("GIVEN ServiceAlarms with a queue metric and threshold THEN it creates <worker>-queue-backlog notifying the topic, outside the rollback alarms", async () => {
        const run = await runInline(() => {
            const alarms = new ServiceAlarms("jobs", { topicArn, thresholds: { evaluationPeriods: 3, queueBacklog: 200 }, queueMetric: metric });
            return { rollback: alarms.rollbackAlarmNames };
        });
        const alarm = inputs(one(run, ALARM, "jobs-queue-backlog"));
        assert.deepEqual([alarm.namespace, alarm.metricName, alarm.dimensions, alarm.statistic, alarm.period, alarm.threshold], ["AWS/SQS", "ApproximateNumberOfMessagesVisible", { QueueName: "jobs" }, "Maximum", 60, 200]);
        assert.deepEqual([alarm.alarmActions, alarm.okActions, alarm.actionsEnabled], [[topicArn], [topicArn], true]);
        assert.deepEqual(run.outputs.rollback, []);
    });

    it("GIVEN a threshold without a metric, or a threshold of 0 THEN ServiceAlarms refuses it before registering anything", () => {
        assert.throws(() => new ServiceAlarms("jobs", { topicArn, thresholds: { evaluationPeriods: 3, queueBacklog: 200 } }), {
            message: "ServiceAlarms jobs: queueBacklog needs queueMetric, the metric the alarm watches",
        });
        assert.throws(() => new ServiceAlarms("jobs", { topicArn, thresholds: { evaluationPeriods: 3, queueBacklog: 0 }, queueMetric: metric }), {
            message: "ServiceAlarms jobs: queueBacklog (0) must be a number above 0",
        });
    });

    it("GIVEN the dev stack's worker with queueScaling and alarmQueueBacklog THEN the stack creates its backlog alarm; without the key it has none", async () => {
        const queueScaling = { namespace: "Jobs", metricName: "Backlog", dimensions: { Queue: "mail" }, statistic: "Average", targetValue: 10 };
        const services = (worker: Record<string, unknown>) => JSON.stringify({ web: { kind: "web" }, worker: { kind: "worker", appPath: "./worker", queueScaling, ...worker } });
        const run = await runStack("dev", { values: { "fargate-web:services": services({ alarmQueueBacklog: 1000, alarmEvaluationPeriods: 10 }) } });
        const alarm = inputs(one(run, ALARM, "worker-queue-backlog"));
        assert.deepEqual([alarm.namespace, alarm.metricName, alarm.dimensions, alarm.statistic, alarm.threshold, alarm.evaluationPeriods], ["Jobs", "Backlog", { Queue: "mail" }, "Average", 1000, 10]);
        assert.equal(alarm.alarmActions[0], state(one(run, "aws:sns/topic:Topic", "web-alarms")).arn);
        const without = await runStack("dev", { values: { "fargate-web:services": services({}) } });
        assert.deepEqual(ofType(without, ALARM).filter(a => a.name.endsWith("queue-backlog")), []);
    });
});

/**
 * The loader's alarm keys added for rollouts: a worker's backlog alarm (`alarmQueueBacklog`) and the prod
 * bounds on the rollback alarms' thresholds (`PROD_ALARM_LIMITS`).
 */
import { strict as assert } from "node:assert";
import { PROD_ALARM_LIMITS } from "../../components/prodProfile";
import { parseChanged, refusals } from "../support/stackConfig";

const QUEUE = { namespace: "AWS/SQS", metricName: "ApproximateNumberOfMessagesVisible", dimensions: { QueueName: "jobs" }, statistic: "Maximum", targetValue: 100 };
const devServices = (worker: Record<string, unknown>) => ({ web: { kind: "web" }, worker: { kind: "worker", appPath: "./worker", ...worker } });

describe("alarmQueueBacklog", () => {
    it("GIVEN a worker with queueScaling and a backlog threshold THEN its thresholds carry it", () => {
        const parsed = parseChanged("dev", { services: devServices({ queueScaling: QUEUE, alarmQueueBacklog: 500 }) });
        assert.deepEqual(parsed.services.find(s => s.name === "worker")!.alarms, { evaluationPeriods: 3, queueBacklog: 500 });
    });

    it("GIVEN the default 0 THEN there is no backlog alarm, with or without queueScaling", () => {
        assert.deepEqual(parseChanged("dev", { services: devServices({ queueScaling: QUEUE }) }).services[1].alarms, { evaluationPeriods: 3 });
        assert.deepEqual(parseChanged("dev").services[1].alarms, { evaluationPeriods: 3 });
    });

    it("GIVEN a stack-wide value THEN workers with queueScaling take it and those without ignore it", () => {
        const services = { web: { kind: "web" }, jobs: { kind: "worker", appPath: "./worker", queueScaling: QUEUE }, mail: { kind: "worker", appPath: "./worker" } };
        const parsed = parseChanged("dev", { services, values: { "fargate-web:alarmQueueBacklog": "50" } });
        assert.deepEqual(parsed.services.map(s => s.alarms), [{ target5xxPercent: 5, latencyP99Ms: 2000, evaluationPeriods: 3 }, { evaluationPeriods: 3, queueBacklog: 50 }, { evaluationPeriods: 3 }]);
    });

    it("GIVEN a worker's own threshold without queueScaling THEN it is refused: the alarm has no metric to watch", () => {
        assert.deepEqual(refusals("dev", { services: devServices({ alarmQueueBacklog: 100 }) }), [
            "fargate-web:services.worker.alarmQueueBacklog is 100; the backlog alarm watches the worker's queueScaling metric, and this worker has none: set services.worker.queueScaling, or 0 to turn the alarm off",
        ]);
    });

    it("GIVEN a web entry with it, or a negative value THEN each is refused by its key", () => {
        assert.deepEqual(refusals("dev", { services: { web: { kind: "web", alarmQueueBacklog: 5 }, worker: { kind: "worker", appPath: "./worker" } } }), [
            "fargate-web:services.web.alarmQueueBacklog is set on a web service; it applies to worker services only, so remove it",
        ]);
        assert.deepEqual(refusals("dev", { values: { "fargate-web:alarmQueueBacklog": "-1" } }), ["fargate-web:alarmQueueBacklog is -1; expected an integer from 0 to 1000000000"]);
    });
});

describe("prod bounds on the rollback alarms", () => {
    it("THEN prod's stack file states 2 % and 1000 ms, within the bounds of 2 %, 1500 ms and 3 minutes", () => {
        assert.deepEqual(PROD_ALARM_LIMITS, { maximum5xxPercent: 2, maximumLatencyP99Ms: 1500, maximumEvaluationPeriods: 3 });
        assert.deepEqual(parseChanged("prod").services[0].alarms, { target5xxPercent: 2, latencyP99Ms: 1000, evaluationPeriods: 3 });
    });

    it("GIVEN prod left at the project's defaults (5 %, 2000 ms) THEN both are refused, naming the prod profile and the bound", () => {
        assert.deepEqual(refusals("prod", { values: { "fargate-web:alarm5xxPercent": undefined, "fargate-web:alarmLatencyP99Ms": undefined } }), [
            "fargate-web:environment is prod but fargate-web:alarm5xxPercent is 5; prod alarms on at most 2 % of requests answered 5xx, so a bad deployment rolls back early; set it from 1 to 2 in the prod stack file",
            "fargate-web:environment is prod but fargate-web:alarmLatencyP99Ms is 2000; prod alarms on a p99 of at most 1500 ms, so a slow deployment rolls back early; set it from 10 to 1500 in the prod stack file",
        ]);
    });

    it("GIVEN prod at exactly the bounds THEN it is accepted; one past each THEN each is refused", () => {
        const at = { "fargate-web:alarm5xxPercent": "2", "fargate-web:alarmLatencyP99Ms": "1500", "fargate-web:alarmEvaluationPeriods": "3" };
        assert.deepEqual(parseChanged("prod", { values: at }).services[0].alarms, { target5xxPercent: 2, latencyP99Ms: 1500, evaluationPeriods: 3 });
        const found = refusals("prod", { values: { "fargate-web:alarm5xxPercent": "3", "fargate-web:alarmLatencyP99Ms": "1501", "fargate-web:alarmEvaluationPeriods": "4" } });
        assert.deepEqual(found.map(p => /but fargate-web:(alarm\w+) is/.exec(p)![1]), ["alarm5xxPercent", "alarmLatencyP99Ms", "alarmEvaluationPeriods"]);
        assert.ok(found.some(p => p === "fargate-web:environment is prod but fargate-web:alarmEvaluationPeriods is 4; prod alarms after at most 3 minutes over a threshold, so a bad deployment rolls back early; set it from 1 to 3 in the prod stack file"));
    });

    it("GIVEN a prod service entry that loosens its own threshold THEN it is refused by its path", () => {
        const found = refusals("prod", { services: { web: { kind: "web", alarmLatencyP99Ms: 5000 } } });
        assert.deepEqual(found, [
            "fargate-web:environment is prod but fargate-web:services.web.alarmLatencyP99Ms is 5000; prod alarms on a p99 of at most 1500 ms, so a slow deployment rolls back early; set it from 10 to 1500 in the prod stack file",
        ]);
    });

    it("GIVEN dev with the looser values THEN nothing is refused", () => {
        assert.deepEqual(parseChanged("dev", { values: { "fargate-web:alarm5xxPercent": "20", "fargate-web:alarmEvaluationPeriods": "10" } }).services[0].alarms, { target5xxPercent: 20, latencyP99Ms: 2000, evaluationPeriods: 10 });
    });
});

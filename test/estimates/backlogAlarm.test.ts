import { strict as assert } from "node:assert";
import { estimateMonthlyCost } from "../../estimates";
import { runStack } from "../support/stacks";

const alarmLines = (items: ReadonlyArray<{ item: string; quantity: number; monthlyUsd: number }>) =>
    items.filter(i => i.item.startsWith("CloudWatch alarm")).map(i => [i.item, i.quantity, i.monthlyUsd]);

describe("cost model: a worker's backlog alarm", () => {
    it("GIVEN dev's worker scaling on a queue metric with alarmQueueBacklog THEN the worker pays for the backlog alarm ($0.10), not the shared part", async () => {
        const queueScaling = { namespace: "Jobs", metricName: "Backlog", dimensions: { Queue: "mail", Env: "dev" }, statistic: "Average", targetValue: 10 };
        const services = { web: { kind: "web" }, worker: { kind: "worker", appPath: "./worker", queueScaling, alarmQueueBacklog: 500 } };
        const estimate = estimateMonthlyCost((await runStack("dev", { values: { "fargate-web:services": JSON.stringify(services) } })).resources);
        const worker = estimate.services.find(s => s.kind === "worker")!;
        // CPU 1 + memory 1 + running tasks 2 + the backlog alarm's metric 1 = 5 × $0.10
        assert.deepEqual(alarmLines(worker.items), [["CloudWatch alarm metrics (standard resolution)", 5, 0.5]]);
        assert.deepEqual(alarmLines(estimate.shared.items), []);
    });
});

/**
 * What reading both target groups costs: the strategy stack's shifted services against the same stack with
 * every service rolling. CloudWatch bills a metric-math alarm per metric it reads (`estimates/alarms.ts`),
 * so each shifted service's 5xx alarm reads 4 metrics instead of 2, and its latency and unhealthy-host
 * alarms 2 instead of 1: 4 alarm metrics, $0.40 a month at $0.10 (prices.json), per shifted service.
 */
import { strict as assert } from "node:assert";
import { estimateMonthlyCost } from "../../estimates";
import { defaultPrices } from "../../estimates/priceList";
import { ProgramRun } from "../../harness/runProgram";
import { runSettings, runStrategyStack, strategySettings } from "../support/strategyStack";

describe("cost model: alarms over two target groups (strategy stack against its rolling twin)", () => {
    let shifted: ProgramRun;
    let rolling: ProgramRun;
    before(async () => {
        shifted = await runStrategyStack();
        const settings = strategySettings();
        rolling = await runSettings({ ...settings, services: settings.services.map(s => ({ ...s, deployment: undefined })) });
    });
    const alarmLine = (run: ProgramRun, service: string) => {
        const cost = estimateMonthlyCost(run.resources);
        const items = cost.services.find(s => s.service.startsWith(`${service}-service-`))!.items.filter(i => i.unit === defaultPrices.items.alarmMetricMonth.unit);
        assert.equal(items.length, 1, service);
        return items[0];
    };

    it("THEN each shifted service is billed 4 more standard alarm metrics, $0.40 a month, and the rolling worker the same", () => {
        const unitUsd = defaultPrices.items.alarmMetricMonth.usd;
        assert.equal(unitUsd, 0.1);
        for (const s of ["web", "api", "admin"]) {
            const before = alarmLine(rolling, s);
            const after = alarmLine(shifted, s);
            // Rolling: 5xx 2 + latency 1 + unhealthy 1 + CPU 1 + memory 1 + running tasks 2.
            assert.deepEqual([before.quantity, after.quantity], [8, 12], s);
            assert.equal(Math.round((after.monthlyUsd - before.monthlyUsd) * 100) / 100, 0.4, s);
        }
        assert.deepEqual(alarmLine(shifted, "worker"), alarmLine(rolling, "worker"));
    });

    it("THEN no alarm of a shifted service is left shared: each reads its own two groups and is billed to it", () => {
        const shared = estimateMonthlyCost(shifted.resources).shared.items.filter(i => i.unit === defaultPrices.items.alarmMetricMonth.unit);
        const sharedRolling = estimateMonthlyCost(rolling.resources).shared.items.filter(i => i.unit === defaultPrices.items.alarmMetricMonth.unit);
        assert.deepEqual(shared, sharedRolling);
    });
});

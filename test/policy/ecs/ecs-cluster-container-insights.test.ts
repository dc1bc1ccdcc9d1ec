import * as assert from "node:assert/strict";
import { ecsClusterContainerInsights as policy } from "../../../policy/ecs/ecs-cluster-container-insights";
import { assertViolations, CLUSTER, evaluate, resourceOf } from "../baselines/ecs";

const NAME = "ecs-cluster-container-insights";

describe(NAME, () => {
    it('GIVEN "enabled" (baseline) or "enhanced" THEN no violation', async () => {
        const result = await evaluate(policy, [resourceOf(CLUSTER, "web"), resourceOf(CLUSTER, "enhanced", { settings: [{ name: "containerInsights", value: "enhanced" }] })]);
        assertViolations(result, NAME, "advisory", []);
    });

    it("GIVEN no settings THEN reported", async () => {
        assertViolations(await evaluate(policy, [resourceOf(CLUSTER, "web", { settings: undefined })]), NAME, "advisory", [
            'Container Insights is not configured; add settings: [{ name: "containerInsights", value: "enabled" }] (or "enhanced").',
        ]);
    });

    it('GIVEN "disabled" or no value THEN reported', async () => {
        assertViolations(await evaluate(policy, [resourceOf(CLUSTER, "web", { settings: [{ name: "containerInsights", value: "disabled" }] })]), NAME, "advisory", [
            'Container Insights is "disabled"; set the "containerInsights" setting to "enabled" or "enhanced".',
        ]);
        assertViolations(await evaluate(policy, [resourceOf(CLUSTER, "web", { settings: [{ name: "containerInsights" }] })]), NAME, "advisory", [
            'The "containerInsights" setting has no value; set it to "enabled" or "enhanced".',
        ]);
    });

    it("GIVEN production config (mandatory) THEN mandatory", async () => {
        const result = await evaluate(policy, [resourceOf(CLUSTER, "web", { settings: [] })], { [NAME]: "mandatory" });
        assertViolations(result, NAME, "mandatory", [
            'Container Insights is not configured; add settings: [{ name: "containerInsights", value: "enabled" }] (or "enhanced").',
        ]);
    });

    it("GIVEN level remediate THEN the setting is replaced by enabled and the cluster passes", async () => {
        const result = await evaluate(policy, [resourceOf(CLUSTER, "web", { settings: [{ name: "containerInsights", value: "disabled" }] })], { [NAME]: "remediate" });
        assert.deepEqual(result.diagnostics, []);
        assert.deepEqual(result.remediations[0].properties.settings, [{ name: "containerInsights", value: "enabled" }]);
    });
});

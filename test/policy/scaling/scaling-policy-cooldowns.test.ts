import * as assert from "node:assert/strict";
import { scalingPolicyCooldowns as policy } from "../../../policy/scaling/scaling-policy-cooldowns";
import { assertViolations, baseline, evaluate, resourceOf, SCALING_POLICY } from "../baselines/ecs";

const NAME = "scaling-policy-cooldowns";
const tracking = (overrides: Record<string, unknown>) => ({
    targetTrackingScalingPolicyConfiguration: { ...baseline(SCALING_POLICY).targetTrackingScalingPolicyConfiguration, ...overrides },
});
const run = (overrides: Record<string, unknown>, config = {}) => evaluate(policy, [resourceOf(SCALING_POLICY, "web-cpu", overrides)], config);

describe(NAME, () => {
    it("GIVEN the baseline (300 in, 60 out) and cooldowns of 0 THEN no violation", async () => {
        assertViolations(await run({}), NAME, "advisory", []);
        assertViolations(await run(tracking({ scaleInCooldown: 0, scaleOutCooldown: "0" })), NAME, "advisory", []);
    });

    it("GIVEN missing or negative cooldowns THEN each is reported", async () => {
        assertViolations(await run(tracking({ scaleInCooldown: undefined, scaleOutCooldown: -1 })), NAME, "advisory", [
            "targetTrackingScalingPolicyConfiguration.scaleInCooldown is not set; set it in seconds (e.g. 300 in, 60 out) so scaling does not oscillate.",
            "targetTrackingScalingPolicyConfiguration.scaleOutCooldown is not set; set it in seconds (e.g. 300 in, 60 out) so scaling does not oscillate.",
        ]);
    });

    it("GIVEN step scaling without a cooldown THEN reported; with one THEN fine", async () => {
        const step = (stepScalingPolicyConfiguration: unknown) => ({ policyType: "StepScaling", targetTrackingScalingPolicyConfiguration: undefined, stepScalingPolicyConfiguration });
        assertViolations(await run(step({ adjustmentType: "ChangeInCapacity" })), NAME, "advisory", [
            "stepScalingPolicyConfiguration.cooldown is not set; set it in seconds so scaling waits for the last change to take effect.",
        ]);
        assertViolations(await run(step({ adjustmentType: "ChangeInCapacity", cooldown: 120 })), NAME, "advisory", []);
    });

    it("GIVEN level remediate THEN missing cooldowns are filled with the configured defaults and the policy passes", async () => {
        const result = await run(tracking({ scaleInCooldown: undefined, scaleOutCooldown: undefined }), { [NAME]: { enforcementLevel: "remediate", defaultScaleOutCooldown: 30 } });
        assert.deepEqual(result.diagnostics, []);
        const config = result.remediations[0].properties.targetTrackingScalingPolicyConfiguration as Record<string, unknown>;
        assert.deepEqual([config.scaleInCooldown, config.scaleOutCooldown, config.targetValue], [300, 30, 70]);
    });
});

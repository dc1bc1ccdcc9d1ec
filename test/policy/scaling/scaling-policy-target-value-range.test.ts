import { scalingPolicyTargetValueRange as policy } from "../../../policy/scaling/scaling-policy-target-value-range";
import { assertViolations, baseline, evaluate, resourceOf, SCALING_POLICY } from "../baselines/ecs";

const NAME = "scaling-policy-target-value-range";
const tracking = (overrides: Record<string, unknown>) => ({
    targetTrackingScalingPolicyConfiguration: { ...baseline(SCALING_POLICY).targetTrackingScalingPolicyConfiguration, ...overrides },
});
const run = (overrides: Record<string, unknown>, config = {}) => evaluate(policy, [resourceOf(SCALING_POLICY, "web-cpu", overrides)], config);

describe(NAME, () => {
    it("GIVEN the baseline (CPU 70 %) THEN no violation", async () => {
        assertViolations(await run({}), NAME, "advisory", []);
    });

    it("GIVEN a CPU target of 95 % or a memory target of 5 % THEN reported", async () => {
        assertViolations(await run(tracking({ targetValue: 95 })), NAME, "advisory", [
            "targetValue is 95% ECSServiceAverageCPUUtilization, outside 10–90%; set a target in that range (lower targets waste capacity, higher ones leave no headroom while new tasks start).",
        ]);
        const memory = tracking({ targetValue: "5", predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageMemoryUtilization" } });
        assertViolations(await run(memory), NAME, "advisory", [
            "targetValue is 5% ECSServiceAverageMemoryUtilization, outside 10–90%; set a target in that range (lower targets waste capacity, higher ones leave no headroom while new tasks start).",
        ]);
    });

    it("GIVEN a configured range THEN it applies", async () => {
        assertViolations(await run(tracking({ targetValue: 95 }), { [NAME]: { maximumUtilizationTarget: 95 } }), NAME, "advisory", []);
    });

    it("GIVEN a request-count metric THEN any positive target passes, zero does not", async () => {
        const requests = { predefinedMetricSpecification: { predefinedMetricType: "ALBRequestCountPerTarget", resourceLabel: "app/x/y/targetgroup/z/w" } };
        assertViolations(await run(tracking({ ...requests, targetValue: 1000 })), NAME, "advisory", []);
        assertViolations(await run(tracking({ ...requests, targetValue: 0 })), NAME, "advisory", ["targetValue is 0; set a positive target value for the tracked metric."]);
    });

    it("GIVEN no target value, or TargetTrackingScaling without configuration THEN reported", async () => {
        assertViolations(await run(tracking({ targetValue: undefined })), NAME, "advisory", [
            "targetTrackingScalingPolicyConfiguration.targetValue is not set to a number; set the metric value to track.",
        ]);
        assertViolations(await run({ targetTrackingScalingPolicyConfiguration: undefined }), NAME, "advisory", [
            "policyType is TargetTrackingScaling but targetTrackingScalingPolicyConfiguration is not set; set it with a targetValue and a metric.",
        ]);
    });

    it("GIVEN a step scaling policy THEN not checked", async () => {
        assertViolations(await run({ policyType: "StepScaling", targetTrackingScalingPolicyConfiguration: undefined }), NAME, "advisory", []);
    });
});

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { isRecord, toNumber } from "../lib/coerce";
import { SCALING_POLICY } from "../lib/types";

interface Config {
    minimumUtilizationTarget: number;
    maximumUtilizationTarget: number;
}

/**
 * Catalog #50 — no tool has one. A target-tracking policy aims at a sane value: for utilisation metrics
 * (predefined types ending in "Utilization", e.g. ECSServiceAverageCPUUtilization) between
 * `minimumUtilizationTarget` and `maximumUtilizationTarget` percent (10–90: lower wastes capacity, higher
 * leaves no headroom while new tasks start); for other metrics (request counts, custom metrics) above 0.
 */
export const scalingPolicyTargetValueRange: ResourceValidationPolicy = {
    name: "scaling-policy-target-value-range",
    description: "Target-tracking scaling policies must aim at a target value within a sane range.",
    enforcementLevel: "advisory",
    severity: "low",
    configSchema: {
        properties: {
            minimumUtilizationTarget: { type: "number", default: 10, minimum: 0, maximum: 100, description: "Lowest utilisation target (%)." },
            maximumUtilizationTarget: { type: "number", default: 90, minimum: 0, maximum: 100, description: "Highest utilisation target (%)." },
        },
    },
    validateResource: validateTypes(SCALING_POLICY, (props, args, report) => {
        const tracking = props.targetTrackingScalingPolicyConfiguration;
        if (!isRecord(tracking)) {
            if (props.policyType === "TargetTrackingScaling") {
                report("policyType is TargetTrackingScaling but targetTrackingScalingPolicyConfiguration is not set; set it with a targetValue and a metric.");
            }
            return;
        }
        const { minimumUtilizationTarget: low, maximumUtilizationTarget: high } = args.getConfig<Config>();
        const target = toNumber(tracking.targetValue);
        const predefined = isRecord(tracking.predefinedMetricSpecification) ? tracking.predefinedMetricSpecification.predefinedMetricType : undefined;
        const isUtilization = typeof predefined === "string" && predefined.endsWith("Utilization");
        if (target === undefined) {
            report("targetTrackingScalingPolicyConfiguration.targetValue is not set to a number; set the metric value to track.");
        } else if (isUtilization && (target < low || target > high)) {
            report(
                `targetValue is ${target}% ${predefined}, outside ${low}–${high}%; set a target in that range ` +
                    `(lower targets waste capacity, higher ones leave no headroom while new tasks start).`,
            );
        } else if (!isUtilization && target <= 0) {
            report(`targetValue is ${target}; set a positive target value for the tracked metric.`);
        }
    }),
};

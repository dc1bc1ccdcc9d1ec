import { ResourceValidationPolicy } from "@pulumi/policy";
import { remediateTypes, validateTypes } from "../lib/applies";
import { copyProps, isRecord, toNumber } from "../lib/coerce";
import { SCALING_POLICY } from "../lib/types";

interface Config {
    defaultScaleInCooldown: number;
    defaultScaleOutCooldown: number;
}

const isCooldown = (value: unknown): boolean => {
    const n = toNumber(value);
    return n !== undefined && n >= 0;
};

/**
 * Catalog #50 — no tool has one. Scaling policies state their cooldowns instead of relying on service
 * defaults: target tracking sets `scaleInCooldown` and `scaleOutCooldown`, step scaling sets
 * `stepScalingPolicyConfiguration.cooldown`, so scaling does not oscillate while new tasks warm up.
 * Remediation fills in missing target-tracking cooldowns (defaults 300 s in, 60 s out).
 */
export const scalingPolicyCooldowns: ResourceValidationPolicy = {
    name: "scaling-policy-cooldowns",
    description: "Scaling policies must set their scale-in and scale-out cooldowns.",
    enforcementLevel: "advisory",
    severity: "low",
    configSchema: {
        properties: {
            defaultScaleInCooldown: { type: "integer", default: 300, minimum: 0, description: "scaleInCooldown the remediation sets (seconds)." },
            defaultScaleOutCooldown: { type: "integer", default: 60, minimum: 0, description: "scaleOutCooldown the remediation sets (seconds)." },
        },
    },
    validateResource: validateTypes(SCALING_POLICY, (props, _args, report) => {
        const tracking = props.targetTrackingScalingPolicyConfiguration;
        if (isRecord(tracking)) {
            for (const key of ["scaleInCooldown", "scaleOutCooldown"]) {
                if (!isCooldown(tracking[key])) {
                    report(`targetTrackingScalingPolicyConfiguration.${key} is not set; set it in seconds (e.g. 300 in, 60 out) so scaling does not oscillate.`);
                }
            }
            return;
        }
        const step = props.stepScalingPolicyConfiguration;
        if (isRecord(step) && !isCooldown(step.cooldown)) {
            report("stepScalingPolicyConfiguration.cooldown is not set; set it in seconds so scaling waits for the last change to take effect.");
        }
    }),
    remediateResource: remediateTypes(SCALING_POLICY, (props, args) => {
        const tracking = props.targetTrackingScalingPolicyConfiguration;
        if (!isRecord(tracking) || (isCooldown(tracking.scaleInCooldown) && isCooldown(tracking.scaleOutCooldown))) {
            return undefined;
        }
        const { defaultScaleInCooldown, defaultScaleOutCooldown } = args.getConfig<Config>();
        const fixed = copyProps(props);
        const config = fixed.targetTrackingScalingPolicyConfiguration;
        if (!isCooldown(config.scaleInCooldown)) {
            config.scaleInCooldown = defaultScaleInCooldown;
        }
        if (!isCooldown(config.scaleOutCooldown)) {
            config.scaleOutCooldown = defaultScaleOutCooldown;
        }
        return fixed;
    }),
};

/**
 * The numbers of the prod profile, taken from their owner: the policy pack's prod config
 * (`policy/config/prod.json`) where it sets them, else the default of the policy's own config schema. The
 * loader refuses a prod stack that breaks them by config key, before any resource exists; the pack still
 * judges the resources. Pure (reads only modules and JSON that ship with the program).
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import prodPolicyConfig from "../policy/config/prod.json";
import { lbTargetGroupDeregistrationDelay } from "../policy/lb/lb-target-group-deregistration-delay";
import { lbTargetGroupHealthCheckTimings } from "../policy/lb/lb-target-group-health-check-timings";
import { logsLogGroupRetention } from "../policy/logs/logs-log-group-retention";
import { scalingTargetCapacityBounds } from "../policy/scaling/scaling-target-capacity-bounds";

/** A numeric setting of a policy in prod, with the policy's name for messages. */
export interface ProdBound {
    readonly value: number;
    readonly policy: string;
}

/** A policy's numeric setting in prod: prod.json's value, or the policy's schema default. */
export function prodSetting(policy: ResourceValidationPolicy, property: string, config: Record<string, unknown> = prodPolicyConfig): ProdBound {
    const entry = config[policy.name];
    const given = entry !== null && typeof entry === "object" ? (entry as Record<string, unknown>)[property] : undefined;
    const schema = policy.configSchema?.properties?.[property] as { default?: unknown } | undefined;
    const value = given ?? schema?.default;
    if (typeof value !== "number") {
        throw new Error(`policy ${policy.name} has no numeric setting ${property} in prod`);
    }
    return { value, policy: policy.name };
}

/** Whether prod.json makes a policy mandatory (as a level, or as `{enforcementLevel}`). */
export function mandatoryInProd(policyName: string, config: Record<string, unknown> = prodPolicyConfig): boolean {
    const entry = config[policyName];
    const level = entry !== null && typeof entry === "object" ? (entry as { enforcementLevel?: unknown }).enforcementLevel : entry;
    return level === "mandatory";
}

/** The bounds a prod stack's config must keep. */
export const PROD_PROFILE = {
    minimumLogRetentionDays: prodSetting(logsLogGroupRetention, "minimumRetentionDays"),
    minimumCapacity: prodSetting(scalingTargetCapacityBounds, "minimumCapacity"),
    maximumCapacity: prodSetting(scalingTargetCapacityBounds, "maximumCapacity"),
    maximumDeregistrationDelaySeconds: prodSetting(lbTargetGroupDeregistrationDelay, "maximumDeregistrationDelaySeconds"),
    maximumSecondsToHealthy: prodSetting(lbTargetGroupHealthCheckTimings, "maximumTimeToHealthySeconds"),
} as const;

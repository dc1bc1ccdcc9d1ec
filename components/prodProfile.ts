/**
 * The numbers of the prod profile, taken from their owner: the policy pack's prod config
 * (`policy/config/prod.json`), which states every bound the prod stack's config must keep. The loader
 * refuses a prod stack that breaks them by config key, before any resource exists; the pack still judges
 * the resources with the same file. Pure: reads only JSON that ships with the program (the policy modules
 * themselves load `@pulumi/policy`, which a deployment does not install).
 */
import prodPolicyConfig from "../policy/config/prod.json";

/** A numeric setting of a policy in prod, with the policy's name for messages. */
export interface ProdBound {
    readonly value: number;
    readonly policy: string;
}

/** A policy's numeric setting in a policy config (prod.json unless given): `{enforcementLevel, <property>}`. */
export function prodSetting(policy: string, property: string, config: Record<string, unknown> = prodPolicyConfig): ProdBound {
    const entry = config[policy];
    const value = entry !== null && typeof entry === "object" ? (entry as Record<string, unknown>)[property] : undefined;
    if (typeof value !== "number") {
        throw new Error(`policy/config/prod.json must set ${property} of ${policy}: the prod profile reads its bound there`);
    }
    return { value, policy };
}

/** Whether prod.json makes a policy mandatory (as a level, or as `{enforcementLevel}`). */
export function mandatoryInProd(policy: string, config: Record<string, unknown> = prodPolicyConfig): boolean {
    const entry = config[policy];
    const level = entry !== null && typeof entry === "object" ? (entry as { enforcementLevel?: unknown }).enforcementLevel : entry;
    return level === "mandatory";
}

/** The bounds a prod stack's config must keep. */
export const PROD_PROFILE = {
    minimumLogRetentionDays: prodSetting("logs-log-group-retention", "minimumRetentionDays"),
    minimumCapacity: prodSetting("scaling-target-capacity-bounds", "minimumCapacity"),
    maximumCapacity: prodSetting("scaling-target-capacity-bounds", "maximumCapacity"),
    maximumDeregistrationDelaySeconds: prodSetting("lb-target-group-deregistration-delay", "maximumDeregistrationDelaySeconds"),
    maximumSecondsToHealthy: prodSetting("lb-target-group-health-check-timings", "maximumTimeToHealthySeconds"),
} as const;

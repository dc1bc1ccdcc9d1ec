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

/** The strictest of several bounds on one key: the largest minimum (the first on a tie). */
export function largestMinimum(first: ProdBound, ...others: ProdBound[]): ProdBound {
    return others.reduce((strictest, b) => (b.value > strictest.value ? b : strictest), first);
}

/**
 * The bounds a prod stack's config must keep. `minCapacity` meets both the scaling target's minimum and
 * the service's (`ecs-service-minimum-capacity` judges `desiredCount` and, on Fargate Spot, the on-demand
 * base, and the loader keeps both at least `minCapacity`).
 */
export const PROD_PROFILE = {
    minimumLogRetentionDays: prodSetting("logs-log-group-retention", "minimumRetentionDays"),
    minimumCapacity: largestMinimum(
        prodSetting("scaling-target-capacity-bounds", "minimumCapacity"),
        prodSetting("ecs-service-minimum-capacity", "minimumCapacity"),
    ),
    maximumCapacity: prodSetting("scaling-target-capacity-bounds", "maximumCapacity"),
    maximumDeregistrationDelaySeconds: prodSetting("lb-target-group-deregistration-delay", "maximumDeregistrationDelaySeconds"),
    maximumSecondsToHealthy: prodSetting("lb-target-group-health-check-timings", "maximumTimeToHealthySeconds"),
} as const;

/**
 * Prod rules the loader enforces by key because prod.json makes mandatory the policy that judges what the
 * key controls; each is on only while that policy is mandatory in prod.
 *
 * The loader's other prod rules are its own, stricter than the pack's prod config, and named here so that
 * nobody looks for them in prod.json: `natStrategy` "perAz" (egress survives the loss of a zone; the pack
 * sees only that tasks have no public IP), `readonlyRootFilesystem` (prod.json does not make
 * `ecs-task-definition-read-only-root-filesystem` mandatory), and on Fargate Spot an on-demand base of at
 * least `minCapacity`, and the alarm thresholds of `PROD_ALARM_LIMITS`.
 */
export const PROD_MANDATES = {
    /** `platformVersion` "LATEST". */
    latestPlatform: mandatoryInProd("ecs-service-fargate-latest-platform"),
    /** `accessLogs` true. */
    accessLogs: mandatoryInProd("lb-load-balancer-access-logs"),
    /** `deletionProtection` true (the load balancer's; the key protects the repository, secrets and logs too). */
    deletionProtection: mandatoryInProd("lb-load-balancer-deletion-protection"),
    /** A certificate (`certificateArn`, or `domainName` with `hostedZoneId`): HTTP only redirects to HTTPS. */
    https: mandatoryInProd("lb-listener-http-redirects-to-https") || mandatoryInProd("lb-listener-encrypted-protocol"),
    /** `serviceConnectCertificateAuthorityArn` when a service joins Service Connect. */
    serviceConnectTls: mandatoryInProd("ecs-service-connect-tls"),
} as const;

/**
 * The loader's own prod bounds on the alarms that roll a web service's deployment back (no policy judges a
 * threshold: the pack sees alarms, not what a service can afford). `Pulumi.yaml` gives each key one default,
 * which the program cannot tell from a value set on purpose, so prod refuses any value looser than these
 * and `Pulumi.prod.yaml` states its own. The numbers: a prod service answering more than 2 % errors, or
 * 1.5 s at p99, for 3 minutes is a bad version to roll back, not noise; dev keeps the looser defaults
 * (5 %, 2 s), where cold caches and one small Spot task make noise.
 */
export const PROD_ALARM_LIMITS = {
    /** `alarm5xxPercent` at most. */
    maximum5xxPercent: 2,
    /** `alarmLatencyP99Ms` at most. */
    maximumLatencyP99Ms: 1500,
    /** `alarmEvaluationPeriods` at most (minutes), for web services: how long a bad version serves before rollback. */
    maximumEvaluationPeriods: 3,
} as const;

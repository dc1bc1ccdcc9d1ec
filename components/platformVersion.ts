/**
 * Fargate platform versions and what each can run. Pure.
 *
 * Sources (AWS ECS developer guide): "Fargate Linux platform versions" (1.4.0 is the current version and
 * what LATEST resolves to; 1.0.0 to 1.2.0 are retired); "Fargate capacity providers" (Fargate Spot needs
 * platform version 1.3.0 or later; Linux ARM64 tasks run on Fargate Spot on 1.4.0 or later);
 * "Working with 64-bit ARM workloads" (ARM64 on Fargate needs 1.4.0 or later); "Pass Secrets Manager
 * secrets through environment variables" (a JSON key or a version of a secret needs 1.4.0 or later);
 * "Amazon ECS task definition parameters for Fargate", Task size (8192 and 16384 CPU units, i.e. 8 and 16
 * vCPU, need Linux platform version 1.4.0 or later).
 */
import type { CapacityProvider } from "./capacity";
import type { CpuArchitecture } from "./fargateServiceArgs";

/** Platform versions a Linux Fargate service may name. */
export const FARGATE_PLATFORM_VERSIONS = ["LATEST", "1.4.0", "1.3.0"] as const;

/** A Linux Fargate platform version. */
export type FargatePlatformVersion = (typeof FARGATE_PLATFORM_VERSIONS)[number];

/** What the task needs from the platform. */
export interface PlatformNeeds {
    readonly platformVersion: FargatePlatformVersion;
    readonly architecture: CpuArchitecture;
    readonly capacityProvider: CapacityProvider;
    /** Secrets referenced by JSON key or pinned to a version (`:<json-key>:<stage>:<version-id>`). */
    readonly secretsByKeyOrVersion: boolean;
    /** Task CPU units. */
    readonly cpu: number;
}

/** The fewest CPU units of the task sizes only platform version 1.4.0 offers (8 and 16 vCPU). */
export const CPU_UNITS_NEEDING_1_4_0 = 8192;

/** LATEST is 1.4.0 today; comparisons treat it as the newest. */
const rank = (v: FargatePlatformVersion): number => (v === "LATEST" ? Number.MAX_SAFE_INTEGER : Number(v.split(".")[1]));

/**
 * The oldest platform version on which Linux `architecture` tasks run, on Fargate Spot (`spot`) or on
 * Fargate; undefined when any version does. ARM64 needs 1.4.0 on either; X86_64 on Spot needs 1.3.0.
 */
export function platformMinimumFor(architecture: string, spot: boolean): "1.3.0" | "1.4.0" | undefined {
    if (architecture === "ARM64") return "1.4.0";
    return spot ? "1.3.0" : undefined;
}

/**
 * The oldest platform version that runs `architecture` on FARGATE and FARGATE_SPOT alike (Spot's minimum is
 * the stricter one); 1.3.0 is also the oldest version still offered.
 */
export function minimumPlatformVersion(architecture: CpuArchitecture): "1.3.0" | "1.4.0" {
    return platformMinimumFor(architecture, true) ?? "1.3.0";
}

/** How the caller names each input, for messages: config keys in the loader, argument names in a component. */
export interface PlatformKeys {
    readonly platformVersion: string;
    readonly architecture: string;
    readonly capacityProvider: string;
    readonly secrets: string;
    readonly cpu: string;
}

/**
 * Why ECS cannot place tasks with these needs on this platform version, naming every input involved, or
 * undefined when it can. LATEST always runs everything (it is 1.4.0 or newer).
 */
export function platformVersionProblem(needs: PlatformNeeds, keys: PlatformKeys): string | undefined {
    const version = rank(needs.platformVersion);
    const minimum = minimumPlatformVersion(needs.architecture);
    if (version < rank(minimum)) {
        return (
            `${keys.platformVersion} is ${JSON.stringify(needs.platformVersion)}, but ${keys.architecture} ${needs.architecture} ` +
            `on ${keys.capacityProvider} ${needs.capacityProvider} needs platform version ${minimum} or later; set ${keys.platformVersion} to "LATEST" or "${minimum}"`
        );
    }
    if (needs.cpu >= CPU_UNITS_NEEDING_1_4_0 && version < rank("1.4.0")) {
        return (
            `${keys.platformVersion} is ${JSON.stringify(needs.platformVersion)}, but ${keys.cpu} ${needs.cpu} (${needs.cpu / 1024} vCPU) ` +
            `is a task size Fargate offers only on platform version 1.4.0 or later; set ${keys.platformVersion} to "LATEST" or "1.4.0"`
        );
    }
    if (needs.secretsByKeyOrVersion && version < rank("1.4.0")) {
        return (
            `${keys.platformVersion} is ${JSON.stringify(needs.platformVersion)}, but ${keys.secrets} reference a JSON key or a version of a secret, ` +
            `which Fargate resolves only on platform version 1.4.0 or later; set ${keys.platformVersion} to "LATEST" or "1.4.0"`
        );
    }
    return undefined;
}

/** True when `valueFrom` names a JSON key, a version stage or a version id of a Secrets Manager secret. */
export function referencesKeyOrVersion(valueFrom: string): boolean {
    const parts = valueFrom.split(":");
    return parts[2] === "secretsmanager" && parts.slice(7).some(p => p !== "");
}

/**
 * Policy pack configuration as the Pulumi CLI handles it before a preview: validation of the config file,
 * enforcement-level resolution (config > policy > pack), and `getConfig()` with `configSchema` defaults.
 */
import { EnforcementLevel, PolicyPackConfig, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { PolicyConfigError } from "./errors";
import type { PackDefinition } from "./policyEngine";

type AnyPolicy = ResourceValidationPolicy & Partial<StackValidationPolicy>;

/**
 * Checks a policy config file as the CLI does before a preview: every key names a policy of the pack
 * (or is `all`), levels are valid, and properties have the types the policy's `configSchema` declares.
 */
export function validatePolicyConfig(pack: PackDefinition, config: PolicyPackConfig): void {
    const levels = ["advisory", "mandatory", "remediate", "disabled"];
    const byName = new Map(pack.policies.map(p => [p.name, p]));
    for (const [key, value] of Object.entries(config)) {
        const policy = byName.get(key);
        if (!policy && key !== "all") {
            throw new PolicyConfigError(`policy config names "${key}", which is not a policy of pack "${pack.name}"`);
        }
        const level = typeof value === "string" ? value : value?.enforcementLevel;
        if (level !== undefined && !levels.includes(level)) {
            throw new PolicyConfigError(
                `policy config "${key}": enforcement level "${level}" is not one of ${levels.join(", ")}`,
            );
        }
        if (!policy || typeof value !== "object" || value === null) {
            continue;
        }
        const schema = policy.configSchema?.properties ?? {};
        for (const [prop, given] of Object.entries(value)) {
            if (prop === "enforcementLevel") {
                continue;
            }
            const declared = schema[prop];
            if (!declared) {
                throw new PolicyConfigError(
                    `policy config "${key}": property "${prop}" is not in its configSchema ` +
                        `(allowed: ${Object.keys(schema).join(", ") || "none"})`,
                );
            }
            checkSchemaType(key, prop, declared as Record<string, unknown>, given);
        }
    }
}

function checkSchemaType(policy: string, prop: string, schema: Record<string, unknown>, given: unknown): void {
    const fail = (allowed: string) => {
        throw new PolicyConfigError(
            `policy config "${policy}": property "${prop}" is ${JSON.stringify(given)}; expected ${allowed}`,
        );
    };
    switch (schema.type) {
        case "integer":
            if (!Number.isInteger(given)) fail("an integer");
            break;
        case "number":
            if (typeof given !== "number") fail("a number");
            break;
        case "boolean":
            if (typeof given !== "boolean") fail("a boolean");
            break;
        case "string":
            if (typeof given !== "string") fail("a string");
            break;
        case "array":
            if (!Array.isArray(given)) fail("an array");
            break;
        case "object":
            if (typeof given !== "object" || given === null || Array.isArray(given)) fail("an object");
            break;
    }
    if (typeof given === "number") {
        if (typeof schema.minimum === "number" && given < schema.minimum) fail(`at least ${schema.minimum}`);
        if (typeof schema.maximum === "number" && given > schema.maximum) fail(`at most ${schema.maximum}`);
    }
    if (Array.isArray(schema.enum) && !schema.enum.includes(given)) {
        fail(`one of ${JSON.stringify(schema.enum)}`);
    }
}

/** Enforcement level the engine would use for `policy`, before `remediate` is downgraded. */
export function resolveEnforcementLevel(
    pack: PackDefinition,
    policy: { name: string; enforcementLevel?: EnforcementLevel },
    config: PolicyPackConfig,
): EnforcementLevel {
    const levelOf = (entry: PolicyPackConfig[string] | undefined): EnforcementLevel | undefined =>
        typeof entry === "string" ? entry : entry?.enforcementLevel;
    return (
        levelOf(config[policy.name]) ??
        levelOf(config.all) ??
        policy.enforcementLevel ??
        pack.enforcementLevel ??
        "advisory"
    );
}

/** `getConfig()` for one policy: schema defaults, then the config file's properties. */
export function policyConfigFor(policy: AnyPolicy, config: PolicyPackConfig): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
        const dflt = (schema as { default?: unknown }).default;
        if (dflt !== undefined) {
            result[key] = structuredClone(dflt);
        }
    }
    const entry = config[policy.name];
    if (typeof entry === "object" && entry !== null) {
        for (const [key, value] of Object.entries(entry)) {
            if (key !== "enforcementLevel") {
                result[key] = value;
            }
        }
    }
    return result;
}

/**
 * Small pure readers the apply-time rules share: known strings, names the provider generates, character
 * sets described by what they refuse. Unknown values (the engine's sentinel) are never judged.
 */
import { UNKNOWN } from "../serialisation";
import { Finding, RuleContext, RuleResource } from "./types";

/** True for a string whose value is known now (not the preview sentinel). */
export const isKnownString = (value: unknown): value is string => typeof value === "string" && value !== UNKNOWN;

/** Path of the provider-generated name in findings. */
export const AUTONAME = "(autoname)";

/** Random characters the Pulumi bridge appends to a logical name, after a "-". */
export const AUTONAME_RANDOM = 7;

/**
 * Characters Terraform's `id.PrefixedUniqueId` appends to a `namePrefix` (a timestamp and a counter), so a
 * prefix may use the type's limit minus these. terraform-plugin-sdk `helper/id.UniqueIDSuffixLength`.
 */
export const PREFIX_SUFFIX = 26;

/**
 * The name AWS receives for a resource whose program set no `name`: undefined when `name` or `namePrefix`
 * is given (or unknown), or when the stack configures `pulumi:autonaming`. The bridge makes
 * `<logical name>-<7 random hex>` and refuses, without truncating, one longer than `maxAutoname`
 * (pulumi-terraform-bridge `ComputeAutoNameDefault` → `resource.NewUniqueName`).
 */
export function autoname(
    r: RuleResource,
    context: RuleContext,
    keys: { name: string; prefix: string; transform?: (logical: string) => string } = { name: "name", prefix: "namePrefix" },
): { example: string; prefix: string } | undefined {
    if (keys.name in r.inputs || keys.prefix in r.inputs || context.customAutonaming) {
        return undefined;
    }
    const prefix = `${keys.transform ? keys.transform(r.name) : r.name}-`;
    return { prefix, example: `${prefix}${"x".repeat(AUTONAME_RANDOM)}` };
}

/** Characters of `value` outside `allowed` (a character-class body), each once, in order of appearance. */
export function charactersOutside(value: string, allowed: string): string[] {
    const ok = new RegExp(`^[${allowed}]$`, "u");
    return [...new Set([...value].filter(c => !ok.test(c)))];
}

/** A finding for the characters outside a set, or none. */
export function charsetFinding(path: string, value: string, allowed: string, described: string): Finding[] {
    const bad = charactersOutside(value, allowed);
    return bad.length === 0 ? [] : [{ path, given: value, allowed: `${described}; ${bad.map(c => JSON.stringify(c)).join(" ")} ${bad.length === 1 ? "is" : "are"} not allowed` }];
}

/** A finding when `value` is longer than `max` characters (UTF-16 code units, as AWS counts them). */
export function lengthFinding(path: string, value: string, max: number, what = "characters", min = 0): Finding[] {
    if (value.length > max) return [{ path, given: value, allowed: `at most ${max} ${what} (${value.length} given)` }];
    if (value.length < min) return [{ path, given: value, allowed: `at least ${min} ${what}` }];
    return [];
}

/** Each known string of `value` (a string or an array of them) with its path. */
export function knownStrings(value: unknown, path: string): Array<{ path: string; value: string }> {
    if (isKnownString(value)) return [{ path, value }];
    if (Array.isArray(value)) return value.flatMap((v, i) => (isKnownString(v) ? [{ path: `${path}[${i}]`, value: v }] : []));
    return [];
}

/** Objects of an array input, with their paths (non-objects and unknowns skipped). */
export function objects(value: unknown, path: string): Array<{ path: string; value: Record<string, any> }> {
    return Array.isArray(value)
        ? value.flatMap((v, i) => (v !== null && typeof v === "object" && !Array.isArray(v) ? [{ path: `${path}[${i}]`, value: v as Record<string, any> }] : []))
        : [];
}

/** The region part of an ARN (`arn:partition:service:region:account:…`); undefined when not an ARN. */
export function arnRegion(arn: string): string | undefined {
    const parts = arn.split(":");
    return parts.length >= 6 && parts[0] === "arn" ? parts[3] : undefined;
}

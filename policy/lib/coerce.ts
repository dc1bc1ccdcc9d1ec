/**
 * Defensive readers for resource properties. Inputs can be missing, null, of the wrong type, or (for
 * numbers) numeric strings; these helpers turn them into what a policy can compare without throwing.
 * They never catch `UnknownValueError`: reading an unknown value through the engine's proxy throws before
 * the value reaches them, which is what the engine expects.
 */

/** True for a plain object (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, any> =>
    typeof value === "object" && value !== null && !Array.isArray(value);

/** True for a string with something other than whitespace in it. */
export const isNonEmptyString = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

/** Trimmed upper-case string, or undefined for anything that is not a non-empty string. */
export const upper = (value: unknown): string | undefined => (isNonEmptyString(value) ? value.trim().toUpperCase() : undefined);

/** A finite number, from a number or a numeric string ("30", " 2.5 "); undefined otherwise. */
export function toNumber(value: unknown): number | undefined {
    if (typeof value === "number") {
        return Number.isFinite(value) ? value : undefined;
    }
    if (typeof value === "string" && /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/.test(value)) {
        return Number(value);
    }
    return undefined;
}

/** The elements of an array, or [] for anything else. */
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

/** A string or an array of strings as a list of strings (other elements dropped); [] otherwise. */
export function asStringList(value: unknown): string[] {
    if (typeof value === "string") {
        return [value];
    }
    return asArray(value).filter((v): v is string => typeof v === "string");
}

/** `"a"`, `"a" and "b"`, `"a", "b" or "c"` — for messages. */
export function quoteList(values: readonly (string | number)[], conjunction: "and" | "or" = "and"): string {
    const quoted = values.map(v => (typeof v === "number" ? String(v) : `"${v}"`));
    if (quoted.length <= 1) {
        return quoted.join("");
    }
    return `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/** How the engine's `unknownCheckingProxy` exposes the object it wraps (see `@pulumi/policy/proxy.js`). */
const PROXY_TARGET = "__getSpecialProxyTarget";

/**
 * A deep, unproxied copy of a resource's props for a remediation to edit and return. Copying the proxy's
 * target rather than spreading the proxy keeps values that are unknown during preview (in fields the
 * remediation does not touch) as the engine's unknown sentinels, instead of aborting the remediation.
 */
export function copyProps(props: Record<string, any>): Record<string, any> {
    const target = (props as Record<string, unknown>)[PROXY_TARGET] ?? props;
    return structuredClone(target) as Record<string, any>;
}

/**
 * Listener-rule conditions read into one shape, and the test "every request rule B matches, rule A matches
 * too" that shadowing is judged by.
 *
 * ALB semantics (Elastic Load Balancing User Guide, "Condition types for listener rules",
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html): a rule
 * matches when all its conditions do; a condition matches when any one of its values does. Values of
 * `hostHeader`, `pathPattern` and `httpHeader` are wildcard patterns (see `./albPatterns`); host names and
 * HTTP header names compare case-insensitively, paths and request methods case-sensitively.
 *
 * Both spellings are read: `@pulumi/aws`'s blocks (`{ pathPattern: { values } }`, `{ hostHeader: { values,
 * regexValues } }`, `{ httpHeader: { httpHeaderName, values } }`, `{ httpRequestMethod }`, `{ queryStrings:
 * [{ key, value }] }`, `{ sourceIp }`), and the ELB API's older `{ field: "path-pattern", values }`. Anything
 * else makes the rule `opaque`: it then neither shadows nor is shadowed, since nothing about it is proven.
 */
import { asArray, isRecord } from "../lib/coerce";
import { patternCovers } from "./albPatterns";

/** How one condition's values compare. */
type Comparison = "path" | "host" | "header" | "exact";

/** One condition: its kind (`header:x-env` per header name) and the values any of which must match. */
export interface RuleCondition {
    readonly kind: string;
    readonly comparison: Comparison;
    /** Wildcard patterns (or exact values for the "exact" comparison). */
    readonly values: string[];
    /** Regular expressions (`regexValues`): compared only for equality, never as patterns. */
    readonly regexValues: string[];
}

export interface RuleConditions {
    readonly conditions: RuleCondition[];
    /** True when a condition could not be read: nothing is proven about the rule. */
    readonly opaque: boolean;
}

const LEGACY_FIELDS: Record<string, string> = {
    "host-header": "hostHeader",
    "path-pattern": "pathPattern",
    "http-request-method": "httpRequestMethod",
    "source-ip": "sourceIp",
};

/** A string or a list of strings as a plain array (copied out of the engine's proxy, which every later read would go through); undefined otherwise. */
const strings = (value: unknown): string[] | undefined => {
    if (typeof value === "string") {
        return [value];
    }
    const list = Array.from(asArray(value));
    return Array.isArray(value) && list.every(v => typeof v === "string") ? (list as string[]) : undefined;
};

/** One block (`pathPattern`, …) of a condition element; undefined when it cannot be read. */
function readBlock(key: string, block: unknown): RuleCondition | undefined {
    if (key === "queryStrings") {
        const pairs = asArray(block);
        if (!Array.isArray(block) || !pairs.every(p => isRecord(p) && typeof p.value === "string" && (p.key === undefined || p.key === null || typeof p.key === "string"))) {
            return undefined;
        }
        const values = pairs.map(p => `${(p as Record<string, any>).key ?? ""}=${(p as Record<string, any>).value}`);
        return { kind: "query", comparison: "exact", values, regexValues: [] };
    }
    if (!isRecord(block)) {
        return undefined;
    }
    const values = block.values === undefined || block.values === null ? [] : strings(block.values);
    const regexValues = block.regexValues === undefined || block.regexValues === null ? [] : strings(block.regexValues);
    if (values === undefined || regexValues === undefined) {
        return undefined;
    }
    switch (key) {
        case "pathPattern":
            return { kind: "path", comparison: "path", values, regexValues };
        case "hostHeader":
            return { kind: "host", comparison: "host", values, regexValues };
        case "httpRequestMethod":
            return { kind: "method", comparison: "exact", values, regexValues };
        case "sourceIp":
            return { kind: "source-ip", comparison: "exact", values: values.map(v => v.trim()), regexValues };
        case "httpHeader":
            return typeof block.httpHeaderName === "string"
                ? { kind: `header:${block.httpHeaderName.trim().toLowerCase()}`, comparison: "header", values, regexValues }
                : undefined;
        default:
            return undefined;
    }
}

/** Reads a rule's `conditions`; see the module comment. */
export function readConditions(conditions: unknown): RuleConditions {
    const result: RuleCondition[] = [];
    let opaque = !Array.isArray(conditions);
    for (const element of asArray(conditions)) {
        if (!isRecord(element)) {
            opaque = true;
            continue;
        }
        const entries = Object.entries(element).filter(([, v]) => v !== undefined && v !== null);
        const legacyField = typeof element.field === "string" ? LEGACY_FIELDS[element.field.trim().toLowerCase()] : undefined;
        const blocks: [string, unknown][] =
            legacyField !== undefined && entries.every(([k]) => k === "field" || k === "values")
                ? [[legacyField, { values: element.values }]]
                : entries;
        if (blocks.length === 0) {
            opaque = true;
        }
        for (const [key, block] of blocks) {
            const condition = readBlock(key, block);
            if (condition === undefined || condition.values.length + condition.regexValues.length === 0) {
                opaque = true;
            } else {
                result.push(condition);
            }
        }
    }
    return { conditions: result, opaque: opaque || result.length === 0 };
}

/** True when value pattern `a` provably matches whatever `b` matches, for conditions compared as `comparison`. */
function valueCovers(comparison: Comparison, a: string, b: string): boolean {
    switch (comparison) {
        case "path":
            return patternCovers(a, b, false);
        case "host":
            return patternCovers(a, b, true);
        case "header":
            // Header values are compared as patterns, case-sensitively: a stricter reading can only miss a
            // shadowing, never invent one.
            return patternCovers(a, b, false);
        case "exact":
            return a === b;
    }
}

/** True when condition `a` provably matches every request condition `b` matches. */
function conditionCovers(a: RuleCondition, b: RuleCondition): boolean {
    if (a.kind !== b.kind) {
        return false;
    }
    // A condition matching everything (`*`) covers regular expressions too; otherwise only the same one.
    const everything = a.comparison !== "exact" && a.values.includes("*");
    return (
        b.values.every(v => a.values.some(p => valueCovers(a.comparison, p, v))) &&
        b.regexValues.every(r => everything || a.regexValues.includes(r))
    );
}

/**
 * True when rule `a` provably matches every request rule `b` matches: each condition of `a` is implied by
 * some condition of `b` (or, for a path pattern "*", by every request). Opaque rules prove nothing.
 */
export function ruleCovers(a: RuleConditions, b: RuleConditions): boolean {
    if (a.opaque || b.opaque) {
        return false;
    }
    // A path pattern of "*" matches every request path, so it holds even for a rule with no path condition.
    // ("/*" does not: `OPTIONS *` has the path "*".)
    return a.conditions.every(ca => b.conditions.some(cb => conditionCovers(ca, cb)) || (ca.kind === "path" && ca.values.includes("*")));
}

/** `path "/api/*"`, `host "*.example.com" or "a.example.com"` — for messages. */
export function describeConditions(rule: RuleConditions): string {
    return rule.conditions
        .map(c => {
            const all = [...c.values, ...c.regexValues.map(r => `regex ${r}`)].map(v => `"${v}"`);
            const name = c.kind.startsWith("header:") ? `header ${c.kind.slice("header:".length)}` : c.kind;
            return `${name} ${all.length > 1 ? `${all.slice(0, -1).join(", ")} or ${all[all.length - 1]}` : all[0]}`;
        })
        .join(" and ");
}

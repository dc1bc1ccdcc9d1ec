/**
 * The apply-time rule layer: judges every recorded resource the way AWS and the provider's plan-time
 * validation would at `pulumi up`, for rules the API models do not carry. Pure: a recorded run and the
 * stack config in, refusals out. Secret values are never printed.
 */
import { normaliseForEngine, secretPaths } from "../serialisation";
import { RecordedResource } from "../types";
import { isKnownString } from "./read";
import { APPLY_RULES } from "./table";
import { ApplyError, ApplyRule, RuleContext, RuleResource } from "./types";

export { APPLY_RULES } from "./table";
export type { ApplyError, ApplyRule, Finding, RuleContext, RuleResource } from "./types";

/** The stack config a judgement needs. */
export interface ApplyRuleOptions {
    /** Full config keys (`aws:region`, `aws:defaultTags`, `pulumi:autonaming`) to their text. */
    readonly config: Readonly<Record<string, string>>;
    /** Full keys set with `--secret`. */
    readonly secretKeys?: readonly string[];
    /** Rules to apply. @default APPLY_RULES */
    readonly rules?: readonly ApplyRule[];
}

const PROVIDER_PREFIX = "pulumi:providers:";

/** `{tags: {...}}` (the `defaultTags` of a provider or of `aws:defaultTags`, as an object or JSON text). */
function tagsOf(defaultTags: unknown): Record<string, string> | undefined {
    let value = defaultTags;
    if (typeof value === "string") {
        try {
            value = JSON.parse(value);
        } catch {
            return undefined;
        }
    }
    const tags = (value as { tags?: unknown } | undefined)?.tags;
    return tags !== null && typeof tags === "object" && !Array.isArray(tags) ? (tags as Record<string, string>) : undefined;
}

/** Judges every resource of `resources` by every rule; refusals in registration order. */
export function evaluateApplyRules(resources: readonly RecordedResource[], options: ApplyRuleOptions): ApplyError[] {
    const rules = options.rules ?? APPLY_RULES;
    const views = new Map<string, RuleResource>();
    for (const r of resources) {
        views.set(r.urn, { type: r.type, name: r.name, urn: r.urn, inputs: normaliseForEngine(r.inputs) as Record<string, any>, recorded: r });
    }
    /** The explicit provider of `r`: undefined for the default provider, null when it was not recorded. */
    const providerOf = (r: RuleResource): RuleResource | null | undefined => {
        const ref = r.recorded.provider;
        return ref ? (views.get(ref.split("::").slice(0, -1).join("::")) ?? null) : undefined;
    };
    const defaultProviderTags = tagsOf(options.config["aws:defaultTags"]);
    const context: RuleContext = {
        regionOf: r => {
            const own = r.inputs.region;
            if (isKnownString(own)) return own;
            const provider = providerOf(r);
            if (provider === undefined) return options.config["aws:region"];
            // A provider not recorded, or whose region is unknown, says nothing: no region is guessed.
            return provider && isKnownString(provider.inputs.region) ? provider.inputs.region : undefined;
        },
        defaultTagsOf: r => {
            const provider = providerOf(r);
            return provider === undefined ? defaultProviderTags : provider ? tagsOf(provider.inputs.defaultTags) : undefined;
        },
        dependencyOf: (r, property, types) =>
            (r.recorded.propertyDependencies[property] ?? []).map(urn => views.get(urn)).find((d): d is RuleResource => !!d && types.includes(d.type)),
        resourcesOf: types => [...views.values()].filter(v => types.includes(v.type)),
        customAutonaming: Object.keys(options.config).some(k => k === "pulumi:autonaming" || k.startsWith("pulumi:autonaming.")),
    };
    const secretDefaults = (options.secretKeys ?? []).includes("aws:defaultTags");

    const errors: ApplyError[] = [];
    for (const view of views.values()) {
        const r = view.recorded;
        if (r.type.startsWith(PROVIDER_PREFIX)) continue;
        const own = secretPaths(r.inputs);
        // A `defaultTags.` path names the provider's input: an explicit provider's secrets count there.
        const provider = providerOf(view);
        const providerSecrets = provider ? secretPaths(provider.recorded.inputs) : [];
        const covers = (secrets: string[], path: string) =>
            secrets.some(s => s === "(root)" || path === s || path.startsWith(`${s}.`) || path.startsWith(`${s}[`));
        const isSecret = (path: string) =>
            path.startsWith("defaultTags.")
                ? (provider === undefined && secretDefaults) || covers(providerSecrets, path) || covers(own, path)
                : covers(own, path);
        for (const rule of rules) {
            const applies = rule.types.includes(r.type) || (rule.types.includes("*") && !r.component);
            if (!applies) continue;
            for (const finding of rule.check(view, context)) {
                const secret = isSecret(finding.path);
                errors.push({
                    rule: rule.id,
                    urn: r.urn,
                    type: r.type,
                    name: r.name,
                    path: finding.path,
                    given: secret ? "[secret]" : typeof finding.given === "string" && !finding.described ? JSON.stringify(finding.given) : String(finding.given),
                    // What is allowed may quote the value (a suggested network, a region): the rule's own words then.
                    allowed: secret ? rule.aws : finding.allowed,
                    source: rule.source,
                });
            }
        }
    }
    return errors;
}

/**
 * Tag limits AWS applies to every taggable resource, to the tags it receives: the resource's own merged
 * over its provider's default tags.
 */
import { TAG_CHARACTERS, TAG_LIMITS } from "../../components/awsLimits";
import { AWSX_VPC } from "../../policy/facts/typeTokens";
import { charactersOutside, isKnownString } from "./read";
import { ApplyRule, Finding, RuleContext, RuleResource } from "./types";

const MAX_TAGS = TAG_LIMITS.perResource;
const MAX_TAG_KEY = TAG_LIMITS.key;
const MAX_TAG_VALUE = TAG_LIMITS.value;

/**
 * The tags AWS will hold for `r`: the provider's default tags under the resource's own, each with the path
 * a finding names; undefined for a resource that takes no tags (it gets no default tags either).
 */
function mergedTags(r: RuleResource, context: RuleContext): { own: Record<string, unknown>; defaults: Record<string, unknown>; tags: ReadonlyArray<{ key: string; value: unknown; at: string }> } | undefined {
    const own = r.inputs.tags;
    if (own === null || typeof own !== "object" || Array.isArray(own)) return undefined;
    const defaults = context.defaultTagsOf(r) ?? {};
    const merged: Record<string, unknown> = { ...defaults, ...own };
    return { own, defaults, tags: Object.entries(merged).map(([key, value]) => ({ key, value, at: key in own ? `tags.${key}` : `defaultTags.tags.${key}` })) };
}

export const tagLimits: ApplyRule = {
    id: "tags-limits",
    // The awsx VPC is one opaque component here; its tags reach every VPC resource it creates.
    types: ["*", ...AWSX_VPC],
    aws: "At most 50 user tags per resource (default tags included); key 1 to 128 characters, value at most 256; keys must not start with aws: (reserved)",
    source: "https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions",
    configKeys: ["tags"],
    check: (r, context) => {
        // Only resources that take tags get the provider's default tags; without a tags input nothing is judged.
        const merged = mergedTags(r, context);
        if (!merged) return [];
        const { own, defaults, tags } = merged;
        const findings: Finding[] = [];
        if (tags.length > MAX_TAGS) {
            const fromDefaults = Object.keys(defaults).filter(k => !(k in own)).length;
            findings.push({
                path: "tags",
                described: true,
                given: `${tags.length} tags${fromDefaults ? ` (${fromDefaults} from the provider's defaultTags)` : ""}`,
                allowed: `at most ${MAX_TAGS} tags per resource`,
            });
        }
        for (const { key, value, at } of tags) {
            if (key.length < 1 || key.length > MAX_TAG_KEY) findings.push({ path: at, given: key, allowed: `a key of 1 to ${MAX_TAG_KEY} characters (${key.length} given)` });
            if (/^aws:/i.test(key)) findings.push({ path: at, given: key, allowed: `a key not starting with "aws:" (reserved for AWS)` });
            if (isKnownString(value) && value.length > MAX_TAG_VALUE) findings.push({ path: at, given: value, allowed: `a value of at most ${MAX_TAG_VALUE} characters (${value.length} given)` });
        }
        return findings;
    },
};

/** EC2 (and so VPC resources) accepts any character in tags; every other service here restricts them. */
const anyCharacterAllowed = (type: string): boolean => type.startsWith("aws:ec2/") || type.startsWith("aws:vpc/");

export const tagCharacters: ApplyRule = {
    id: "tags-characters",
    types: ["*"],
    aws: "Tag keys and values: Unicode letters, digits, spaces and _ . : / = + - @ (IAM, ELB, ECS, CloudWatch Logs, Secrets Manager, ECR, S3 and others; EC2 accepts any character)",
    source: "https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions",
    configKeys: ["tags"],
    check: (r, context) => {
        const merged = anyCharacterAllowed(r.type) ? undefined : mergedTags(r, context);
        if (!merged) return [];
        const findings: Finding[] = [];
        for (const { key, value, at } of merged.tags) {
            for (const [what, text] of [["key", key], ["value", value]] as const) {
                if (!isKnownString(text)) continue;
                const bad = charactersOutside(text, TAG_CHARACTERS);
                if (bad.length > 0) {
                    findings.push({ path: at, given: text, allowed: `a tag ${what} of letters, digits, spaces and _ . : / = + - @; ${bad.map(c => JSON.stringify(c)).join(" ")} ${bad.length === 1 ? "is" : "are"} not allowed` });
                }
            }
        }
        return findings;
    },
};

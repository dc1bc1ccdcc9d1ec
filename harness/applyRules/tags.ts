/**
 * Tag limits AWS applies to every taggable resource, to the tags it receives: the resource's own merged
 * over its provider's default tags.
 */
import { isKnownString } from "./read";
import { ApplyRule, Finding } from "./types";

/** User tags per resource. */
export const MAX_TAGS = 50;
export const MAX_TAG_KEY = 128;
export const MAX_TAG_VALUE = 256;

export const tagLimits: ApplyRule = {
    id: "tags-limits",
    types: ["*"],
    aws: "At most 50 user tags per resource (default tags included); key 1 to 128 characters, value at most 256; keys must not start with aws: (reserved)",
    source: "https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions",
    configKeys: ["tags"],
    check: (r, context) => {
        const own = r.inputs.tags;
        const defaults = context.defaultTagsOf(r) ?? {};
        // Only resources that take tags get the provider's default tags; without a tags input nothing is judged.
        if (own === null || typeof own !== "object" || Array.isArray(own)) return [];
        const tags: Record<string, unknown> = { ...defaults, ...own };
        const findings: Finding[] = [];
        const keys = Object.keys(tags);
        if (keys.length > MAX_TAGS) {
            const fromDefaults = Object.keys(defaults).filter(k => !(k in own)).length;
            findings.push({
                path: "tags",
                described: true,
                given: `${keys.length} tags${fromDefaults ? ` (${fromDefaults} from the provider's defaultTags)` : ""}`,
                allowed: `at most ${MAX_TAGS} tags per resource`,
            });
        }
        for (const key of keys) {
            const at = key in own ? `tags.${key}` : `defaultTags.tags.${key}`;
            if (key.length < 1 || key.length > MAX_TAG_KEY) findings.push({ path: at, given: key, allowed: `a key of 1 to ${MAX_TAG_KEY} characters (${key.length} given)` });
            if (/^aws:/i.test(key)) findings.push({ path: at, given: key, allowed: `a key not starting with "aws:" (reserved for AWS)` });
            const value = tags[key];
            if (isKnownString(value) && value.length > MAX_TAG_VALUE) findings.push({ path: at, given: value, allowed: `a value of at most ${MAX_TAG_VALUE} characters (${value.length} given)` });
        }
        return findings;
    },
};

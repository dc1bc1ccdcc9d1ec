import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { asArray, isRecord, quoteList, upper } from "../lib/coerce";
import { isNarrowExclusionFilter, NARROW_FILTER_FORM } from "../lib/ecrTagFilters";
import { ECR_REPOSITORY } from "../lib/types";

interface Config {
    allowImmutableWithExclusion: boolean;
    allowedExclusionFilters: string[];
}

/** The exclusion the project's own build tags need (`sha-<content hash>`, re-pushed on a rebuild). */
export const DEFAULT_ALLOWED_EXCLUSION_FILTERS = ["sha-*"] as const;

/**
 * Catalog #27 — Security Hub ECR.2, Checkov CKV_AWS_51, Trivy AVD-AWS-0031, compliance-policies.
 * Medium/high.
 *
 * `imageTagMutability` is "IMMUTABLE" (AWS defaults to "MUTABLE"), so a tag always names the image
 * that was scanned and deployed. "IMMUTABLE_WITH_EXCLUSION" is accepted only when every exclusion filter
 * is narrow (one tag, or a prefix of at least four characters ending in a separator followed by a single
 * trailing `*`, type WILDCARD) AND listed in `allowedExclusionFilters` (default: the build tags "sha-*"),
 * or, with `allowImmutableWithExclusion: true`, any narrow filter. A broad filter ("*", "*-*", "v*") is a
 * mutable repository in disguise and is never accepted. "MUTABLE_WITH_EXCLUSION" is mutable.
 * No remediation: pipelines that re-push a tag would break.
 */
export const ecrRepositoryImmutableTags: ResourceValidationPolicy = {
    name: "ecr-repository-immutable-tags",
    description: "ECR repositories have immutable image tags.",
    enforcementLevel: "mandatory",
    severity: "medium",
    configSchema: {
        properties: {
            allowImmutableWithExclusion: {
                type: "boolean",
                default: false,
                description: 'Accept "IMMUTABLE_WITH_EXCLUSION" with any narrow exclusion filter, not only allowedExclusionFilters.',
            },
            allowedExclusionFilters: {
                type: "array",
                items: { type: "string" },
                default: [...DEFAULT_ALLOWED_EXCLUSION_FILTERS],
                description: 'Exclusion filters "IMMUTABLE_WITH_EXCLUSION" may use (each must still be narrow).',
            },
        },
    },
    validateResource: validateTypes(ECR_REPOSITORY, (props, args, reportViolation) => {
        const given = props.imageTagMutability;
        const mutability = upper(given);
        if (mutability === "IMMUTABLE") {
            return;
        }
        const repo = `Repository "${args.name}"`;
        if (mutability !== "IMMUTABLE_WITH_EXCLUSION") {
            const shown = mutability === undefined ? 'unset (AWS default "MUTABLE")' : JSON.stringify(given);
            reportViolation(`${repo} has imageTagMutability ${shown}; set imageTagMutability: "IMMUTABLE".`);
            return;
        }
        const filters = asArray(props.imageTagMutabilityExclusionFilters);
        if (filters.length === 0) {
            reportViolation(`${repo} has imageTagMutability "IMMUTABLE_WITH_EXCLUSION" without exclusion filters; set imageTagMutability: "IMMUTABLE".`);
            return;
        }
        const config = args.getConfig<Config>();
        const allowed = config.allowedExclusionFilters ?? [...DEFAULT_ALLOWED_EXCLUSION_FILTERS];
        for (const entry of filters) {
            const filter = isRecord(entry) ? entry.filter : undefined;
            const filterType = isRecord(entry) ? entry.filterType : undefined;
            const shown = JSON.stringify(filter ?? null);
            if (filterType !== "WILDCARD") {
                reportViolation(`${repo} has exclusion filter ${shown} with filterType ${JSON.stringify(filterType ?? null)}; set filterType: "WILDCARD".`);
                continue;
            }
            if (!isNarrowExclusionFilter(filter)) {
                reportViolation(`${repo} has exclusion filter ${shown}, which leaves too many tags mutable (a mutable repository in disguise); ${NARROW_FILTER_FORM}.`);
            } else if (config.allowImmutableWithExclusion !== true && !allowed.includes(filter as string)) {
                reportViolation(
                    `${repo} has exclusion filter ${shown}; allowed: ${allowed.length > 0 ? quoteList(allowed, "or") : "none"} ` +
                        `(allowedExclusionFilters), or set allowImmutableWithExclusion: true to accept any narrow filter.`,
                );
            }
        }
    }),
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { ECR_REPOSITORY } from "../lib/types";
import { upper } from "../lib/coerce";

interface Config {
    allowImmutableWithExclusion: boolean;
}

/**
 * Catalog #27 — Security Hub ECR.2, Checkov CKV_AWS_51, Trivy AVD-AWS-0031, compliance-policies.
 * Medium/high.
 *
 * `imageTagMutability` is "IMMUTABLE" (AWS defaults to "MUTABLE"), so a tag always names the image
 * that was scanned and deployed. "IMMUTABLE_WITH_EXCLUSION" leaves some tags mutable and is accepted
 * only with `allowImmutableWithExclusion: true`. No remediation: pipelines that re-push a tag would break.
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
                description: 'Accept "IMMUTABLE_WITH_EXCLUSION" (some tag patterns stay mutable).',
            },
        },
    },
    validateResource: validateTypes(ECR_REPOSITORY, (props, args, reportViolation) => {
        const given = props.imageTagMutability;
        const mutability = upper(given);
        if (mutability === "IMMUTABLE") {
            return;
        }
        if (mutability === "IMMUTABLE_WITH_EXCLUSION" && args.getConfig<Config>().allowImmutableWithExclusion === true) {
            return;
        }
        const shown = mutability === undefined ? 'unset (AWS default "MUTABLE")' : JSON.stringify(given);
        reportViolation(`Repository "${args.name}" has imageTagMutability ${shown}; set imageTagMutability: "IMMUTABLE".`);
    }),
};

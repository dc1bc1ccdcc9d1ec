import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { ECR_REPOSITORY } from "../lib/types";
import { isRecord, upper } from "../lib/coerce";

interface Config {
    requireKms: boolean;
}

const KNOWN = ["AES256", "KMS", "KMS_DSSE"];

/**
 * Catalog #28 — Security Hub ECR.5, Checkov CKV_AWS_136, Trivy AVD-AWS-0033, compliance-policies.
 * Low to high across tools.
 *
 * Repositories declare their encryption explicitly (`encryptionConfigurations`, a reviewed choice
 * rather than a silent default) with a known type. With `requireKms: true` (production, when a KMS key
 * is available) the type must be "KMS" or "KMS_DSSE", as the KMS-based tools demand.
 */
export const ecrRepositoryEncryption: ResourceValidationPolicy = {
    name: "ecr-repository-encryption",
    description: "ECR repositories declare their encryption (KMS where required).",
    enforcementLevel: "advisory",
    severity: "low",
    configSchema: {
        properties: {
            requireKms: { type: "boolean", default: false, description: 'Require encryptionType "KMS" or "KMS_DSSE".' },
        },
    },
    validateResource: validateTypes(ECR_REPOSITORY, (props, args, reportViolation) => {
        const requireKms = args.getConfig<Config>().requireKms === true;
        const configs = props.encryptionConfigurations;
        const first = Array.isArray(configs) && configs.length > 0 ? configs[0] : undefined;
        if (!isRecord(first)) {
            reportViolation(
                `Repository "${args.name}" does not declare its encryption; set encryptionConfigurations: [{ encryptionType: "${requireKms ? "KMS" : "AES256"}" }]` +
                    `${requireKms ? " with a kmsKey" : ' (or "KMS" with a kmsKey)'}.`,
            );
            return;
        }
        const type = first.encryptionType;
        const normalised = upper(type) ?? "AES256";
        if (!KNOWN.includes(normalised)) {
            reportViolation(
                `Repository "${args.name}" has encryptionType ${JSON.stringify(type)}; use one of ${KNOWN.map(k => `"${k}"`).join(", ")}.`,
            );
        } else if (requireKms && normalised === "AES256") {
            reportViolation(
                `Repository "${args.name}" is encrypted with AES256, not KMS; set encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: <key ARN> }].`,
            );
        }
    }),
};

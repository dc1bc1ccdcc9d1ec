import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { isNonEmptyString } from "../lib/coerce";
import { LOG_GROUP } from "../lib/types";

/**
 * Catalog #42 — Checkov CKV_AWS_158, Trivy AVD-AWS-0017, cdk-nag. Log groups are encrypted with a
 * customer-managed KMS key, so access to the logs can be revoked and audited through the key policy. A KMS
 * key costs money and needs a key policy for CloudWatch Logs, hence advisory.
 */
export const logsLogGroupKmsEncryption: ResourceValidationPolicy = {
    name: "logs-log-group-kms-encryption",
    description: "Log groups should be encrypted with a customer-managed KMS key.",
    enforcementLevel: "advisory",
    severity: "low",
    validateResource: validateTypes(LOG_GROUP, (props, _args, report) => {
        if (!isNonEmptyString(props.kmsKeyId)) {
            report("kmsKeyId is not set, so the logs are encrypted with a key CloudWatch owns; set kmsKeyId to a customer-managed KMS key ARN.");
        }
    }),
};

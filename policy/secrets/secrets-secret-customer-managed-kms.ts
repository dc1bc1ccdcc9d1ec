import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { isNonEmptyString } from "../lib/coerce";
import { SECRET } from "../lib/types";

/** The AWS-managed Secrets Manager key, by alias or alias ARN. */
const isAwsManagedKey = (key: string): boolean => /(^|:)alias\/aws\/secretsmanager$/.test(key);

/**
 * Catalog #43 — Checkov CKV_AWS_149, Trivy AVD-AWS-0098, cdk-nag, Pulumi compliance-policies. Secrets are
 * encrypted with a customer-managed KMS key (`kmsKeyId`), not the account's `aws/secretsmanager` key, so
 * reading them needs a grant in a key policy you control, and cross-account access is possible.
 */
export const secretsSecretCustomerManagedKms: ResourceValidationPolicy = {
    name: "secrets-secret-customer-managed-kms",
    description: "Secrets should be encrypted with a customer-managed KMS key.",
    enforcementLevel: "advisory",
    severity: "low",
    validateResource: validateTypes(SECRET, (props, _args, report) => {
        const key = props.kmsKeyId;
        if (!isNonEmptyString(key)) {
            report('kmsKeyId is not set, so the secret is encrypted with the AWS-managed "aws/secretsmanager" key; set kmsKeyId to a customer-managed KMS key.');
        } else if (isAwsManagedKey(key)) {
            report('kmsKeyId names the AWS-managed "aws/secretsmanager" key; set it to a customer-managed KMS key.');
        }
    }),
};

/**
 * ARN recognition for the values users paste into config. Pure.
 */

/** An AWS partition in an ARN, as a regular-expression group. */
export const PARTITION = "(aws|aws-cn|aws-us-gov)";
const REGION = "[a-z]{2}(-[a-z]+)+-\\d";

/** An AWS partition (AWS General Reference, "ARN format"): partitions cannot reach one another. */
export type Partition = "aws" | "aws-cn" | "aws-us-gov";

/** The partition a region belongs to: China's regions `cn-*`, GovCloud's `us-gov-*`, the rest `aws`. */
export const partitionOf = (region: string): Partition => (region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws");
const ACCOUNT = "\\d{12}";

const SECRETS_MANAGER = new RegExp(`^arn:${PARTITION}:secretsmanager:${REGION}:${ACCOUNT}:secret:[A-Za-z0-9/_+=.@-]+$`);
const SSM_PARAMETER = new RegExp(`^arn:${PARTITION}:ssm:${REGION}:${ACCOUNT}:parameter/[A-Za-z0-9/_.-]+$`);
const ACM_CERTIFICATE = new RegExp(`^arn:${PARTITION}:acm:${REGION}:${ACCOUNT}:certificate/[0-9a-f-]{36}$`);
const PRIVATE_CA = new RegExp(`^arn:${PARTITION}:acm-pca:${REGION}:${ACCOUNT}:certificate-authority/[0-9a-f-]{36}$`);
const KMS_KEY = new RegExp(`^arn:${PARTITION}:kms:${REGION}:${ACCOUNT}:key/([0-9a-f-]{36}|mrk-[0-9a-f]{32})$`);

/** Secrets Manager appends six random characters to a secret's name in its full ARN. */
const FULL_SECRET_SUFFIX = /-[A-Za-z0-9]{6}$/;

/** True for a Secrets Manager secret ARN (full or partial). */
export const isSecretsManagerArn = (value: string): boolean => SECRETS_MANAGER.test(value);
/** True for an SSM Parameter Store parameter ARN. */
export const isSsmParameterArn = (value: string): boolean => SSM_PARAMETER.test(value);
/** True for an ACM certificate ARN. */
export const isAcmCertificateArn = (value: string): boolean => ACM_CERTIFICATE.test(value);
/** True for a KMS key ARN (not an alias: grants and encryption settings need the key). */
export const isKmsKeyArn = (value: string): boolean => KMS_KEY.test(value);
/** True for an AWS Private CA certificate authority ARN. */
export const isPrivateCaArn = (value: string): boolean => PRIVATE_CA.test(value);
/** True for an AWS region name such as `eu-west-1`. */
export const isRegion = (value: string): boolean => new RegExp(`^${REGION}$`).test(value);

/**
 * The IAM resource that grants reading a Secrets Manager secret. A partial ARN (without the random
 * suffix) matches the secret only through the `-??????` wildcard that AWS documents for this case.
 */
export const secretGrantResource = (secretArn: string): string =>
    FULL_SECRET_SUFFIX.test(secretArn) ? secretArn : `${secretArn}-??????`;

/** The region of an ARN (`arn:partition:service:region:account:…`), when it names one. */
export const arnRegionOf = (arn: string): string | undefined => {
    const region = arn.split(":")[3];
    return arn.startsWith("arn:") && region ? region : undefined;
};

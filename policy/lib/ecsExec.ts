/**
 * What is wrong with a cluster's ECS Exec configuration (`configuration.executeCommandConfiguration`), shared
 * by the cluster rule and the rule that follows services which turn ECS Exec on. Each problem is a sentence
 * that ends with its fix.
 */
import { isNonEmptyString, isRecord } from "./coerce";

/** Problems of an `executeCommandConfiguration` block that is present (see `ecs-cluster-exec-logging-encrypted`). */
export function execConfigurationProblems(exec: Record<string, any>): string[] {
    const problems: string[] = [];
    if (exec.logging === "NONE") {
        problems.push('executeCommandConfiguration.logging is "NONE", so ECS Exec sessions are not recorded; set it to "DEFAULT" or "OVERRIDE".');
    } else if (exec.logging === "OVERRIDE") {
        const log = isRecord(exec.logConfiguration) ? exec.logConfiguration : {};
        const toCloudWatch = isNonEmptyString(log.cloudWatchLogGroupName);
        const toS3 = isNonEmptyString(log.s3BucketName);
        if (!toCloudWatch && !toS3) {
            problems.push(
                'executeCommandConfiguration.logging is "OVERRIDE" but logConfiguration names no destination; ' +
                    "set logConfiguration.cloudWatchLogGroupName or s3BucketName.",
            );
        }
        if (toCloudWatch && log.cloudWatchEncryptionEnabled !== true) {
            problems.push("ECS Exec logs go to CloudWatch without encryption; set logConfiguration.cloudWatchEncryptionEnabled to true.");
        }
        if (toS3 && log.s3BucketEncryptionEnabled !== true) {
            problems.push("ECS Exec logs go to S3 without encryption; set logConfiguration.s3BucketEncryptionEnabled to true.");
        }
    }
    if (!isNonEmptyString(exec.kmsKeyId)) {
        problems.push("executeCommandConfiguration.kmsKeyId is not set; set it to a customer-managed KMS key so ECS Exec session data is encrypted with it.");
    }
    return problems;
}

/** The cluster's `executeCommandConfiguration` block, or undefined when it has none. */
export function execConfigurationOf(clusterProps: Record<string, any>): Record<string, any> | undefined {
    const configuration = clusterProps.configuration;
    const exec = isRecord(configuration) ? configuration.executeCommandConfiguration : undefined;
    return isRecord(exec) ? exec : undefined;
}

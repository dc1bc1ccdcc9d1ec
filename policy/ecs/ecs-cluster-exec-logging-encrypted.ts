import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { isNonEmptyString, isRecord } from "../lib/coerce";
import { ECS_CLUSTER } from "../lib/types";

interface Config {
    requireConfiguration: boolean;
}

/**
 * Catalog #13 — Checkov CKV_AWS_223 (ECS Exec logged), CKV_AWS_224 (logged and encrypted with a KMS key).
 * When a cluster configures ECS Exec (`configuration.executeCommandConfiguration`), sessions are logged
 * (`logging` not "NONE"; "OVERRIDE" names a CloudWatch log group or S3 bucket with encryption on) and the
 * session data channel is encrypted with a customer-managed key (`kmsKeyId`). A cluster without the block
 * uses the DEFAULT logging (the task's awslogs configuration) and passes unless `requireConfiguration`.
 */
export const ecsClusterExecLoggingEncrypted: ResourceValidationPolicy = {
    name: "ecs-cluster-exec-logging-encrypted",
    description: "ECS Exec sessions must be logged and encrypted with a KMS key.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            requireConfiguration: {
                type: "boolean",
                default: false,
                description: "Also report clusters that do not configure executeCommandConfiguration at all.",
            },
        },
    },
    validateResource: validateTypes(ECS_CLUSTER, (props, args, report) => {
        const configuration = props.configuration;
        const exec = isRecord(configuration) ? configuration.executeCommandConfiguration : undefined;
        if (!isRecord(exec)) {
            if (args.getConfig<Config>().requireConfiguration === true) {
                report(
                    "configuration.executeCommandConfiguration is not set; set it with a kmsKeyId and logging to an encrypted " +
                        "CloudWatch log group or S3 bucket so ECS Exec sessions are recorded.",
                );
            }
            return;
        }
        if (exec.logging === "NONE") {
            report('executeCommandConfiguration.logging is "NONE", so ECS Exec sessions are not recorded; set it to "DEFAULT" or "OVERRIDE".');
        } else if (exec.logging === "OVERRIDE") {
            const log = isRecord(exec.logConfiguration) ? exec.logConfiguration : {};
            const toCloudWatch = isNonEmptyString(log.cloudWatchLogGroupName);
            const toS3 = isNonEmptyString(log.s3BucketName);
            if (!toCloudWatch && !toS3) {
                report(
                    'executeCommandConfiguration.logging is "OVERRIDE" but logConfiguration names no destination; ' +
                        "set logConfiguration.cloudWatchLogGroupName or s3BucketName.",
                );
            }
            if (toCloudWatch && log.cloudWatchEncryptionEnabled !== true) {
                report("ECS Exec logs go to CloudWatch without encryption; set logConfiguration.cloudWatchEncryptionEnabled to true.");
            }
            if (toS3 && log.s3BucketEncryptionEnabled !== true) {
                report("ECS Exec logs go to S3 without encryption; set logConfiguration.s3BucketEncryptionEnabled to true.");
            }
        }
        if (!isNonEmptyString(exec.kmsKeyId)) {
            report("executeCommandConfiguration.kmsKeyId is not set; set it to a customer-managed KMS key so ECS Exec session data is encrypted with it.");
        }
    }),
};

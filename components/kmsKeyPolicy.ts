/**
 * The key policy a customer-managed KMS key needs before `kmsKeyArn` can name it. Pure: the README prints
 * it and a test holds the two equal. The stack does not create the key: prod retains its log groups,
 * secrets and repository after `pulumi destroy`, and a key deleted with the stack would leave them
 * unreadable; a key is also shared by the stacks of an account and has its own owner and rotation.
 */
import type { Partition } from "./arn";
import type { PolicyDocument } from "./iamDocuments";

/** Where the key lives: the stack's account and region (CloudWatch Logs uses only keys of its own region). */
export interface KeyPolicyScope {
    readonly accountId: string;
    readonly region: string;
    /** @default "aws" */
    readonly partition?: Partition;
}

/**
 * Four statements:
 * - the account's IAM policies may use the key (AWS's default key policy statement). The deploy role then
 *   needs `kms:DescribeKey` and `kms:CreateGrant` for ECR (which encrypts through grants it creates at
 *   repository creation, "Encryption at rest" in the ECR user guide) and `kms:GenerateDataKey` and
 *   `kms:Decrypt` for Secrets Manager; the execution role gets `kms:Decrypt` from the stack itself.
 * - CloudWatch Logs of this region may use it for this account's log groups only: the
 *   `kms:EncryptionContext:aws:logs:arn` condition, as "Encrypt log data in CloudWatch Logs using AWS KMS"
 *   documents. Without it, creating the container and flow-log groups fails with AccessDeniedException.
 * - CloudWatch alarms and EventBridge rules may use it to publish to the stack's alarm topic, which is
 *   encrypted with the same key: a publisher to an encrypted topic needs `kms:Decrypt` and
 *   `kms:GenerateDataKey*` (knowledge-center articles "Why didn't I receive an SNS notification for my
 *   CloudWatch alarm trigger?" and "Why isn't my Amazon SNS topic receiving EventBridge notifications?").
 *   Without them the alarms and events are dropped silently. No condition: AWS documents none that these
 *   publishers set towards KMS, and a data key alone publishes nothing: the topic policy decides who may
 *   publish, and it names this account's alarms and exactly the stack's rules (`alarmTopicPolicy.ts`).
 */
export function stackKeyPolicy(scope: KeyPolicyScope): PolicyDocument {
    const partition = scope.partition ?? "aws";
    const dnsSuffix = partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "AccountIamPolicies",
                Effect: "Allow",
                Principal: { AWS: `arn:${partition}:iam::${scope.accountId}:root` },
                Action: "kms:*",
                Resource: "*",
            },
            {
                Sid: "CloudWatchLogs",
                Effect: "Allow",
                Principal: { Service: `logs.${scope.region}.${dnsSuffix}` },
                Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                Resource: "*",
                Condition: {
                    ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${scope.region}:${scope.accountId}:log-group:*` },
                },
            },
            {
                Sid: "CloudWatchAlarmsToSns",
                Effect: "Allow",
                Principal: { Service: "cloudwatch.amazonaws.com" },
                Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                Resource: "*",
                // Only for SNS messages of this account and region: the key also protects logs, images and secrets.
                Condition: { StringLike: { "kms:EncryptionContext:aws:sns:topicArn": `arn:${partition}:sns:${scope.region}:${scope.accountId}:*` } },
            },
            {
                Sid: "EventBridgeToSns",
                Effect: "Allow",
                Principal: { Service: "events.amazonaws.com" },
                Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                Resource: "*",
                // Only for SNS messages of this account and region: the key also protects logs, images and secrets.
                Condition: { StringLike: { "kms:EncryptionContext:aws:sns:topicArn": `arn:${partition}:sns:${scope.region}:${scope.accountId}:*` } },
            },
        ],
    };
}

/**
 * The access policy of the stack's alarm topic. Pure: tested without mocks.
 *
 * A topic policy replaces SNS's default one, whose single statement lets any principal of the owning account
 * (`AWS:SourceOwner`) manage and publish; the first statement keeps that for the account's IAM policies. The
 * others let in exactly the services that publish here, each scoped to this account's resources (the
 * confused-deputy guard AWS documents for service principals):
 * - CloudWatch, for the account's alarms in the stack's region ("Using Amazon SNS to send notifications
 *   from CloudWatch alarms", confused-deputy prevention: `aws:SourceArn` of the alarm, `aws:SourceAccount`).
 *   The alarms are scoped by account and region, not by name: they are created after the topic, per service,
 *   and a topic policy naming each would be replaced on every service added.
 * - EventBridge, for exactly the rules that target the topic ("Permissions for Amazon SNS" in the EventBridge
 *   user guide, and the knowledge-center article "Why isn't my Amazon SNS topic receiving EventBridge
 *   notifications?": `events.amazonaws.com` with `aws:SourceArn` of the rule).
 */

/** A statement of an SNS topic policy (conditions may list several values). */
export interface TopicPolicyStatement {
    readonly Sid: string;
    readonly Effect: "Allow";
    readonly Principal: { readonly AWS: string } | { readonly Service: string };
    readonly Action: string | string[];
    readonly Resource: string;
    readonly Condition?: Record<string, Record<string, string | string[]>>;
}

/** An SNS topic policy document. */
export interface TopicPolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: TopicPolicyStatement[];
}

/**
 * The actions SNS's default topic policy grants the owning account (the policy terraform-provider-aws
 * restores when a topic policy is deleted, `defaultTopicPolicy` in internal/service/sns/topic_policy.go).
 */
export const TOPIC_OWNER_ACTIONS = [
    "SNS:GetTopicAttributes",
    "SNS:SetTopicAttributes",
    "SNS:AddPermission",
    "SNS:RemovePermission",
    "SNS:DeleteTopic",
    "SNS:Subscribe",
    "SNS:ListSubscriptionsByTopic",
    "SNS:Publish",
    "SNS:Receive",
];

/** Partition, region and account of an SNS topic ARN (`arn:<partition>:sns:<region>:<account>:<name>`). */
export function topicArnParts(topicArn: string): { partition: string; region: string; accountId: string } {
    const match = /^arn:([a-z-]+):sns:([a-z0-9-]+):(\d{12}):[A-Za-z0-9_-]{1,256}$/.exec(topicArn);
    if (!match) {
        throw new Error(`expected an SNS topic ARN (arn:<partition>:sns:<region>:<account>:<name>), got ${JSON.stringify(topicArn)}`);
    }
    return { partition: match[1], region: match[2], accountId: match[3] };
}

/**
 * The topic's policy: the owning account, CloudWatch alarms of the account and region, and EventBridge for
 * exactly `eventRuleArns` (none: no EventBridge statement, since a `aws:SourceArn` list may not be empty).
 */
export function alarmTopicPolicy(topicArn: string, eventRuleArns: readonly string[]): TopicPolicyDocument {
    const { partition, region, accountId } = topicArnParts(topicArn);
    const statements: TopicPolicyStatement[] = [
        {
            Sid: "OwnerAccount",
            Effect: "Allow",
            Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
            Action: TOPIC_OWNER_ACTIONS,
            Resource: topicArn,
        },
        {
            Sid: "CloudWatchAlarms",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: "SNS:Publish",
            Resource: topicArn,
            Condition: {
                ArnLike: { "aws:SourceArn": `arn:${partition}:cloudwatch:${region}:${accountId}:alarm:*` },
                StringEquals: { "aws:SourceAccount": accountId },
            },
        },
    ];
    if (eventRuleArns.length > 0) {
        statements.push({
            Sid: "EventBridgeRules",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: "SNS:Publish",
            Resource: topicArn,
            // A rule's ARN names its account and region: no aws:SourceAccount needed (the guide's example has none).
            Condition: { ArnEquals: { "aws:SourceArn": [...eventRuleArns] } },
        });
    }
    return { Version: "2012-10-17", Statement: statements };
}

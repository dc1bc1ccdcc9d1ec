import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { describeStatement, parsePolicyDocument, PolicyStatement, principalsOf } from "../lib/iamDocuments";
import { conditionRestrictsPrincipal, publicAccess } from "../lib/principalScope";
import { isRecord } from "../lib/coerce";
import { AWS_TYPES } from "../lib/types";

const TOPIC_POLICY = [AWS_TYPES.snsTopicPolicy];
const TOPIC = [AWS_TYPES.snsTopic];

/**
 * Why an Allow statement lets a service publish for anyone's resources, or undefined. A service principal
 * (`events.amazonaws.com`, `cloudwatch.amazonaws.com`, `s3.amazonaws.com`, …) acts for every account's
 * resources: without `aws:SourceArn`, `aws:SourceAccount` or `aws:SourceOrgID` pinned to specific values,
 * another account's rule or alarm can publish to the topic (the confused deputy).
 */
function unscopedService(s: PolicyStatement): string | undefined {
    if (s.effect !== "Allow") return undefined;
    const services = principalsOf(s.principal).filter(p => p.kind === "Service" && !/[*?]/.test(p.value));
    if (services.length === 0 || conditionRestrictsPrincipal(s.condition, true)) return undefined;
    return `lets ${services.map(p => `"${p.value}"`).join(", ")} act for any account's resources: no aws:SourceArn, aws:SourceAccount or aws:SourceOrgID condition names whose`;
}

/** Plain operators (no `IfExists`, no `ForAllValues:`/`ForAnyValue:`), lower-cased; as `../lib/principalScope` reads them. */
const PLAIN_OPERATORS = new Set(["stringequals", "stringequalsignorecase", "stringlike"]);

/**
 * True when `condition` pins SNS's `aws:SourceOwner` (any letter case) under a plain operator to specific
 * 12-digit account IDs. It is the key of the policy SNS itself gives every new topic (Principal
 * `{"AWS": "*"}`, `StringEquals {"AWS:SourceOwner": "<topic owner's account>"}`; the `__default_policy_ID`
 * document of the provider's `aws.sns.TopicPolicy` example), and a caller outside those accounts does not
 * match it; a key absent from the request fails a plain operator.
 */
function sourceOwnerPinned(condition: unknown): boolean {
    if (!isRecord(condition)) return false;
    return Object.entries(condition).some(
        ([operator, tests]) =>
            PLAIN_OPERATORS.has(operator.toLowerCase()) &&
            isRecord(tests) &&
            Object.entries(tests).some(([key, raw]) => {
                const values: unknown[] = Array.isArray(raw) ? raw : [raw];
                return key.toLowerCase() === "aws:sourceowner" && values.length > 0 && values.every(v => typeof v === "string" && /^\d{12}$/.test(v));
            }),
    );
}

/**
 * Extra (no catalog row; the SNS side of AWS's confused-deputy guidance, "Cross-service confused deputy
 * prevention" in the IAM User Guide, and EventBridge's "Permissions for Amazon SNS"). High.
 *
 * An SNS topic's access policy (`aws.sns.TopicPolicy`, or a Topic's own `policy`) lets no one in at large:
 * no Allow statement with a wildcard principal unless a condition restricts who the caller is
 * (`../lib/principalScope`), no "NotPrincipal" with "Allow", and no service principal without a condition
 * on `aws:SourceArn`, `aws:SourceAccount` or `aws:SourceOrgID` (specific values, plain operators): an
 * EventBridge rule or CloudWatch alarm of another account could otherwise send its notifications, or
 * forged ones, to the topic's subscribers. For SNS, `aws:SourceOwner` pinned to specific 12-digit
 * accounts (`sourceOwnerPinned`) restricts a wildcard principal as an account key does: AWS's own default
 * topic policy is accepted.
 */
export const snsTopicPolicyScoped: ResourceValidationPolicy = {
    name: "sns-topic-policy-scoped",
    description: "SNS topic policies let in only named principals, and services only for named sources.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes([...TOPIC_POLICY, ...TOPIC], (props, args, report) => {
        const document = props.policy;
        if (TOPIC.includes(args.type as never) && (document === undefined || document === null || document === "")) {
            return;
        }
        const parsed = parsePolicyDocument(document);
        if (!parsed.ok) {
            report(`Topic policy of "${args.name}" is not a valid policy document: ${parsed.reason}; fix the policy document.`);
            return;
        }
        for (const s of parsed.statements) {
            const where = describeStatement(s);
            const at = `Topic policy of "${args.name}" ${where.charAt(0).toLowerCase()}${where.slice(1)}`;
            const open = publicAccess(s);
            if (open !== undefined && !(s.notPrincipal === undefined && sourceOwnerPinned(s.condition))) {
                report(`${at} ${open}; name the publishing roles or services in "Principal" instead.`);
                continue;
            }
            const service = unscopedService(s);
            if (service !== undefined) {
                report(`${at} ${service}; add ArnEquals aws:SourceArn with the rules' or alarms' ARNs, or StringEquals aws:SourceAccount with your account.`);
            }
        }
    }),
};

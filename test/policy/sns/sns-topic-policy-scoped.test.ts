import { snsTopicPolicyScoped as policy } from "../../../policy/sns/sns-topic-policy-scoped";
import { fixture } from "../../../harness/fixtures";
import { alarmTopicPolicy } from "../../../components/alarmTopicPolicy";
import { assertViolations, evaluate } from "../baselines/ecs";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const NAME = "sns-topic-policy-scoped";
const TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:web-alarms";
const RULE_ARN = "arn:aws:events:us-east-1:123456789012:rule/web-ecs-deployments";
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const publish = { Action: "SNS:Publish", Resource: TOPIC_ARN };
const topicPolicy = (policyDoc: string) => fixture(AWS_TYPES.snsTopicPolicy, "web-alarms-policy", { arn: TOPIC_ARN, policy: policyDoc });
const check = async (resources: Parameters<typeof evaluate>[1], expected: string[]) => assertViolations(await evaluate(policy, resources), NAME, "mandatory", expected);
const SCOPE = "add ArnEquals aws:SourceArn with the rules' or alarms' ARNs, or StringEquals aws:SourceAccount with your account.";

describe(NAME, () => {
    it("GIVEN the stack's own alarm-topic policy (account, CloudWatch by alarm ARN and account, EventBridge by rule ARN) THEN no violation", async () => {
        const result = await evaluate(policy, [topicPolicy(JSON.stringify(alarmTopicPolicy(TOPIC_ARN, [RULE_ARN])))]);
        assertViolations(result, NAME, "mandatory", []);
    });

    it("GIVEN EventBridge or CloudWatch allowed to publish with no source condition THEN each is reported", async () => {
        const result = await evaluate(policy, [
            topicPolicy(
                doc(
                    { Sid: "Events", Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, ...publish },
                    { Effect: "Allow", Principal: { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com"] }, ...publish, Condition: { Bool: { "aws:SecureTransport": "true" } } },
                ),
            ),
        ]);
        assertViolations(result, NAME, "mandatory", [
            `Topic policy of "web-alarms-policy" statement 1 ("Events") lets "events.amazonaws.com" act for any account's resources: no aws:SourceArn, aws:SourceAccount or aws:SourceOrgID condition names whose; ${SCOPE}`,
            `Topic policy of "web-alarms-policy" statement 2 lets "cloudwatch.amazonaws.com", "events.amazonaws.com" act for any account's resources: no aws:SourceArn, aws:SourceAccount or aws:SourceOrgID condition names whose; ${SCOPE}`,
        ]);
    });

    it("GIVEN a source condition that names no one (a wildcard account, IfExists, a * value) THEN it is still reported", async () => {
        const statement = (Condition: unknown) => ({ Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, ...publish, Condition });
        const result = await evaluate(policy, [
            topicPolicy(
                doc(
                    statement({ ArnLike: { "aws:SourceArn": "arn:aws:events:us-east-1:*:rule/*" } }),
                    statement({ StringEqualsIfExists: { "aws:SourceAccount": "123456789012" } }),
                    statement({ StringLike: { "aws:SourceAccount": "*" } }),
                    statement({ StringEquals: { "aws:SourceAccount": "123456789012" } }),
                    statement({ ArnEquals: { "aws:SourceArn": [RULE_ARN] } }),
                    // Policy variables IAM fills with the request's own value: the key equals itself for anyone.
                    statement({ StringEquals: { "aws:SourceAccount": "${aws:SourceAccount}" } }),
                    statement({ ArnLike: { "aws:SourceArn": "arn:aws:events:us-east-1:${aws:SourceAccount}:rule/*" } }),
                ),
            ),
        ]);
        assertViolations(
            result,
            NAME,
            "mandatory",
            [1, 2, 3, 6, 7].map(n => `Topic policy of "web-alarms-policy" statement ${n} lets "events.amazonaws.com" act for any account's resources: no aws:SourceArn, aws:SourceAccount or aws:SourceOrgID condition names whose; ${SCOPE}`),
        );
    });

    it("GIVEN a Topic's own policy open to everyone, or NotPrincipal THEN reported; a Topic without a policy is not judged", async () => {
        const result = await evaluate(policy, [
            fixture(AWS_TYPES.snsTopic, "open", { policy: doc({ Effect: "Allow", Principal: "*", ...publish }, { Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }, ...publish }) }),
            fixture(AWS_TYPES.snsTopic, "plain", {}),
            fixture(AWS_TYPES.snsTopic, "owner", { policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, ...publish, Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } } }) }),
            fixture(AWS_TYPES.snsTopic, "self", { policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, ...publish, Condition: { StringEquals: { "aws:PrincipalAccount": "${aws:ResourceAccount}" } } }) }),
            fixture(AWS_TYPES.snsTopic, "anyone", { policy: doc({ Effect: "Allow", Principal: "*", ...publish, Condition: { StringEquals: { "aws:PrincipalAccount": "${aws:PrincipalAccount}" } } }) }),
        ]);
        assertViolations(result, NAME, "mandatory", [
            `Topic policy of "open" statement 1 allows any principal ("*"); name the publishing roles or services in "Principal" instead.`,
            `Topic policy of "open" statement 2 uses "NotPrincipal" with "Allow", which lets in every principal not listed; name the publishing roles or services in "Principal" instead.`,
            `Topic policy of "anyone" statement 1 allows any principal ("*"); its condition does not restrict who the principal is; name the publishing roles or services in "Principal" instead.`,
        ]);
    });

    it("GIVEN a policy that is not a document THEN it says so", async () => {
        const result = await evaluate(policy, [topicPolicy(JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Permit", Principal: "*", ...publish }] }))]);
        assertViolations(result, NAME, "mandatory", ['Topic policy of "web-alarms-policy" is not a valid policy document: statement 1 has "Effect" "Permit"; use "Allow" or "Deny"; fix the policy document.']);
    });

    describe("AWS's own default topic policy (AWS:SourceOwner)", () => {
        const ACTIONS = ["SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission", "SNS:RemovePermission", "SNS:DeleteTopic", "SNS:Subscribe", "SNS:ListSubscriptionsByTopic", "SNS:Publish"];
        /** The document SNS gives a new topic (Id "__default_policy_ID"), with `Condition` changed when given. */
        const defaultPolicy = (Condition: unknown = { StringEquals: { "AWS:SourceOwner": "123456789012" } }, Principal: unknown = { AWS: "*" }) =>
            JSON.stringify({
                Version: "2008-10-17",
                Id: "__default_policy_ID",
                Statement: [{ Sid: "__default_statement_ID", Effect: "Allow", Principal, Action: ACTIONS, Resource: TOPIC_ARN, Condition }],
            });
        const open = (given = '{"AWS": "*"}', condition = true) =>
            `Topic policy of "web-alarms-policy" statement 1 ("__default_statement_ID") allows any principal (${given})${condition ? "; its condition does not restrict who the principal is" : ""}; name the publishing roles or services in "Principal" instead.`;

        it("GIVEN the default policy, in any key case, operator or principal spelling THEN no violation (topic policy and topic)", async () => {
            await check([topicPolicy(defaultPolicy())], []);
            await check([topicPolicy(defaultPolicy({ StringEquals: { "aws:sourceowner": ["123456789012", "210987654321"] } }))], []);
            await check([topicPolicy(defaultPolicy({ StringEqualsIgnoreCase: { "Aws:SourceOwner": "123456789012" } }, "*"))], []);
            await check([topicPolicy(defaultPolicy({ StringLike: { "AWS:SourceOwner": "123456789012" } }))], []);
            await check([fixture(AWS_TYPES.snsTopic, "web-alarms", { policy: defaultPolicy() })], []);
        });

        it("GIVEN AWS:SourceOwner that names no one (wildcards, not an account ID, IfExists, ForAnyValue, a negated operator, empty) THEN still reported", async () => {
            const conditions: unknown[] = [
                { StringLike: { "AWS:SourceOwner": "*" } },
                { StringLike: { "AWS:SourceOwner": "1234567890??" } },
                { StringEquals: { "AWS:SourceOwner": "12345678901" } },
                { StringEquals: { "AWS:SourceOwner": " 123456789012" } },
                { StringEquals: { "AWS:SourceOwner": ["123456789012", "*"] } },
                { StringEquals: { "AWS:SourceOwner": [] } },
                { StringEquals: { "AWS:SourceOwner": 123456789012 } },
                { StringEquals: { "AWS:SourceOwner": "${aws:PrincipalAccount}" } }, // a policy variable: every caller's own account
                { StringEquals: { "AWS:SourceOwner": "${aws:SourceOwner}" } },
                { StringEqualsIfExists: { "AWS:SourceOwner": "123456789012" } },
                { "ForAnyValue:StringEquals": { "AWS:SourceOwner": "123456789012" } },
                { StringNotEquals: { "AWS:SourceOwner": "999999999999" } },
                { StringEquals: { "AWS:SourceOwnerX": "123456789012" } },
            ];
            for (const condition of conditions) {
                await check([topicPolicy(defaultPolicy(condition))], [open()]);
            }
        });

        it("GIVEN AWS:SourceOwner with NotPrincipal THEN still reported", async () => {
            const notPrincipal = JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }, ...publish, Condition: { StringEquals: { "AWS:SourceOwner": "123456789012" } } }],
            });
            await check([topicPolicy(notPrincipal)], ['Topic policy of "web-alarms-policy" statement 1 uses "NotPrincipal" with "Allow", which lets in every principal not listed; name the publishing roles or services in "Principal" instead.']);
        });
    });
});

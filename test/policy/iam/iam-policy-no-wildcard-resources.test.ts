import { iamPolicyNoWildcardResources as policy } from "../../../policy/iam/iam-policy-no-wildcard-resources";
import { assertViolations, evaluate, IAM_POLICY, resourceOf, ROLE, ROLE_POLICY } from "../baselines/ecs";

const NAME = "iam-policy-no-wildcard-resources";
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });

describe(NAME, () => {
    it('GIVEN the baselines (ecr:GetAuthorizationToken and cloudwatch:PutMetricData on "*") THEN no violation', async () => {
        const result = await evaluate(policy, [resourceOf(ROLE_POLICY, "exec"), resourceOf(IAM_POLICY, "metrics"), resourceOf(ROLE, "exec")]);
        assertViolations(result, NAME, "advisory", []);
    });

    it('GIVEN scopable actions on "*" THEN they are listed; allow-listed ones and full wildcards are left out', async () => {
        const result = await evaluate(policy, [
            resourceOf(ROLE_POLICY, "exec", {
                policy: doc(
                    { Sid: "Pull", Effect: "Allow", Action: ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource: "*" },
                    { Effect: "Allow", Action: ["ec2:DescribeSubnets", "*"], Resource: ["*"] },
                    { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" },
                ),
            }),
        ]);
        assertViolations(result, NAME, "advisory", [
            'Statement 1 ("Pull") allows "ecr:BatchGetImage" and "ecr:GetDownloadUrlForLayer" on every resource ("*"); scope "Resource" to the ARNs those actions need.',
        ]);
    });

    it("GIVEN NotResource with Allow THEN reported", async () => {
        const result = await evaluate(policy, [resourceOf(IAM_POLICY, "p", { policy: { Statement: [{ Effect: "Allow", Action: "s3:GetObject", NotResource: "arn:aws:s3:::secret/*" }] } })]);
        assertViolations(result, NAME, "advisory", [
            'Statement 1 uses "NotResource" with "Allow", which applies to every resource not listed; list the resource ARNs in "Resource" instead.',
        ]);
    });

    it("GIVEN a custom allowedActions list and production level THEN it replaces the defaults", async () => {
        const role = resourceOf(ROLE, "task", { inlinePolicies: [{ name: "pull", policy: doc({ Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" }) }] });
        const result = await evaluate(policy, [role], { [NAME]: { enforcementLevel: "mandatory", allowedActions: ["xray:*"] } });
        assertViolations(result, NAME, "mandatory", [
            'Inline policy "pull" statement 1 allows "ecr:GetAuthorizationToken" on every resource ("*"); scope "Resource" to the ARNs that action needs.',
        ]);
    });

    describe("evasion: every resource spelled as an ARN pattern", () => {
        for (const resource of ["arn:aws:s3:::*", "arn:aws:s3:::*/*", "arn:*:*", "arn:aws:*:*:*:*", "arn:aws:dynamodb:eu-west-1:*:table/orders", "arn:aws:dynamodb:eu-west-1:123456789012:table/*", "arn:aws:lambda:eu-west-1:123456789012:function:*:*", "arn:aws:logs:eu-west-1:123456789012:log-group:*:*"]) {
            it(`GIVEN ${resource} THEN reported as every resource`, async () => {
                const result = await evaluate(policy, [resourceOf(ROLE_POLICY, "exec", { policy: doc({ Effect: "Allow", Action: "dynamodb:GetItem", Resource: resource }) })]);
                assertViolations(result, NAME, "advisory", [
                    `Statement 1 allows "dynamodb:GetItem" on every resource ("${resource}"); scope "Resource" to the ARNs that action needs.`,
                ]);
            });
        }

        it("GIVEN one bucket's objects or one table THEN not reported", async () => {
            const result = await evaluate(policy, [
                resourceOf(ROLE_POLICY, "exec", {
                    policy: doc({ Effect: "Allow", Action: ["s3:GetObject", "dynamodb:GetItem"], Resource: ["arn:aws:s3:::uploads/*", "arn:aws:dynamodb:eu-west-1:123456789012:table/orders"] }),
                }),
            ]);
            assertViolations(result, NAME, "advisory", []);
        });
    });
});

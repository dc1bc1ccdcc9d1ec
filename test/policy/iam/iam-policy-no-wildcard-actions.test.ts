import * as assert from "node:assert/strict";
import { iamPolicyNoWildcardActions as policy } from "../../../policy/iam/iam-policy-no-wildcard-actions";
import { fixture } from "../../../harness/fixtures";
import { assertViolations, evaluate, IAM_POLICY, resourceOf, ROLE, ROLE_POLICY } from "../baselines/ecs";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const NAME = "iam-policy-no-wildcard-actions";
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });

describe(NAME, () => {
    it("GIVEN the baselines (RolePolicy JSON, Policy object, Role without inline policies) THEN no violation", async () => {
        const result = await evaluate(policy, [resourceOf(ROLE_POLICY, "exec"), resourceOf(IAM_POLICY, "metrics"), resourceOf(ROLE, "exec")]);
        assertViolations(result, NAME, "mandatory", []);
    });

    it('GIVEN "*" on "*" THEN reported as administrator access', async () => {
        const result = await evaluate(policy, [resourceOf(ROLE_POLICY, "exec", { policy: doc({ Sid: "Admin", Effect: "Allow", Action: "*", Resource: "*" }) })]);
        assertViolations(result, NAME, "mandatory", [
            'Statement 1 ("Admin") allows every action ("*") on every resource ("*"), which is full administrator access; list only the actions and resources the workload needs.',
        ]);
    });

    it('GIVEN "*:*" on a scoped resource, in an aws.iam.Policy object document THEN reported as every action', async () => {
        const policyDoc = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "*:*"], Resource: ["arn:aws:s3:::b/*"] }] };
        const result = await evaluate(policy, [resourceOf(IAM_POLICY, "p", { policy: policyDoc })]);
        assertViolations(result, NAME, "mandatory", ['Statement 1 allows every action ("*:*"); list only the actions the workload needs.']);
    });

    it("GIVEN service-wide and service-prefix wildcards THEN one violation per action", async () => {
        const result = await evaluate(policy, [resourceOf(ROLE_POLICY, "exec", { policy: doc({ Effect: "Allow", Action: ["s3:*", "SQS:*", "*:Get*", "ecr:Batch*"], Resource: "*" }) })]);
        assertViolations(result, NAME, "mandatory", [
            'Statement 1 allows every "s3" action ("s3:*"); list the specific s3 actions needed.',
            'Statement 1 allows every "SQS" action ("SQS:*"); list the specific SQS actions needed.',
            'Statement 1 allows "*:Get*", which matches actions of every service; name the service and the actions needed.',
        ]);
    });

    it("GIVEN allowedServiceWildcards THEN those service wildcards pass (case-insensitive)", async () => {
        const result = await evaluate(policy, [resourceOf(ROLE_POLICY, "exec", { policy: doc({ Effect: "Allow", Action: "XRay:*", Resource: "*" }) })], {
            [NAME]: { allowedServiceWildcards: ["xray:*"] },
        });
        assertViolations(result, NAME, "mandatory", []);
    });

    it("GIVEN NotAction with Allow THEN reported; Deny statements with wildcards are fine", async () => {
        const result = await evaluate(policy, [
            resourceOf(ROLE_POLICY, "exec", { policy: doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }, { Effect: "Deny", Action: "*", Resource: "*" }) }),
        ]);
        assertViolations(result, NAME, "mandatory", [
            'Statement 1 uses "NotAction" with "Allow", which allows every action not listed; list the allowed actions in "Action" instead.',
        ]);
    });

    it("GIVEN a Role's inline policies THEN each is checked and named", async () => {
        const role = resourceOf(ROLE, "exec", {
            inlinePolicies: [
                { name: "ok", policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }) },
                { name: "admin", policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) },
                { policy: "{" },
                {},
            ],
        });
        const result = await evaluate(policy, [role]);
        assert.equal(result.diagnostics.length, 2);
        assert.ok(result.diagnostics.every(d => d.policyName === NAME && d.enforcementLevel === "mandatory"));
        assert.equal(
            result.diagnostics[0].detail,
            'Inline policy "admin" statement 1 allows every action ("*") on every resource ("*"), which is full administrator access; list only the actions and resources the workload needs.',
        );
        assert.match(
            result.diagnostics[1].detail,
            /^Inline policy #3 is not a valid IAM policy document: it is not valid JSON \(.+\); fix it so its permissions can be checked\.$/,
        );
    });

    it("GIVEN a malformed document THEN it is reported as not checkable", async () => {
        const result = await evaluate(policy, [resourceOf(ROLE_POLICY, "exec", { policy: doc({ Effect: "Permit", Action: "*" }) })]);
        assertViolations(result, NAME, "mandatory", [
            'policy is not a valid IAM policy document: statement 1 has "Effect" "Permit"; use "Allow" or "Deny"; fix it so its permissions can be checked.',
        ]);
    });

    describe("evasion: breadth spelled without a bare *", () => {
        const FIX = 'so name the actions needed without them, or scope "Resource" to the exact ARNs (e.g. the one role to pass).';
        const one = (Action: unknown, Resource: unknown) => resourceOf(ROLE_POLICY, "exec", { policy: doc({ Effect: "Allow", Action, Resource }) });

        it('GIVEN "i?m:*" and "*:*" THEN reported as service and full wildcards', async () => {
            const result = await evaluate(policy, [one(["i?m:*"], "*")]);
            assertViolations(result, NAME, "mandatory", ['Statement 1 allows "i?m:*", which matches actions of every service; name the service and the actions needed.']);
        });

        const escalations: [string, unknown, unknown, string][] = [
            ['"iam:PassRole" on every role of the account', "iam:PassRole", "arn:aws:iam::123456789012:role/*", '"iam:PassRole" on "arn:aws:iam::123456789012:role/*"; that action lets'],
            ['"iam:Pass*" on "*"', "iam:Pass*", "*", '"iam:PassRole" on "*"; that action lets'],
            ['"iam:?reatePolicyVersion" on "arn:*:*"', "iam:?reatePolicyVersion", "arn:*:*", '"iam:CreatePolicyVersion" on "arn:*:*"; that action lets'],
            ['"IAM:attachrolepolicy" (any case) on a wildcard-account ARN', "IAM:attachrolepolicy", "arn:aws:iam::*:role/web", '"iam:AttachRolePolicy" on "arn:aws:iam::*:role/web"; that action lets'],
            ['"sts:AssumeRole" on "*"', "sts:AssumeRole", "*", '"sts:AssumeRole" on "*"; that action lets'],
            ['"lambda:Update*" on every function', "lambda:Update*", "arn:aws:lambda:eu-west-1:123456789012:function:*", '"lambda:UpdateFunctionCode" and "lambda:UpdateFunctionConfiguration" on "arn:aws:lambda:eu-west-1:123456789012:function:*"; those actions let'],
        ];
        for (const [label, action, resource, expected] of escalations) {
            it(`GIVEN ${label} THEN reported as privilege escalation`, async () => {
                const result = await evaluate(policy, [one(action, resource)]);
                assertViolations(result, NAME, "mandatory", [`Statement 1 allows ${expected} the holder raise its own privileges, ${FIX}`]);
            });
        }

        it("GIVEN an escalation action on every resource outside NotResource THEN reported", async () => {
            const result = await evaluate(policy, [resourceOf(ROLE_POLICY, "exec", { policy: doc({ Effect: "Allow", Action: "iam:PassRole", NotResource: "arn:aws:iam::123456789012:role/admin" }) })]);
            assertViolations(result, NAME, "mandatory", [`Statement 1 allows "iam:PassRole" on every resource not in "NotResource"; that action lets the holder raise its own privileges, ${FIX}`]);
        });

        describe("iam:PassRole on a narrow-looking wildcard", () => {
            const ACCOUNT = "arn:aws:iam::123456789012:";
            const passFinding = (resources: string) =>
                `Statement 1 allows "iam:PassRole" on ${resources}, a wildcard that also matches every role created later under such a name (a "Condition" on iam:PassedToService limits only the service); list the exact ARN of each role to pass.`;
            const variants: [string, Record<string, unknown>, string[]][] = [
                ["a name prefix (role/a*)", { Action: "iam:PassRole", Resource: `${ACCOUNT}role/a*` }, [passFinding(`"${ACCOUNT}role/a*"`)]],
                ["a name suffix (role/*-task)", { Action: "iam:PassRole", Resource: `${ACCOUNT}role/*-task` }, [passFinding(`"${ACCOUNT}role/*-task"`)]],
                ["role/ecs* next to an exact role", { Action: "iam:PassRole", Resource: [`${ACCOUNT}role/web-task`, `${ACCOUNT}role/ecs*`] }, [passFinding(`"${ACCOUNT}role/ecs*"`)]],
                ["a one-character wildcard (role/web-tas?)", { Action: "iam:PassRole", Resource: `${ACCOUNT}role/web-tas?` }, [passFinding(`"${ACCOUNT}role/web-tas?"`)]],
                ["a wildcard path (role/service/*/web)", { Action: "iam:PassRole", Resource: `${ACCOUNT}role/service/*/web` }, [passFinding(`"${ACCOUNT}role/service/*/web"`)]],
                ["a policy variable (role/${aws:username})", { Action: "iam:PassRole", Resource: `${ACCOUNT}role/\${aws:username}` }, [passFinding(`"${ACCOUNT}role/\${aws:username}"`)]],
                // The role's own account for every role: the same name in any account.
                ["the role's own account (${aws:ResourceAccount})", { Action: "iam:PassRole", Resource: "arn:aws:iam::${aws:ResourceAccount}:role/admin" }, [passFinding('"arn:aws:iam::${aws:ResourceAccount}:role/admin"')]],
                ["a wildcard resource type (*/web-task)", { Action: "iam:PassRole", Resource: `${ACCOUNT}*/web-task` }, [passFinding(`"${ACCOUNT}*/web-task"`)]],
                ["a partial type (ro*)", { Action: "iam:PassRole", Resource: `${ACCOUNT}ro*` }, [passFinding(`"${ACCOUNT}ro*"`)]],
                ["iam:PassedToService as the only limit", { Action: "iam:PassRole", Resource: `${ACCOUNT}role/app-*`, Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } } }, [passFinding(`"${ACCOUNT}role/app-*"`)]],
                ['"iam:Pass*"', { Action: "iam:Pass*", Resource: `${ACCOUNT}role/a*` }, [passFinding(`"${ACCOUNT}role/a*"`)]],
                ['"IAM:passrole" in any case', { Action: "IAM:passrole", Resource: `${ACCOUNT}role/a*` }, [passFinding(`"${ACCOUNT}role/a*"`)]],
                [
                    '"iam:*" allow-listed as a service wildcard',
                    { Action: "iam:*", Resource: `${ACCOUNT}role/a*` },
                    [passFinding(`"${ACCOUNT}role/a*"`)],
                ],
                ['"*"', { Action: "*", Resource: `${ACCOUNT}role/*-task` }, ['Statement 1 allows every action ("*"); list only the actions the workload needs.', passFinding(`"${ACCOUNT}role/*-task"`)]],
            ];
            for (const [label, statement, expected] of variants) {
                it(`GIVEN iam:PassRole on ${label} THEN reported`, async () => {
                    const config = label.includes("allow-listed") ? { [NAME]: { allowedServiceWildcards: ["iam:*"] } } : undefined;
                    const result = await evaluate(policy, [resourceOf(ROLE_POLICY, "exec", { policy: doc({ Effect: "Allow", ...statement }) })], config);
                    assertViolations(result, NAME, "mandatory", expected);
                });
            }

            it("GIVEN NotResource naming one role with iam:Pass* THEN reported as every resource not listed", async () => {
                const result = await evaluate(policy, [resourceOf(ROLE_POLICY, "exec", { policy: doc({ Effect: "Allow", Action: "iam:Pass*", NotResource: `${ACCOUNT}role/admin` }) })]);
                assertViolations(result, NAME, "mandatory", [`Statement 1 allows "iam:PassRole" on every resource not in "NotResource"; that action lets the holder raise its own privileges, ${FIX}`]);
            });

            it("GIVEN wildcards that cannot name a role (users, other services) or a Deny THEN not reported", async () => {
                const result = await evaluate(policy, [
                    resourceOf(ROLE_POLICY, "exec", {
                        policy: doc(
                            { Effect: "Allow", Action: "iam:PassRole", Resource: [`${ACCOUNT}role/web-task`, `${ACCOUNT}user/a*`, "arn:aws:s3:::uploads/*", "arn:aws:iam::123456789012:role/web-exec"] },
                            // The caller's own account, filled in by IAM: one role, as a literal account would be.
                            { Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::${aws:PrincipalAccount}:role/web-task" },
                            { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::uploads/*" },
                            { Effect: "Allow", Action: "iam:GetRole", Resource: `${ACCOUNT}role/a*` },
                            { Effect: "Deny", Action: "iam:PassRole", Resource: `${ACCOUNT}role/admin*` },
                        ),
                    }),
                ]);
                assertViolations(result, NAME, "mandatory", []);
            });
        });

        it("GIVEN iam:PassRole on the one role to pass, and s3:Put* on one bucket's objects THEN not reported", async () => {
            const result = await evaluate(policy, [
                resourceOf(ROLE_POLICY, "exec", {
                    policy: doc(
                        { Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::123456789012:role/web-task" },
                        { Effect: "Allow", Action: "s3:Put*", Resource: "arn:aws:s3:::uploads/*" },
                    ),
                }),
            ]);
            assertViolations(result, NAME, "mandatory", []);
        });

        it("GIVEN the same documents as a UserPolicy and a GroupPolicy THEN checked too", async () => {
            const policyDoc = doc({ Effect: "Allow", Action: "*", Resource: "*" });
            const result = await evaluate(policy, [
                fixture(AWS_TYPES.iamUserPolicy, "ci", { user: "ci", policy: policyDoc }),
                fixture(AWS_TYPES.iamGroupPolicy, "ops", { group: "ops", policy: policyDoc }),
            ]);
            assert.equal(result.diagnostics.length, 2);
            assert.ok(result.diagnostics.every(d => d.detail.includes("full administrator access")));
        });
    });
});

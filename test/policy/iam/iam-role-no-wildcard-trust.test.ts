import * as assert from "node:assert/strict";
import { iamRoleNoWildcardTrust as policy } from "../../../policy/iam/iam-role-no-wildcard-trust";
import { assertViolations, evaluate, resourceOf, ROLE } from "../baselines/ecs";

const NAME = "iam-role-no-wildcard-trust";
const trust = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const FIX = 'so any AWS account can assume the role; name in "Principal" the service (e.g. "ecs-tasks.amazonaws.com") or the account or role that needs it.';

describe(NAME, () => {
    it("GIVEN the baseline (ecs-tasks) and an account principal THEN no violation", async () => {
        const account = resourceOf(ROLE, "ci", { assumeRolePolicy: trust({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }) });
        assertViolations(await evaluate(policy, [resourceOf(ROLE, "exec"), account]), NAME, "mandatory", []);
    });

    it('GIVEN "*" bare, as AWS principal or in a list, without conditions THEN one violation each', async () => {
        const role = resourceOf(ROLE, "open", {
            assumeRolePolicy: trust(
                { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" },
                { Sid: "Any", Effect: "Allow", Principal: { AWS: ["arn:aws:iam::123456789012:root", "*"] }, Action: "sts:AssumeRole" },
            ),
        });
        assertViolations(await evaluate(policy, [role]), NAME, "mandatory", [
            `Trust policy statement 1 allows any principal ("*"), ${FIX}`,
            `Trust policy statement 2 ("Any") allows any principal ({"AWS": "*"}), ${FIX}`,
        ]);
    });

    it("GIVEN the assumeRolePolicy as an object document THEN checked the same", async () => {
        const role = resourceOf(ROLE, "open", { assumeRolePolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "*" }, Action: "sts:AssumeRole" }] } });
        assertViolations(await evaluate(policy, [role]), NAME, "mandatory", [`Trust policy statement 1 allows any principal ({"Service": "*"}), ${FIX}`]);
    });

    it('GIVEN "*" restricted by a condition, or in a Deny THEN no violation', async () => {
        const role = resourceOf(ROLE, "org", {
            assumeRolePolicy: trust(
                { Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-123" } } },
                { Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" },
            ),
        });
        assertViolations(await evaluate(policy, [role]), NAME, "mandatory", []);
    });

    it("GIVEN NotPrincipal with Allow THEN reported", async () => {
        const role = resourceOf(ROLE, "x", { assumeRolePolicy: trust({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::1:root" }, Action: "sts:AssumeRole" }) });
        assertViolations(await evaluate(policy, [role]), NAME, "mandatory", [
            `Trust policy statement 1 uses "NotPrincipal" with "Allow", which lets in every principal not listed, ${FIX}`,
        ]);
    });

    it("GIVEN a trust policy that is not JSON THEN reported", async () => {
        const result = await evaluate(policy, [resourceOf(ROLE, "x", { assumeRolePolicy: "{" })]);
        assert.equal(result.diagnostics.length, 1);
        assert.match(result.diagnostics[0].detail, /^assumeRolePolicy is not a valid IAM policy document: it is not valid JSON \(.+\); fix it so the role's trust can be checked\.$/);
    });

    describe("evasion: wildcard principals excused by conditions that do not restrict who", () => {
        const open = (Principal: unknown, Condition?: unknown) =>
            resourceOf(ROLE, "open", { assumeRolePolicy: trust({ Effect: "Allow", Principal, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) }) });
        const notWho: [string, unknown, unknown][] = [
            ["a source-IP condition", "*", { IpAddress: { "aws:SourceIp": "203.0.113.0/24" } }],
            ["a Bool condition on MFA", { AWS: "*" }, { Bool: { "aws:MultiFactorAuthPresent": "true" } }],
            ["StringLike aws:PrincipalArn with only *", { AWS: "*" }, { StringLike: { "aws:PrincipalArn": "*" } }],
            ["ArnLike aws:PrincipalArn with a wildcard account", { AWS: "*" }, { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/deploy" } }],
            ["StringEqualsIfExists aws:PrincipalOrgID", { AWS: "*" }, { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-123" } }],
            ["ForAllValues:StringEquals aws:PrincipalAccount (true when the key is absent)", { AWS: "*" }, { "ForAllValues:StringEquals": { "aws:PrincipalAccount": "123456789012" } }],
            ["a Null check on aws:PrincipalOrgID", { AWS: "*" }, { Null: { "aws:PrincipalOrgID": "false" } }],
            ["StringNotEquals aws:PrincipalAccount", { AWS: "*" }, { StringNotEquals: { "aws:PrincipalAccount": "999999999999" } }],
            ["aws:SourceAccount on an AWS principal", { AWS: "*" }, { StringEquals: { "aws:SourceAccount": "123456789012" } }],
            ["a list where one value is *", { AWS: "*" }, { StringLike: { "aws:PrincipalAccount": ["123456789012", "*"] } }],
            // Policy variables IAM replaces with the caller's own value: a key compared with itself names no one.
            ["aws:PrincipalAccount equal to ${aws:PrincipalAccount}", { AWS: "*" }, { StringEquals: { "aws:PrincipalAccount": "${aws:PrincipalAccount}" } }],
            ["aws:PrincipalOrgID equal to ${aws:PrincipalOrgID}", { AWS: "*" }, { StringEquals: { "aws:PrincipalOrgID": "${aws:PrincipalOrgID}" } }],
            ["aws:PrincipalArn in the account ${aws:PrincipalAccount}", { AWS: "*" }, { StringLike: { "aws:PrincipalArn": "arn:aws:iam::${aws:PrincipalAccount}:*" } }],
            ["aws:PrincipalAccount equal to ${AWS:principalaccount} in another case", { AWS: "*" }, { StringEquals: { "aws:PrincipalAccount": "${AWS:principalaccount}" } }],
            ["aws:SourceAccount equal to ${aws:SourceAccount} on a service principal", { Service: "*" }, { StringEquals: { "aws:SourceAccount": "${aws:SourceAccount}" } }],
        ];
        for (const [label, principal, condition] of notWho) {
            it(`GIVEN ${label} THEN still reported, and the message does not suggest a condition`, async () => {
                const result = await evaluate(policy, [open(principal, condition)]);
                assert.equal(result.diagnostics.length, 1);
                assert.match(result.diagnostics[0].detail, /allows any principal .*; its condition does not restrict who the principal is, so any AWS account/);
                assert.doesNotMatch(result.diagnostics[0].detail, /add a condition|with a condition|Condition such as/i);
            });
        }

        it('GIVEN {"AWS": "arn:aws:iam::*:root"} THEN reported as any principal', async () => {
            assertViolations(await evaluate(policy, [open({ AWS: "arn:aws:iam::*:root" })]), NAME, "mandatory", [
                `Trust policy statement 1 allows any principal ({"AWS": "arn:aws:iam::*:root"}), ${FIX}`,
            ]);
        });

        const who: [string, unknown, unknown][] = [
            ["StringEquals aws:PrincipalAccount", { AWS: "*" }, { StringEquals: { "aws:PrincipalAccount": "123456789012" } }],
            ["ArnLike aws:PrincipalArn in one account", { AWS: "*" }, { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/ci-*" } }],
            ["stringequals (any case) aws:principalorgid", { AWS: "*" }, { stringequals: { "aws:principalorgid": ["o-123"] } }],
            ["aws:SourceArn on a service principal", { Service: "*" }, { ArnEquals: { "aws:SourceArn": "arn:aws:ecs:eu-west-1:123456789012:cluster/web" } }],
            // The resource's own account or organization: one identity, whoever asks.
            ["aws:PrincipalAccount equal to ${aws:ResourceAccount}", { AWS: "*" }, { StringEquals: { "aws:PrincipalAccount": "${aws:ResourceAccount}" } }],
            ["aws:PrincipalArn in the account ${aws:ResourceAccount}", { AWS: "*" }, { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::${aws:ResourceAccount}:role/ci-*" } }],
            ["aws:PrincipalOrgID equal to ${aws:ResourceOrgID}", { AWS: "*" }, { StringEquals: { "aws:PrincipalOrgID": "${aws:ResourceOrgID}" } }],
        ];
        for (const [label, principal, condition] of who) {
            it(`GIVEN ${label} THEN not reported`, async () => {
                assertViolations(await evaluate(policy, [open(principal, condition)]), NAME, "mandatory", []);
            });
        }
    });

    describe("evasion: a shared identity provider trusted without pinning whose identity", () => {
        const GITHUB = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
        const federated = (Federated: string, Condition?: unknown) =>
            resourceOf(ROLE, "ci", {
                assumeRolePolicy: trust({ Effect: "Allow", Principal: { Federated }, Action: "sts:AssumeRoleWithWebIdentity", ...(Condition ? { Condition } : {}) }),
            });
        const GITHUB_FIX =
            `Trust policy statement 1 trusts the identity provider "${GITHUB}" without pinning "token.actions.githubusercontent.com:sub" (StringEquals or StringLike, specific values), ` +
            `so any GitHub Actions workflow of any repository can assume the role; pin "token.actions.githubusercontent.com:sub" to your own repositories ("repo:<owner>/<repository>:…").`;

        for (const [what, condition] of [
            ["no condition", undefined],
            ["only the audience pinned", { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } }],
            ["a sub of any owner", { StringLike: { "token.actions.githubusercontent.com:sub": "repo:*" } }],
            ["a sub with a wildcard owner", { StringLike: { "token.actions.githubusercontent.com:sub": ["repo:acme/app:*", "repo:*/app:*"] } }],
            ["a sub under a negated operator", { StringNotLike: { "token.actions.githubusercontent.com:sub": "repo:evil/*" } }],
            ["a sub under IfExists", { StringLikeIfExists: { "token.actions.githubusercontent.com:sub": "repo:acme/*" } }],
        ] as const) {
            it(`GIVEN GitHub's OIDC provider with ${what} THEN reported`, async () => {
                assertViolations(await evaluate(policy, [federated(GITHUB, condition)]), NAME, "mandatory", [GITHUB_FIX]);
            });
        }

        it("GIVEN Cognito identity without an audience condition THEN reported; with one, or GitHub pinned to an owner THEN not", async () => {
            const result = await evaluate(policy, [federated("cognito-identity.amazonaws.com", { "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } })]);
            assert.equal(result.diagnostics.length, 1);
            assert.match(result.diagnostics[0].detail, /any Cognito identity pool of any AWS account can assume the role; pin "cognito-identity.amazonaws.com:aud"/);
            assertViolations(
                await evaluate(policy, [
                    federated("cognito-identity.amazonaws.com", { StringEquals: { "cognito-identity.amazonaws.com:aud": "eu-west-1:0a1b2c3d-1111-2222-3333-444455556666" } }),
                    federated(GITHUB, { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }, StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/main" } }),
                    federated("arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"),
                ]),
                NAME,
                "mandatory",
                [],
            );
        });
    });
});

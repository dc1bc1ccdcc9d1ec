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
        ];
        for (const [label, principal, condition] of who) {
            it(`GIVEN ${label} THEN not reported`, async () => {
                assertViolations(await evaluate(policy, [open(principal, condition)]), NAME, "mandatory", []);
            });
        }
    });
});

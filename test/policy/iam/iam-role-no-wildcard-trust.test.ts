import * as assert from "node:assert/strict";
import { iamRoleNoWildcardTrust as policy } from "../../../policy/iam/iam-role-no-wildcard-trust";
import { assertViolations, evaluate, resourceOf, ROLE } from "../baselines/ecs";

const NAME = "iam-role-no-wildcard-trust";
const trust = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const FIX = 'name the service (e.g. "ecs-tasks.amazonaws.com") or account that needs it, or restrict it with a condition.';

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
            `Trust policy statement 1 lets any principal ("*") assume the role; ${FIX}`,
            `Trust policy statement 2 ("Any") lets any principal ({"AWS": "*"}) assume the role; ${FIX}`,
        ]);
    });

    it("GIVEN the assumeRolePolicy as an object document THEN checked the same", async () => {
        const role = resourceOf(ROLE, "open", { assumeRolePolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "*" }, Action: "sts:AssumeRole" }] } });
        assertViolations(await evaluate(policy, [role]), NAME, "mandatory", [`Trust policy statement 1 lets any principal ({"Service": "*"}) assume the role; ${FIX}`]);
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
            'Trust policy statement 1 uses "NotPrincipal" with "Allow", which lets everyone not listed assume the role; name the trusted principals in "Principal".',
        ]);
    });

    it("GIVEN a trust policy that is not JSON THEN reported", async () => {
        const result = await evaluate(policy, [resourceOf(ROLE, "x", { assumeRolePolicy: "{" })]);
        assert.equal(result.diagnostics.length, 1);
        assert.match(result.diagnostics[0].detail, /^assumeRolePolicy is not a valid IAM policy document: it is not valid JSON \(.+\); fix it so the role's trust can be checked\.$/);
    });
});

import * as assert from "node:assert/strict";
import { fixture } from "../../../harness/fixtures";
import { UNKNOWN } from "../../../harness/serialisation";
import { iamRoleServicePolicyTrust as policy } from "../../../policy/iam/iam-role-service-policy-trust";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";
import { ACCOUNT, assertViolations, evaluate, resourceOf, ROLE, ROLE_POLICY_ATTACHMENT } from "../baselines/ecs";

const NAME = "iam-role-service-policy-trust";
const LB_POLICY = "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";
const TLS_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity";
const trust = (...principals: Record<string, unknown>[]) =>
    JSON.stringify({ Version: "2012-10-17", Statement: principals.map(Principal => ({ Effect: "Allow", Principal, Action: "sts:AssumeRole" })) });
const ECS = { Service: "ecs.amazonaws.com" };

const role = (assumeRolePolicy: string) =>
    resourceOf(ROLE, "web-ecs-infrastructure", { name: "web-ecs-infrastructure", assumeRolePolicy }, { arn: `arn:aws:iam::${ACCOUNT}:role/web-ecs-infrastructure`, id: "web-ecs-infrastructure" });
const attachment = (policyArn: string, roleRef: unknown = "web-ecs-infrastructure") => resourceOf(ROLE_POLICY_ATTACHMENT, "web-ecs-infrastructure-lb", { role: roleRef, policyArn });

describe(NAME, () => {
    it("GIVEN the load-balancer and Service Connect TLS policies on roles only ecs.amazonaws.com can assume (by name or ARN) THEN no violation", async () => {
        assertViolations(await evaluate(policy, [role(trust(ECS)), attachment(LB_POLICY)]), NAME, "mandatory", []);
        assertViolations(await evaluate(policy, [role(trust(ECS)), attachment(TLS_POLICY, `arn:aws:iam::${ACCOUNT}:role/web-ecs-infrastructure`)]), NAME, "mandatory", []);
        assertViolations(await evaluate(policy, [role(trust(ECS)), fixture(AWS_TYPES.iamRolePolicyAttachmentsExclusive, "x", { roleName: "web-ecs-infrastructure", policyArns: [LB_POLICY] })]), NAME, "mandatory", []);
    });

    it("GIVEN the policy on a role another principal can also assume, or ECS cannot THEN reported on the attachment", async () => {
        const cases: [string, string][] = [
            [trust(ECS, { Service: "ecs-tasks.amazonaws.com" }), 'its trust policy also lets Service principal "ecs-tasks.amazonaws.com" assume it'],
            [trust(ECS, { AWS: `arn:aws:iam::${ACCOUNT}:root` }), `its trust policy also lets AWS principal "arn:aws:iam::${ACCOUNT}:root" assume it`],
            [trust({ Service: "lambda.amazonaws.com" }), 'its trust policy does not let "ecs.amazonaws.com" assume it'],
        ];
        for (const [assumeRolePolicy, problem] of cases) {
            const a = attachment(LB_POLICY);
            const result = await evaluate(policy, [role(assumeRolePolicy), a]);
            assertViolations(result, NAME, "mandatory", [
                `"web-ecs-infrastructure-lb" attaches "AmazonECSInfrastructureRolePolicyForLoadBalancers" (made for the role "ecs.amazonaws.com" assumes) to role "web-ecs-infrastructure", but ${problem}; trust only the service principal "ecs.amazonaws.com".`,
            ]);
            assert.equal(result.diagnostics[0].urn, a.urn);
        }
    });

    it("GIVEN a PolicyAttachment naming the role among others THEN each role is judged", async () => {
        const other = resourceOf(ROLE, "ops", { name: "ops", assumeRolePolicy: trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` }) }, { id: "ops" });
        const result = await evaluate(policy, [role(trust(ECS)), other, fixture(AWS_TYPES.iamPolicyAttachment, "lb", { policyArn: LB_POLICY, roles: ["web-ecs-infrastructure", "ops"] })]);
        assertViolations(result, NAME, "mandatory", [
            `"lb" attaches "AmazonECSInfrastructureRolePolicyForLoadBalancers" (made for the role "ecs.amazonaws.com" assumes) to role "ops", but its trust policy does not let "ecs.amazonaws.com" assume it; trust only the service principal "ecs.amazonaws.com".`,
        ]);
    });

    it("GIVEN a role outside the stack THEN reported: its trust cannot be checked", async () => {
        assertViolations(await evaluate(policy, [attachment(LB_POLICY, "somebody-elses-role")]), NAME, "mandatory", [
            `"web-ecs-infrastructure-lb" attaches "AmazonECSInfrastructureRolePolicyForLoadBalancers" (made for the role "ecs.amazonaws.com" assumes) to role "somebody-elses-role", which is not in this stack, so who can assume it cannot be checked; create that role in this stack, trusting only "ecs.amazonaws.com".`,
        ]);
    });

    it("GIVEN other managed policies THEN not this policy's concern", async () => {
        assertViolations(await evaluate(policy, [role(trust({ AWS: "*" })), attachment("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly")]), NAME, "mandatory", []);
    });

    it("GIVEN the role reference not known yet THEN the role the attachment depends on is judged; none THEN nothing is guessed", async () => {
        const r = role(trust(ECS, { Service: "ecs-tasks.amazonaws.com" }));
        const pending = { ...attachment(LB_POLICY, UNKNOWN), propertyDependencies: { role: [r.urn] } };
        const result = await evaluate(policy, [r, pending]);
        assert.equal(result.diagnostics.length, 1);
        assert.match(result.diagnostics[0].detail, /also lets Service principal "ecs-tasks.amazonaws.com" assume it/);
        const unresolved = await evaluate(policy, [r, attachment(LB_POLICY, UNKNOWN)]);
        assert.equal(unresolved.diagnostics.length, 1);
        assert.match(unresolved.diagnostics[0].message, /can't run policy/);
    });
});

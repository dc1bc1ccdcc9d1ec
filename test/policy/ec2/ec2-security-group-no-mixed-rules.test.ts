import * as assert from "node:assert/strict";
import { ec2SecurityGroupNoMixedRules as policy } from "../../../policy/ec2/ec2-security-group-no-mixed-rules";
import { UNKNOWN } from "../../../harness/serialisation";
import { baseline, evaluate, expectDetails } from "../lb/kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const SG = AWS_TYPES.ec2SecurityGroup;
const RULE = AWS_TYPES.ec2SecurityGroupRule;
const IN = AWS_TYPES.vpcSecurityGroupIngressRule;
const EG = AWS_TYPES.vpcSecurityGroupEgressRule;
const message = (rule: string, group: string) =>
    `Rule "${rule}" adds to security group "${group}", which also declares inline ingress/egress rules; ` +
    `move all of "${group}"'s rules to standalone rule resources (or all inline) so they stop overwriting each other.`;

describe("ec2-security-group-no-mixed-rules (catalog #35, stack)", () => {
    it("GIVEN a group with only standalone rules (the program's shape) THEN nothing is reported", async () => {
        await expectDetails(policy, [
            baseline(SG, "alb", { ingress: undefined, egress: undefined }),
            baseline(IN, "http", { securityGroupId: "alb-id" }),
            baseline(EG, "out", { securityGroupId: "alb-id" }),
        ], []);
    });

    it("GIVEN a group with only inline rules THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(SG, "alb"), baseline(IN, "http")], []);
    });

    it("GIVEN inline rules plus standalone rules of every form on the same group THEN each rule is reported against its own urn", async () => {
        const result = await expectDetails(policy, [
            baseline(SG, "alb"),
            baseline(IN, "http", { securityGroupId: "alb-id" }),
            baseline(EG, "out", { securityGroupId: "alb-id" }),
            baseline(RULE, "legacy", { securityGroupId: "alb-id" }),
        ], [message("http", "alb"), message("out", "alb"), message("legacy", "alb")]);
        assert.equal(result.diagnostics[0].urn, "urn:pulumi:test::fixtures::aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::http");
        assert.equal(result.diagnostics[0].enforcementLevel, "mandatory");
    });

    it("GIVEN empty inline lists THEN they do not count as inline rules", async () => {
        await expectDetails(policy, [baseline(SG, "alb", { ingress: [], egress: [] }), baseline(IN, "http", { securityGroupId: "alb-id" })], []);
    });

    it("GIVEN a group matched by its provider id in state THEN the match uses state", async () => {
        await expectDetails(policy, [
            baseline(SG, "alb", {}, { state: { id: "sg-0123" } }),
            baseline(IN, "http", { securityGroupId: "sg-0123" }),
            baseline(IN, "other", { securityGroupId: "alb-id" }),
        ], [message("http", "alb")]);
    });

    it("GIVEN no group with inline rules THEN rules' unknown group ids are never read", async () => {
        const result = await evaluate(policy, [baseline(SG, "alb", { ingress: undefined, egress: undefined }), baseline(IN, "http", { securityGroupId: UNKNOWN })]);
        assert.deepEqual(result.diagnostics, []);
    });
});

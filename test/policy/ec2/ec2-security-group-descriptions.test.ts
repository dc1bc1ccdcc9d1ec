import { ec2SecurityGroupDescriptions as policy } from "../../../policy/ec2/ec2-security-group-descriptions";
import { networkBaselines } from "../baselines/network";
import { baseline, expectDetails } from "../lb/kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const SG = AWS_TYPES.ec2SecurityGroup;
const RULE = AWS_TYPES.ec2SecurityGroupRule;
const IN = AWS_TYPES.vpcSecurityGroupIngressRule;
const EG = AWS_TYPES.vpcSecurityGroupEgressRule;
const egress = (networkBaselines[SG].egress as Record<string, unknown>[])[0];

describe("ec2-security-group-descriptions (catalog #34)", () => {
    it("GIVEN described groups and rules of every form THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(SG, "alb"), baseline(RULE, "r"), baseline(IN, "in"), baseline(EG, "out")], []);
    });

    it("GIVEN a group without description THEN the provider default is named (advisory)", async () => {
        await expectDetails(policy, [baseline(SG, "alb", { description: undefined })], [
            'Security group "alb" has no description (AWS shows "Managed by Pulumi"); set description to what the group protects.',
        ]);
    });

    it('GIVEN a group described "Managed by Pulumi" THEN it is reported', async () => {
        await expectDetails(policy, [baseline(SG, "alb", { description: "Managed by Pulumi" })], [
            'Security group "alb" keeps the default description "Managed by Pulumi"; set description to what the group protects.',
        ]);
    });

    it("GIVEN an inline rule without description THEN it is reported by index", async () => {
        const { description: _d, ...bare } = egress;
        await expectDetails(policy, [baseline(SG, "alb", { egress: [egress, bare] })], [
            'Security group "alb" egress[1] has no description; set description to why the rule exists.',
        ]);
    });

    it("GIVEN standalone rules with missing, blank or non-string descriptions THEN each is reported", async () => {
        await expectDetails(policy, [
            baseline(RULE, "r", { description: undefined }),
            baseline(IN, "in", { description: "  " }),
            baseline(EG, "out", { description: 3 }),
        ], [
            'Security group rule "r" (ingress) has no description; set description to why the rule exists.',
            'Ingress rule "in" has no description; set description to why the rule exists.',
            'Egress rule "out" has no description; set description to why the rule exists.',
        ]);
    });
});

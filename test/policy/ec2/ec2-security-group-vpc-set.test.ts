import { ec2SecurityGroupVpcSet as policy } from "../../../policy/ec2/ec2-security-group-vpc-set";
import { baseline, expectDetails } from "../lb/kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const SG = AWS_TYPES.ec2SecurityGroup;
const message = 'Security group "alb" has no vpcId, so AWS creates it in the default VPC; set vpcId to the service\'s VPC.';

describe("ec2-security-group-vpc-set (catalog #39, resource side)", () => {
    it("GIVEN a group with a vpcId THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(SG, "alb")], []);
    });

    it("GIVEN no, empty or non-string vpcId THEN it is reported (mandatory)", async () => {
        await expectDetails(policy, [baseline(SG, "alb", { vpcId: undefined })], [message]);
        await expectDetails(policy, [baseline(SG, "alb", { vpcId: "" })], [message]);
        await expectDetails(policy, [baseline(SG, "alb", { vpcId: { id: "vpc-1" } })], [message]);
    });
});

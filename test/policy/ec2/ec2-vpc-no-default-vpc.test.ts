import { ec2DefaultVpcNotAdopted } from "../../../policy/ec2/ec2-default-vpc-not-adopted";
import { ec2VpcNoDefaultVpc as policy } from "../../../policy/ec2/ec2-vpc-no-default-vpc";
import { fixture } from "../../../harness/fixtures";
import { baseline, expectDetails } from "../lb/kit";
import { AWSX_TYPES, AWS_TYPES } from "../../../policy/facts/typeTokens";

const FIX = "create a dedicated VPC (e.g. awsx.ec2.Vpc) and deploy the service into it.";

describe("ec2-vpc-no-default-vpc (catalog #39, stack)", () => {
    it("GIVEN a dedicated VPC THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(AWS_TYPES.ec2Vpc, "main"), { ...fixture(AWSX_TYPES.ec2Vpc, "net", {}), component: true }], []);
    });

    it("GIVEN DefaultVpc, DefaultSubnet and the awsx DefaultVpc component THEN the component is reported here, the resources before creation by ec2-default-vpc-not-adopted", async () => {
        await expectDetails(policy, [
            fixture(AWS_TYPES.ec2DefaultVpc, "default", {}),
            fixture(AWS_TYPES.ec2DefaultSubnet, "default-a", { availabilityZone: "eu-west-1a" }),
            { ...fixture(AWSX_TYPES.ec2DefaultVpc, "net", {}), component: true },
        ], [
            `awsx.ec2.DefaultVpc "net" uses the account's default VPC; ${FIX}`,
        ]);
    });

    it("GIVEN DefaultVpc and DefaultSubnet THEN ec2-default-vpc-not-adopted refuses each as a resource (before creation)", async () => {
        await expectDetails(ec2DefaultVpcNotAdopted, [
            baseline(AWS_TYPES.ec2Vpc, "main"),
            fixture(AWS_TYPES.ec2DefaultVpc, "default", {}),
            fixture(AWS_TYPES.ec2DefaultSubnet, "default-a", { availabilityZone: "eu-west-1a" }),
        ], [
            `aws.ec2.DefaultVpc "default" uses the account's default VPC; ${FIX}`,
            `aws.ec2.DefaultSubnet "default-a" uses the account's default VPC; ${FIX}`,
        ]);
    });
});

import { ec2SubnetNoPublicIpOnLaunch as policy } from "../../../policy/ec2/ec2-subnet-no-public-ip-on-launch";
import { baseline, expectDetails } from "../lb/kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const SUBNET = AWS_TYPES.ec2Subnet;

describe("ec2-subnet-no-public-ip-on-launch (catalog #38)", () => {
    it("GIVEN mapPublicIpOnLaunch false or unset THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(SUBNET, "private"), baseline(SUBNET, "unset", { mapPublicIpOnLaunch: undefined })], []);
    });

    it("GIVEN mapPublicIpOnLaunch true THEN it is reported (advisory)", async () => {
        await expectDetails(policy, [baseline(SUBNET, "public-a", { mapPublicIpOnLaunch: true })], [
            'Subnet "public-a" gives every network interface a public IP; set mapPublicIpOnLaunch: false and attach Elastic IPs only where needed.',
        ]);
    });
});

import * as assert from "node:assert/strict";
import { ec2VpcDefaultSecurityGroupManaged as policy } from "../../../policy/ec2/ec2-vpc-default-security-group-managed";
import { fixture } from "../../../harness/fixtures";
import { RecordedResource } from "../../../harness/types";
import { IDS } from "../baselines/network";
import { baseline, expectDetails } from "../lb/kit";
import { AWSX_TYPES, AWS_TYPES } from "../../../policy/facts/typeTokens";

const VPC = AWS_TYPES.ec2Vpc;
const DSG = AWS_TYPES.ec2DefaultSecurityGroup;
const awsxVpc = (name: string, vpcId: unknown): RecordedResource => ({
    ...fixture(AWSX_TYPES.ec2Vpc, name, { cidrBlock: "10.0.0.0/16" }, { state: { vpcId } }),
    component: true,
});
const message = (name: string) =>
    `VPC "${name}" leaves its default security group open; add an aws.ec2.DefaultSecurityGroup with vpcId set to it and no ingress or egress.`;

describe("ec2-vpc-default-security-group-managed (catalog #36, stack)", () => {
    it("GIVEN an awsx VPC and a DefaultSecurityGroup on its vpcId (the program's shape) THEN nothing is reported", async () => {
        await expectDetails(policy, [awsxVpc("main", IDS.vpc), baseline(DSG, "default")], []);
    });

    it("GIVEN an aws.ec2.Vpc and a DefaultSecurityGroup on its id THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(VPC, "main"), baseline(DSG, "default", { vpcId: "main-id" })], []);
    });

    it("GIVEN a VPC without a DefaultSecurityGroup THEN it is reported against the VPC (mandatory)", async () => {
        const result = await expectDetails(policy, [awsxVpc("main", IDS.vpc)], [message("main")]);
        assert.equal(result.diagnostics[0].urn, "urn:pulumi:test::fixtures::awsx:ec2:Vpc::main");
    });

    it("GIVEN a DefaultSecurityGroup of another VPC THEN the uncovered VPC is reported", async () => {
        await expectDetails(policy, [awsxVpc("main", IDS.vpc), baseline(VPC, "second"), baseline(DSG, "default")], [message("second")]);
    });

    it("GIVEN an awsx VPC and its child aws.ec2.Vpc with the same id THEN it is reported once", async () => {
        await expectDetails(policy, [awsxVpc("main", IDS.vpc), baseline(VPC, "main-vpc", {}, { state: { id: IDS.vpc } })], [message("main")]);
    });

    it("GIVEN an awsx VPC whose vpcId is not in state THEN it cannot be matched and is not reported", async () => {
        await expectDetails(policy, [awsxVpc("main", undefined)], []);
    });

    it("GIVEN no VPC THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(DSG, "default")], []);
    });
});

import * as assert from "node:assert/strict";
import { ec2VpcFlowLogs as policy } from "../../../policy/ec2/ec2-vpc-flow-logs";
import { fixture } from "../../../harness/fixtures";
import { RecordedResource } from "../../../harness/types";
import { IDS } from "../baselines/network";
import { assertReported, baseline, evaluate, expectDetails } from "../lb/kit";
import { AWSX_TYPES, AWS_TYPES } from "../../../policy/facts/typeTokens";

const VPC = AWS_TYPES.ec2Vpc;
const FLOW = AWS_TYPES.ec2FlowLog;
const awsxVpc = (name: string, vpcId: string): RecordedResource => ({
    ...fixture(AWSX_TYPES.ec2Vpc, name, {}, { state: { vpcId } }),
    component: true,
});
const missing = (name: string) => `VPC "${name}" has no flow log; add an aws.ec2.FlowLog with vpcId set to it and trafficType "ALL".`;

describe("ec2-vpc-flow-logs (catalog #37, stack)", () => {
    it("GIVEN an awsx VPC with a flow log on its vpcId (the program's shape) THEN nothing is reported", async () => {
        await expectDetails(policy, [awsxVpc("main", IDS.vpc), baseline(FLOW, "flow")], []);
    });

    it("GIVEN REJECT-only or unset trafficType THEN it counts", async () => {
        await expectDetails(policy, [awsxVpc("main", IDS.vpc), baseline(FLOW, "flow", { trafficType: "REJECT" })], []);
        await expectDetails(policy, [baseline(VPC, "main"), baseline(FLOW, "flow", { vpcId: "main-id", trafficType: undefined })], []);
    });

    it("GIVEN a VPC without a flow log THEN it is reported against the VPC (advisory)", async () => {
        const result = await expectDetails(policy, [baseline(VPC, "main")], [missing("main")]);
        assert.equal(result.diagnostics[0].urn, "urn:pulumi:test::fixtures::aws:ec2/vpc:Vpc::main");
    });

    it("GIVEN a flow log on a subnet or another VPC THEN the VPC is still reported", async () => {
        await expectDetails(policy, [
            awsxVpc("main", IDS.vpc),
            baseline(FLOW, "subnet", { vpcId: undefined, subnetId: "subnet-1" }),
            baseline(FLOW, "other", { vpcId: "vpc-other" }),
        ], [missing("main")]);
    });

    it("GIVEN only ACCEPT flow logs THEN it is reported", async () => {
        await expectDetails(policy, [awsxVpc("main", IDS.vpc), baseline(FLOW, "flow", { trafficType: "accept" })], [
            'VPC "main" flow logs record only accepted traffic; set trafficType "ALL" (or "REJECT") so rejected connections are logged.',
        ]);
    });

    it("GIVEN the prod config THEN it is mandatory", async () => {
        const result = await evaluate(policy, [baseline(VPC, "main")], { [policy.name]: "mandatory" });
        assertReported(result, policy, [missing("main")], "mandatory");
    });
});

import * as assert from "node:assert/strict";
import { ec2DefaultSecurityGroupNoRules as policy } from "../../../policy/ec2/ec2-default-security-group-no-rules";
import { baseline, evaluate, expectDetails } from "../lb/kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const DSG = AWS_TYPES.ec2DefaultSecurityGroup;
const self = { protocol: "-1", fromPort: 0, toPort: 0, self: true };
const out = { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] };

describe("ec2-default-security-group-no-rules (catalog #36, resource side)", () => {
    it("GIVEN empty or absent rule lists THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(DSG, "default"), baseline(DSG, "bare", { ingress: undefined, egress: undefined })], []);
    });

    it("GIVEN AWS's default rules re-declared THEN each direction is reported (mandatory)", async () => {
        await expectDetails(policy, [baseline(DSG, "default", { ingress: [self], egress: [out, out] })], [
            'Default security group "default" declares 1 ingress rule; remove them (ingress: []) and give workloads their own security groups.',
            'Default security group "default" declares 2 egress rules; remove them (egress: []) and give workloads their own security groups.',
        ]);
    });

    it("GIVEN remediate THEN both lists are emptied and validation passes", async () => {
        const result = await evaluate(policy, [baseline(DSG, "default", { ingress: [self], egress: [out] })], { [policy.name]: "remediate" });
        assert.deepEqual(result.diagnostics, []);
        assert.equal(result.remediations.length, 1);
        assert.equal(result.remediations[0].policyName, policy.name);
        assert.deepEqual(result.remediations[0].properties, { vpcId: "vpc-0a1b2c3d4e5f60718", ingress: [], egress: [] });
    });

    it("GIVEN remediate WHEN already closed THEN nothing is remediated", async () => {
        const result = await evaluate(policy, [baseline(DSG, "default")], { [policy.name]: "remediate" });
        assert.deepEqual(result.remediations, []);
    });
});

import { strict as assert } from "node:assert";
import { Network, NetworkArgs } from "../../components/network";
import { inputs, one, runInline, state } from "../support/stacks";
import { AWSX_TYPES, AWS_TYPES } from "../../policy/facts/typeTokens";

const build = (args: NetworkArgs) =>
    runInline(() => {
        const network = new Network("web", args);
        return { vpcId: network.vpcId, taskSubnetIds: network.taskSubnetIds, publicSubnetIds: network.publicSubnetIds, needsIp: network.tasksNeedPublicIp };
    });

describe("Network (under mocks)", () => {
    const cases: Array<[NetworkArgs["natStrategy"], string, string]> = [
        ["none", "None", "Isolated"],
        ["single", "Single", "Private"],
        ["perAz", "OnePerAz", "Private"],
    ];
    for (const [strategy, awsxStrategy, inner] of cases) {
        it(`GIVEN NAT ${strategy} THEN awsx gets ${awsxStrategy} with public and ${inner} subnets`, async () => {
            const run = await build({ natStrategy: strategy, availabilityZones: 3 });
            const vpc = inputs(one(run, AWSX_TYPES.ec2Vpc));
            assert.equal(vpc.natGateways.strategy, awsxStrategy);
            assert.equal(vpc.numberOfAvailabilityZones, 3);
            assert.deepEqual(vpc.subnetSpecs.map((s: any) => s.type), ["Public", inner]);
            const ids = state(one(run, AWSX_TYPES.ec2Vpc));
            const expected = strategy === "none" ? ids.publicSubnetIds : ids.privateSubnetIds;
            assert.deepEqual(run.outputs.taskSubnetIds, expected);
            assert.equal(run.outputs.needsIp, strategy === "none");
            assert.equal((run.outputs.taskSubnetIds as string[]).length, 3);
        });
    }

    it("THEN flow logs of all traffic go to a log group with retention", async () => {
        const run = await build({ flowLogRetentionDays: 90 });
        const flowLog = inputs(one(run, AWS_TYPES.ec2FlowLog));
        const group = one(run, AWS_TYPES.cloudwatchLogGroup);
        assert.equal(flowLog.trafficType, "ALL");
        assert.equal(flowLog.vpcId, run.outputs.vpcId);
        assert.equal(flowLog.logDestination, state(group).arn);
        assert.equal(inputs(group).retentionInDays, 90);
    });

    it("THEN the default security group is taken over with no rules", async () => {
        const run = await build({});
        const sg = inputs(one(run, AWS_TYPES.ec2DefaultSecurityGroup));
        assert.deepEqual([sg.vpcId, sg.ingress, sg.egress], [run.outputs.vpcId, [], []]);
    });

    it("GIVEN one zone THEN it throws before registering anything", async () => {
        await assert.rejects(build({ availabilityZones: 1 }), /Network: availabilityZones is 1; expected 2 to 6/);
    });
});

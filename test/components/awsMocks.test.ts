import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import { runInline } from "../support/stacks";

describe("offline mocks", () => {
    it("throw on a data source they do not implement, naming it", async () => {
        await assert.rejects(
            runInline(() => ({ version: aws.rds.getEngineVersionOutput({ engine: "postgres" }).versionActual })),
            /The offline mocks do not implement the call aws:rds\/getEngineVersion:getEngineVersion/,
        );
    });

    it("fail the ELB account lookup where the provider does: regions without an ELB account", async () => {
        await assert.rejects(
            runInline(() => ({ arn: aws.elb.getServiceAccountOutput({}).arn }), "t", "ap-south-2"),
            /there is no ELB service account in region ap-south-2/,
        );
        const run = await runInline(() => ({ arn: aws.elb.getServiceAccountOutput({}).arn }), "t", "eu-west-2");
        assert.equal(run.outputs.arn, "arn:aws:iam::652711504416:root");
    });

    it("answer the identity and region calls like AWS", async () => {
        const run = await runInline(() => ({ account: aws.getCallerIdentityOutput().accountId, region: aws.getRegionOutput().region }), "t", "eu-west-1");
        assert.deepEqual(run.outputs, { account: "123456789012", region: "eu-west-1" });
    });
});

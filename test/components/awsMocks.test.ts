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

    it("answer the identity and region calls like AWS", async () => {
        const run = await runInline(() => ({ account: aws.getCallerIdentityOutput().accountId, region: aws.getRegionOutput().region }), "t", "eu-west-1");
        assert.deepEqual(run.outputs, { account: "123456789012", region: "eu-west-1" });
    });
});

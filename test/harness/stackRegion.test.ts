import * as assert from "node:assert/strict";
import { ASSUMED_REGION, regionNotice, stackRegion } from "../../harness/stackRegion";

describe("stackRegion: the region the provider would deploy to", () => {
    it("GIVEN aws:region THEN it wins over the environment", () => {
        assert.deepEqual(stackRegion({ "aws:region": "eu-west-1" }, { AWS_REGION: "us-west-2", AWS_DEFAULT_REGION: "ap-south-1" }), { region: "eu-west-1", source: "config" });
    });

    it("GIVEN no aws:region THEN AWS_REGION, then AWS_DEFAULT_REGION, as pulumi-aws reads them", () => {
        assert.deepEqual(stackRegion({}, { AWS_REGION: "us-west-2", AWS_DEFAULT_REGION: "ap-south-1" }), { region: "us-west-2", source: "AWS_REGION" });
        assert.deepEqual(stackRegion({}, { AWS_DEFAULT_REGION: "ap-south-1" }), { region: "ap-south-1", source: "AWS_DEFAULT_REGION" });
    });

    it("GIVEN empty or blank values THEN they count as unset, and nothing at all is an assumption", () => {
        assert.deepEqual(stackRegion({ "aws:region": " " }, { AWS_REGION: "", AWS_DEFAULT_REGION: "  " }), { region: ASSUMED_REGION, source: "assumed" });
        assert.deepEqual(stackRegion({ "aws:region": "" }, { AWS_DEFAULT_REGION: " eu-north-1 " }), { region: "eu-north-1", source: "AWS_DEFAULT_REGION" });
    });

    it("GIVEN each source THEN only a region outside the stack's config is reported, naming where it came from", () => {
        assert.equal(regionNotice({ region: "eu-west-1", source: "config" }), undefined);
        assert.match(regionNotice({ region: "us-east-1", source: "assumed" }) ?? "", /^REGION ASSUMED: aws:region is not set .* as if in us-east-1\. .*set aws:region in the stack file\.$/);
        assert.match(regionNotice({ region: "us-west-2", source: "AWS_REGION" }) ?? "", /^REGION FROM ENVIRONMENT: .* in us-west-2 from AWS_REGION/);
    });
});

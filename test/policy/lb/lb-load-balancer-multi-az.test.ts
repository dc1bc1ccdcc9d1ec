import { lbLoadBalancerMultiAz as policy } from "../../../policy/lb/lb-load-balancer-multi-az";
import { UNKNOWN } from "../../../harness/serialisation";
import { baseline, evaluate, expectDetails } from "./kit";
import * as assert from "node:assert/strict";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbLoadBalancer;
const ALB = AWS_TYPES.albLoadBalancer;

describe("lb-load-balancer-multi-az (catalog #22)", () => {
    it("GIVEN two subnets (both aliases) or two subnet mappings THEN nothing is reported", async () => {
        await expectDetails(policy, [
            baseline(LB, "web"),
            baseline(ALB, "alias"),
            baseline(LB, "mapped", { subnets: undefined, subnetMappings: [{ subnetId: "subnet-a" }, { subnetId: "subnet-b" }] }),
        ], []);
    });

    it("GIVEN one subnet THEN it is reported (mandatory)", async () => {
        await expectDetails(policy, [baseline(ALB, "web", { subnets: ["subnet-a"] })], [
            'Load balancer "web" lists 1 subnet; give it subnets in at least two availability zones.',
        ]);
    });

    it("GIVEN no subnets, or a malformed list THEN it is reported", async () => {
        await expectDetails(policy, [baseline(LB, "none", { subnets: undefined }), baseline(LB, "text", { subnets: "subnet-a" })], [
            'Load balancer "none" lists 0 subnets; give it subnets in at least two availability zones.',
            'Load balancer "text" lists 0 subnets; give it subnets in at least two availability zones.',
        ]);
    });

    it("GIVEN one subnet mapping THEN it is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web", { subnets: undefined, subnetMappings: [{ subnetId: "subnet-a" }] })], [
            'Load balancer "web" lists 1 subnet; give it subnets in at least two availability zones.',
        ]);
    });

    it("GIVEN a subnet list not known yet (preview) THEN the engine notes it cannot run, advisory", async () => {
        const result = await evaluate(policy, [baseline(LB, "web", { subnets: UNKNOWN })]);
        assert.equal(result.diagnostics.length, 1);
        assert.equal(result.diagnostics[0].enforcementLevel, "advisory");
        assert.match(result.diagnostics[0].detail, /^can't run policy/);
    });
});

import * as assert from "node:assert/strict";
import { lbLoadBalancerDropInvalidHeaders as policy } from "../../../policy/lb/lb-load-balancer-drop-invalid-headers";
import { UNKNOWN } from "../../../harness/serialisation";
import { baseline, evaluate, expectDetails } from "./kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbLoadBalancer;
const ALB = AWS_TYPES.albLoadBalancer;
const message = (name: string) => `Load balancer "${name}" forwards headers with invalid names; set dropInvalidHeaderFields: true.`;

describe("lb-load-balancer-drop-invalid-headers (catalog #18)", () => {
    it("GIVEN the baseline ALB (both aliases) THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web"), baseline(ALB, "alias")], []);
    });

    it("GIVEN dropInvalidHeaderFields false, unset or a string THEN each is reported (mandatory)", async () => {
        await expectDetails(
            policy,
            [
                baseline(LB, "off", { dropInvalidHeaderFields: false }),
                baseline(ALB, "unset", { dropInvalidHeaderFields: undefined }),
                baseline(LB, "text", { dropInvalidHeaderFields: "true" }),
            ],
            [message("off"), message("unset"), message("text")],
        );
    });

    it("GIVEN an ALB without loadBalancerType (AWS default application) THEN it applies", async () => {
        await expectDetails(policy, [baseline(LB, "web", { loadBalancerType: undefined, dropInvalidHeaderFields: undefined })], [message("web")]);
    });

    it("GIVEN a network load balancer THEN it does not apply", async () => {
        await expectDetails(policy, [baseline(LB, "nlb", { loadBalancerType: "network", dropInvalidHeaderFields: undefined })], []);
    });

    it("GIVEN remediate WHEN the flag is missing THEN the remediation sets it, keeps other inputs (even unknown ones) and validation passes", async () => {
        const result = await evaluate(policy, [baseline(ALB, "web", { dropInvalidHeaderFields: undefined, name: UNKNOWN })], {
            [policy.name]: "remediate",
        });
        assert.deepEqual(result.diagnostics, []);
        assert.equal(result.remediations.length, 1);
        assert.equal(result.remediations[0].policyName, policy.name);
        assert.equal(result.remediations[0].properties.dropInvalidHeaderFields, true);
        assert.equal(result.remediations[0].properties.name, UNKNOWN);
        assert.deepEqual(result.remediations[0].properties.subnets, baseline(ALB, "x").inputs.subnets);
    });

    it("GIVEN remediate WHEN already compliant THEN nothing is remediated", async () => {
        const result = await evaluate(policy, [baseline(ALB, "web")], { [policy.name]: "remediate" });
        assert.deepEqual(result.remediations, []);
    });
});

import { lbLoadBalancerDesyncMitigation as policy } from "../../../policy/lb/lb-load-balancer-desync-mitigation";
import { baseline, expectDetails } from "./kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbLoadBalancer;
const ALB = AWS_TYPES.albLoadBalancer;

describe("lb-load-balancer-desync-mitigation (catalog #19)", () => {
    it("GIVEN defensive, strictest or unset THEN nothing is reported", async () => {
        await expectDetails(policy, [
            baseline(LB, "web"),
            baseline(ALB, "strict", { desyncMitigationMode: "strictest" }),
            baseline(LB, "unset", { desyncMitigationMode: undefined }),
        ], []);
    });

    it("GIVEN monitor (alias) THEN it is reported, advisory by default", async () => {
        await expectDetails(policy, [baseline(ALB, "web", { desyncMitigationMode: "monitor" })], [
            'Load balancer "web" sets desyncMitigationMode "monitor"; set it to "defensive" or "strictest" (or leave it unset).',
        ]);
    });

    it("GIVEN a non-string mode THEN it is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web", { desyncMitigationMode: 1 })], [
            'Load balancer "web" sets desyncMitigationMode 1; set it to "defensive" or "strictest" (or leave it unset).',
        ]);
    });

    it("GIVEN a network load balancer THEN it does not apply", async () => {
        await expectDetails(policy, [baseline(LB, "nlb", { loadBalancerType: "network", desyncMitigationMode: "monitor" })], []);
    });
});

import { lbLoadBalancerDeletionProtection as policy } from "../../../policy/lb/lb-load-balancer-deletion-protection";
import { assertReported, baseline, evaluate, expectDetails } from "./kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbLoadBalancer;
const ALB = AWS_TYPES.albLoadBalancer;
const message = (name: string) => `Load balancer "${name}" can be deleted by accident; set enableDeletionProtection: true.`;

describe("lb-load-balancer-deletion-protection (catalog #21)", () => {
    it("GIVEN deletion protection on (both aliases) THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web"), baseline(ALB, "alias")], []);
    });

    it("GIVEN false (the dev shape) or unset THEN each is reported, advisory by default", async () => {
        await expectDetails(policy, [
            baseline(ALB, "dev", { enableDeletionProtection: false }),
            baseline(LB, "unset", { enableDeletionProtection: undefined }),
        ], [message("dev"), message("unset")]);
    });

    it("GIVEN the prod config THEN it is mandatory", async () => {
        const result = await evaluate(policy, [baseline(LB, "web", { enableDeletionProtection: false })], { [policy.name]: "mandatory" });
        assertReported(result, policy, [message("web")], "mandatory");
    });
});

import { lbLoadBalancerAccessLogs as policy } from "../../../policy/lb/lb-load-balancer-access-logs";
import { baseline, expectDetails } from "./kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbLoadBalancer;
const ALB = AWS_TYPES.albLoadBalancer;
const FIX = 'set accessLogs: { bucket: "<log bucket>", enabled: true }';

describe("lb-load-balancer-access-logs (catalog #20)", () => {
    it("GIVEN access logs enabled with a bucket (both aliases) THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web"), baseline(ALB, "alias")], []);
    });

    it("GIVEN no accessLogs (the dev shape) THEN it is reported, advisory", async () => {
        await expectDetails(policy, [baseline(ALB, "web", { accessLogs: undefined })], [`Load balancer "web" has no access logs; ${FIX}.`]);
    });

    it("GIVEN a bucket without enabled (AWS defaults it to false) THEN it is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web", { accessLogs: { bucket: "logs" } })], [
            'Load balancer "web" names log bucket "logs" but does not enable access logs; set accessLogs.enabled: true.',
        ]);
    });

    it("GIVEN enabled without a bucket, or a malformed block THEN it is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web", { accessLogs: { enabled: true, bucket: "" } })], [
            `Load balancer "web" has access logs without a bucket; ${FIX}.`,
        ]);
        await expectDetails(policy, [baseline(LB, "web", { accessLogs: [] })], [`Load balancer "web" has no access logs; ${FIX}.`]);
    });

    it("GIVEN a network load balancer THEN it applies; a gateway load balancer THEN it does not", async () => {
        await expectDetails(policy, [
            baseline(LB, "nlb", { loadBalancerType: "network", accessLogs: undefined }),
            baseline(LB, "gwlb", { loadBalancerType: "gateway", accessLogs: undefined }),
        ], [`Load balancer "nlb" has no access logs; ${FIX}.`]);
    });
});

import { lbTargetGroupHealthCheckExplicit as policy } from "../../../policy/lb/lb-target-group-health-check-explicit";
import { baseline, expectDetails } from "./kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbTargetGroup;
const ALB = AWS_TYPES.albTargetGroup;
const advice = (name: string, what: string) =>
    `Target group "${name}" ${what}, so AWS probes "/" and accepts only 200; set healthCheck.path to an endpoint that checks the service (e.g. "/health") and healthCheck.matcher.`;

describe("lb-target-group-health-check-explicit (advisory companion of #25)", () => {
    it("GIVEN the baseline (explicit path) THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "tls")], []);
    });

    it("GIVEN AWS's default health check (no block, or no path) THEN an advisory", async () => {
        await expectDetails(policy, [
            baseline(ALB, "web", { protocol: "HTTP", healthCheck: undefined }),
            baseline(LB, "b", { protocol: "HTTP", healthCheck: { enabled: true, matcher: "200" } }),
        ], [advice("web", "has no healthCheck block"), advice("b", "sets no health check path")]);
    });

    it("GIVEN a disabled or malformed check (the mandatory rule's case) or a TCP check THEN nothing here", async () => {
        await expectDetails(policy, [
            baseline(LB, "off", { healthCheck: { enabled: false } }),
            baseline(LB, "bad", { healthCheck: { path: 42 } }),
            baseline(LB, "tcp", { protocol: "TCP", healthCheck: undefined }),
        ], []);
    });
});

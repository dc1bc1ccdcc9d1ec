import { lbTargetGroupHealthCheckWellFormed as policy } from "../../../policy/lb/lb-target-group-health-check-well-formed";
import { networkBaselines } from "../baselines/network";
import { baseline, expectDetails } from "./kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbTargetGroup;
const ALB = AWS_TYPES.albTargetGroup;
const check = networkBaselines[LB].healthCheck as Record<string, unknown>;

describe("lb-target-group-health-check-well-formed (health path sanity)", () => {
    it("GIVEN the baseline (both aliases) and other valid matchers THEN nothing is reported", async () => {
        await expectDetails(policy, [
            baseline(LB, "tls"),
            baseline(ALB, "alias"),
            baseline(LB, "list", { healthCheck: { ...check, matcher: "200,204, 301-302" } }),
        ], []);
    });

    it("GIVEN a relative path THEN it is reported with the absolute form", async () => {
        await expectDetails(policy, [baseline(ALB, "web", { healthCheck: { ...check, path: "health" } })], [
            'Target group "web" health check path "health" does not start with "/"; use an absolute path such as "/health".',
        ]);
    });

    it("GIVEN no matcher THEN it is reported (advisory)", async () => {
        await expectDetails(policy, [baseline(LB, "web", { healthCheck: { ...check, matcher: undefined } })], [
            'Target group "web" has no health check matcher, so only 200 counts as healthy; set healthCheck.matcher, e.g. "200-399".',
        ]);
    });

    it("GIVEN a malformed or non-string matcher THEN it is reported", async () => {
        await expectDetails(policy, [
            baseline(LB, "a", { healthCheck: { ...check, matcher: "2xx" } }),
            baseline(LB, "b", { healthCheck: { ...check, matcher: 200 } }),
        ], [
            'Target group "a" health check matcher "2xx" is not a list of status codes; use e.g. "200", "200-399" or "200,204".',
            'Target group "b" health check matcher 200 is not a list of status codes; use e.g. "200", "200-399" or "200,204".',
        ]);
    });

    it("GIVEN a relative path and no matcher THEN both are reported", async () => {
        await expectDetails(policy, [baseline(LB, "web", { healthCheck: { ...check, path: "ping", matcher: "" } })], [
            'Target group "web" health check path "ping" does not start with "/"; use an absolute path such as "/ping".',
            'Target group "web" has no health check matcher, so only 200 counts as healthy; set healthCheck.matcher, e.g. "200-399".',
        ]);
    });

    it("GIVEN no or a disabled health check, or a TCP-checked group THEN it is left to the headline policy", async () => {
        await expectDetails(policy, [
            baseline(LB, "none", { healthCheck: undefined }),
            baseline(LB, "off", { healthCheck: { enabled: false, path: "x" } }),
            baseline(LB, "tcp", { protocol: "TCP", healthCheck: { protocol: "TCP" } }),
        ], []);
    });
});

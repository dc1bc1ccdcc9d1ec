import { lbTargetGroupHealthCheckTimings as policy } from "../../../policy/lb/lb-target-group-health-check-timings";
import { networkBaselines } from "../baselines/network";
import { baseline, expectDetails } from "./kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbTargetGroup;
const ALB = AWS_TYPES.albTargetGroup;
const check = networkBaselines[LB].healthCheck as Record<string, unknown>;

describe("lb-target-group-health-check-timings (rollout timings)", () => {
    it("GIVEN 15 s × 2 with a 5 s timeout (both aliases) THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web"), baseline(ALB, "alias")], []);
    });

    it("GIVEN an HTTP health check left at AWS defaults (30 s × 3 = 90 s, timeout 6 s) THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web", { protocol: "HTTP", healthCheck: { path: "/health" } })], []);
    });

    it("GIVEN 30 s × 5 THEN the 150 s to healthy is reported (advisory)", async () => {
        await expectDetails(policy, [baseline(ALB, "web", { healthCheck: { ...check, interval: 30, healthyThreshold: 5 } })], [
            'Target group "web" takes interval 30 s × healthyThreshold 5 = 150 s to mark a target healthy; lower healthCheck.interval or healthCheck.healthyThreshold to keep it at most 90 s.',
        ]);
    });

    it("GIVEN numeric strings and a defaulted threshold THEN they are read and the default is named", async () => {
        await expectDetails(policy, [baseline(LB, "web", { healthCheck: { ...check, interval: "60", healthyThreshold: undefined } })], [
            'Target group "web" takes interval 60 s × healthyThreshold 3 (AWS default) = 180 s to mark a target healthy; lower healthCheck.interval or healthCheck.healthyThreshold to keep it at most 90 s.',
        ]);
    });

    it("GIVEN a timeout equal to the interval THEN it is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web", { healthCheck: { ...check, timeout: 15 } })], [
            'Target group "web" health check timeout 15 s is not shorter than its interval 15 s; set healthCheck.timeout below healthCheck.interval.',
        ]);
    });

    it("GIVEN a 5 s interval with the HTTPS default timeout (10 s) THEN it is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web", { healthCheck: { ...check, interval: 5, timeout: undefined } })], [
            'Target group "web" health check timeout 10 s (AWS default) is not shorter than its interval 5 s; set healthCheck.timeout below healthCheck.interval.',
        ]);
    });

    it("GIVEN a stricter maximum in config THEN it is applied", async () => {
        await expectDetails(policy, [baseline(LB, "web")], [
            'Target group "web" takes interval 15 s × healthyThreshold 2 = 30 s to mark a target healthy; lower healthCheck.interval or healthCheck.healthyThreshold to keep it at most 20 s.',
        ], { [policy.name]: { maximumTimeToHealthySeconds: 20 } });
    });

    it("GIVEN a disabled health check, or a lambda target group without one THEN it does not apply", async () => {
        await expectDetails(policy, [
            baseline(LB, "off", { healthCheck: { ...check, enabled: false, interval: 300, healthyThreshold: 10 } }),
            baseline(LB, "fn", { targetType: "lambda", protocol: undefined, healthCheck: undefined }),
        ], []);
    });
});

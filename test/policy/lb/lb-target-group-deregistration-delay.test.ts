import { lbTargetGroupDeregistrationDelay as policy } from "../../../policy/lb/lb-target-group-deregistration-delay";
import { baseline, expectDetails } from "./kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbTargetGroup;
const ALB = AWS_TYPES.albTargetGroup;

describe("lb-target-group-deregistration-delay (rollout timings)", () => {
    it("GIVEN 30 s (both aliases), 120 s or \"60\" THEN nothing is reported", async () => {
        await expectDetails(policy, [
            baseline(LB, "web"),
            baseline(ALB, "alias"),
            baseline(LB, "max", { deregistrationDelay: 120 }),
            baseline(LB, "text", { deregistrationDelay: "60" }),
        ], []);
    });

    it("GIVEN no deregistrationDelay THEN AWS's 300 s default is reported (advisory)", async () => {
        await expectDetails(policy, [baseline(ALB, "web", { deregistrationDelay: undefined })], [
            `Target group "web" keeps AWS's default deregistration delay of 300 s; set deregistrationDelay to at most 120.`,
        ]);
    });

    it("GIVEN 300 as a number or a string THEN it is reported", async () => {
        const message = 'Target group "web" drains targets for 300 s; set deregistrationDelay to at most 120 so each rollout wave finishes quickly.';
        await expectDetails(policy, [baseline(LB, "web", { deregistrationDelay: 300 })], [message]);
        await expectDetails(policy, [baseline(LB, "web", { deregistrationDelay: "300" })], [message]);
    });

    it("GIVEN a non-numeric value THEN it is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web", { deregistrationDelay: "slow" })], [
            'Target group "web" has deregistrationDelay "slow", which is not a number of seconds; set it to at most 120.',
        ]);
    });

    it("GIVEN a stricter maximum in config THEN it is applied", async () => {
        await expectDetails(policy, [baseline(LB, "web")], [
            'Target group "web" drains targets for 30 s; set deregistrationDelay to at most 10 so each rollout wave finishes quickly.',
        ], { [policy.name]: { maximumDeregistrationDelaySeconds: 10 } });
    });

    it("GIVEN a lambda target group THEN it does not apply", async () => {
        await expectDetails(policy, [baseline(LB, "fn", { targetType: "lambda", deregistrationDelay: undefined })], []);
    });
});

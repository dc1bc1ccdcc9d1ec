import { lbTargetGroupHealthCheck as policy } from "../../../policy/lb/lb-target-group-health-check";
import { baseline, expectDetails } from "./kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbTargetGroup;
const ALB = AWS_TYPES.albTargetGroup;
const programShape = {
    protocol: "HTTP",
    port: 8080,
    healthCheck: { enabled: true, path: "/health", matcher: "200-399", interval: 15, timeout: 5, healthyThreshold: 2, unhealthyThreshold: 3 },
};
const badPath = (name: string, path: unknown) =>
    `Target group "${name}" has health check path ${JSON.stringify(path)}, which is not a path; set healthCheck.path to an endpoint the service answers (e.g. "/health").`;

describe("lb-target-group-health-check (catalog #25, headline)", () => {
    it("GIVEN the baseline HTTPS target group and the program's HTTP one (alias) THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "tls"), baseline(ALB, "web", programShape)], []);
    });

    it("GIVEN no healthCheck block, or a block without path (AWS's default check: enabled, GET /) THEN not reported", async () => {
        const { path: _path, ...withoutPath } = programShape.healthCheck;
        await expectDetails(policy, [
            baseline(ALB, "web", { healthCheck: undefined }),
            baseline(LB, "a", { ...programShape, healthCheck: withoutPath }),
            baseline(LB, "b", { healthCheck: { matcher: "200" } }),
        ], []);
    });

    it("GIVEN a disabled health check THEN it is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web", { healthCheck: { ...programShape.healthCheck, enabled: false } })], [
            'Target group "web" disables its health check; set healthCheck.enabled: true.',
        ]);
    });

    it("GIVEN an empty or non-string path THEN each is reported", async () => {
        const { path: _path, ...withoutPath } = programShape.healthCheck;
        await expectDetails(policy, [
            baseline(LB, "b", { ...programShape, healthCheck: { ...withoutPath, path: " " } }),
            baseline(ALB, "c", { ...programShape, healthCheck: { ...withoutPath, path: 42 } }),
        ], [badPath("b", " "), badPath("c", 42)]);
    });

    it("GIVEN a TCP target group checked over HTTP THEN a disabled check is reported; checked over TCP THEN it does not apply", async () => {
        await expectDetails(policy, [
            baseline(LB, "nlb-http", { protocol: "TCP", healthCheck: { protocol: "HTTP", enabled: false } }),
            baseline(LB, "nlb-tcp", { protocol: "TCP", healthCheck: { protocol: "TCP" } }),
            baseline(LB, "nlb-default", { protocol: "TCP", healthCheck: undefined }),
        ], ['Target group "nlb-http" disables its health check; set healthCheck.enabled: true.']);
    });

    it("GIVEN a lambda target group (no protocol) THEN it does not apply", async () => {
        await expectDetails(policy, [baseline(LB, "fn", { targetType: "lambda", protocol: undefined, healthCheck: undefined })], []);
    });

    it("GIVEN a lower-case protocol THEN it applies", async () => {
        await expectDetails(policy, [baseline(LB, "web", { protocol: "http", healthCheck: { enabled: false } })], [
            'Target group "web" disables its health check; set healthCheck.enabled: true.',
        ]);
    });

    for (const matcher of ["200-499", "200,404", "200 - 401", "500", "200-399,400"]) {
        it(`GIVEN matcher ${JSON.stringify(matcher)}, which accepts errors THEN reported`, async () => {
            const highest = Math.max(...matcher.split(/[,-]/).map(c => Number(c.trim())));
            await expectDetails(policy, [baseline(LB, "web", { ...programShape, healthCheck: { ...programShape.healthCheck, matcher } })], [
                `Target group "web" counts HTTP ${highest} as healthy (matcher "${matcher}"), so a target that answers with errors stays in service; accept only 2xx and 3xx codes, e.g. matcher "200-399".`,
            ]);
        });
    }

    it("GIVEN success-only matchers, a gRPC matcher or a malformed one THEN not reported here", async () => {
        await expectDetails(policy, [
            baseline(LB, "a", { ...programShape, healthCheck: { ...programShape.healthCheck, matcher: "200,204,301-399" } }),
            baseline(LB, "g", { ...programShape, protocolVersion: "GRPC", healthCheck: { ...programShape.healthCheck, matcher: "0,12" } }),
            baseline(LB, "x", { ...programShape, healthCheck: { ...programShape.healthCheck, matcher: "4xx" } }),
        ], []);
    });

    describe("gRPC matchers (GRPC target groups)", () => {
        const grpc = (name: string, matcher: string) => baseline(LB, name, { ...programShape, protocolVersion: "GRPC", healthCheck: { ...programShape.healthCheck, matcher } });
        const FIX = 'accept only the codes a working service answers, e.g. matcher "0" (OK), or "12" for the default health check path.';

        it("GIVEN matchers that count a failing server's gRPC codes as healthy THEN each such code is named", async () => {
            await expectDetails(policy, [grpc("all", "0-99"), grpc("unavailable", "0,14"), grpc("low", "0-2")], [
                `Target group "all" counts gRPC 2 (UNKNOWN), 13 (INTERNAL), 14 (UNAVAILABLE) as healthy (matcher "0-99"), so a target whose server fails or shuts down stays in service; ${FIX}`,
                `Target group "unavailable" counts gRPC 14 (UNAVAILABLE) as healthy (matcher "0,14"), so a target whose server fails or shuts down stays in service; ${FIX}`,
                `Target group "low" counts gRPC 2 (UNKNOWN) as healthy (matcher "0-2"), so a target whose server fails or shuts down stays in service; ${FIX}`,
            ]);
        });

        it("GIVEN OK, the default 12, or an HTTP-style matcher (the well-formed rule's) on GRPC THEN not reported here", async () => {
            await expectDetails(policy, [grpc("ok", "0"), grpc("default", "12"), grpc("http", "200-499")], []);
        });
    });
});

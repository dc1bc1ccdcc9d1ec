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

    describe("gRPC and HTTP matchers, each by its own codes (ELB API Matcher: GrpcCode 0-99, HttpCode 200-499 for ALB, 200-599 for NLB)", () => {
        const grpc = (name: string, matcher: unknown, protocolVersion = "GRPC") =>
            baseline(LB, name, { protocolVersion, healthCheck: { ...check, path: "/grpc.health.v1.Health/Check", matcher } });
        const GRPC_HINT = 'use gRPC status codes, e.g. "0" (OK), or "0,12" to accept UNIMPLEMENTED from a server without the health service';
        const HTTP_HINT = 'use HTTP status codes, e.g. "200-399", or set protocolVersion "GRPC" for a gRPC service';

        it("GIVEN gRPC codes on GRPC target groups (one code, lists, ranges, any letter case of GRPC) THEN nothing", async () => {
            await expectDetails(policy, [grpc("ok", "0"), grpc("list", "0,12"), grpc("range", "0-99"), grpc("lower", " 0 - 5 ", "grpc")], []);
        });

        it("GIVEN HTTP-style codes on a GRPC target group THEN each refused code is named", async () => {
            await expectDetails(policy, [grpc("http", "200"), grpc("mixed", "0,200-299"), grpc("edge", "99-100")], [
                `Target group "http" health check matcher "200" has "200" outside the gRPC codes 0-99 a GRPC (protocolVersion "GRPC") target group takes, so AWS refuses it; ${GRPC_HINT}.`,
                `Target group "mixed" health check matcher "0,200-299" has "200-299" outside the gRPC codes 0-99 a GRPC (protocolVersion "GRPC") target group takes, so AWS refuses it; ${GRPC_HINT}.`,
                `Target group "edge" health check matcher "99-100" has "99-100" outside the gRPC codes 0-99 a GRPC (protocolVersion "GRPC") target group takes, so AWS refuses it; ${GRPC_HINT}.`,
            ]);
        });

        it("GIVEN a GRPC target group without a matcher THEN the gRPC default (12) is named, not HTTP 200", async () => {
            await expectDetails(policy, [grpc("unset", undefined)], [
                'Target group "unset" has no health check matcher, so only gRPC code 12 (UNIMPLEMENTED) counts as healthy; set healthCheck.matcher to gRPC codes, e.g. "0" (OK).',
            ]);
        });

        it("GIVEN gRPC codes, codes past 499 or a reversed range on an HTTP(S) target group THEN refused", async () => {
            await expectDetails(policy, [
                baseline(ALB, "grpc-codes", { protocolVersion: "HTTP2", healthCheck: { ...check, matcher: "0" } }),
                baseline(LB, "five", { healthCheck: { ...check, matcher: "200-599" } }),
                baseline(LB, "reversed", { healthCheck: { ...check, matcher: "399-200" } }),
            ], [
                `Target group "grpc-codes" health check matcher "0" has "0" outside the HTTP codes 200-499 a HTTP or HTTPS (Application Load Balancer) target group takes, so AWS refuses it; ${HTTP_HINT}.`,
                `Target group "five" health check matcher "200-599" has "200-599" outside the HTTP codes 200-499 a HTTP or HTTPS (Application Load Balancer) target group takes, so AWS refuses it; ${HTTP_HINT}.`,
                `Target group "reversed" health check matcher "399-200" has "399-200" outside the HTTP codes 200-499 a HTTP or HTTPS (Application Load Balancer) target group takes, so AWS refuses it; ${HTTP_HINT}.`,
            ]);
        });

        it("GIVEN a Network Load Balancer group checked over HTTP THEN 200-599 is its range", async () => {
            const nlb = (name: string, matcher: string) => baseline(LB, name, { protocol: "TCP", healthCheck: { ...check, protocol: "HTTP", matcher } });
            await expectDetails(policy, [nlb("nlb-ok", "200-599"), nlb("nlb-zero", "0")], [
                'Target group "nlb-zero" health check matcher "0" has "0" outside the HTTP codes 200-599 a Network Load Balancer target group takes, so AWS refuses it; use HTTP status codes, e.g. "200-399".',
            ]);
        });
    });
});

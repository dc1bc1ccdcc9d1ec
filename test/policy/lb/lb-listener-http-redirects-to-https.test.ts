import * as assert from "node:assert/strict";
import { lbListenerHttpRedirectsToHttps as policy } from "../../../policy/lb/lb-listener-http-redirects-to-https";
import { ARNS } from "../baselines/network";
import { assertReported, baseline, evaluate, expectDetails } from "./kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbListener;
const ALB = AWS_TYPES.albListener;
const FIX = 'make its only default action { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }';
const forward = [{ type: "forward", targetGroupArn: ARNS.targetGroup }];

describe("lb-listener-http-redirects-to-https (catalog #14)", () => {
    it("GIVEN the HTTPS listener and the redirecting HTTP listener (aws:alb alias) THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "web-https"), baseline(ALB, "web-http")], []);
    });

    it("GIVEN an HTTP listener forwarding to the target group (the dev shape) THEN it is reported, advisory by default", async () => {
        const result = await expectDetails(policy, [baseline(ALB, "web-http", { defaultActions: forward })], [
            `Listener "web-http" (HTTP) serves plain HTTP with a "forward" default action; ${FIX}.`,
        ]);
        assert.equal(result.diagnostics[0].enforcementLevel, "advisory");
    });

    it("GIVEN the prod config making it mandatory WHEN HTTP forwards THEN the violation is mandatory", async () => {
        const result = await evaluate(policy, [baseline(LB, "web-http", { protocol: "HTTP", port: 80, defaultActions: forward })], {
            [policy.name]: "mandatory",
        });
        assertReported(result, policy, [`Listener "web-http" (HTTP) serves plain HTTP with a "forward" default action; ${FIX}.`], "mandatory");
    });

    it("GIVEN no protocol but a port (AWS defaults to HTTP) WHEN it forwards THEN it is reported", async () => {
        await expectDetails(policy, [baseline(ALB, "web-http", { protocol: undefined, defaultActions: forward })], [
            `Listener "web-http" (HTTP) serves plain HTTP with a "forward" default action; ${FIX}.`,
        ]);
    });

    it("GIVEN neither protocol nor port (a Gateway Load Balancer listener) THEN it does not apply", async () => {
        await expectDetails(policy, [baseline(ALB, "gwlb", { protocol: undefined, port: undefined, defaultActions: forward })], []);
    });

    it("GIVEN a redirect without a protocol (keeps #{protocol}) THEN it is reported", async () => {
        await expectDetails(
            policy,
            [baseline(ALB, "web-http", { defaultActions: [{ type: "redirect", redirect: { port: "443", statusCode: "HTTP_301" } }] })],
            ['Listener "web-http" (HTTP) redirects to protocol "#{protocol}", not HTTPS; set redirect.protocol to "HTTPS".'],
        );
    });

    it("GIVEN a redirect to HTTP THEN it is reported", async () => {
        await expectDetails(
            policy,
            [baseline(ALB, "web-http", { defaultActions: [{ type: "redirect", redirect: { protocol: "HTTP", statusCode: "HTTP_302" } }] })],
            ['Listener "web-http" (HTTP) redirects to protocol "HTTP", not HTTPS; set redirect.protocol to "HTTPS".'],
        );
    });

    it("GIVEN a redirect action without a redirect block THEN it is reported", async () => {
        await expectDetails(policy, [baseline(ALB, "web-http", { defaultActions: [{ type: "redirect" }] })], [
            'Listener "web-http" (HTTP) redirects to protocol "#{protocol}", not HTTPS; set redirect.protocol to "HTTPS".',
        ]);
    });

    it("GIVEN a redirect to HTTPS plus a second action THEN it is reported", async () => {
        const actions = [...(baseline(ALB, "x").inputs.defaultActions as unknown[]), ...forward];
        await expectDetails(policy, [baseline(ALB, "web-http", { defaultActions: actions })], [
            `Listener "web-http" (HTTP) has 2 default actions; ${FIX}.`,
        ]);
    });

    it("GIVEN no, empty or malformed default actions THEN each is reported", async () => {
        const message = `Listener "web-http" (HTTP) has no default action; ${FIX}.`;
        await expectDetails(policy, [baseline(ALB, "web-http", { defaultActions: undefined })], [message]);
        await expectDetails(policy, [baseline(ALB, "web-http", { defaultActions: [] })], [message]);
        await expectDetails(policy, [baseline(ALB, "web-http", { defaultActions: "redirect" })], [message]);
        await expectDetails(policy, [baseline(ALB, "web-http", { defaultActions: [42] })], [
            `Listener "web-http" (HTTP) serves plain HTTP with a default action without a type; ${FIX}.`,
        ]);
    });

    it("GIVEN a fixed-response action on HTTP THEN it is reported (only a redirect is allowed)", async () => {
        await expectDetails(policy, [baseline(ALB, "web-http", { defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } }] })], [
            `Listener "web-http" (HTTP) serves plain HTTP with a "fixed-response" default action; ${FIX}.`,
        ]);
    });

    it("GIVEN a lower-case protocol \"http\" THEN it is treated as HTTP", async () => {
        await expectDetails(policy, [baseline(LB, "web-http", { protocol: "http", port: 80, sslPolicy: undefined, certificateArn: undefined, defaultActions: forward })], [
            `Listener "web-http" (HTTP) serves plain HTTP with a "forward" default action; ${FIX}.`,
        ]);
    });
});

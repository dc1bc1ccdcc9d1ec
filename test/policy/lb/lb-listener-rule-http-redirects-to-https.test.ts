import { lbListenerRuleHttpRedirectsToHttps as policy } from "../../../policy/lb/lb-listener-rule-http-redirects-to-https";
import { fixture } from "../../../harness/fixtures";
import { ARNS } from "../baselines/network";
import { UNKNOWN } from "../../../harness/serialisation";
import { baseline, evaluate, expectDetails } from "./kit";
import * as assert from "node:assert/strict";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const HTTP_ARN = `${ARNS.listener}-http`;
const http = (type: string = AWS_TYPES.lbListener, change: Record<string, unknown> = {}) => baseline(type, "http", change, { state: { arn: HTTP_ARN } });
const https = () => baseline(AWS_TYPES.lbListener, "https", {}, { state: { arn: ARNS.listener } });
const rule = (name: string, actions: unknown[], listenerArn = HTTP_ARN, type: string = AWS_TYPES.lbListenerRule) =>
    fixture(type, name, { listenerArn, priority: 10, conditions: [{ pathPattern: { values: ["/api/*"] } }], actions });
const REDIRECT = { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } };
const FIX = 'make it redirect to HTTPS ({ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }) or move it to the HTTPS listener.';

describe("lb-listener-rule-http-redirects-to-https (catalog #14 across resources)", () => {
    it("GIVEN rules that redirect to HTTPS, and forwarding rules on the HTTPS listener THEN nothing is reported", async () => {
        await expectDetails(policy, [
            http(),
            https(),
            rule("to-https", [REDIRECT]),
            rule("api", [{ type: "forward", targetGroupArn: ARNS.targetGroup }], ARNS.listener),
        ], []);
    });

    it("GIVEN forward, weighted forward, fixed-response and authenticate-then-forward rules on an HTTP listener (both type tokens) THEN each is reported", async () => {
        await expectDetails(policy, [
            http(AWS_TYPES.albListener),
            rule("fwd", [{ type: "forward", targetGroupArn: ARNS.targetGroup }]),
            rule("canary", [{ type: "forward", forward: { targetGroups: [{ arn: ARNS.targetGroup, weight: 90 }, { arn: `${ARNS.targetGroup}-b`, weight: 10 }] } }], HTTP_ARN, AWS_TYPES.albListenerRule),
            rule("maint", [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "503" } }]),
            rule("sso", [{ type: "forward", order: 2, targetGroupArn: ARNS.targetGroup }, { type: "authenticate-oidc", order: 1, authenticateOidc: {} }]),
            rule("same-proto", [{ type: "redirect", redirect: { port: "8080", statusCode: "HTTP_302" } }]),
        ], [
            `Listener rule "fwd" on HTTP listener "http" serves plain HTTP with a "forward" action; ${FIX}`,
            `Listener rule "canary" on HTTP listener "http" serves plain HTTP with a weighted "forward" action; ${FIX}`,
            `Listener rule "maint" on HTTP listener "http" serves plain HTTP with a "fixed-response" action; ${FIX}`,
            `Listener rule "sso" on HTTP listener "http" serves plain HTTP with a "forward" action; ${FIX}`,
            'Listener rule "same-proto" on HTTP listener "http" redirects without switching to HTTPS; set redirect.protocol to "HTTPS".',
        ]);
    });

    it("GIVEN a rule on a listener outside the stack THEN skipped", async () => {
        await expectDetails(policy, [http(), rule("elsewhere", [{ type: "forward" }], "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/other/1/2")], []);
    });

    it("GIVEN a weighted forward with one group at weight 0 and one above, spelled with odd case and spacing THEN reported", async () => {
        await expectDetails(policy, [
            http("aws:alb/listener:Listener"),
            rule("half", [{ type: " Forward ", forward: { targetGroups: [{ arn: ARNS.targetGroup, weight: 0 }, { arn: `${ARNS.targetGroup}-b`, weight: 1 }] } }]),
            rule("upper", [{ type: "FIXED-RESPONSE", fixedResponse: { contentType: "text/plain", statusCode: "200" } }], HTTP_ARN, "aws:alb/listenerRule:ListenerRule"),
        ], [
            `Listener rule "half" on HTTP listener "http" serves plain HTTP with a weighted "forward" action; ${FIX}`,
            `Listener rule "upper" on HTTP listener "http" serves plain HTTP with a "fixed-response" action; ${FIX}`,
        ]);
    });

    it("GIVEN a redirect listed before a forward, or ordered first by `order`, THEN the forward is still found", async () => {
        await expectDetails(policy, [
            http("aws:alb/listener:Listener"),
            rule("listed", [REDIRECT, { type: "forward", targetGroupArn: ARNS.targetGroup }]),
            rule("ordered", [{ type: "forward", order: 5, targetGroupArn: ARNS.targetGroup }, { ...REDIRECT, order: 1 }]),
            rule("no-type", [{ targetGroupArn: ARNS.targetGroup }]),
            rule("none", []),
        ], [
            `Listener rule "listed" on HTTP listener "http" serves plain HTTP with a "forward" action; ${FIX}`,
            `Listener rule "ordered" on HTTP listener "http" serves plain HTTP with a "forward" action; ${FIX}`,
            `Listener rule "no-type" on HTTP listener "http" serves plain HTTP with an action without a type; ${FIX}`,
            `Listener rule "none" on HTTP listener "http" serves plain HTTP with no action; ${FIX}`,
        ]);
    });

    it("GIVEN an HTTP listener with only a port (ALB default protocol) and an https redirect in lower case THEN the redirect passes and a forward is reported", async () => {
        await expectDetails(policy, [
            http("aws:alb/listener:Listener", { protocol: undefined }),
            rule("lower", [{ type: "redirect", redirect: { protocol: "https", port: "443", statusCode: "HTTP_301" } }]),
            rule("fwd", [{ type: "forward", targetGroupArn: ARNS.targetGroup }]),
        ], [`Listener rule "fwd" on HTTP listener "http" serves plain HTTP with a "forward" action; ${FIX}`]);
    });

    it("GIVEN a listener whose protocol is spelled \" http \" THEN it is an HTTP listener", async () => {
        await expectDetails(policy, [http("aws:alb/listener:Listener", { protocol: " http " }), rule("fwd", [{ type: "forward", targetGroupArn: ARNS.targetGroup }])], [
            `Listener rule "fwd" on HTTP listener "http" serves plain HTTP with a "forward" action; ${FIX}`,
        ]);
    });

    it("GIVEN a preview where listener and rule ARNs are unknown THEN the rule is matched to its listener by its dependency", async () => {
        const listener = baseline("aws:alb/listener:Listener", "http", {}, { state: { arn: UNKNOWN } });
        const fwd = rule("fwd", [{ type: "forward", targetGroupArn: ARNS.targetGroup }], UNKNOWN);
        await expectDetails(policy, [listener, { ...fwd, propertyDependencies: { listenerArn: [listener.urn] } }], [
            `Listener rule "fwd" on HTTP listener "http" serves plain HTTP with a "forward" action; ${FIX}`,
        ]);
        await expectDetails(policy, [listener, { ...fwd, dependencies: [listener.urn] }], [
            `Listener rule "fwd" on HTTP listener "http" serves plain HTTP with a "forward" action; ${FIX}`,
        ]);
    });

    it("GIVEN a rule whose listener ARN is unknown and that depends on no listener THEN the rest is checked and the engine's preview advisory says the policy could not fully run", async () => {
        const result = await evaluate(policy, [
            http("aws:alb/listener:Listener"),
            rule("fwd", [{ type: "forward", targetGroupArn: ARNS.targetGroup }]),
            rule("orphan", [{ type: "forward", targetGroupArn: ARNS.targetGroup }], UNKNOWN),
        ]);
        assert.equal(result.diagnostics.length, 2);
        assert.equal(result.diagnostics[0].detail, `Listener rule "fwd" on HTTP listener "http" serves plain HTTP with a "forward" action; ${FIX}`);
        assert.match(result.diagnostics[1].message, /can't run policy 'lb-listener-rule-http-redirects-to-https'.*during preview/);
        assert.equal(result.diagnostics[1].enforcementLevel, "advisory");
    });
});

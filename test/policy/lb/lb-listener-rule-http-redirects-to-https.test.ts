import { lbListenerRuleHttpRedirectsToHttps as policy } from "../../../policy/lb/lb-listener-rule-http-redirects-to-https";
import { fixture } from "../../../harness/fixtures";
import { ARNS } from "../baselines/network";
import { baseline, expectDetails } from "./kit";
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
});

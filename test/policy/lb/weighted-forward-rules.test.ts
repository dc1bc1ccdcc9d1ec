/**
 * The routing rules over a blue/green service's listener rules, as ECS leaves them mid-deployment: a
 * production rule and a test rule (route + `X-Deployment-Test` header + source-ip), each forwarding to both
 * target groups with weights (one of them 0). The test rule is evaluated first and is narrower, so neither
 * shadows the other; HTTP listeners still may not serve them; priorities stay unique.
 */
import { fixture } from "../../../harness/fixtures";
import { lbListenerRuleHttpRedirectsToHttps } from "../../../policy/lb/lb-listener-rule-http-redirects-to-https";
import { lbListenerRuleNotShadowed } from "../../../policy/lb/lb-listener-rule-not-shadowed";
import { lbListenerRuleUniquePriority } from "../../../policy/lb/lb-listener-rule-unique-priority";
import { ARNS } from "../baselines/network";
import { baseline, expectDetails } from "./kit";

const ALTERNATE = ARNS.targetGroup.replace("/web/", "/web-alt/");
const https = () => baseline("aws:lb/listener:Listener", "https", {}, { state: { arn: ARNS.listener } });
const http = () => baseline("aws:alb/listener:Listener", "http", { defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }] }, { state: { arn: ARNS.listener } });
const weighted = (blue: number, green: number) => [{ type: "forward", forward: { targetGroups: [{ arn: ARNS.targetGroup, weight: blue }, { arn: ALTERNATE, weight: green }], stickiness: { enabled: false, duration: 1 } } }];
const route = [{ pathPattern: { values: ["/*"] } }, { hostHeader: { values: ["web.example.com"] } }];
const testConditions = [...route, { httpHeader: { httpHeaderName: "X-Deployment-Test", values: ["web"] } }, { sourceIp: { values: ["203.0.113.0/24"] } }];
const rule = (name: string, priority: number, conditions: unknown[], actions: unknown[], type = "aws:lb/listenerRule:ListenerRule") =>
    fixture(type, name, { listenerArn: ARNS.listener, priority, conditions, actions });
const production = (priority = 50000, weights: [number, number] = [100, 0]) => rule("web-production", priority, route, weighted(...weights));
const test = (priority = 49999, weights: [number, number] = [0, 100], type?: string) => rule("web-test", priority, testConditions, weighted(...weights), type);

describe("routing policies over weighted blue/green listener rules", () => {
    it("GIVEN the test rule (header + source-ip) at a lower priority number than the production rule THEN neither shadows the other, in either token or weight state", async () => {
        for (const [p, t] of [[[100, 0], [0, 100]], [[0, 100], [100, 0]], [[50, 50], [0, 100]]] as [[number, number], [number, number]][]) {
            await expectDetails(lbListenerRuleNotShadowed, [https(), production(50000, p), test(49999, t)], []);
            await expectDetails(lbListenerRuleNotShadowed, [https(), production(50000, p), test(1, t, "aws:alb/listenerRule:ListenerRule")], []);
        }
    });

    it("GIVEN the test rule evaluated after the production rule THEN the test rule is the one reported (production matches all its requests first)", async () => {
        await expectDetails(lbListenerRuleNotShadowed, [https(), production(10), test(20)], [
            'Listener rule "web-test" (priority 20, path "/*" and host "web.example.com" and header x-deployment-test "web" and source-ip "203.0.113.0/24") on listener "https" never receives traffic: ' +
                'rule "web-production" (priority 10, path "/*" and host "web.example.com") matches every request it would and is evaluated first; ' +
                'give "web-test" a lower priority number than "web-production", or narrow "web-production"\'s conditions.',
        ]);
    });

    it("GIVEN the header condition alone (no source-ip) still first THEN still not shadowing production", async () => {
        await expectDetails(lbListenerRuleNotShadowed, [https(), production(), rule("web-test", 49999, [...route, { httpHeader: { httpHeaderName: "x-deployment-test", values: ["web"] } }], weighted(0, 100))], []);
    });

    it("GIVEN distinct priorities THEN unique; the test rule given the production rule's priority THEN both reported", async () => {
        await expectDetails(lbListenerRuleUniquePriority, [https(), production(), test()], []);
        await expectDetails(lbListenerRuleUniquePriority, [https(), production(7), test(7)], [
            'Listener rule "web-production" has priority 7 on listener "https", as do "web-test"; AWS refuses a second rule with the same priority, so give each rule of the listener its own priority (lower numbers are evaluated first).',
            'Listener rule "web-test" has priority 7 on listener "https", as do "web-production"; AWS refuses a second rule with the same priority, so give each rule of the listener its own priority (lower numbers are evaluated first).',
        ]);
    });

    it("GIVEN the weighted rules on an HTTPS listener THEN served; on an HTTP listener THEN each is reported as a weighted forward, a weight of 0 included", async () => {
        await expectDetails(lbListenerRuleHttpRedirectsToHttps, [https(), production(), test()], []);
        const served = (name: string) =>
            `Listener rule "${name}" on HTTP listener "http" serves plain HTTP with a weighted "forward" action; make it redirect to HTTPS ({ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }) or move it to the HTTPS listener.`;
        await expectDetails(lbListenerRuleHttpRedirectsToHttps, [http(), production(50000, [100, 0]), test(49999, [0, 0])], [served("web-production"), served("web-test")]);
    });
});

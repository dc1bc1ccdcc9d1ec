/**
 * The listener-rule policies over resources a real program registers, in a normal preview and in a first
 * preview (every ARN unknown): rules of both type tokens on one shared load balancer are grouped by the
 * listener they depend on, so duplicates, shadowing and forwarding over HTTP are found in both.
 */
import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import { evaluatePack } from "../../../harness/policyEngine";
import { runProgram } from "../../../harness/runProgram";
import { lbListenerRuleHttpRedirectsToHttps } from "../../../policy/lb/lb-listener-rule-http-redirects-to-https";
import { lbListenerRuleNotShadowed } from "../../../policy/lb/lb-listener-rule-not-shadowed";
import { lbListenerRuleUniquePriority } from "../../../policy/lb/lb-listener-rule-unique-priority";

function program(): void {
    const lb = new aws.lb.LoadBalancer("shared", { loadBalancerType: "application", subnets: ["subnet-a", "subnet-b"] });
    const web = new aws.lb.TargetGroup("web", { port: 8080, protocol: "HTTP", targetType: "ip", vpcId: "vpc-1" });
    const api = new aws.lb.TargetGroup("api", { port: 8080, protocol: "HTTP", targetType: "ip", vpcId: "vpc-1" });
    const http = new aws.lb.Listener("http", { loadBalancerArn: lb.arn, port: 80, protocol: "HTTP", defaultActions: [{ type: "forward", targetGroupArn: web.arn }] });
    const https = new aws.alb.Listener("https", {
        loadBalancerArn: lb.arn,
        port: 443,
        protocol: "HTTPS",
        certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/1",
        defaultActions: [{ type: "forward", targetGroupArn: web.arn }],
    });
    const forward = (tg: aws.lb.TargetGroup) => [{ type: "forward", targetGroupArn: tg.arn }];
    new aws.lb.ListenerRule("all", { listenerArn: https.arn, priority: 10, conditions: [{ pathPattern: { values: ["/*"] } }], actions: forward(web) });
    new aws.alb.ListenerRule("api", { listenerArn: https.arn, priority: 20, conditions: [{ pathPattern: { values: ["/api/*"] } }], actions: forward(api) });
    new aws.lb.ListenerRule("admin", { listenerArn: https.arn, priority: 20, conditions: [{ hostHeader: { values: ["admin.example.com"] } }], actions: forward(api) });
    new aws.lb.ListenerRule("plain-api", {
        listenerArn: http.arn,
        priority: 20,
        conditions: [{ pathPattern: { values: ["/api/*"] } }],
        actions: [{ type: "forward", forward: { targetGroups: [{ arn: api.arn, weight: 100 }, { arn: web.arn, weight: 0 }] } }],
    });
}

const policies = [lbListenerRuleHttpRedirectsToHttps, lbListenerRuleUniquePriority, lbListenerRuleNotShadowed];

async function evaluateRun(firstPreview: boolean) {
    const run = await runProgram({ program, project: "routing", stack: "test", config: { "aws:region": "eu-west-1" }, preview: true, mocks: { firstPreview } });
    const result = await evaluatePack({ name: "test", policies }, run.resources);
    return result.diagnostics.map(d => `${d.policyName}: ${d.detail.replace(/ on listener "[^"]+"/, " on LISTENER").slice(0, 90)}`).sort();
}

describe("listener-rule policies over a program's own registrations", () => {
    it("GIVEN a normal and a first preview THEN the same duplicate, shadowed and HTTP-forwarding rules are reported, with no 'can't run' advisory", async () => {
        const expected = [
            'lb-listener-rule-http-redirects-to-https: Listener rule "plain-api" on HTTP listener "http" serves plain HTTP with a weighted "forwa',
            'lb-listener-rule-not-shadowed: Listener rule "api" (priority 20, path "/api/*") on LISTENER never receives traffic: rule "all" (',
            'lb-listener-rule-unique-priority: Listener rule "admin" has priority 20 on LISTENER, as do "api"; AWS refuses a second rule with the s',
            'lb-listener-rule-unique-priority: Listener rule "api" has priority 20 on LISTENER, as do "admin"; AWS refuses a second rule with the s',
        ].map(s => s.slice(0, s.indexOf(": ") + 2 + 90));
        assert.deepEqual(await evaluateRun(false), expected);
        assert.deepEqual(await evaluateRun(true), expected);
    });
});

import { lbLoadBalancerWafAttached as policy } from "../../../policy/lb/lb-load-balancer-waf-attached";
import { UNKNOWN } from "../../../harness/serialisation";
import { ARNS } from "../baselines/network";
import { baseline, evaluate, expectDetails } from "./kit";
import * as assert from "node:assert/strict";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbLoadBalancer;
const ALB = AWS_TYPES.albLoadBalancer;
const WAF = AWS_TYPES.wafv2WebAclAssociation;
const OTHER_ARN = ARNS.loadBalancer.replace("web/", "admin/");
const message = (name: string) =>
    `Load balancer "${name}" is internet-facing without a WAF web ACL; add an aws.wafv2.WebAclAssociation whose resourceArn is its arn.`;
const withArn = (type: string, name: string, arn: string, change: Record<string, unknown> = {}) =>
    baseline(type, name, change, { state: { arn } });

describe("lb-load-balancer-waf-attached (catalog #23, stack)", () => {
    it("GIVEN a public ALB and an association with its arn THEN nothing is reported", async () => {
        await expectDetails(policy, [withArn(LB, "web", ARNS.loadBalancer), baseline(WAF, "web-waf")], []);
    });

    it("GIVEN a public ALB (alias) without any association THEN it is reported against the load balancer, advisory", async () => {
        const result = await expectDetails(policy, [withArn(ALB, "web", ARNS.loadBalancer)], [message("web")]);
        assert.equal(result.diagnostics[0].urn, "urn:pulumi:test::fixtures::aws:alb/loadBalancer:LoadBalancer::web");
    });

    it("GIVEN an association for another load balancer THEN the unprotected one is reported", async () => {
        await expectDetails(
            policy,
            [withArn(LB, "web", ARNS.loadBalancer), withArn(LB, "admin", OTHER_ARN), baseline(WAF, "web-waf")],
            [message("admin")],
        );
    });

    it("GIVEN internal or network load balancers THEN they do not need WAF", async () => {
        await expectDetails(policy, [
            withArn(LB, "internal", ARNS.loadBalancer, { internal: true }),
            withArn(LB, "nlb", OTHER_ARN, { loadBalancerType: "network" }),
        ], []);
    });

    it("GIVEN a load balancer whose arn is not in state THEN it cannot be matched and is not reported", async () => {
        await expectDetails(policy, [baseline(LB, "web")], []);
    });

    it("GIVEN an association whose resourceArn is not known yet THEN the engine notes it cannot run", async () => {
        const result = await evaluate(policy, [withArn(LB, "web", ARNS.loadBalancer), baseline(WAF, "waf", { resourceArn: UNKNOWN })]);
        assert.equal(result.diagnostics.length, 1);
        assert.match(result.diagnostics[0].detail, /^can't run policy/);
    });
});

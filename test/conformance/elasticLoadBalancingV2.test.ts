/**
 * ELBv2 requests of both stacks against the model shipped in @aws-sdk/client-elastic-load-balancing-v2:
 * CreateTargetGroup and its attributes for every target group, CreateLoadBalancer and its attributes,
 * CreateListener for every listener and CreateRule for every listener rule.
 */
import * as assert from "node:assert/strict";
import { inputs, one, ofType } from "../support/stacks";
import { listenerLimits, loadBalancerLimits, ruleLimits, targetGroupLimits } from "./documentedLimits";
import { describeConformance, assertNoProblems, requestProblems, stateString } from "./kit";
import { createListener, createLoadBalancer, createRule, createTargetGroup } from "./mapping";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const TARGET_GROUP = AWS_TYPES.lbTargetGroup;
const LOAD_BALANCER = AWS_TYPES.lbLoadBalancer;
const LISTENER = AWS_TYPES.lbListener;

describeConformance("conformance: ELBv2 requests", "@aws-sdk/client-elastic-load-balancing-v2", (elb, stack, runOf) => {
            it("GIVEN every target group, alternates included WHEN sent as CreateTargetGroup and ModifyTargetGroupAttributes THEN the ELBv2 model and documented limits accept them", () => {
                const groups = ofType(runOf(), TARGET_GROUP);
                assert.ok(groups.length > 0, "no target group recorded");
                const problems = groups.flatMap(tg => {
                    const { request, unmapped } = createTargetGroup(inputs(tg), stateString(tg, "name"), stateString(tg, "arn"));
                    assert.ok((request.attributes.Attributes ?? []).length > 0, `no deregistration delay attribute recorded for ${tg.name}`);
                    return [
                        ...requestProblems("CreateTargetGroupInput", { request: request.create, unmapped }, elb, targetGroupLimits(request.create, request.attributes)),
                        ...requestProblems("ModifyTargetGroupAttributesInput", { request: request.attributes, unmapped: [] }, elb),
                    ].map(p => `${tg.name}: ${p}`);
                });
                assertNoProblems(`CreateTargetGroup (${stack})`, problems);
            });

            it("GIVEN every listener rule WHEN sent as CreateRule THEN the ELBv2 model and documented limits accept it", () => {
                const run = runOf();
                const tgArns = ofType(run, TARGET_GROUP).map(tg => stateString(tg, "arn"));
                const problems = ofType(run, AWS_TYPES.lbListenerRule).flatMap(rule => {
                    const mapped = createRule(inputs(rule));
                    return requestProblems("CreateRuleInput", mapped, elb, ruleLimits(mapped.request, tgArns)).map(p => `${rule.name}: ${p}`);
                });
                assertNoProblems(`CreateRule (${stack})`, problems);
            });

            it("GIVEN the load balancer WHEN sent as CreateLoadBalancer and ModifyLoadBalancerAttributes THEN the ELBv2 model and documented limits accept them", () => {
                const lb = one(runOf(), LOAD_BALANCER);
                const { request, unmapped } = createLoadBalancer(inputs(lb), stateString(lb, "name"), stateString(lb, "arn"));
                assertNoProblems(`CreateLoadBalancer (${stack})`, [
                    ...requestProblems("CreateLoadBalancerInput", { request: request.create, unmapped }, elb, loadBalancerLimits(request.create, request.attributes)),
                    ...requestProblems("ModifyLoadBalancerAttributesInput", { request: request.attributes, unmapped: [] }, elb),
                ]);
            });

            it("GIVEN every listener WHEN sent as CreateListener THEN the ELBv2 model and documented limits accept it, on this stack's load balancer and target groups", () => {
                const run = runOf();
                const listeners = ofType(run, LISTENER);
                assert.ok(listeners.length > 0, "no listener recorded");
                const lbArn = stateString(one(run, LOAD_BALANCER), "arn");
                const tgArns = ofType(run, TARGET_GROUP).map(tg => stateString(tg, "arn"));
                const problems = listeners.flatMap(listener => {
                    const mapped = createListener(inputs(listener));
                    const r = mapped.request;
                    const references = [
                        ...(r.LoadBalancerArn === lbArn ? [] : [`LoadBalancerArn ${r.LoadBalancerArn} is not the stack's load balancer`]),
                        ...(r.DefaultActions ?? [])
                            .filter(a => a.TargetGroupArn !== undefined && !tgArns.includes(a.TargetGroupArn))
                            .map(a => `TargetGroupArn ${a.TargetGroupArn} is no target group of the stack`),
                    ];
                    return requestProblems("CreateListenerInput", mapped, elb, [...listenerLimits(r), ...references]).map(p => `${listener.name}: ${p}`);
                });
                assertNoProblems(`CreateListener (${stack})`, problems);
            });
});

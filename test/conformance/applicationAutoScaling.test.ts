/**
 * Application Auto Scaling requests of both stacks against the model shipped in
 * @aws-sdk/client-application-auto-scaling: RegisterScalableTarget and PutScalingPolicy (target tracking).
 */
import * as assert from "node:assert/strict";
import { inputs, one, ofType } from "../support/stacks";
import { scalableTargetLimits, scalingPolicyLimits } from "./documentedLimits";
import { describeConformance, assertNoProblems, requestProblems, stateString } from "./kit";
import { putScalingPolicy, registerScalableTarget } from "./mapping";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const TARGET = AWS_TYPES.appautoscalingTarget;
const POLICY = AWS_TYPES.appautoscalingPolicy;

describeConformance("conformance: Application Auto Scaling requests", "@aws-sdk/client-application-auto-scaling", (scaling, stack, runOf) => {
            it("GIVEN the scalable target WHEN sent as RegisterScalableTarget THEN the model and documented limits accept it, for this stack's ECS service", () => {
                const run = runOf();
                const mapped = registerScalableTarget(inputs(one(run, TARGET)));
                const service = one(run, AWS_TYPES.ecsService);
                const cluster = one(run, AWS_TYPES.ecsCluster);
                const expectedId = `service/${stateString(cluster, "name")}/${stateString(service, "name")}`;
                const reference = mapped.request.ResourceId === expectedId ? [] : [`ResourceId ${mapped.request.ResourceId} is not the stack's service ${expectedId}`];
                assertNoProblems(
                    `RegisterScalableTarget (${stack})`,
                    requestProblems("RegisterScalableTargetRequest", mapped, scaling, [...scalableTargetLimits(mapped.request), ...reference]),
                );
            });

            it("GIVEN every scaling policy WHEN sent as PutScalingPolicy THEN the model and documented limits accept it, against the registered target", () => {
                const run = runOf();
                const policies = ofType(run, POLICY);
                assert.ok(policies.length > 0, "no scaling policy recorded");
                const targets = ofType(run, TARGET).map(t => registerScalableTarget(inputs(t)).request);
                const problems = policies.flatMap(policy => {
                    const mapped = putScalingPolicy(inputs(policy), stateString(policy, "name"));
                    return requestProblems("PutScalingPolicyRequest", mapped, scaling, scalingPolicyLimits(mapped.request, targets)).map(p => `${policy.name}: ${p}`);
                });
                assertNoProblems(`PutScalingPolicy (${stack})`, problems);
            });

            it("GIVEN a request-count policy WHEN its ResourceLabel is read THEN it names the service's target group behind the stack's load balancer", () => {
                const run = runOf();
                const labels = ofType(run, POLICY)
                    .map(policy => putScalingPolicy(inputs(policy), policy.name).request.TargetTrackingScalingPolicyConfiguration?.PredefinedMetricSpecification)
                    .filter(metric => metric?.PredefinedMetricType === "ALBRequestCountPerTarget")
                    .map(metric => metric?.ResourceLabel);
                // prod sets requestsPerTarget; dev does not.
                assert.equal(labels.length, stack === "prod" ? 1 : 0);
                const serviceTargetGroupArns: string[] = (inputs(one(run, AWS_TYPES.ecsService)).loadBalancers ?? []).map((lb: { targetGroupArn: string }) => lb.targetGroupArn);
                const servedTargetGroup = ofType(run, AWS_TYPES.lbTargetGroup).find(tg => serviceTargetGroupArns.includes(stateString(tg, "arn")));
                assert.ok(servedTargetGroup, "the service uses no target group of the stack");
                const expected = `${stateString(one(run, AWS_TYPES.lbLoadBalancer), "arnSuffix")}/${stateString(servedTargetGroup, "arnSuffix")}`;
                for (const label of labels) {
                    assert.equal(label, expected);
                }
            });
});

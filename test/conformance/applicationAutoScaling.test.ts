/**
 * Application Auto Scaling requests of both stacks against the model shipped in
 * @aws-sdk/client-application-auto-scaling: RegisterScalableTarget and PutScalingPolicy (target tracking), for
 * every service of the stack (dev runs a web service and a worker; prod one web service).
 */
import * as assert from "node:assert/strict";
import type { TargetTrackingMetricDataQuery } from "@aws-sdk/client-application-auto-scaling";
import { ProgramRun } from "../../harness/runProgram";
import { ApiModel, loadApiModel } from "../support/awsApiModel";
import { runStrategyStack } from "../support/strategyStack";
import { inputs, one, ofType } from "../support/stacks";
import { scalableTargetLimits, scalingPolicyLimits } from "./documentedLimits";
import { describeConformance, assertNoProblems, requestProblems, Stack, stateString } from "./kit";
import { putScalingPolicy, registerScalableTarget } from "./mapping";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const TARGET = AWS_TYPES.appautoscalingTarget;
const POLICY = AWS_TYPES.appautoscalingPolicy;

/** The services each stack file declares (`fargate-web:services`, or the one-service form in prod). */
const SERVICES: Record<Stack, readonly string[]> = { dev: ["web", "worker"], prod: ["web"] };

describeConformance("conformance: Application Auto Scaling requests", "@aws-sdk/client-application-auto-scaling", (scaling, stack, runOf) => {
            it("GIVEN every scalable target WHEN sent as RegisterScalableTarget THEN the model and documented limits accept it, one for each of this stack's ECS services", () => {
                const run = runOf();
                const cluster = one(run, AWS_TYPES.ecsCluster);
                // Every service of the stack scales (dev: web and worker; prod: web), so each has exactly one target.
                const services = ofType(run, AWS_TYPES.ecsService);
                assert.equal(services.length, SERVICES[stack].length);
                const expectedIds = services.map(service => `service/${stateString(cluster, "name")}/${stateString(service, "name")}`).sort();
                const targets = ofType(run, TARGET);
                assert.deepEqual(targets.map(t => t.name).sort(), SERVICES[stack].map(s => `${s}-target`));
                const mapped = targets.map(t => ({ name: t.name, mapped: registerScalableTarget(inputs(t)) }));
                assert.deepEqual(mapped.map(m => m.mapped.request.ResourceId).sort(), expectedIds, "each target is one of the stack's services, each service has one");
                const problems = mapped.flatMap(({ name, mapped: m }) =>
                    requestProblems("RegisterScalableTargetRequest", m, scaling, scalableTargetLimits(m.request)).map(p => `${name}: ${p}`),
                );
                assertNoProblems(`RegisterScalableTarget (${stack})`, problems);
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

            it("GIVEN a request-count policy WHEN its metric is read THEN it names the service's target groups behind the stack's load balancer: one by ResourceLabel when rolling, both by metric math when traffic shifts", () => {
                const run = runOf();
                const configs = ofType(run, POLICY).map(policy => putScalingPolicy(inputs(policy), policy.name).request.TargetTrackingScalingPolicyConfiguration);
                const labels = configs.map(c => c?.PredefinedMetricSpecification).filter(metric => metric?.PredefinedMetricType === "ALBRequestCountPerTarget").map(metric => metric?.ResourceLabel);
                const mathGroups = configs
                    .map(c => c?.CustomizedMetricSpecification?.Metrics)
                    .filter(metrics => metrics?.some(m => m.MetricStat?.Metric?.MetricName === "RequestCountPerTarget"))
                    .map(metrics => (metrics ?? []).flatMap(m => m.MetricStat?.Metric?.Dimensions?.filter(d => d.Name === "TargetGroup").map(d => d.Value) ?? []));
                const entry = (inputs(one(run, AWS_TYPES.ecsService, "web-service")).loadBalancers ?? [])[0];
                const suffixOf = (arn: string | undefined) => ofType(run, AWS_TYPES.lbTargetGroup).find(tg => stateString(tg, "arn") === arn);
                const served = suffixOf(entry?.targetGroupArn);
                assert.ok(served, "the service uses no target group of the stack");
                const alternate = suffixOf(entry?.advancedConfiguration?.alternateTargetGroupArn);
                // prod sets requestsPerTarget and deploys blue/green: metric math over both groups; dev sets none.
                assert.deepEqual([labels.length, mathGroups.length], stack === "prod" ? [0, 1] : [0, 0]);
                if (stack === "prod") {
                    assert.ok(alternate, "prod's service shifts traffic to an alternate target group of the stack");
                    assert.deepEqual(mathGroups[0], [stateString(served, "arnSuffix"), stateString(alternate, "arnSuffix")]);
                }
                for (const label of labels) {
                    assert.equal(label, `${stateString(one(run, AWS_TYPES.lbLoadBalancer), "arnSuffix")}/${stateString(served, "arnSuffix")}`);
                }
            });
});

describe("conformance: Application Auto Scaling requests of the strategy stack (request scaling over two target groups)", () => {
    let run: ProgramRun;
    let scaling: ApiModel;
    before(async function () {
        this.timeout(60_000);
        scaling = loadApiModel("@aws-sdk/client-application-auto-scaling");
        run = await runStrategyStack();
    });
    const requestsPolicy = () => putScalingPolicy(inputs(one(run, POLICY, "api-requests")), "api-requests");

    it("GIVEN every scaling policy, api's metric-math request policy included WHEN sent as PutScalingPolicy THEN the model and documented limits accept it, against the registered targets", () => {
        const targets = ofType(run, TARGET).map(t => registerScalableTarget(inputs(t)).request);
        const problems = ofType(run, POLICY).flatMap(policy => {
            const mapped = putScalingPolicy(inputs(policy), stateString(policy, "name"));
            return requestProblems("PutScalingPolicyRequest", mapped, scaling, scalingPolicyLimits(mapped.request, targets)).map(p => `${policy.name}: ${p}`);
        });
        assertNoProblems("PutScalingPolicy (strategies)", problems);
        // Non-vacuous: the walked request carries metric math over the stack's own two target groups of api.
        const metrics = requestsPolicy().request.TargetTrackingScalingPolicyConfiguration?.CustomizedMetricSpecification?.Metrics ?? [];
        const groups = metrics.flatMap(m => m.MetricStat?.Metric?.Dimensions?.filter(d => d.Name === "TargetGroup").map(d => d.Value) ?? []);
        assert.deepEqual(groups, [stateString(one(run, AWS_TYPES.lbTargetGroup, "api-tg"), "arnSuffix"), stateString(one(run, AWS_TYPES.lbTargetGroup, "api-alt"), "arnSuffix")]);
        assert.equal(requestsPolicy().request.TargetTrackingScalingPolicyConfiguration?.PredefinedMetricSpecification, undefined);
    });

    // Each case breaks one member of api's metric-math policy and names the problem the check must report.
    const cases: Array<[string, (m: TargetTrackingMetricDataQuery[]) => TargetTrackingMetricDataQuery[], RegExp]> = [
        ["two queries returning data", m => m.map(q => ({ ...q, ReturnData: q.Id === "perTarget" ? true : q.ReturnData })), /2 queries returning data/],
        ["a query left to its default ReturnData (true)", m => m.map(q => (q.Id === "perTargetAlt" ? { ...q, ReturnData: undefined } : q)), /2 queries returning data/],
        ["an expression naming a missing id", m => m.map(q => (q.Expression ? { ...q, Expression: "MAX(FILL([perTarget, perTargetB], 0))" } : q)), /refers to "perTargetB"/],
        ["a query with both an expression and a metric", m => m.map((q, i) => (i === 0 ? { ...q, Expression: "perTargetAlt" } : q)), /Metrics\[0\] needs exactly one of Expression and MetricStat/],
        ["an id starting with a capital", m => m.map(q => (q.Id === "perTargetAlt" ? { ...q, Id: "PerTargetAlt" } : q)), /Id is "PerTargetAlt"/],
    ];
    for (const [what, mutate, expected] of cases) {
        it(`GIVEN ${what} THEN the check refuses it`, () => {
            const request = structuredClone(requestsPolicy().request);
            const custom = request.TargetTrackingScalingPolicyConfiguration!.CustomizedMetricSpecification!;
            custom.Metrics = mutate(custom.Metrics!);
            const targets = ofType(run, TARGET).map(t => registerScalableTarget(inputs(t)).request);
            const problems = requestProblems("PutScalingPolicyRequest", { request, unmapped: [] }, scaling, scalingPolicyLimits(request, targets));
            assert.ok(problems.some(p => expected.test(p)), `expected ${expected} in:\n  ${problems.join("\n  ")}`);
        });
    }

    it("GIVEN a policy with both a predefined and a customized metric THEN the check refuses it", () => {
        const request = structuredClone(requestsPolicy().request);
        request.TargetTrackingScalingPolicyConfiguration!.PredefinedMetricSpecification = { PredefinedMetricType: "ECSServiceAverageCPUUtilization" };
        assert.ok(scalingPolicyLimits(request, ofType(run, TARGET).map(t => registerScalableTarget(inputs(t)).request)).some(p => /exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification/.test(p)));
    });
});

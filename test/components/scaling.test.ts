import { strict as assert } from "node:assert";
import { ServiceScaling, ServiceScalingArgs } from "../../components/scaling";
import { inputs, ofType, one, runInline } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const base: ServiceScalingArgs = { clusterName: "cluster-1", serviceName: "web-svc", minCapacity: 2, maxCapacity: 6 };
const build = (args: Partial<ServiceScalingArgs> = {}) => runInline(() => void new ServiceScaling("web", { ...base, ...args }));

describe("ServiceScaling (under mocks)", () => {
    it("THEN the target scales the service's desired count within bounds", async () => {
        const run = await build();
        const target = inputs(one(run, AWS_TYPES.appautoscalingTarget));
        assert.deepEqual(target, {
            serviceNamespace: "ecs",
            scalableDimension: "ecs:service:DesiredCount",
            resourceId: "service/cluster-1/web-svc",
            minCapacity: 2,
            maxCapacity: 6,
        });
    });

    it("THEN CPU target tracking holds 70 % with 300 s in and 60 s out cooldowns by default", async () => {
        const run = await build();
        const [cpu] = ofType(run, AWS_TYPES.appautoscalingPolicy).map(inputs);
        assert.equal(cpu.policyType, "TargetTrackingScaling");
        assert.equal(cpu.resourceId, "service/cluster-1/web-svc");
        assert.deepEqual(cpu.targetTrackingScalingPolicyConfiguration, {
            targetValue: 70,
            scaleInCooldown: 300,
            scaleOutCooldown: 60,
            predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
        });
    });

    it("GIVEN memory and request targets THEN it adds those policies with the ALB resource label", async () => {
        const run = await build({
            memoryTargetPercent: 75,
            requestsPerTarget: 500,
            loadBalancer: { loadBalancerArnSuffix: "app/web/123", targetGroupArnSuffix: "targetgroup/web/456" },
        });
        const metrics = ofType(run, AWS_TYPES.appautoscalingPolicy).map(p => inputs(p).targetTrackingScalingPolicyConfiguration);
        assert.deepEqual(metrics.map(m => [m.targetValue, m.predefinedMetricSpecification.predefinedMetricType, m.predefinedMetricSpecification.resourceLabel]), [
            [70, "ECSServiceAverageCPUUtilization", undefined],
            [75, "ECSServiceAverageMemoryUtilization", undefined],
            [500, "ALBRequestCountPerTarget", "app/web/123/targetgroup/web/456"],
        ]);
    });

    it("GIVEN request scaling over a shifted service's two target groups THEN the requests policy tracks both by metric math, with no predefined metric", async () => {
        const run = await build({
            requestsPerTarget: 500,
            loadBalancer: { loadBalancerArnSuffix: "app/web/123", targetGroupArnSuffix: "targetgroup/web/456", alternateTargetGroupArnSuffix: "targetgroup/web-alt/789" },
        });
        const config = inputs(one(run, AWS_TYPES.appautoscalingPolicy, "web-requests")).targetTrackingScalingPolicyConfiguration;
        assert.equal(config.targetValue, 500);
        assert.equal(config.predefinedMetricSpecification, undefined);
        const metrics = config.customizedMetricSpecification.metrics;
        assert.deepEqual(
            metrics.map((m: any) => [m.id, m.returnData, m.expression ?? `${m.metricStat.metric.metricName} ${m.metricStat.stat} ${m.metricStat.metric.dimensions.map((d: any) => d.value).join(" ")}`]),
            [
                ["perTarget", false, "RequestCountPerTarget Sum app/web/123 targetgroup/web/456"],
                ["perTargetAlt", false, "RequestCountPerTarget Sum app/web/123 targetgroup/web-alt/789"],
                ["requestsPerTarget", true, "MAX(FILL([perTarget, perTargetAlt], 0))"],
            ],
        );
        // Without request scaling the alternate group adds nothing.
        const cpuOnly = await build({ loadBalancer: { loadBalancerArnSuffix: "app/web/123", targetGroupArnSuffix: "targetgroup/web/456", alternateTargetGroupArnSuffix: "targetgroup/web-alt/789" } });
        assert.deepEqual(ofType(cpuOnly, AWS_TYPES.appautoscalingPolicy).map(p => p.name), ["web-cpu"]);
    });

    it("GIVEN min above max THEN it throws before registering anything", async () => {
        await assert.rejects(build({ minCapacity: 7 }), /ServiceScaling web: minCapacity \(7\) must be a whole number from 0 to maxCapacity \(6\)/);
    });

    it("GIVEN a custom metric THEN a target-tracking policy holds it, dimensions sorted", async () => {
        const run = await build({
            customMetric: { namespace: "App/Jobs", metricName: "BacklogPerTask", dimensions: { Stage: "dev", Queue: "jobs" }, statistic: "Maximum", targetValue: 25 },
        });
        const policy = inputs(one(run, "aws:appautoscaling/policy:Policy", "web-metric"));
        assert.deepEqual(policy.targetTrackingScalingPolicyConfiguration.customizedMetricSpecification, {
            namespace: "App/Jobs",
            metricName: "BacklogPerTask",
            statistic: "Maximum",
            dimensions: [
                { name: "Queue", value: "jobs" },
                { name: "Stage", value: "dev" },
            ],
        });
        assert.equal(policy.targetTrackingScalingPolicyConfiguration.targetValue, 25);
        assert.equal(policy.targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification, undefined);
    });

    it("GIVEN a statistic target tracking does not know, or requests without a load balancer THEN it says what is allowed", async () => {
        await assert.rejects(
            build({ customMetric: { namespace: "App", metricName: "Backlog", statistic: "p90" as "Average", targetValue: 1 } }),
            /^ProgramError: ServiceScaling web: customMetric\.statistic is "p90"; expected one of Average, Minimum, Maximum, Sum, SampleCount\.$/,
        );
        await assert.rejects(
            build({ requestsPerTarget: 100 }),
            /^ProgramError: ServiceScaling web: requestsPerTarget needs loadBalancer \(the ARN suffixes of the load balancer and target group\); a service with no route scales on CPU, memory or customMetric\.$/,
        );
    });
});

import * as assert from "node:assert/strict";
import { scalingPolicyRequestCountBothTargetGroups as policy } from "../../../policy/scaling/scaling-policy-request-count-both-target-groups";
import { fixture } from "../../../harness/fixtures";
import { RecordedResource } from "../../../harness/types";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";
import { UNKNOWN } from "../../../harness/serialisation";
import { ACCOUNT, assertViolations, evaluate, REGION, resourceOf, SERVICE, TARGET_GROUP_ARN } from "../baselines/ecs";

const NAME = "scaling-policy-request-count-both-target-groups";
const ALTERNATE = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web-alt/fedcba9876543210`;
const PRIMARY_SUFFIX = "targetgroup/web/0123456789abcdef";
const ALTERNATE_SUFFIX = "targetgroup/web-alt/fedcba9876543210";
const LB = "app/web/50dc6c495c0c9188";

/** A service of `strategy`; ROLLING has one target group and no advanced configuration. */
function service(strategy = "BLUE_GREEN", alternate: unknown = ALTERNATE): RecordedResource {
    return resourceOf(SERVICE, "web", {
        deploymentConfiguration: { strategy },
        loadBalancers: [
            {
                targetGroupArn: TARGET_GROUP_ARN,
                containerName: "web",
                containerPort: 8080,
                ...(strategy === "ROLLING" ? {} : { advancedConfiguration: { alternateTargetGroupArn: alternate, productionListenerRule: "rule", roleArn: "role" } }),
            },
        ],
    });
}
const tracking = (name: string, metric: Record<string, unknown>): RecordedResource =>
    fixture(AWS_TYPES.appautoscalingPolicy, name, {
        policyType: "TargetTrackingScaling",
        serviceNamespace: "ecs",
        scalableDimension: "ecs:service:DesiredCount",
        resourceId: "service/cluster/web",
        targetTrackingScalingPolicyConfiguration: { targetValue: 500, scaleInCooldown: 300, scaleOutCooldown: 60, ...metric },
    });
const predefined = (suffix: string) => tracking("web-requests", { predefinedMetricSpecification: { predefinedMetricType: "ALBRequestCountPerTarget", resourceLabel: `${LB}/${suffix}` } });
const perTarget = (id: string, suffix: string) => ({
    id,
    returnData: false,
    metricStat: { metric: { namespace: "AWS/ApplicationELB", metricName: "RequestCountPerTarget", dimensions: [{ name: "LoadBalancer", value: LB }, { name: "TargetGroup", value: suffix }] }, stat: "Sum" },
});
const bothGroups = () =>
    tracking("web-requests", {
        customizedMetricSpecification: {
            metrics: [perTarget("perTarget", PRIMARY_SUFFIX), perTarget("perTargetAlt", ALTERNATE_SUFFIX), { id: "requestsPerTarget", returnData: true, expression: "MAX(FILL([perTarget, perTargetAlt], 0))" }],
        },
    });
const cpu = () => tracking("web-cpu", { predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" } });
const message = (reads: string, misses: string) =>
    `Scaling policy "web-requests" tracks requests of target group ${reads} only, not ${misses}; service "web" shifts production between the two at every deployment, so the policy sees no requests after every other one and scales the service in. Track both by metric math: customizedMetricSpecification.metrics over both groups' RequestCountPerTarget, e.g. MAX(FILL([perTarget, perTargetAlt], 0)).`;

describe(NAME, () => {
    it("GIVEN a blue/green service scaling on both groups by metric math, and on CPU THEN no violation", async () => {
        assertViolations(await evaluate(policy, [service(), bothGroups(), cpu()]), NAME, "advisory", []);
    });

    it("GIVEN ALBRequestCountPerTarget on the primary group THEN reported on the policy, naming the group it misses", async () => {
        const stack = [service(), predefined(PRIMARY_SUFFIX), cpu()];
        const result = await evaluate(policy, stack);
        assertViolations(result, NAME, "advisory", [message(PRIMARY_SUFFIX, ALTERNATE_SUFFIX)]);
        assert.equal(result.diagnostics[0].urn, stack[1].urn);
    });

    it("GIVEN the alternate group alone, or a customized metric on one group THEN reported, for canary and linear too", async () => {
        assertViolations(await evaluate(policy, [service("CANARY"), predefined(ALTERNATE_SUFFIX)]), NAME, "advisory", [message(ALTERNATE_SUFFIX, PRIMARY_SUFFIX)]);
        const oneCustom = tracking("web-requests", {
            customizedMetricSpecification: { namespace: "AWS/ApplicationELB", metricName: "RequestCountPerTarget", statistic: "Sum", dimensions: [{ name: "TargetGroup", value: PRIMARY_SUFFIX }] },
        });
        assertViolations(await evaluate(policy, [service("LINEAR"), oneCustom]), NAME, "advisory", [message(PRIMARY_SUFFIX, ALTERNATE_SUFFIX)]);
    });

    it("GIVEN a rolling service, or an alternate group not known yet THEN not judged", async () => {
        assertViolations(await evaluate(policy, [service("ROLLING"), predefined(PRIMARY_SUFFIX)]), NAME, "advisory", []);
        assertViolations(await evaluate(policy, [service("BLUE_GREEN", UNKNOWN), predefined(PRIMARY_SUFFIX)]), NAME, "advisory", []);
    });
});

import * as assert from "node:assert/strict";
import { ecsServiceAlarmsWatchBothTargetGroups as policy } from "../../../policy/ecs/ecs-service-alarms-watch-both-target-groups";
import { fixture } from "../../../harness/fixtures";
import { RecordedResource } from "../../../harness/types";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";
import { UNKNOWN } from "../../../harness/serialisation";
import { ACCOUNT, assertViolations, evaluate, REGION, resourceOf, SERVICE, TARGET_GROUP_ARN } from "../baselines/ecs";

const NAME = "ecs-service-alarms-watch-both-target-groups";
const ELB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}`;
const ALTERNATE = `${ELB}:targetgroup/web-alt/fedcba9876543210`;
const PRIMARY_SUFFIX = "targetgroup/web/0123456789abcdef";
const ALTERNATE_SUFFIX = "targetgroup/web-alt/fedcba9876543210";
const LB = "app/web/50dc6c495c0c9188";
const ALARMS = ["web-target-5xx", "web-latency-p99", "web-cpu-high"];

const query = (id: string, metricName: string, targetGroup: string, stat = "Sum") => ({
    id,
    returnData: false,
    metric: { namespace: "AWS/ApplicationELB", metricName, dimensions: { TargetGroup: targetGroup, LoadBalancer: LB }, stat, period: 60 },
});
/** The 5xx alarm as the stack builds it for a shifted service: both groups by metric math. */
const bothGroups5xx = (): RecordedResource =>
    fixture(AWS_TYPES.cloudwatchMetricAlarm, "web-target-5xx", {
        name: "web-target-5xx",
        metricQueries: [
            query("errors", "HTTPCode_Target_5XX_Count", PRIMARY_SUFFIX),
            query("errorsAlt", "HTTPCode_Target_5XX_Count", ALTERNATE_SUFFIX),
            query("requests", "RequestCount", PRIMARY_SUFFIX),
            query("requestsAlt", "RequestCount", ALTERNATE_SUFFIX),
            { id: "errorsAll", returnData: false, expression: "FILL(errors, 0) + FILL(errorsAlt, 0)" },
            { id: "requestsAll", returnData: false, expression: "FILL(requests, 0) + FILL(requestsAlt, 0)" },
            { id: "rate", returnData: true, expression: "IF(requestsAll > 0, 100 * errorsAll / requestsAll, 0)" },
        ],
    });
const oneGroupLatency = (targetGroup: string): RecordedResource =>
    fixture(AWS_TYPES.cloudwatchMetricAlarm, "web-latency-p99", {
        name: "web-latency-p99",
        namespace: "AWS/ApplicationELB",
        metricName: "TargetResponseTime",
        extendedStatistic: "p99",
        period: 60,
        dimensions: { TargetGroup: targetGroup, LoadBalancer: LB },
    });
const bothGroupsLatency = (): RecordedResource =>
    fixture(AWS_TYPES.cloudwatchMetricAlarm, "web-latency-p99", {
        name: "web-latency-p99",
        metricQueries: [query("p99", "TargetResponseTime", PRIMARY_SUFFIX, "p99"), query("p99Alt", "TargetResponseTime", ALTERNATE_SUFFIX, "p99"), { id: "latency", returnData: true, expression: "MAX(FILL([p99, p99Alt], 0))" }],
    });
const cpu = (): RecordedResource =>
    fixture(AWS_TYPES.cloudwatchMetricAlarm, "web-cpu-high", { name: "web-cpu-high", namespace: "AWS/ECS", metricName: "CPUUtilization", statistic: "Average", period: 60, dimensions: { ClusterName: "c", ServiceName: "web" } });

function service(overrides: Record<string, unknown> = {}, strategy = "CANARY"): RecordedResource {
    return resourceOf(SERVICE, "web", {
        alarms: { alarmNames: ALARMS, enable: true, rollback: true },
        deploymentConfiguration: { strategy },
        loadBalancers: [
            { targetGroupArn: TARGET_GROUP_ARN, containerName: "web", containerPort: 8080, advancedConfiguration: { alternateTargetGroupArn: ALTERNATE, productionListenerRule: "rule", roleArn: "role" } },
        ],
        ...overrides,
    });
}

const oneGroupMessage = (reads: string, missing: string) =>
    `Alarm "web-latency-p99" rolls service "web" back but reads only target group ${reads}, not ${missing}; ECS moves production between the two at every deployment, so after every other one the alarm sees no traffic. Read both groups by metric math (e.g. FILL(errors, 0) + FILL(errorsAlt, 0)).`;

describe(NAME, () => {
    it("GIVEN a canary service whose rollback alarms read both groups (and a CPU alarm, which reads none) THEN no violation", async () => {
        assertViolations(await evaluate(policy, [service(), bothGroups5xx(), bothGroupsLatency(), cpu()]), NAME, "advisory", []);
    });

    it("GIVEN a rollback alarm on the primary group only THEN reported on the alarm, naming the group it misses", async () => {
        const stack = [service(), bothGroups5xx(), oneGroupLatency(PRIMARY_SUFFIX), cpu()];
        const result = await evaluate(policy, stack);
        assertViolations(result, NAME, "advisory", [oneGroupMessage(PRIMARY_SUFFIX, ALTERNATE_SUFFIX)]);
        assert.equal(result.diagnostics[0].urn, stack[2].urn);
    });

    it("GIVEN a rollback alarm on the alternate group only THEN reported too: production is on the primary half of the time", async () => {
        assertViolations(await evaluate(policy, [service(), bothGroups5xx(), oneGroupLatency(ALTERNATE_SUFFIX)]), NAME, "advisory", [oneGroupMessage(ALTERNATE_SUFFIX, PRIMARY_SUFFIX)]);
    });

    it("GIVEN blue/green and linear alike THEN reported; a rolling service (one group) is not judged", async () => {
        for (const strategy of ["BLUE_GREEN", "LINEAR"]) {
            assert.equal((await evaluate(policy, [service({}, strategy), oneGroupLatency(PRIMARY_SUFFIX)])).diagnostics.length, 1, strategy);
        }
        const rolling = service({ deploymentConfiguration: undefined, loadBalancers: [{ targetGroupArn: TARGET_GROUP_ARN, containerName: "web", containerPort: 8080 }] });
        assertViolations(await evaluate(policy, [rolling, oneGroupLatency(PRIMARY_SUFFIX)]), NAME, "advisory", []);
    });

    it("GIVEN a one-group alarm the service does not roll back on THEN not judged", async () => {
        const notNamed = service({ alarms: { alarmNames: ["web-target-5xx"], enable: true, rollback: true } });
        assertViolations(await evaluate(policy, [notNamed, bothGroups5xx(), oneGroupLatency(PRIMARY_SUFFIX)]), NAME, "advisory", []);
    });

    it("GIVEN alarm names or the alternate group not known yet, or alarms outside the stack THEN skipped, nothing guessed", async () => {
        const unknownNames = service({ alarms: { alarmNames: UNKNOWN, enable: true, rollback: true } });
        assertViolations(await evaluate(policy, [unknownNames, oneGroupLatency(PRIMARY_SUFFIX)]), NAME, "advisory", []);
        const unknownAlternate = service({
            loadBalancers: [{ targetGroupArn: TARGET_GROUP_ARN, containerName: "web", containerPort: 8080, advancedConfiguration: { alternateTargetGroupArn: UNKNOWN, productionListenerRule: "rule", roleArn: "role" } }],
        });
        assertViolations(await evaluate(policy, [unknownAlternate, oneGroupLatency(PRIMARY_SUFFIX)]), NAME, "advisory", []);
        assertViolations(await evaluate(policy, [service()]), NAME, "advisory", []);
    });
});

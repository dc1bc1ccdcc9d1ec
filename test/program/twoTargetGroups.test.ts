/**
 * The strategy stack (`test/support/strategyStack.ts`: web blue/green, api canary with request scaling,
 * admin linear, worker rolling) under mocks: each shifted service's load-balancer alarms, dashboard graphs
 * and request scaling read its primary and its alternate target group, by the suffixes the stack's own
 * target groups report; the rolling worker and the alarm names the ECS services roll back on stay as they were.
 */
import { strict as assert } from "node:assert";
import { evaluatePack } from "../../harness/policyEngine";
import { ProgramRun } from "../../harness/runProgram";
import { RecordedResource } from "../../harness/types";
import { pack } from "../../policy/pack";
import { AWS_TYPES } from "../../policy/facts/typeTokens";
import { inputs, one, ofType, state } from "../support/stacks";
import { API_REQUESTS_PER_TARGET, runStrategyStack } from "../support/strategyStack";

const SHIFTED = ["web", "api", "admin"] as const;

describe("a shifted service's metrics over both target groups (strategy stack under mocks)", () => {
    let run: ProgramRun;
    before(async () => {
        run = await runStrategyStack();
    });
    const suffix = (name: string) => state(one(run, AWS_TYPES.lbTargetGroup, name)).arnSuffix as string;
    const alarm = (name: string) => inputs(one(run, AWS_TYPES.cloudwatchMetricAlarm, name));
    const groupsRead = (name: string) =>
        [...new Set((alarm(name).metricQueries ?? []).filter((q: any) => q.metric).map((q: any) => q.metric.dimensions.TargetGroup as string))].sort();

    for (const s of SHIFTED) {
        it(`GIVEN ${s} THEN its 5xx, latency and unhealthy-host alarms each read exactly its primary and alternate groups on the stack's load balancer`, () => {
            const expected = [suffix(`${s}-tg`), suffix(`${s}-alt`)].sort();
            assert.ok(expected.every(e => /^targetgroup\//.test(e)), expected.join(", "));
            for (const role of ["target-5xx", "latency-p99", "unhealthy-hosts"]) {
                assert.deepEqual(groupsRead(`${s}-${role}`), expected, `${s}-${role}`);
                const lbs = new Set(alarm(`${s}-${role}`).metricQueries.filter((q: any) => q.metric).map((q: any) => q.metric.dimensions.LoadBalancer));
                assert.deepEqual([...lbs], [state(one(run, AWS_TYPES.lbLoadBalancer)).arnSuffix]);
            }
            assert.equal(alarm(`${s}-target-5xx`).metricQueries.find((q: any) => q.returnData).expression, "MAX([rateBlue, rateGreen])");
            assert.equal(alarm(`${s}-latency-p99`).metricQueries.find((q: any) => q.returnData).expression, "MAX(FILL([p99, p99Alt], 0))");
            assert.equal(alarm(`${s}-latency-p99`).extendedStatistic, undefined);
        });
    }

    it("THEN every ECS service rolls back on the alarms of its own name, whatever its strategy", () => {
        for (const s of SHIFTED) {
            const names = inputs(one(run, AWS_TYPES.ecsService, `${s}-service`)).alarms.alarmNames;
            const own = ["target-5xx", "latency-p99", "unhealthy-hosts"].map(role => state(one(run, AWS_TYPES.cloudwatchMetricAlarm, `${s}-${role}`)).name);
            assert.deepEqual(names, own, s);
        }
    });

    it("THEN the dashboard graphs each shifted service's requests, 5xx and hosts over both groups, and the rolling worker as before", () => {
        const body = JSON.parse(inputs(one(run, AWS_TYPES.cloudwatchDashboard)).dashboardBody);
        for (const s of SHIFTED) {
            const requests = body.widgets.find((w: any) => w.properties.title === `${s}: requests and 5xx`).properties.metrics;
            const groups = requests.filter((m: unknown[]) => typeof m[0] === "string").map((m: unknown[]) => m[3]);
            assert.deepEqual([...new Set(groups)].sort(), [suffix(`${s}-tg`), suffix(`${s}-alt`)].sort(), s);
            assert.deepEqual(requests.at(-2), [{ expression: "FILL(requests, 0) + FILL(requestsAlt, 0)", label: "Requests", id: "requestsAll" }]);
        }
        assert.deepEqual(
            body.widgets.filter((w: any) => w.properties.title.startsWith("worker:")).map((w: any) => w.properties.title),
            ["worker: CPU and memory (%)", "worker: tasks"],
        );
    });

    it("THEN api's request scaling tracks the busier of its two groups' requests per target, and no policy uses ALBRequestCountPerTarget", () => {
        const config = inputs(one(run, AWS_TYPES.appautoscalingPolicy, "api-requests")).targetTrackingScalingPolicyConfiguration;
        assert.equal(config.targetValue, API_REQUESTS_PER_TARGET);
        const metrics = config.customizedMetricSpecification.metrics;
        assert.deepEqual(
            metrics.filter((m: any) => m.metricStat).map((m: any) => m.metricStat.metric.dimensions.find((d: any) => d.name === "TargetGroup").value),
            [suffix("api-tg"), suffix("api-alt")],
        );
        assert.equal(metrics.find((m: any) => m.returnData).expression, "MAX(FILL([perTarget, perTargetAlt], 0))");
        const predefined = ofType(run, AWS_TYPES.appautoscalingPolicy).map(p => inputs(p).targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification?.predefinedMetricType);
        assert.ok(!predefined.includes("ALBRequestCountPerTarget"), predefined.join(", "));
    });

    it("THEN the rolling worker's alarms read no target group", () => {
        const worker = ofType(run, AWS_TYPES.cloudwatchMetricAlarm).filter(a => a.name.startsWith("worker-"));
        assert.ok(worker.length > 0);
        assert.equal(JSON.stringify(worker.map(inputs)).includes("TargetGroup"), false);
    });

    it("THEN the pack's ecs-service-alarms-watch-both-target-groups passes the stack, and reports a shifted service's alarm put back on one group", async () => {
        const policyName = "ecs-service-alarms-watch-both-target-groups";
        const found = async (resources: RecordedResource[]) => (await evaluatePack(pack, resources)).diagnostics.filter(d => d.policyName === policyName).map(d => d.detail);
        assert.deepEqual(await found(run.resources), []);
        const latency = one(run, AWS_TYPES.cloudwatchMetricAlarm, "api-latency-p99");
        const primaryOnly = { ...inputs(latency), metricQueries: inputs(latency).metricQueries.filter((q: any) => q.id === "p99").map((q: any) => ({ ...q, returnData: true })) };
        const broken = run.resources.map(r => (r === latency ? { ...r, inputs: primaryOnly, state: { ...r.state, ...primaryOnly } } : r));
        const details = await found(broken);
        assert.equal(details.length, 1, details.join("\n"));
        assert.match(details[0], new RegExp(`^Alarm "${state(latency).name}" rolls service "api-service" back but reads only target group ${suffix("api-tg")}, not ${suffix("api-alt")};`));
    });

    it("THEN the pack's scaling-policy-request-count-both-target-groups passes the stack, and reports api's request policy put back on ALBRequestCountPerTarget of one group", async () => {
        const policyName = "scaling-policy-request-count-both-target-groups";
        const found = async (resources: RecordedResource[]) => (await evaluatePack(pack, resources)).diagnostics.filter(d => d.policyName === policyName).map(d => d.detail);
        assert.deepEqual(await found(run.resources), []);
        const requests = one(run, AWS_TYPES.appautoscalingPolicy, "api-requests");
        const config = inputs(requests).targetTrackingScalingPolicyConfiguration;
        const label = `${state(one(run, AWS_TYPES.lbLoadBalancer)).arnSuffix}/${suffix("api-tg")}`;
        const oneGroup = {
            ...inputs(requests),
            targetTrackingScalingPolicyConfiguration: { ...config, customizedMetricSpecification: undefined, predefinedMetricSpecification: { predefinedMetricType: "ALBRequestCountPerTarget", resourceLabel: label } },
        };
        const broken = run.resources.map(r => (r === requests ? { ...r, inputs: oneGroup, state: { ...r.state, ...oneGroup } } : r));
        const details = await found(broken);
        assert.equal(details.length, 1, details.join("\n"));
        assert.match(details[0], new RegExp(`^Scaling policy "api-requests" tracks requests of target group ${suffix("api-tg")} only, not ${suffix("api-alt")}; service "api-service"`));
    });
});

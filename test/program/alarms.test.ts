/**
 * Alarms, the alarm topic and the dashboard of the dev (web + worker) and prod (one web service) stacks, as
 * `index.ts` makes them; and the loader's refusals of the alarm keys.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { ConfigError, parseStackConfig } from "../../components/stackConfig";
import { readStackConfig } from "../../harness/projectConfig";
import { evaluatePack, mandatory } from "../../harness/policyEngine";
import { ProgramRun } from "../../harness/runProgram";
import { pack } from "../../policy/pack";
import { inputs, ofType, one, PROJECT_DIR, runStack, state } from "../support/stacks";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const SERVICE = "aws:ecs/service:Service";
const TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";

const alarmNames = (run: ProgramRun, service: string): string[] =>
    ofType(run, ALARM)
        .filter(a => a.name.startsWith(`${service}-`))
        .map(a => a.name)
        .sort();

for (const stack of ["dev", "prod"]) {
    describe(`GIVEN the ${stack} stack`, () => {
        let run: ProgramRun;
        before(async () => {
            run = await runStack(stack);
        });

        it("THEN every alarm notifies the stack's topic, which the stack exports with the dashboard's URL", () => {
            const topic = state(one(run, "aws:sns/topic:Topic", "web-alarms"));
            assert.ok(ofType(run, ALARM).length > 0);
            for (const a of ofType(run, ALARM)) {
                assert.deepEqual([inputs(a).actionsEnabled, inputs(a).alarmActions, inputs(a).okActions], [true, [topic.arn], [topic.arn]], a.name);
            }
            assert.equal(run.outputs.alarmTopicArn, topic.arn);
            assert.equal(run.outputs.dashboardUrl, `https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards:name=fargate-web-${stack}`);
        });

        it("THEN the web service rolls a deployment back on its 5xx, latency and unhealthy-host alarms, beside the circuit breaker", () => {
            const web = inputs(one(run, SERVICE, "web-service"));
            const rollback = ["web-latency-p99", "web-target-5xx", "web-unhealthy-hosts"].map(n => state(one(run, ALARM, n)).name);
            assert.deepEqual({ ...web.alarms, alarmNames: [...web.alarms.alarmNames].sort() }, { alarmNames: rollback.sort(), enable: true, rollback: true });
            assert.deepEqual(web.deploymentCircuitBreaker, { enable: true, rollback: true });
            assert.deepEqual(alarmNames(run, "web"), ["web-cpu-high", "web-latency-p99", "web-memory-high", "web-running-tasks", "web-target-5xx", "web-unhealthy-hosts"]);
        });

        it("THEN the load balancer's alarms read the web target group's and load balancer's ARN suffixes, and the alternate group's too when the service shifts traffic (prod, blue/green)", () => {
            const tg = state(one(run, TARGET_GROUP, "web-tg"));
            const lb = state(one(run, "aws:lb/loadBalancer:LoadBalancer"));
            const alternate = run.resources.find(r => r.type === TARGET_GROUP && r.name === "web-alt");
            assert.equal(alternate !== undefined, stack === "prod", "prod deploys blue/green, dev rolls");
            const groups = [tg.arnSuffix, ...(alternate ? [state(alternate).arnSuffix] : [])];
            const on = (group: string) => ({ TargetGroup: group, LoadBalancer: lb.arnSuffix });
            const unhealthy = inputs(one(run, ALARM, "web-unhealthy-hosts"));
            if (alternate) {
                assert.equal(unhealthy.dimensions, undefined);
                assert.deepEqual(unhealthy.metricQueries.filter((q: { metric?: unknown }) => q.metric).map((q: { metric: { dimensions: unknown } }) => q.metric.dimensions), groups.map(on));
            } else {
                assert.deepEqual(unhealthy.dimensions, on(tg.arnSuffix));
            }
            const rate = inputs(one(run, ALARM, "web-target-5xx"));
            const metrics = rate.metricQueries.filter((q: { metric?: unknown }) => q.metric);
            assert.deepEqual(
                metrics.map((q: { metric: { metricName: string; dimensions: unknown } }) => [q.metric.metricName, q.metric.dimensions]),
                ["HTTPCode_Target_5XX_Count", "RequestCount"].flatMap(metricName => groups.map(group => [metricName, on(group)])),
            );
        });

        it("THEN the dashboard shows every long-running service by its ECS name", () => {
            const dashboard = inputs(one(run, "aws:cloudwatch/dashboard:Dashboard", "web-dashboard"));
            assert.equal(dashboard.dashboardName, `fargate-web-${stack}`);
            const body = JSON.parse(dashboard.dashboardBody);
            const services = ofType(run, SERVICE).map(s => state(s).name as string);
            for (const name of services) {
                assert.ok(body.widgets.some((w: { properties: { metrics: string[][] } }) => w.properties.metrics.some(m => m.includes(name))), name);
            }
        });

        it("THEN the policy pack finds no mandatory violation", async () => {
            const policyConfig = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", `${stack}.json`), "utf8"));
            assert.deepEqual(mandatory(await evaluatePack(pack, run.resources, policyConfig)), []);
        });
    });
}

describe("GIVEN the dev stack's worker", () => {
    it("THEN it has CPU, memory and running-task alarms but no alarm rollback", async () => {
        const run = await runStack("dev");
        assert.deepEqual(alarmNames(run, "worker"), ["worker-cpu-high", "worker-memory-high", "worker-running-tasks"]);
        assert.equal(inputs(one(run, SERVICE, "worker-service")).alarms, undefined);
    });
});

describe("alarm keys", () => {
    const parse = (stack: string, values: Record<string, string>) => {
        const base = readStackConfig(PROJECT_DIR, stack);
        return parseStackConfig({ project: base.project, stack, values: { ...base.config, ...values }, secretKeys: base.secretKeys });
    };
    const problems = (stack: string, values: Record<string, string>): readonly string[] => {
        try {
            parse(stack, values);
        } catch (e) {
            assert.ok(e instanceof ConfigError, String(e));
            return e.problems;
        }
        return [];
    };

    it("THEN the defaults are 5 %, 2000 ms and 3 periods; prod states its stricter 2 % and 1000 ms", () => {
        assert.deepEqual(parse("prod", {}).services[0].alarms, { target5xxPercent: 2, latencyP99Ms: 1000, evaluationPeriods: 3 });
        assert.deepEqual(parse("dev", {}).services.map(s => s.alarms), [{ target5xxPercent: 5, latencyP99Ms: 2000, evaluationPeriods: 3 }, { evaluationPeriods: 3 }]);
    });

    it("GIVEN stack-wide values and a service's own THEN the service's win", () => {
        const services = JSON.stringify({ web: { kind: "web", alarm5xxPercent: 1 }, worker: { kind: "worker", appPath: "./worker", alarmEvaluationPeriods: 10 } });
        const parsed = parse("dev", { "fargate-web:alarm5xxPercent": "20", "fargate-web:alarmLatencyP99Ms": "500", "fargate-web:services": services });
        assert.deepEqual(parsed.services.map(s => s.alarms), [{ target5xxPercent: 1, latencyP99Ms: 500, evaluationPeriods: 3 }, { evaluationPeriods: 10 }]);
    });

    it("GIVEN values out of range or of the wrong type THEN each is refused by its key", () => {
        const found = problems("prod", {
            "fargate-web:alarm5xxPercent": "0",
            "fargate-web:alarmLatencyP99Ms": "fast",
            "fargate-web:alarmEvaluationPeriods": "61",
            "fargate-web:alarmEmail": "ops at example.com",
        });
        assert.equal(found.length, 4, found.join("\n"));
        assert.match(found.find(p => p.includes("alarm5xxPercent"))!, /fargate-web:alarm5xxPercent.*0.*1 to 100/);
        assert.match(found.find(p => p.includes("alarmLatencyP99Ms"))!, /fargate-web:alarmLatencyP99Ms.*"fast"/);
        assert.match(found.find(p => p.includes("alarmEvaluationPeriods"))!, /fargate-web:alarmEvaluationPeriods.*61.*1 to 60/);
        assert.match(found.find(p => p.includes("alarmEmail"))!, /fargate-web:alarmEmail.*"ops at example\.com".*email address/);
    });

    it("GIVEN email variants THEN one address is taken, lists and display names are not", () => {
        assert.equal(parse("prod", { "fargate-web:alarmEmail": "ops+alarms@example.co.uk" }).alarmEmail, "ops+alarms@example.co.uk");
        for (const bad of ["a@b.com,c@d.com", "Ops <ops@example.com>", "ops@", "@example.com", "ops@example", "ops@@example.com"]) {
            assert.equal(problems("prod", { "fargate-web:alarmEmail": bad }).length, 1, bad);
        }
        assert.equal(parse("prod", {}).alarmEmail, undefined);
    });

    it("GIVEN a worker entry with a web-only alarm key THEN it is refused by its path", () => {
        const services = JSON.stringify({ web: { kind: "web" }, worker: { kind: "worker", appPath: "./worker", alarmLatencyP99Ms: 100 } });
        const found = problems("dev", { "fargate-web:services": services });
        assert.equal(found.length, 1, found.join("\n"));
        assert.match(found[0], /services\.worker\.alarmLatencyP99Ms/);
    });
});

describe("GIVEN dev with a second web service behind /api/*", () => {
    it("THEN its alarms read its own target group, with its own threshold, and roll back its own service", async () => {
        const services = { web: { kind: "web" }, api: { kind: "web", paths: ["/api/*"], alarm5xxPercent: 1 }, worker: { kind: "worker", appPath: "./worker" } };
        const run = await runStack("dev", { values: { "fargate-web:services": JSON.stringify(services) } });
        const lb = state(one(run, "aws:lb/loadBalancer:LoadBalancer")).arnSuffix;
        const tgOf = (name: string) => state(one(run, TARGET_GROUP, name)).arnSuffix;
        assert.notEqual(tgOf("api-tg"), tgOf("web-tg"));
        assert.deepEqual(inputs(one(run, ALARM, "api-unhealthy-hosts")).dimensions, { TargetGroup: tgOf("api-tg"), LoadBalancer: lb });
        assert.deepEqual(inputs(one(run, ALARM, "web-unhealthy-hosts")).dimensions, { TargetGroup: tgOf("web-tg"), LoadBalancer: lb });
        assert.deepEqual([inputs(one(run, ALARM, "api-target-5xx")).threshold, inputs(one(run, ALARM, "web-target-5xx")).threshold], [1, 5]);
        const api = inputs(one(run, SERVICE, "api-service")).alarms;
        const expected = ["api-latency-p99", "api-target-5xx", "api-unhealthy-hosts"].map(n => state(one(run, ALARM, n)).name).sort();
        assert.deepEqual([...api.alarmNames].sort(), expected);
        const body = JSON.parse(inputs(one(run, "aws:cloudwatch/dashboard:Dashboard")).dashboardBody);
        assert.deepEqual(
            body.widgets.map((w: { properties: { title: string } }) => w.properties.title.split(":")[0]).filter((n: string, i: number, all: string[]) => all.indexOf(n) === i),
            ["web", "api", "worker"],
        );
    });
});

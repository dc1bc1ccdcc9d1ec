import * as assert from "node:assert/strict";
import { fixture } from "../../../harness/fixtures";
import { UNKNOWN } from "../../../harness/serialisation";
import { RecordedResource } from "../../../harness/types";
import { ecsServiceRollbackAlarmsExist as policy } from "../../../policy/ecs/ecs-service-rollback-alarms-exist";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";
import { assertViolations, COMPOSITE_ALARM, evaluate, METRIC_ALARM, resourceOf, SERVICE } from "../baselines/ecs";

const NAME = "ecs-service-rollback-alarms-exist";

/** A BLUE_GREEN service without the breaker, rolling back on `alarmNames`. */
const relaxed = (alarmNames: unknown[], change: Record<string, unknown> = {}): RecordedResource =>
    resourceOf(SERVICE, "web", {
        deploymentConfiguration: { strategy: "BLUE_GREEN", bakeTimeInMinutes: "10" },
        deploymentCircuitBreaker: undefined,
        alarms: { alarmNames, enable: true, rollback: true },
        ...change,
    });
const metricAlarm = (name: string, inputs: Record<string, unknown> = {}) => fixture(METRIC_ALARM, name, { comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 1, ...inputs });
const unnamed = (names: string[]) =>
    `Service "web" rolls back on alarms ${names.map(n => JSON.stringify(n)).join(", ")} instead of the deployment circuit breaker, but none of them is an alarm in this stack, ` +
    "so a failing deployment would be detected by nothing; name the stack's aws.cloudwatch.MetricAlarm or CompositeAlarm in alarms.alarmNames, " +
    "list alarms managed elsewhere in this policy's trustedAlarmNames, or set deploymentCircuitBreaker: { enable: true, rollback: true }.";

const check = async (resources: RecordedResource[], expected: string[], config?: Parameters<typeof evaluate>[2]) =>
    assertViolations(await evaluate(policy, resources, config), NAME, "mandatory", expected);

describe(NAME, () => {
    it("GIVEN alarm names that name the stack's metric alarm (name) or composite alarm (alarmName) THEN no violation", async () => {
        await check([relaxed(["web-5xx"]), metricAlarm("five", { name: "web-5xx" })], []);
        await check([relaxed(["missing", "web-any"]), fixture(COMPOSITE_ALARM, "any", { alarmName: "web-any", alarmRule: "ALARM(a)" })], []);
    });

    it("GIVEN an auto-named alarm THEN its Pulumi auto-name (logical name, -, 7 hex digits) is its name", async () => {
        await check([relaxed(["web-target-5xx-fa6d0a8"]), metricAlarm("web-target-5xx")], []);
        for (const name of ["web-target-5xx", "web-target-5xx-FA6D0A8", "web-target-5xx-fa6d0a8x", "web-target-5xx-extra-fa6d0a8"]) {
            await check([relaxed([name]), metricAlarm("web-target-5xx")], [unnamed([name])]);
        }
        // An explicit name is the name: the logical name's auto-name is not.
        await check([relaxed(["web-target-5xx-fa6d0a8"]), metricAlarm("web-target-5xx", { name: "web-5xx" })], [unnamed(["web-target-5xx-fa6d0a8"])]);
    });

    it("GIVEN alarm names no alarm in the stack has (none, another's name, an alarm of another kind) THEN reported on the service", async () => {
        const svc = relaxed(["does-not-exist"]);
        const result = await evaluate(policy, [svc]);
        assertViolations(result, NAME, "mandatory", [unnamed(["does-not-exist"])]);
        assert.equal(result.diagnostics[0].urn, svc.urn);
        await check([relaxed(["web-5xx ", "WEB-5XX"]), metricAlarm("five", { name: "web-5xx" })], [unnamed(["web-5xx ", "WEB-5XX"])]);
        await check([relaxed(["web-5xx"]), fixture(AWS_TYPES.cloudwatchLogGroup, "web-5xx", { name: "web-5xx" })], [unnamed(["web-5xx"])]);
    });

    for (const strategy of ["CANARY", "LINEAR"]) {
        it(`GIVEN ${strategy} with a bogus alarm name THEN reported`, async () => {
            await check([relaxed(["bogus"], { deploymentConfiguration: { strategy } })], [unnamed(["bogus"])]);
        });
    }

    it("GIVEN names of alarms managed elsewhere listed in trustedAlarmNames THEN no violation", async () => {
        await check([relaxed(["shared-5xx"])], [], { [NAME]: { enforcementLevel: "mandatory", trustedAlarmNames: ["shared-5xx"] } });
        await check([relaxed(["shared-5xx"])], [unnamed(["shared-5xx"])], { [NAME]: { enforcementLevel: "mandatory", trustedAlarmNames: ["other"] } });
    });

    it("GIVEN a name not known yet (preview) THEN it counts", async () => {
        await check([relaxed(["bogus", UNKNOWN])], []);
    });

    it("GIVEN a service the breaker policy does not relax (complete breaker, rolling, misspelt strategy, external controller, no alarm rollback) THEN not this policy's concern", async () => {
        await check([relaxed(["bogus"], { deploymentCircuitBreaker: { enable: true, rollback: true } })], []);
        await check([relaxed(["bogus"], { deploymentConfiguration: { strategy: "ROLLING" } })], []);
        await check([relaxed(["bogus"], { deploymentConfiguration: { strategy: "blue_green" } })], []);
        await check([relaxed(["bogus"], { deploymentController: { type: "CODE_DEPLOY" } })], []);
        await check([relaxed(["bogus"], { alarms: { alarmNames: ["bogus"], enable: true, rollback: false } })], []);
    });

    describe("requireForAllServices (prod): every alarm name of every service that rolls back on alarms", () => {
        const ALL = { [NAME]: { enforcementLevel: "mandatory" as const, requireForAllServices: true } };
        const rolling = (alarmNames: unknown[], change: Record<string, unknown> = {}) =>
            relaxed(alarmNames, { deploymentConfiguration: { strategy: "ROLLING" }, deploymentCircuitBreaker: { enable: true, rollback: true }, ...change });
        const missing = (names: string[]) =>
            `Service "web" rolls back on ${names.length === 1 ? "alarm" : "alarms"} ${names.map(n => JSON.stringify(n)).join(", ")}, which no alarm in this stack is named, ` +
            `so ECS watches nothing under ${names.length === 1 ? "that name" : "those names"} during a deployment; ` +
            "name the stack's aws.cloudwatch.MetricAlarm or CompositeAlarm in alarms.alarmNames, or list alarms managed elsewhere in this policy's trustedAlarmNames.";

        it("GIVEN a rolling service with the breaker and a misspelt alarm name THEN reported only with requireForAllServices", async () => {
            const stack = [rolling(["web-5xx", "web-latancy-p99"]), metricAlarm("five", { name: "web-5xx" }), metricAlarm("p99", { name: "web-latency-p99" })];
            await check(stack, []);
            await check(stack, [missing(["web-latancy-p99"])], ALL);
        });

        it("GIVEN a blue/green service with the breaker, or one of whose names exists, THEN each missing name is reported", async () => {
            await check([relaxed(["gone"], { deploymentCircuitBreaker: { enable: true, rollback: true } })], [missing(["gone"])], ALL);
            await check([relaxed(["web-5xx", "typo-1", "typo-2"]), metricAlarm("five", { name: "web-5xx" })], [missing(["typo-1", "typo-2"])], ALL);
        });

        it("GIVEN an excused service none of whose names exists THEN the breaker message alone, not twice", async () => {
            await check([relaxed(["bogus"])], [unnamed(["bogus"])], ALL);
        });

        it("GIVEN trusted names, auto-names, unknown names or alarm names not known yet, external controllers and no rollback THEN nothing", async () => {
            const trusted = { [NAME]: { ...ALL[NAME], trustedAlarmNames: ["shared-5xx"] } };
            await check([rolling(["shared-5xx", "web-target-5xx-fa6d0a8"]), metricAlarm("web-target-5xx")], [], trusted);
            await check([rolling(["web-5xx", UNKNOWN]), metricAlarm("five", { name: "web-5xx" })], [], ALL);
            await check([rolling(["web-5xx"]), metricAlarm("five", { name: UNKNOWN })], [], ALL);
            await check([rolling(["bogus"], { deploymentController: { type: "CODE_DEPLOY" } })], [], ALL);
            await check([rolling(["bogus"], { alarms: { alarmNames: ["bogus"], enable: true, rollback: false } })], [], ALL);
        });
    });
});

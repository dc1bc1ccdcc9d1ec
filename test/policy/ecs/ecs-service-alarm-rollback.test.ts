import * as assert from "node:assert/strict";
import { ecsServiceAlarmRollback as policy } from "../../../policy/ecs/ecs-service-alarm-rollback";
import { ecsServiceDeploymentCircuitBreaker } from "../../../policy/ecs/ecs-service-deployment-circuit-breaker";
import { UNKNOWN } from "../../../harness/serialisation";
import { assertViolations, evaluate, resourceOf, SERVICE } from "../baselines/ecs";

const NAME = "ecs-service-alarm-rollback";
const FIX = "set alarms: { alarmNames: [<5xx, latency and unhealthy-host alarms>], enable: true, rollback: true }";
const NOT_SET = `alarms is not set, so a deployment that serves errors or answers slowly is not rolled back; ${FIX}.`;
const NO_NAMES = `alarms.alarmNames names no alarm, so ECS has nothing to watch during a deployment; ${FIX}.`;
const ENABLE = "alarms.enable is not true, so ECS ignores the alarms during a deployment; set it to true.";
const ROLLBACK = "alarms.rollback is not true, so an alarm stops a deployment without returning to the last working task definition; set it to true.";
const ALL = { [NAME]: { enforcementLevel: "mandatory", requireForAllServices: true } } as const;
const worker = (overrides: Record<string, unknown>) => resourceOf(SERVICE, "worker", { loadBalancers: undefined, ...overrides });

describe(NAME, () => {
    it("GIVEN the baseline (circuit breaker, and two alarms with enable and rollback) THEN no violation", async () => {
        assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web")]), NAME, "advisory", []);
    });

    it("GIVEN a web service without alarms, or with null or a non-object THEN reported", async () => {
        for (const alarms of [undefined, null, "web-5xx", ["web-5xx"]]) {
            assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { alarms })]), NAME, "advisory", [NOT_SET]);
        }
    });

    it("GIVEN alarms without a usable name THEN reported", async () => {
        for (const alarmNames of [undefined, null, [], [""], ["  ", null, 5], "web-5xx", { 0: "web-5xx" }]) {
            assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { alarms: { alarmNames, enable: true, rollback: true } })]), NAME, "advisory", [NO_NAMES]);
        }
    });

    it("GIVEN enable or rollback not true, in any spelling THEN each missing setting is reported", async () => {
        const names = ["web-target-5xx-rate"];
        assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { alarms: { alarmNames: names, enable: true, rollback: false } })]), NAME, "advisory", [ROLLBACK]);
        assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { alarms: { alarmNames: names, enable: false, rollback: true } })]), NAME, "advisory", [ENABLE]);
        for (const spelling of ["true", "TRUE", 1, undefined, null]) {
            assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { alarms: { alarmNames: names, enable: spelling, rollback: spelling } })]), NAME, "advisory", [ENABLE, ROLLBACK]);
        }
        assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { alarms: {} })]), NAME, "advisory", [NO_NAMES, ENABLE, ROLLBACK]);
    });

    it("GIVEN the prod level THEN the violation is mandatory", async () => {
        assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { alarms: undefined })], { [NAME]: "mandatory" }), NAME, "mandatory", [NOT_SET]);
    });

    it("GIVEN a service without a load balancer THEN checked only with requireForAllServices", async () => {
        for (const loadBalancers of [undefined, null, []]) {
            assertViolations(await evaluate(policy, [worker({ loadBalancers, alarms: undefined })]), NAME, "advisory", []);
        }
        assertViolations(await evaluate(policy, [worker({ alarms: undefined })], ALL), NAME, "mandatory", [NOT_SET]);
        assertViolations(await evaluate(policy, [worker({})], ALL), NAME, "mandatory", []);
    });

    it("GIVEN a CODE_DEPLOY or EXTERNAL controller THEN not checked, as by the circuit breaker's policy; ECS in any form is", async () => {
        const result = await evaluate(policy, [
            resourceOf(SERVICE, "bg", { alarms: undefined, deploymentController: { type: "CODE_DEPLOY" } }),
            resourceOf(SERVICE, "ext", { alarms: undefined, deploymentController: { type: "EXTERNAL" } }),
        ]);
        assertViolations(result, NAME, "advisory", []);
        for (const deploymentController of [{ type: "ECS" }, {}, { type: null }, null]) {
            assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { alarms: undefined, deploymentController })]), NAME, "advisory", [NOT_SET]);
        }
    });

    it("GIVEN alarm names not known yet (alarms still to be created) THEN they count as names", async () => {
        assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { alarms: { alarmNames: [UNKNOWN, UNKNOWN], enable: true, rollback: true } })]), NAME, "advisory", []);
    });

    it("GIVEN alarms or its name list not known yet THEN nothing is guessed: the engine notes it could not run", async () => {
        for (const alarms of [UNKNOWN, { alarmNames: UNKNOWN, enable: true, rollback: true }]) {
            const result = await evaluate(policy, [resourceOf(SERVICE, "web", { alarms })]);
            assert.equal(result.diagnostics.length, 1);
            assert.match(result.diagnostics[0].message, /can't run policy/);
        }
    });

    it("GIVEN rolling with circuit breaker and alarms THEN the circuit breaker's policy still accepts it, and still needs the breaker", async () => {
        const breaker = "ecs-service-deployment-circuit-breaker";
        assertViolations(await evaluate(ecsServiceDeploymentCircuitBreaker, [resourceOf(SERVICE, "web")]), breaker, "mandatory", []);
        const alarmsOnly = resourceOf(SERVICE, "web", { deploymentCircuitBreaker: undefined });
        assertViolations(await evaluate(policy, [alarmsOnly]), NAME, "advisory", []);
        assert.equal((await evaluate(ecsServiceDeploymentCircuitBreaker, [alarmsOnly])).diagnostics.length, 1);
    });
});

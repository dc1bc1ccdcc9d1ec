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

    it("GIVEN a CODE_DEPLOY or EXTERNAL controller THEN reported (ECS alarms need the ECS controller), unless acceptExternalControllers", async () => {
        const external = (type: string) =>
            `deploymentController.type is "${type}", so ECS watches no deployment alarm and nothing rolls a deployment that serves errors back; ` +
            `use the ECS controller (strategy BLUE_GREEN, CANARY or LINEAR for a traffic shift) with alarms: { alarmNames: [<5xx, latency and unhealthy-host alarms>], enable: true, rollback: true }, ` +
            `or set this policy's acceptExternalControllers once the ${type === "CODE_DEPLOY" ? "CodeDeploy deployment group" : "external deployer"} rolls back on alarms.`;
        const refused = (type: string) =>
            `alarms is enabled on a service whose deploymentController.type is "${type}", which ECS refuses (deployment alarms need the ECS controller); remove alarms, or use the ECS controller.`;
        const bg = resourceOf(SERVICE, "bg", { alarms: undefined, deploymentController: { type: "CODE_DEPLOY" } });
        const ext = resourceOf(SERVICE, "ext", { alarms: undefined, deploymentController: { type: "EXTERNAL" } });
        assertViolations(await evaluate(policy, [bg, ext]), NAME, "advisory", [external("CODE_DEPLOY"), external("EXTERNAL")]);
        const accepted = { [NAME]: { enforcementLevel: "advisory", acceptExternalControllers: true } } as const;
        assertViolations(await evaluate(policy, [bg, ext], accepted), NAME, "advisory", []);
        // The baseline's alarms on a CODE_DEPLOY service: ECS refuses them at creation, whatever the setting.
        const withAlarms = resourceOf(SERVICE, "bg", { deploymentController: { type: "CODE_DEPLOY" } });
        assertViolations(await evaluate(policy, [withAlarms], accepted), NAME, "advisory", [refused("CODE_DEPLOY")]);
        assertViolations(await evaluate(policy, [withAlarms]), NAME, "advisory", [refused("CODE_DEPLOY"), external("CODE_DEPLOY")]);
        for (const deploymentController of [{ type: "ECS" }, {}, { type: null }, null]) {
            assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { alarms: undefined, deploymentController })]), NAME, "advisory", [NOT_SET]);
        }
    });

    it("GIVEN a controller spelled in a way the provider refuses (\"code_deploy\", \"ecs\") THEN the service is judged as ECS's, not skipped", async () => {
        for (const type of ["code_deploy", "external", "ecs", " ECS", "CodeDeploy"]) {
            assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { alarms: undefined, deploymentController: { type } })]), NAME, "advisory", [NOT_SET]);
        }
    });

    it("GIVEN every strategy, also ones ECS refuses THEN each needs alarm rollback; with it each passes", async () => {
        for (const strategy of ["ROLLING", "BLUE_GREEN", "CANARY", "LINEAR", "blue_green", "Canary", undefined]) {
            const deploymentConfiguration = { strategy, bakeTimeInMinutes: "10" };
            assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { deploymentConfiguration })]), NAME, "advisory", []);
            assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { deploymentConfiguration, alarms: undefined })]), NAME, "advisory", [NOT_SET]);
            const noRollback = { alarmNames: ["web-5xx"], enable: true, rollback: false };
            assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { deploymentConfiguration, alarms: noRollback })]), NAME, "advisory", [ROLLBACK]);
            const disabled = { alarmNames: ["web-5xx"], enable: false, rollback: true };
            assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { deploymentConfiguration, alarms: disabled })]), NAME, "advisory", [ENABLE]);
            const empty = { alarmNames: [], enable: true, rollback: true };
            assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { deploymentConfiguration, alarms: empty })]), NAME, "advisory", [NO_NAMES]);
        }
    });

    it("GIVEN alarm names not known yet (alarms still to be created) THEN they count as names", async () => {
        assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { alarms: { alarmNames: [UNKNOWN, UNKNOWN], enable: true, rollback: true } })]), NAME, "advisory", []);
    });

    it("GIVEN the name list not known yet but enable or rollback false THEN those are reported, and the engine notes it could not finish", async () => {
        const result = await evaluate(policy, [resourceOf(SERVICE, "web", { alarms: { alarmNames: UNKNOWN, enable: false, rollback: false } })]);
        assert.deepEqual(
            result.diagnostics.map(d => d.detail),
            [ENABLE, ROLLBACK, result.diagnostics[2]?.detail],
        );
        assert.match(result.diagnostics[2].message, /can't run policy/);
        const unknownFlags = await evaluate(policy, [resourceOf(SERVICE, "web", { alarms: { alarmNames: [], enable: UNKNOWN, rollback: true } })]);
        assert.deepEqual(unknownFlags.diagnostics.map(d => d.detail).slice(0, 1), [NO_NAMES]);
        assert.equal(unknownFlags.diagnostics.length, 2);
        assert.match(unknownFlags.diagnostics[1].message, /can't run policy/);
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

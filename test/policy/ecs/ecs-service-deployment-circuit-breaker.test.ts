import * as assert from "node:assert/strict";
import { ecsServiceDeploymentCircuitBreaker as policy } from "../../../policy/ecs/ecs-service-deployment-circuit-breaker";
import { UNKNOWN } from "../../../harness/serialisation";
import { assertViolations, evaluate, resourceOf, SERVICE } from "../baselines/ecs";

const NAME = "ecs-service-deployment-circuit-breaker";

describe(NAME, () => {
    it("GIVEN the baseline (enable and rollback) THEN no violation", async () => {
        assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web")]), NAME, "mandatory", []);
    });

    it("GIVEN no circuit breaker THEN reported", async () => {
        assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { deploymentCircuitBreaker: undefined })]), NAME, "mandatory", [
            "deploymentCircuitBreaker is not set; set deploymentCircuitBreaker: { enable: true, rollback: true } so a failed deployment stops and rolls back.",
        ]);
    });

    it("GIVEN enable without rollback, or neither THEN each missing setting is reported", async () => {
        const rollback = "deploymentCircuitBreaker.rollback is not true; set it to true so a failed deployment returns to the last working task definition.";
        const enable = "deploymentCircuitBreaker.enable is not true; set it to true so a deployment whose tasks keep failing is stopped.";
        assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { deploymentCircuitBreaker: { enable: true, rollback: false } })]), NAME, "mandatory", [rollback]);
        assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { deploymentCircuitBreaker: { enable: "true" } })]), NAME, "mandatory", [enable, rollback]);
    });

    it("GIVEN a CODE_DEPLOY or EXTERNAL controller THEN not checked", async () => {
        const result = await evaluate(policy, [
            resourceOf(SERVICE, "bg", { deploymentCircuitBreaker: undefined, deploymentController: { type: "CODE_DEPLOY" } }),
            resourceOf(SERVICE, "ext", { deploymentCircuitBreaker: undefined, deploymentController: { type: "EXTERNAL" } }),
        ]);
        assertViolations(result, NAME, "mandatory", []);
    });

    it("GIVEN level remediate THEN both settings are enabled and the service passes", async () => {
        const result = await evaluate(policy, [resourceOf(SERVICE, "web", { deploymentCircuitBreaker: { enable: true, rollback: false } })], { [NAME]: "remediate" });
        assert.deepEqual(result.diagnostics, []);
        assert.deepEqual(result.remediations[0].properties.deploymentCircuitBreaker, { enable: true, rollback: true });
    });

    describe("GIVEN ECS's traffic-shifting strategies (the breaker is optional with alarm rollback)", () => {
        const ALARMS = { alarmNames: ["web-target-5xx-rate"], enable: true, rollback: true };
        const notSet = (strategy: string) =>
            `deploymentCircuitBreaker is not set; set deploymentCircuitBreaker: { enable: true, rollback: true } so a failed deployment stops and rolls back, or roll the ${strategy} deployment back on alarms (alarms: { alarmNames: [...], enable: true, rollback: true }).`;
        const NOT_SET = "deploymentCircuitBreaker is not set; set deploymentCircuitBreaker: { enable: true, rollback: true } so a failed deployment stops and rolls back.";

        for (const strategy of ["BLUE_GREEN", "CANARY", "LINEAR"]) {
            it(`GIVEN ${strategy} with alarm rollback and no breaker THEN accepted; without alarm rollback THEN reported with both ways out`, async () => {
                const deploymentConfiguration = { strategy, bakeTimeInMinutes: "15" };
                assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { deploymentConfiguration, deploymentCircuitBreaker: undefined, alarms: ALARMS })]), NAME, "mandatory", []);
                // alarm names not known yet (alarms created in the same update) still count
                const pending = { ...ALARMS, alarmNames: [UNKNOWN] };
                assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { deploymentConfiguration, deploymentCircuitBreaker: undefined, alarms: pending })]), NAME, "mandatory", []);
                for (const alarms of [undefined, { ...ALARMS, enable: false }, { ...ALARMS, rollback: false }, { ...ALARMS, alarmNames: [] }, { ...ALARMS, alarmNames: [""] }, { ...ALARMS, rollback: "true" }]) {
                    assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { deploymentConfiguration, deploymentCircuitBreaker: undefined, alarms })]), NAME, "mandatory", [notSet(strategy)]);
                }
            });
        }

        it("GIVEN ROLLING (or no strategy) with alarm rollback THEN the breaker is still required", async () => {
            for (const deploymentConfiguration of [{ strategy: "ROLLING" }, {}, undefined]) {
                assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", { deploymentConfiguration, deploymentCircuitBreaker: undefined, alarms: ALARMS })]), NAME, "mandatory", [NOT_SET]);
            }
        });

        it("GIVEN a strategy spelled in a way the provider refuses (\"blue_green\", \"Canary\") THEN nothing is relaxed: the breaker is required", async () => {
            for (const strategy of ["blue_green", "Canary", "BLUE-GREEN", " LINEAR"]) {
                const service = resourceOf(SERVICE, "web", { deploymentConfiguration: { strategy }, deploymentCircuitBreaker: undefined, alarms: ALARMS });
                assertViolations(await evaluate(policy, [service]), NAME, "mandatory", [NOT_SET]);
            }
        });

        it("GIVEN BLUE_GREEN on a controller spelled \"ecs\" THEN not the ECS controller: the breaker is required", async () => {
            const service = resourceOf(SERVICE, "web", { deploymentController: { type: "ecs" }, deploymentConfiguration: { strategy: "BLUE_GREEN" }, deploymentCircuitBreaker: undefined, alarms: ALARMS });
            assertViolations(await evaluate(policy, [service]), NAME, "mandatory", [notSet("BLUE_GREEN")]);
        });

        it("GIVEN BLUE_GREEN with a partial breaker and no alarm rollback THEN each missing setting is reported with the alarm way out", async () => {
            const service = resourceOf(SERVICE, "web", { deploymentConfiguration: { strategy: "BLUE_GREEN" }, deploymentCircuitBreaker: { enable: true, rollback: false }, alarms: undefined });
            assertViolations(await evaluate(policy, [service]), NAME, "mandatory", [
                "deploymentCircuitBreaker.rollback is not true; set it to true so a failed deployment returns to the last working task definition, or roll the BLUE_GREEN deployment back on alarms (alarms: { alarmNames: [...], enable: true, rollback: true }).",
            ]);
        });

        it("GIVEN BLUE_GREEN whose alarm names are not known at all THEN the engine notes it could not run; remediation still enables the breaker", async () => {
            const service = resourceOf(SERVICE, "web", { deploymentConfiguration: { strategy: "BLUE_GREEN" }, deploymentCircuitBreaker: undefined, alarms: { ...ALARMS, alarmNames: UNKNOWN } });
            const result = await evaluate(policy, [service]);
            assert.equal(result.diagnostics.length, 1);
            assert.match(result.diagnostics[0].message, /can't run policy/);
            const remediated = await evaluate(policy, [service], { [NAME]: "remediate" });
            assert.deepEqual(remediated.remediations[0].properties.deploymentCircuitBreaker, { enable: true, rollback: true });
        });

        it("GIVEN level remediate on BLUE_GREEN with alarm rollback THEN nothing is changed", async () => {
            const service = resourceOf(SERVICE, "web", { deploymentConfiguration: { strategy: "CANARY" }, deploymentCircuitBreaker: undefined, alarms: ALARMS });
            const result = await evaluate(policy, [service], { [NAME]: "remediate" });
            assert.deepEqual(result.remediations, []);
            assert.deepEqual(result.diagnostics, []);
        });
    });
});

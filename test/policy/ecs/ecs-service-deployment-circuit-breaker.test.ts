import * as assert from "node:assert/strict";
import { ecsServiceDeploymentCircuitBreaker as policy } from "../../../policy/ecs/ecs-service-deployment-circuit-breaker";
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
});

import * as assert from "node:assert/strict";
import { ecsTaskDefinitionNoPrivilegedContainers as policy } from "../../../policy/ecs/ecs-task-definition-no-privileged-containers";
import { UNKNOWN } from "../../../harness/serialisation";
import { assertViolations, baselineContainer, evaluate, resourceOf, TD, taskDefinitionWith, webWith } from "../baselines/ecs";

const NAME = "ecs-task-definition-no-privileged-containers";

describe(NAME, () => {
    it("GIVEN the baseline THEN no violation", async () => {
        assertViolations(await evaluate(policy, [resourceOf(TD, "web")]), NAME, "mandatory", []);
    });

    it("GIVEN privileged: false THEN no violation", async () => {
        assertViolations(await evaluate(policy, [taskDefinitionWith([webWith({ privileged: false })])]), NAME, "mandatory", []);
    });

    it("GIVEN a privileged container THEN reported by name", async () => {
        const result = await evaluate(policy, [taskDefinitionWith([baselineContainer(), { ...webWith({ privileged: true }), name: "agent" }])]);
        assertViolations(result, NAME, "mandatory", ['Container "agent" runs privileged; remove "privileged": true from its definition.']);
    });

    it("GIVEN level remediate THEN privileged is removed and the remediated task definition passes", async () => {
        const td = taskDefinitionWith([webWith({ privileged: true })], { executionRoleArn: UNKNOWN });
        const result = await evaluate(policy, [td], { [NAME]: "remediate" });
        assert.deepEqual(result.diagnostics, []);
        assert.equal(result.remediations.length, 1);
        const containers = JSON.parse(result.remediations[0].properties.containerDefinitions as string);
        assert.equal(containers[0].privileged, undefined);
        assert.equal(containers[0].name, "web");
        // Untouched fields unknown during preview stay unknown instead of stopping the remediation.
        assert.equal(result.remediations[0].properties.executionRoleArn, UNKNOWN);
    });

    it("GIVEN level remediate on a compliant task definition THEN nothing is remediated", async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web")], { [NAME]: "remediate" });
        assert.deepEqual(result.remediations, []);
    });
});

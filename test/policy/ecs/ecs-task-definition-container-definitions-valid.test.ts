import * as assert from "node:assert/strict";
import { UNKNOWN } from "../../../harness/serialisation";
import { ecsTaskDefinitionContainerDefinitionsValid as policy } from "../../../policy/ecs/ecs-task-definition-container-definitions-valid";
import { assertViolations, baselineContainer, evaluate, resourceOf, TD, taskDefinitionWith, webWith } from "../baselines/ecs";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const NAME = "ecs-task-definition-container-definitions-valid";
const FIX = "set it to a JSON array of container definitions (e.g. with pulumi.jsonStringify([...])). No container rule can check this task definition until then.";

describe(NAME, () => {
    it("GIVEN the baseline task definition THEN no violation", async () => {
        assertViolations(await evaluate(policy, [resourceOf(TD, "web")]), NAME, "mandatory", []);
    });

    const malformed: [string, unknown, string][] = [
        ["missing", undefined, "is missing"],
        ["null", null, "is missing"],
        ["a number", 42, "is a number, not a JSON string"],
        ["a JSON object", '{"name":"web"}', "is JSON for an object, not an array of container definitions"],
        ["an array with a string element", '["web"]', "has element 0 that is a string, not a container definition object"],
    ];
    for (const [label, value, reason] of malformed) {
        it(`GIVEN containerDefinitions ${label} THEN one mandatory violation that explains it`, async () => {
            const result = await evaluate(policy, [resourceOf(TD, "web", { containerDefinitions: value })]);
            assertViolations(result, NAME, "mandatory", [`containerDefinitions ${reason}; ${FIX}`]);
        });
    }

    it("GIVEN invalid JSON THEN the parser's message is included", async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web", { containerDefinitions: "[{" })]);
        assert.equal(result.diagnostics.length, 1);
        assert.match(result.diagnostics[0].detail, /^containerDefinitions is not valid JSON \(.+\); set it to a JSON array/);
    });

    it("GIVEN an empty array THEN at least one container is required", async () => {
        const result = await evaluate(policy, [taskDefinitionWith([])]);
        assertViolations(result, NAME, "mandatory", ["containerDefinitions is an empty array; define at least one container."]);
    });

    it("GIVEN containers without name, duplicated, or without image THEN one violation each", async () => {
        const result = await evaluate(policy, [taskDefinitionWith([baselineContainer(), webWith({ name: undefined }), webWith({ image: "" }), webWith({ name: "sidecar", image: undefined })])]);
        assertViolations(result, NAME, "mandatory", [
            'Container #2 has no "name"; give every container a unique name.',
            'Container "web" is defined more than once; give every container a unique name.',
            'Container "web" has no "image"; set it to the image to run.',
            'Container "sidecar" has no "image"; set it to the image to run.',
        ]);
    });

    it("GIVEN containerDefinitions unknown during preview THEN the engine's advisory note, not a violation", async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web", { containerDefinitions: UNKNOWN })]);
        assert.equal(result.diagnostics.length, 1);
        assert.equal(result.diagnostics[0].enforcementLevel, "advisory");
        assert.match(result.diagnostics[0].detail, /^can't run policy/);
    });

    it("GIVEN another resource type THEN not applicable", async () => {
        const result = await evaluate(policy, [resourceOf(AWS_TYPES.ecsCluster, "web")]);
        assert.deepEqual(result.diagnostics, []);
        assert.equal(result.notApplicable.length, 1);
    });
});

import * as assert from "node:assert/strict";
import { ecsTaskDefinitionNoHostPid as policy } from "../../../policy/ecs/ecs-task-definition-no-host-pid";
import { assertViolations, evaluate, resourceOf, TD } from "../baselines/ecs";

const NAME = "ecs-task-definition-no-host-pid";

describe(NAME, () => {
    it("GIVEN the baseline (no pidMode) and pidMode task THEN no violation", async () => {
        assertViolations(await evaluate(policy, [resourceOf(TD, "web"), resourceOf(TD, "task", { pidMode: "task" })]), NAME, "mandatory", []);
    });

    it('GIVEN pidMode "host" THEN reported', async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web", { pidMode: "host" })]);
        assertViolations(result, NAME, "mandatory", [
            'pidMode is "host", which shares the host\'s process namespace with the containers; remove pidMode or set it to "task".',
        ]);
    });

    it("GIVEN level remediate THEN pidMode is removed and the result passes", async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web", { pidMode: "host" })], { [NAME]: "remediate" });
        assert.deepEqual(result.diagnostics, []);
        assert.equal(result.remediations.length, 1);
        assert.equal("pidMode" in result.remediations[0].properties, false);
        assert.equal(result.remediations[0].properties.family, "web");
    });

    for (const pidMode of ["HOST", " Host "]) {
        it(`GIVEN pidMode ${JSON.stringify(pidMode)} (another spelling) THEN reported`, async () => {
            const result = await evaluate(policy, [resourceOf(TD, "web", { pidMode })]);
            assert.equal(result.diagnostics.length, 1);
        });
    }
});

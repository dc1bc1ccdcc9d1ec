import { ecsTaskDefinitionNoHostIpc as policy } from "../../../policy/ecs/ecs-task-definition-no-host-ipc";
import { assertViolations, evaluate, resourceOf, TD } from "../baselines/ecs";

const NAME = "ecs-task-definition-no-host-ipc";
const MESSAGE = 'ipcMode is "host", which shares the host\'s shared memory and semaphores with the containers; remove ipcMode or set it to "task" or "none".';

describe(NAME, () => {
    it('GIVEN the baseline (no ipcMode), "task" or "none" THEN no violation', async () => {
        const resources = [resourceOf(TD, "web"), resourceOf(TD, "task", { ipcMode: "task" }), resourceOf(TD, "none", { ipcMode: "none" })];
        assertViolations(await evaluate(policy, resources), NAME, "mandatory", []);
    });

    for (const ipcMode of ["host", "HOST", " Host "]) {
        it(`GIVEN ipcMode ${JSON.stringify(ipcMode)} THEN reported`, async () => {
            assertViolations(await evaluate(policy, [resourceOf(TD, "web", { ipcMode })]), NAME, "mandatory", [MESSAGE]);
        });
    }
});

import { ecsTaskDefinitionReadOnlyRootFilesystem as policy } from "../../../policy/ecs/ecs-task-definition-read-only-root-filesystem";
import { assertViolations, evaluate, resourceOf, TD, taskDefinitionWith, webWith } from "../baselines/ecs";

const NAME = "ecs-task-definition-read-only-root-filesystem";
const MESSAGE = 'Container "web" has a writable root filesystem; set "readonlyRootFilesystem": true and mount a volume for the paths it writes.';

describe(NAME, () => {
    it("GIVEN the baseline THEN no violation", async () => {
        assertViolations(await evaluate(policy, [resourceOf(TD, "web")]), NAME, "mandatory", []);
    });

    for (const [label, value] of [["missing", undefined], ["false", false]] as const) {
        it(`GIVEN readonlyRootFilesystem ${label} THEN reported`, async () => {
            const result = await evaluate(policy, [taskDefinitionWith([webWith({ readonlyRootFilesystem: value })])]);
            assertViolations(result, NAME, "mandatory", [MESSAGE]);
        });
    }

    it("GIVEN a Windows task THEN skipped (Windows containers cannot use it)", async () => {
        const td = taskDefinitionWith([webWith({ readonlyRootFilesystem: undefined })], {
            runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE", cpuArchitecture: "X86_64" },
        });
        assertViolations(await evaluate(policy, [td]), NAME, "mandatory", []);
    });
});

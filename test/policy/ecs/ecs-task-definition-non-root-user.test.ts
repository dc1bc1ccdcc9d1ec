import { ecsTaskDefinitionNonRootUser as policy } from "../../../policy/ecs/ecs-task-definition-non-root-user";
import { assertViolations, evaluate, resourceOf, TD, taskDefinitionWith, webWith } from "../baselines/ecs";

const NAME = "ecs-task-definition-non-root-user";

describe(NAME, () => {
    it('GIVEN the baseline (user "1000") and "app:app" THEN no violation', async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web"), taskDefinitionWith([webWith({ user: "app:app" })])]);
        assertViolations(result, NAME, "advisory", []);
    });

    it("GIVEN no user THEN reported (the image's default is usually root)", async () => {
        const result = await evaluate(policy, [taskDefinitionWith([webWith({ user: undefined })])]);
        assertViolations(result, NAME, "advisory", [
            'Container "web" sets no "user", so it runs as the image\'s default user (often root); set "user" to a non-root UID such as "1000".',
        ]);
    });

    for (const user of ["root", "0", "00", "0:0", "ROOT:wheel", "+0", "-0:1000"]) {
        it(`GIVEN user "${user}" THEN reported as root`, async () => {
            const result = await evaluate(policy, [taskDefinitionWith([webWith({ user })])]);
            assertViolations(result, NAME, "advisory", [`Container "web" runs as root ("user": "${user}"); set "user" to a non-root UID such as "1000".`]);
        });
    }

    it("GIVEN config enforcementLevel mandatory (production) THEN reported as mandatory", async () => {
        const result = await evaluate(policy, [taskDefinitionWith([webWith({ user: "0" })])], { [NAME]: "mandatory" });
        assertViolations(result, NAME, "mandatory", ['Container "web" runs as root ("user": "0"); set "user" to a non-root UID such as "1000".']);
    });

    it("GIVEN a Windows task THEN skipped", async () => {
        const td = taskDefinitionWith([webWith({ user: undefined })], { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2019_FULL" } });
        assertViolations(await evaluate(policy, [td]), NAME, "advisory", []);
    });

    for (const user of ["1000:0", "app:root", "1000:00", "app: ROOT ", "1000:+0"]) {
        it(`GIVEN user "${user}" (the root group) THEN reported`, async () => {
            const result = await evaluate(policy, [taskDefinitionWith([webWith({ user })])]);
            assertViolations(result, NAME, "advisory", [
                `Container "web" runs in the root group ("user": "${user}"); set a non-root group too, such as "1000:1000".`,
            ]);
        });
    }

    it('GIVEN "1000:1000" or "app:0app" THEN no violation', async () => {
        const result = await evaluate(policy, [taskDefinitionWith([webWith({ user: "1000:1000" }), webWith({ name: "b", user: "app:0app" })])]);
        assertViolations(result, NAME, "advisory", []);
    });
});

import * as assert from "node:assert/strict";
import { ecsTaskDefinitionSeparateExecutionRole as policy } from "../../../policy/ecs/ecs-task-definition-separate-execution-role";
import { assertViolations, evaluate, EXEC_ROLE_ARN, resourceOf, TD } from "../baselines/ecs";

const NAME = "ecs-task-definition-separate-execution-role";

describe(NAME, () => {
    it("GIVEN distinct roles, or only an execution role THEN no violation", async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web"), resourceOf(TD, "no-task-role", { taskRoleArn: undefined })]);
        assertViolations(result, NAME, "advisory", []);
    });

    it("GIVEN the same role for both THEN reported", async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web", { taskRoleArn: EXEC_ROLE_ARN })]);
        assertViolations(result, NAME, "advisory", [
            "executionRoleArn and taskRoleArn are the same role, so the application holds the image-pull, log and secret-read permissions of the ECS agent; give the task its own role.",
        ]);
    });

    it("GIVEN both unset THEN no violation", async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web", { taskRoleArn: undefined, executionRoleArn: undefined })]);
        assertViolations(result, NAME, "advisory", []);
    });

    for (const [label, taskRoleArn] of [
        ["the short name of the execution role", "web-exec"],
        ["its name in another case", "Web-Exec"],
        ["its ARN with a path", EXEC_ROLE_ARN.replace("role/", "role/ecs/")],
    ] as const) {
        it(`GIVEN taskRoleArn set to ${label} THEN reported as the same role`, async () => {
            const result = await evaluate(policy, [resourceOf(TD, "web", { taskRoleArn })]);
            assert.equal(result.diagnostics.length, 1);
        });
    }

    it("GIVEN a role of the same name in another account THEN not the same role", async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web", { taskRoleArn: EXEC_ROLE_ARN.replace(/::\d+:/, "::999999999999:") })]);
        assertViolations(result, NAME, "advisory", []);
    });
});

import { ecsTaskDefinitionContainersLog as policy } from "../../../policy/ecs/ecs-task-definition-containers-log";
import { assertViolations, baselineContainer, evaluate, resourceOf, TD, taskDefinitionWith, webWith } from "../baselines/ecs";

const NAME = "ecs-task-definition-containers-log";

describe(NAME, () => {
    it("GIVEN the baseline (awslogs with group and region) THEN no violation", async () => {
        assertViolations(await evaluate(policy, [resourceOf(TD, "web")]), NAME, "mandatory", []);
    });

    it("GIVEN a container without logConfiguration THEN reported", async () => {
        const result = await evaluate(policy, [taskDefinitionWith([baselineContainer(), { ...webWith({ logConfiguration: undefined }), name: "sidecar" }])]);
        assertViolations(result, NAME, "mandatory", [
            'Container "sidecar" has no logConfiguration; set logConfiguration.logDriver (e.g. "awslogs") so its output reaches CloudWatch Logs.',
        ]);
    });

    it("GIVEN a logConfiguration without logDriver THEN reported", async () => {
        const result = await evaluate(policy, [taskDefinitionWith([webWith({ logConfiguration: { options: {} } })])]);
        assertViolations(result, NAME, "mandatory", ['Container "web" has a logConfiguration without a logDriver; set logConfiguration.logDriver (e.g. "awslogs").']);
    });

    it("GIVEN awslogs without group and region THEN both options are reported", async () => {
        const result = await evaluate(policy, [taskDefinitionWith([webWith({ logConfiguration: { logDriver: "awslogs" } })])]);
        assertViolations(result, NAME, "mandatory", [
            'Container "web" logs with "awslogs" but sets no "awslogs-group" option; add it to logConfiguration.options.',
            'Container "web" logs with "awslogs" but sets no "awslogs-region" option; add it to logConfiguration.options.',
        ]);
    });

    it("GIVEN another log driver (FireLens) THEN no awslogs option is required", async () => {
        const result = await evaluate(policy, [taskDefinitionWith([webWith({ logConfiguration: { logDriver: "awsfirelens" } })])]);
        assertViolations(result, NAME, "mandatory", []);
    });
});

import { ecsTaskDefinitionNoHostNetwork as policy } from "../../../policy/ecs/ecs-task-definition-no-host-network";
import { assertViolations, evaluate, resourceOf, TD } from "../baselines/ecs";

const NAME = "ecs-task-definition-no-host-network";

describe(NAME, () => {
    it("GIVEN the baseline (Fargate, awsvpc) THEN no violation", async () => {
        assertViolations(await evaluate(policy, [resourceOf(TD, "web")]), NAME, "mandatory", []);
    });

    it('GIVEN networkMode "host" THEN reported', async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web", { networkMode: "host", requiresCompatibilities: ["EC2"] })]);
        assertViolations(result, NAME, "mandatory", ['networkMode is "host", which shares the host\'s network stack with the containers; use "awsvpc".']);
    });

    it('GIVEN a Fargate task definition with "bridge" or no networkMode THEN awsvpc is required', async () => {
        const result = await evaluate(policy, [
            resourceOf(TD, "bridge", { networkMode: "bridge" }),
            resourceOf(TD, "unset", { networkMode: undefined }),
        ]);
        assertViolations(result, NAME, "mandatory", [
            'networkMode is "bridge", but Fargate task definitions must use "awsvpc"; set networkMode to "awsvpc".',
            'networkMode is not set, but Fargate task definitions must use "awsvpc"; set networkMode to "awsvpc".',
        ]);
    });

    it("GIVEN an EC2 task definition in bridge mode THEN no violation", async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web", { networkMode: "bridge", requiresCompatibilities: ["EC2"] })]);
        assertViolations(result, NAME, "mandatory", []);
    });
});

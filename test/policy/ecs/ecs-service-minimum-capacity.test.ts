import { ecsServiceMinimumCapacity as policy } from "../../../policy/ecs/ecs-service-minimum-capacity";
import { assertViolations, evaluate, resourceOf, SERVICE } from "../baselines/ecs";

const NAME = "ecs-service-minimum-capacity";
const PROD = { [NAME]: { enforcementLevel: "mandatory", minimumCapacity: 2 } } as const;

describe(NAME, () => {
    it("GIVEN the baseline (2 tasks, FARGATE base 1 + Spot) THEN no violation at the default minimum of 1", async () => {
        assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web")]), NAME, "advisory", []);
    });

    it("GIVEN prod's minimum of 2 and a service of 2 on-demand tasks THEN no violation", async () => {
        const service = resourceOf(SERVICE, "web", { capacityProviderStrategies: [{ capacityProvider: "FARGATE", base: 2, weight: 1 }] });
        assertViolations(await evaluate(policy, [service], PROD), NAME, "mandatory", []);
    });

    it("GIVEN desiredCount 1, 0 or unset under a minimum of 2 THEN reported", async () => {
        const onDemand = { capacityProviderStrategies: [{ capacityProvider: "FARGATE", weight: 1 }] };
        const result = await evaluate(policy, [
            resourceOf(SERVICE, "one", { ...onDemand, desiredCount: 1 }),
            resourceOf(SERVICE, "zero", { ...onDemand, desiredCount: "0" }),
            resourceOf(SERVICE, "unset", { ...onDemand, desiredCount: undefined }),
        ], PROD);
        assertViolations(result, NAME, "mandatory", [
            "desiredCount is 1, below the minimum of 2 tasks; set desiredCount to at least 2.",
            'desiredCount is "0", below the minimum of 2 tasks; set desiredCount to at least 2.',
            "desiredCount is not set (ECS runs 0 tasks), below the minimum of 2 tasks; set desiredCount to at least 2.",
        ]);
    });

    it("GIVEN Spot with an on-demand base below the minimum THEN reported", async () => {
        assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web")], PROD), NAME, "mandatory", [
            "The capacity provider strategy keeps 1 on-demand task (FARGATE base) and runs the rest on FARGATE_SPOT, which AWS may reclaim all at once; give FARGATE a base of at least 2.",
        ]);
    });

    it("GIVEN a DAEMON service or an external deployment controller THEN skipped", async () => {
        const result = await evaluate(policy, [
            resourceOf(SERVICE, "d", { schedulingStrategy: "DAEMON", desiredCount: undefined }),
            resourceOf(SERVICE, "x", { deploymentController: { type: "EXTERNAL" }, desiredCount: 0 }),
        ], PROD);
        assertViolations(result, NAME, "mandatory", []);
    });
});

import { ecsServiceMinimumHealthyPercent as policy } from "../../../policy/ecs/ecs-service-minimum-healthy-percent";
import { assertViolations, evaluate, resourceOf, SERVICE } from "../baselines/ecs";

const NAME = "ecs-service-minimum-healthy-percent";

describe(NAME, () => {
    it("GIVEN the baseline (100/200, two tasks) or the ECS defaults THEN no violation", async () => {
        const result = await evaluate(policy, [
            resourceOf(SERVICE, "web"),
            resourceOf(SERVICE, "defaults", { deploymentMinimumHealthyPercent: undefined, deploymentMaximumPercent: undefined }),
        ]);
        assertViolations(result, NAME, "advisory", []);
    });

    it("GIVEN 50% with desiredCount 2 (as a string) THEN reported", async () => {
        const result = await evaluate(policy, [resourceOf(SERVICE, "web", { desiredCount: "2", deploymentMinimumHealthyPercent: 50 })]);
        assertViolations(result, NAME, "advisory", [
            "deploymentMinimumHealthyPercent is 50, so a deployment may stop healthy tasks before replacements are ready; desiredCount is 2, so set it to at least 100.",
        ]);
    });

    it("GIVEN 0% with one task THEN accepted by default, reported with requireForAllServices (production)", async () => {
        const service = resourceOf(SERVICE, "web", { desiredCount: 1, deploymentMinimumHealthyPercent: 0 });
        assertViolations(await evaluate(policy, [service]), NAME, "advisory", []);
        const result = await evaluate(policy, [service], { [NAME]: { enforcementLevel: "mandatory", requireForAllServices: true } });
        assertViolations(result, NAME, "mandatory", [
            "deploymentMinimumHealthyPercent is 0, so a deployment may stop healthy tasks before replacements are ready; this stack requires it, so set it to at least 100.",
        ]);
    });

    it("GIVEN a lower configured minimum THEN it is used", async () => {
        const result = await evaluate(policy, [resourceOf(SERVICE, "web", { deploymentMinimumHealthyPercent: 50 })], { [NAME]: { minimumHealthyPercent: 50 } });
        assertViolations(result, NAME, "advisory", []);
    });

    it("GIVEN deploymentMaximumPercent not above the minimum THEN the rollout cannot start tasks", async () => {
        const result = await evaluate(policy, [resourceOf(SERVICE, "web", { deploymentMaximumPercent: 100 })]);
        assertViolations(result, NAME, "advisory", [
            "deploymentMaximumPercent 100 is not above deploymentMinimumHealthyPercent 100, so no new task can start during a deployment; set deploymentMaximumPercent above it (e.g. 200).",
        ]);
    });

    it("GIVEN a CODE_DEPLOY controller or a DAEMON service THEN not checked", async () => {
        const result = await evaluate(policy, [
            resourceOf(SERVICE, "bg", { deploymentController: { type: "CODE_DEPLOY" }, deploymentMinimumHealthyPercent: 0 }),
            resourceOf(SERVICE, "daemon", { schedulingStrategy: "DAEMON", deploymentMinimumHealthyPercent: 0, deploymentMaximumPercent: 100 }),
        ]);
        assertViolations(result, NAME, "advisory", []);
    });
});

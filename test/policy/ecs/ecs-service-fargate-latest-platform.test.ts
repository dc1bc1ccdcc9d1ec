import * as assert from "node:assert/strict";
import { ecsServiceFargateLatestPlatform as policy } from "../../../policy/ecs/ecs-service-fargate-latest-platform";
import { assertViolations, evaluate, resourceOf, SERVICE, TASK_SET } from "../baselines/ecs";

const NAME = "ecs-service-fargate-latest-platform";
const message = (v: string) => `platformVersion is "${v}"; set it to "LATEST" (or leave it unset) to run on the latest Fargate platform.`;

describe(NAME, () => {
    it("GIVEN LATEST, unset, or an EC2 service pinned to a version THEN no violation", async () => {
        const result = await evaluate(policy, [
            resourceOf(SERVICE, "web"),
            resourceOf(TASK_SET, "blue"),
            resourceOf(SERVICE, "unset", { platformVersion: undefined }),
            resourceOf(SERVICE, "ec2", { capacityProviderStrategies: undefined, launchType: "EC2", platformVersion: "1.3.0" }),
        ]);
        assertViolations(result, NAME, "advisory", []);
    });

    it("GIVEN a pinned version via capacity providers, FARGATE launch type or a task set THEN reported", async () => {
        const result = await evaluate(policy, [
            resourceOf(SERVICE, "spot", { platformVersion: "1.3.0" }),
            resourceOf(SERVICE, "launch", { capacityProviderStrategies: undefined, launchType: "FARGATE", platformVersion: "1.4.0" }),
            resourceOf(TASK_SET, "blue", { platformVersion: "1.4.0" }),
        ]);
        assertViolations(result, NAME, "advisory", [message("1.3.0"), message("1.4.0"), message("1.4.0")]);
    });

    it("GIVEN allowedPlatformVersions with 1.4.0 THEN that pin passes", async () => {
        const result = await evaluate(policy, [resourceOf(SERVICE, "web", { platformVersion: "1.4.0" })], { [NAME]: { allowedPlatformVersions: ["LATEST", "1.4.0"] } });
        assertViolations(result, NAME, "advisory", []);
    });

    it("GIVEN level remediate THEN platformVersion becomes LATEST and passes", async () => {
        const result = await evaluate(policy, [resourceOf(SERVICE, "web", { platformVersion: "1.3.0" })], { [NAME]: "remediate" });
        assert.deepEqual(result.diagnostics, []);
        assert.equal(result.remediations.length, 1);
        assert.equal(result.remediations[0].properties.platformVersion, "LATEST");
    });
});

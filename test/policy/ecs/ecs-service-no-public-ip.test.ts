import { ecsServiceNoPublicIp as policy } from "../../../policy/ecs/ecs-service-no-public-ip";
import { assertViolations, baseline, evaluate, resourceOf, SERVICE, TASK_SET } from "../baselines/ecs";

const NAME = "ecs-service-no-public-ip";
const MESSAGE =
    "networkConfiguration.assignPublicIp is true, so every task gets a public IP address; set it to false, " +
    "run tasks in private subnets and reach the internet through a NAT gateway or VPC endpoints.";
const publicNetwork = (type: string) => ({ networkConfiguration: { ...baseline(type).networkConfiguration, assignPublicIp: true } });

describe(NAME, () => {
    it("GIVEN the service and task set baselines (assignPublicIp false) or no network configuration THEN no violation", async () => {
        const result = await evaluate(policy, [resourceOf(SERVICE, "web"), resourceOf(TASK_SET, "blue"), resourceOf(SERVICE, "bare", { networkConfiguration: undefined })]);
        assertViolations(result, NAME, "advisory", []);
    });

    it("GIVEN a service with assignPublicIp true THEN advisory by default (dev without NAT)", async () => {
        assertViolations(await evaluate(policy, [resourceOf(SERVICE, "web", publicNetwork(SERVICE))]), NAME, "advisory", [MESSAGE]);
    });

    it("GIVEN a task set with assignPublicIp true THEN reported too", async () => {
        assertViolations(await evaluate(policy, [resourceOf(TASK_SET, "blue", publicNetwork(TASK_SET))]), NAME, "advisory", [MESSAGE]);
    });

    it("GIVEN production config (mandatory) THEN mandatory", async () => {
        const result = await evaluate(policy, [resourceOf(SERVICE, "web", publicNetwork(SERVICE))], { [NAME]: "mandatory" });
        assertViolations(result, NAME, "mandatory", [MESSAGE]);
    });
});

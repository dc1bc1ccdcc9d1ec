import { schedulerTaskNoPublicIp as policy } from "../../../policy/scheduler/scheduler-task-no-public-ip";
import { assertViolations, evaluate } from "../baselines/ecs";
import { eventTarget, schedule } from "./kit";

const FIX = "set it to false, run the task in private subnets and reach the internet through a NAT gateway or VPC endpoints.";

describe("scheduler-task-no-public-ip (catalog #10 for scheduled tasks)", () => {
    it("GIVEN a schedule and a rule target without public IPs, or with no ECS target THEN nothing is reported", async () => {
        const result = await evaluate(policy, [schedule(), eventTarget(), schedule("target.ecsParameters", undefined, "lambda"), eventTarget("ecsTarget", undefined, "sqs")]);
        assertViolations(result, policy.name, "advisory", []);
    });

    for (const value of [true, "ENABLED", " enabled ", "Enabled", "true"]) {
        it(`GIVEN assignPublicIp ${JSON.stringify(value)} on a schedule and a rule target THEN both are reported`, async () => {
            const result = await evaluate(policy, [
                schedule("target.ecsParameters.networkConfiguration.assignPublicIp", value),
                eventTarget("ecsTarget.networkConfiguration.assignPublicIp", value),
            ]);
            assertViolations(result, policy.name, "advisory", [
                `target.ecsParameters.networkConfiguration.assignPublicIp is ${JSON.stringify(value)}, so every task the schedule "nightly" starts gets a public IP address; ${FIX}`,
                `ecsTarget.networkConfiguration.assignPublicIp is ${JSON.stringify(value)}, so every task the event target "nightly" starts gets a public IP address; ${FIX}`,
            ]);
        });
    }

    for (const value of [false, "DISABLED", "disabled", undefined]) {
        it(`GIVEN assignPublicIp ${JSON.stringify(value)} THEN nothing is reported`, async () => {
            const result = await evaluate(policy, [schedule("target.ecsParameters.networkConfiguration.assignPublicIp", value)]);
            assertViolations(result, policy.name, "advisory", []);
        });
    }

    it("GIVEN the prod level THEN a public IP is mandatory", async () => {
        const result = await evaluate(policy, [schedule("target.ecsParameters.networkConfiguration.assignPublicIp", true)], { [policy.name]: "mandatory" });
        assertViolations(result, policy.name, "mandatory", [
            `target.ecsParameters.networkConfiguration.assignPublicIp is true, so every task the schedule "nightly" starts gets a public IP address; ${FIX}`,
        ]);
    });
});

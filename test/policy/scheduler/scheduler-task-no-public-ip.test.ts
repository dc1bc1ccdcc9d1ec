import { schedulerTaskNoPublicIp as policy } from "../../../policy/scheduler/scheduler-task-no-public-ip";
import { assertViolations, evaluate } from "../baselines/ecs";
import { fixture } from "../../../harness/fixtures";
import { TASK_DEFINITION_ARN } from "../baselines/ecs";
import { SCHEDULE, SCHEDULER_ROLE_ARN, eventTarget, schedule } from "./kit";

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

    it("GIVEN Scheduler's universal ecs:runTask target with a public IP in its JSON input (any key case) THEN reported; DISABLED THEN not", async () => {
        const universal = (name: string, input: unknown) =>
            fixture(SCHEDULE, name, {
                scheduleExpression: "rate(1 day)",
                flexibleTimeWindow: { mode: "OFF" },
                target: { arn: "arn:aws:scheduler:::aws-sdk:ecs:runTask", roleArn: SCHEDULER_ROLE_ARN, input: JSON.stringify(input) },
            });
        const result = await evaluate(policy, [
            universal("camel", { cluster: "web", taskDefinition: TASK_DEFINITION_ARN, networkConfiguration: { awsvpcConfiguration: { subnets: ["s"], assignPublicIp: "ENABLED" } } }),
            universal("pascal", { Cluster: "web", TaskDefinition: TASK_DEFINITION_ARN, NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ["s"], AssignPublicIp: "enabled" } } }),
            universal("private", { cluster: "web", taskDefinition: TASK_DEFINITION_ARN, networkConfiguration: { awsvpcConfiguration: { subnets: ["s"], assignPublicIp: "DISABLED" } } }),
        ]);
        const field = "target.input's networkConfiguration.awsvpcConfiguration.assignPublicIp (universal ecs:runTask target)";
        assertViolations(result, policy.name, "advisory", [
            `${field} is "ENABLED", so every task the schedule "camel" starts gets a public IP address; ${FIX}`,
            `${field} is "enabled", so every task the schedule "pascal" starts gets a public IP address; ${FIX}`,
        ]);
    });
});

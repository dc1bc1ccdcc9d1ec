/**
 * The ScheduledTask's schedule as the CreateSchedule request the provider sends, against the model shipped
 * in @aws-sdk/client-scheduler (members, types, required members, enums) and the limits of the API
 * reference the model does not carry (TaskCount 1 to 10, RetryPolicy ranges, Name and Description lengths).
 * The stacks do not run a scheduled task yet, so the component is run inline, in both capacity forms.
 */
import * as assert from "node:assert/strict";
import { ScheduledTask, ScheduledTaskArgs } from "../../components/scheduledTask";
import { loadApiModel } from "../support/awsApiModel";
import { inputs, one, runInline } from "../support/stacks";
import { assertNoProblems, requestProblems, stateString } from "./kit";
import { createSchedule } from "./schedulerMapping";

const ARGS: ScheduledTaskArgs = {
    clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/dev",
    taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/dev-nightly:4",
    executionRoleArn: "arn:aws:iam::123456789012:role/e",
    taskRoleArn: "arn:aws:iam::123456789012:role/t",
    vpcId: "vpc-1",
    subnetIds: ["subnet-a", "subnet-b"],
    schedule: "cron(0 3 * * ? *)",
    timezone: "Europe/Paris",
};

/** CreateSchedule limits from the API reference that the model leaves out. */
function documentedLimits(request: ReturnType<typeof createSchedule>["request"]): string[] {
    const problems: string[] = [];
    const within = (what: string, value: number | undefined, min: number, max: number) => {
        if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) problems.push(`${what} ${value} is outside ${min} to ${max}`);
    };
    within("Target.EcsParameters.TaskCount", request.Target?.EcsParameters?.TaskCount, 1, 10);
    within("Target.RetryPolicy.MaximumRetryAttempts", request.Target?.RetryPolicy?.MaximumRetryAttempts, 0, 185);
    within("Target.RetryPolicy.MaximumEventAgeInSeconds", request.Target?.RetryPolicy?.MaximumEventAgeInSeconds, 60, 86400);
    within("Name length", request.Name?.length, 1, 64);
    within("Description length", request.Description?.length, 0, 512);
    const ecs = request.Target?.EcsParameters;
    if (ecs?.LaunchType && ecs.CapacityProviderStrategy) problems.push("LaunchType and CapacityProviderStrategy are exclusive");
    return problems;
}

describe("conformance: EventBridge Scheduler requests", () => {
    const model = loadApiModel("@aws-sdk/client-scheduler");
    for (const [form, extra] of [
        ["on Fargate", {}],
        ["on Fargate Spot", { capacityProvider: "FARGATE_SPOT" as const, taskCount: 10, retry: { maximumRetryAttempts: 0, maximumEventAgeSeconds: 60 } }],
    ] as const) {
        it(`GIVEN the ScheduledTask ${form} WHEN its schedule is sent as CreateSchedule THEN the model and documented limits accept it`, async () => {
            const run = await runInline(() => {
                new ScheduledTask("nightly", { ...ARGS, ...extra });
            });
            const schedule = one(run, "aws:scheduler/schedule:Schedule");
            const mapped = createSchedule(inputs(schedule), stateString(schedule, "name"));
            assertNoProblems(`CreateSchedule (${form})`, requestProblems("CreateScheduleInput", mapped, model, documentedLimits(mapped.request)));
            assert.equal(mapped.request.Target?.EcsParameters?.NetworkConfiguration?.awsvpcConfiguration?.AssignPublicIp, "DISABLED");
        });
    }

    it("GIVEN a request with a misspelt enum THEN the check refuses it (the check can fail)", () => {
        const mapped = createSchedule(
            { scheduleExpression: "rate(1 day)", flexibleTimeWindow: { mode: "OFF" }, target: { arn: "a", roleArn: "r", ecsParameters: { taskDefinitionArn: "t", propagateTags: "TASK_DEF" } } },
            "n",
        );
        assert.equal(requestProblems("CreateScheduleInput", mapped, model).length, 1);
    });
});

import { schedulerRoleServiceTrust as policy } from "../../../policy/scheduler/scheduler-role-service-trust";
import { assertViolations, evaluate } from "../baselines/ecs";
import { EVENTS_ROLE_ARN, RUN_TASK_POLICY, SCHEDULER_ROLE_ARN, eventTarget, roleWith, schedule, scheduledStack, trust } from "./kit";

const withRole = (name: string, arn: string, assumeRolePolicy: string) => [
    ...scheduledStack().filter(r => !r.name.startsWith(name)),
    ...roleWith(name, arn, assumeRolePolicy, RUN_TASK_POLICY),
];

describe("scheduler-role-service-trust (catalog #48 for scheduled tasks)", () => {
    it("GIVEN a schedule role trusting scheduler.amazonaws.com and a rule target role trusting events.amazonaws.com THEN nothing is reported", async () => {
        assertViolations(await evaluate(policy, scheduledStack()), policy.name, "mandatory", []);
    });

    it("GIVEN the schedule role trusts events.amazonaws.com instead THEN both the missing and the extra principal are reported", async () => {
        assertViolations(await evaluate(policy, withRole("nightly-scheduler", SCHEDULER_ROLE_ARN, trust("events.amazonaws.com"))), policy.name, "mandatory", [
            'Role "nightly-scheduler" is the role of schedule "nightly" (target.roleArn), but its trust policy does not let "scheduler.amazonaws.com" assume it; add that service principal so the task can be started.',
            'Role "nightly-scheduler" is the role of schedule "nightly" (target.roleArn), but its trust policy also lets Service principal "events.amazonaws.com" assume it; trust only the service principal "scheduler.amazonaws.com".',
        ]);
    });

    it("GIVEN the rule target role also trusts ecs-tasks and an account THEN each extra principal is reported", async () => {
        const document = JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Effect: "Allow", Principal: { Service: ["events.amazonaws.com", "ecs-tasks.amazonaws.com"] }, Action: "sts:AssumeRole" },
                { Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sts:AssumeRole" },
            ],
        });
        assertViolations(await evaluate(policy, withRole("nightly-events", EVENTS_ROLE_ARN, document)), policy.name, "mandatory", [
            'Role "nightly-events" is the role of event target "nightly" (roleArn), but its trust policy also lets Service principal "ecs-tasks.amazonaws.com" assume it; trust only the service principal "events.amazonaws.com".',
            'Role "nightly-events" is the role of event target "nightly" (roleArn), but its trust policy also lets AWS principal "arn:aws:iam::999999999999:root" assume it; trust only the service principal "events.amazonaws.com".',
        ]);
    });

    it("GIVEN the schedule names its role by name THEN the role is still found and checked", async () => {
        const stack = [...withRole("nightly-scheduler", SCHEDULER_ROLE_ARN, trust("scheduler.amazonaws.com", "lambda.amazonaws.com")).filter(r => r.type !== "aws:scheduler/schedule:Schedule"), schedule("target.roleArn", "Nightly-Scheduler")];
        assertViolations(await evaluate(policy, stack), policy.name, "mandatory", [
            'Role "nightly-scheduler" is the role of schedule "nightly" (target.roleArn), but its trust policy also lets Service principal "lambda.amazonaws.com" assume it; trust only the service principal "scheduler.amazonaws.com".',
        ]);
    });

    it("GIVEN roles outside the stack THEN nothing is reported", async () => {
        const stack = [schedule("target.roleArn", "arn:aws:iam::123456789012:role/elsewhere"), eventTarget("roleArn", "arn:aws:iam::123456789012:role/elsewhere")];
        assertViolations(await evaluate(policy, stack), policy.name, "mandatory", []);
    });
});

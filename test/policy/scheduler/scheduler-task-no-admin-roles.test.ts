import * as assert from "node:assert/strict";
import { schedulerTaskNoAdminRoles as policy } from "../../../policy/scheduler/scheduler-task-no-admin-roles";
import { fixture } from "../../../harness/fixtures";
import { UNKNOWN } from "../../../harness/serialisation";
import { RecordedResource } from "../../../harness/types";
import { ROLE_POLICY_ATTACHMENT, assertViolations, evaluate } from "../baselines/ecs";
import { TASK_DEFINITION_ARN } from "../baselines/ecs";
import { EVENTS_ROLE_ARN, RUN_TASK_POLICY, SCHEDULE, SCHEDULER_ROLE_ARN, roleWith, schedule, scheduledStack, trust } from "./kit";

const SCHEDULER_FIX = "give it only ecs:RunTask on the task definition's ARN and iam:PassRole on the task's execution and task role ARNs.";
const TASK_FIX = "give it only the actions and resources the task uses.";
const doc = (statement: Record<string, unknown>) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", ...statement }] });

/** The scheduled stack with the scheduler role's policy replaced. */
function withSchedulerPolicy(policyDocument: string): RecordedResource[] {
    return [
        ...scheduledStack().filter(r => !r.name.startsWith("nightly-scheduler") && r.type !== "aws:cloudwatch/eventTarget:EventTarget"),
        ...roleWith("nightly-scheduler", SCHEDULER_ROLE_ARN, trust("scheduler.amazonaws.com"), policyDocument),
    ];
}
const attach = (name: string, role: string, policy: string) =>
    fixture(ROLE_POLICY_ATTACHMENT, name, { role, policyArn: `arn:aws:iam::aws:policy/${policy}` });
const schedulerRole = (grant: string) =>
    `Role "nightly-scheduler" is the role of schedule "nightly" (target.roleArn) and ${grant}, which makes it admin-equivalent; ${SCHEDULER_FIX}`;

describe("scheduler-task-no-admin-roles (catalog #46/#47 for scheduled tasks)", () => {
    it("GIVEN a schedule and a rule target whose roles run one task definition and pass its two roles THEN nothing is reported", async () => {
        assertViolations(await evaluate(policy, scheduledStack()), policy.name, "mandatory", []);
    });

    const grants: [string, Record<string, unknown>, string][] = [
        ["* on *", { Action: "*", Resource: "*" }, 'Role policy "nightly-scheduler-policy" statement 1 allows every action ("*") on "*"'],
        ["*:* on *", { Action: ["*:*"], Resource: ["*"] }, 'Role policy "nightly-scheduler-policy" statement 1 allows every action ("*:*") on "*"'],
        ["iam:PassRole on *", { Action: "iam:PassRole", Resource: "*" }, 'Role policy "nightly-scheduler-policy" statement 1 allows "iam:PassRole" on "*"'],
        ["iam:Pass* on role/*", { Action: "iam:Pass*", Resource: "arn:aws:iam::123456789012:role/*" }, 'Role policy "nightly-scheduler-policy" statement 1 allows "iam:PassRole" on "arn:aws:iam::123456789012:role/*"'],
        ["iam:PassRole on role/*-task", { Action: "iam:PassRole", Resource: "arn:aws:iam::123456789012:role/*-task" }, 'Role policy "nightly-scheduler-policy" statement 1 allows "iam:PassRole" on "arn:aws:iam::123456789012:role/*-task", a wildcard that matches roles created later'],
        ["iam:* on role/ecs*", { Action: "iam:*", Resource: "arn:aws:iam::123456789012:role/ecs*" }, 'Role policy "nightly-scheduler-policy" statement 1 allows "iam:PassRole" on "arn:aws:iam::123456789012:role/ecs*", a wildcard that matches roles created later'],
        ["ECS:RunTask on *", { Action: "ECS:RunTask", Resource: "*" }, 'Role policy "nightly-scheduler-policy" statement 1 allows "ecs:RunTask" on "*"'],
        ["NotAction on *", { NotAction: "iam:*", Resource: "*" }, 'Role policy "nightly-scheduler-policy" statement 1 allows every action not in "NotAction" on "*"'],
    ];
    for (const [label, statement, grant] of grants) {
        it(`GIVEN the schedule role allows ${label} THEN it is reported`, async () => {
            assertViolations(await evaluate(policy, withSchedulerPolicy(doc(statement))), policy.name, "mandatory", [schedulerRole(grant)]);
        });
    }

    it("GIVEN ecs:RunTask on one task definition and iam:PassRole on named roles THEN nothing is reported (the component's own shape)", async () => {
        assertViolations(await evaluate(policy, withSchedulerPolicy(RUN_TASK_POLICY)), policy.name, "mandatory", []);
    });

    for (const managed of ["AdministratorAccess", "PowerUserAccess", "AmazonECS_FullAccess", "AmazonEventBridgeSchedulerFullAccess"]) {
        it(`GIVEN ${managed} attached to the schedule role THEN it is reported`, async () => {
            const result = await evaluate(policy, [...withSchedulerPolicy(RUN_TASK_POLICY), attach("admin", "nightly-scheduler", managed)]);
            assertViolations(result, policy.name, "mandatory", [schedulerRole(`has the AWS-managed policy "${managed}" attached`)]);
        });
    }

    it("GIVEN the rule target's role has AmazonEC2ContainerServiceEventsRole in managedPolicyArns THEN it is reported (RunTask and PassRole on *)", async () => {
        const stack = scheduledStack().filter(r => r.type !== "aws:scheduler/schedule:Schedule" && r.name !== "nightly-events");
        const role = fixture("aws:iam/role:Role", "nightly-events", {
            name: "nightly-events",
            assumeRolePolicy: trust("events.amazonaws.com"),
            managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceEventsRole"],
        }, { state: { arn: EVENTS_ROLE_ARN, id: "nightly-events" } });
        assertViolations(await evaluate(policy, [...stack, role]), policy.name, "mandatory", [
            `Role "nightly-events" is the role of event target "nightly" (roleArn) and has the AWS-managed policy "AmazonEC2ContainerServiceEventsRole" attached, which makes it admin-equivalent; ${SCHEDULER_FIX}`,
        ]);
    });

    it("GIVEN the task role the schedule runs (task definition named by family) holds AdministratorAccess THEN the task role is reported", async () => {
        const stack = [...withSchedulerPolicy(RUN_TASK_POLICY).filter(r => r.type !== "aws:scheduler/schedule:Schedule"), schedule("target.ecsParameters.taskDefinitionArn", "web"), attach("task-admin", "web-task", "AdministratorAccess")];
        assertViolations(await evaluate(policy, stack), policy.name, "mandatory", [
            `Role "web-task" is the task role of task definition "web" (run by schedule "nightly") and has the AWS-managed policy "AdministratorAccess" attached, which makes it admin-equivalent; ${TASK_FIX}`,
        ]);
    });

    it("GIVEN a schedule role not known during preview THEN the task's roles are still checked and the engine notes the gap", async () => {
        const stack = [...withSchedulerPolicy(doc({ Action: "*", Resource: "*" })).filter(r => r.type !== "aws:scheduler/schedule:Schedule"), schedule("target.roleArn", UNKNOWN), attach("task-admin", "web-task", "AdministratorAccess")];
        const result = await evaluate(policy, stack);
        assert.equal(result.diagnostics.length, 2);
        assert.match(result.diagnostics[0].detail, /^Role "web-task" is the task role/);
        assert.match(result.diagnostics[1].message, /can't run policy 'scheduler-task-no-admin-roles'.*during preview/);
        assert.equal(result.diagnostics[1].enforcementLevel, "advisory");
    });

    it("GIVEN a universal ecs:runTask target naming the task definition in its input THEN the task's execution role is followed and reported", async () => {
        const universal = fixture(SCHEDULE, "nightly", {
            scheduleExpression: "rate(1 day)",
            flexibleTimeWindow: { mode: "OFF" },
            target: { arn: "arn:aws:scheduler:::aws-sdk:ecs:runTask", roleArn: SCHEDULER_ROLE_ARN, input: JSON.stringify({ Cluster: "web", TaskDefinition: TASK_DEFINITION_ARN }) },
        });
        const stack = [...withSchedulerPolicy(RUN_TASK_POLICY).filter(r => r.type !== SCHEDULE), universal, attach("exec-power", "web-exec", "PowerUserAccess")];
        assertViolations(await evaluate(policy, stack), policy.name, "mandatory", [
            `Role "web-exec" is the execution role of task definition "web" (run by schedule "nightly") and has the AWS-managed policy "PowerUserAccess" attached, which makes it admin-equivalent; ${TASK_FIX}`,
        ]);
    });

    it("GIVEN a first preview (role and task definition ARNs unknown) THEN both are followed through the inputs' dependencies", async () => {
        const base = withSchedulerPolicy(doc({ Action: "*", Resource: "*" })).filter(r => r.type !== SCHEDULE && r.type !== "aws:ecs/taskDefinition:TaskDefinition");
        const role = base.find(r => r.name === "nightly-scheduler")!;
        const taskRole = base.find(r => r.name === "web-task")!;
        const td = fixture("aws:ecs/taskDefinition:TaskDefinition", "web", { ...scheduledStack().find(r => r.name === "web" && r.type === "aws:ecs/taskDefinition:TaskDefinition")!.inputs, taskRoleArn: UNKNOWN }, { state: { arn: UNKNOWN } });
        const pending = fixture(SCHEDULE, "nightly", { ...structuredClone(schedule().inputs), target: { ...(schedule().inputs.target as object), roleArn: UNKNOWN, ecsParameters: { taskDefinitionArn: UNKNOWN } } });
        const stack = [
            ...base,
            { ...td, propertyDependencies: { taskRoleArn: [taskRole.urn] } },
            { ...pending, propertyDependencies: { target: [role.urn, td.urn] } },
            attach("task-admin", "web-task", "AdministratorAccess"),
        ];
        const result = await evaluate(policy, stack);
        assertViolations(result, policy.name, "mandatory", [
            schedulerRole('Role policy "nightly-scheduler-policy" statement 1 allows every action ("*") on "*"'),
            `Role "web-task" is the task role of task definition "web" (run by schedule "nightly") and has the AWS-managed policy "AdministratorAccess" attached, which makes it admin-equivalent; ${TASK_FIX}`,
        ]);
    });
});

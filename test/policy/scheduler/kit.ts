/**
 * Compliant scheduled-task fixtures: an EventBridge Scheduler schedule and an EventBridge rule target that
 * run the baseline task definition, each with its own role (trusted by its scheduling service, allowed
 * only ecs:RunTask on the task definition and iam:PassRole on the task's two roles).
 */
import { fixture, withPath } from "../../../harness/fixtures";
import { RecordedResource } from "../../../harness/types";
import { ACCOUNT, EXEC_ROLE_ARN, REGION, ROLE, ROLE_POLICY, TASK_DEFINITION_ARN, TASK_ROLE_ARN, ecsStack } from "../baselines/ecs";

export const SCHEDULE = "aws:scheduler/schedule:Schedule";
export const EVENT_TARGET = "aws:cloudwatch/eventTarget:EventTarget";
export const SCHEDULER_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/nightly-scheduler`;
export const EVENTS_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/nightly-events`;
const CLUSTER_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/web`;

export const trust = (...services: string[]): string =>
    JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: services.length === 1 ? services[0] : services }, Action: "sts:AssumeRole" }],
    });

/** The scheduler role's policy: run exactly the task definition, pass exactly its two roles. */
export const RUN_TASK_POLICY = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
        { Sid: "Run", Effect: "Allow", Action: "ecs:RunTask", Resource: TASK_DEFINITION_ARN.replace(/:3$/, ":*") },
        { Sid: "Pass", Effect: "Allow", Action: "iam:PassRole", Resource: [EXEC_ROLE_ARN, TASK_ROLE_ARN] },
    ],
});

const network = { subnets: ["subnet-0a", "subnet-0b"], securityGroups: ["sg-0task"], assignPublicIp: false };

export const scheduleInputs = {
    name: "nightly",
    scheduleExpression: "cron(0 3 * * ? *)",
    scheduleExpressionTimezone: "Europe/Dublin",
    flexibleTimeWindow: { mode: "OFF" },
    target: {
        arn: CLUSTER_ARN,
        roleArn: SCHEDULER_ROLE_ARN,
        ecsParameters: { taskDefinitionArn: TASK_DEFINITION_ARN, launchType: "FARGATE", taskCount: 1, networkConfiguration: network },
    },
};

export const eventTargetInputs = {
    rule: "nightly",
    arn: CLUSTER_ARN,
    roleArn: EVENTS_ROLE_ARN,
    ecsTarget: { taskDefinitionArn: TASK_DEFINITION_ARN, launchType: "FARGATE", taskCount: 1, networkConfiguration: network },
};

/** A schedule with the value at dotted `path` replaced (`undefined` deletes it). */
export const schedule = (path?: string, value?: unknown, name = "nightly"): RecordedResource =>
    fixture(SCHEDULE, name, path ? withPath(scheduleInputs, path, value) : structuredClone(scheduleInputs));

export const eventTarget = (path?: string, value?: unknown, name = "nightly"): RecordedResource =>
    fixture(EVENT_TARGET, name, path ? withPath(eventTargetInputs, path, value) : structuredClone(eventTargetInputs));

/** A role with its trust policy and one inline-role-policy resource. */
export function roleWith(name: string, arn: string, assumeRolePolicy: string, policy: string | undefined): RecordedResource[] {
    return [
        fixture(ROLE, name, { name, assumeRolePolicy }, { state: { arn, id: name } }),
        ...(policy === undefined ? [] : [fixture(ROLE_POLICY, `${name}-policy`, { name: `${name}-policy`, role: name, policy })]),
    ];
}

/** The ECS baseline stack plus a compliant schedule and rule target with their roles. */
export const scheduledStack = (): RecordedResource[] => [
    ...ecsStack(),
    ...roleWith("nightly-scheduler", SCHEDULER_ROLE_ARN, trust("scheduler.amazonaws.com"), RUN_TASK_POLICY),
    ...roleWith("nightly-events", EVENTS_ROLE_ARN, trust("events.amazonaws.com"), RUN_TASK_POLICY),
    schedule(),
    eventTarget(),
];

/**
 * ScheduledTask under mocks: the schedule's ECS target, the role's trust and exact permissions, the task's
 * security group, and bad arguments refused before anything registers.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import type { FargateTaskArgs } from "../../components/fargateTask";
import { ScheduledTask, ScheduledTaskArgs } from "../../components/scheduledTask";
import * as fs from "node:fs";
import * as path from "node:path";
import { estimateMonthlyCost } from "../../estimates/cost";
import { evaluatePack } from "../../harness/policyEngine";
import { pack } from "../../policy/pack";
import { MOCK_ACCOUNT } from "../../harness/awsMocks";
import { inputs, ofType, one, PROJECT_DIR, runInline, state } from "../support/stacks";

const CLUSTER = "arn:aws:ecs:us-east-1:123456789012:cluster/dev-cluster";
const TASK_DEFINITION = "arn:aws:ecs:us-east-1:123456789012:task-definition/dev-nightly:3";
const EXECUTION_ROLE = "arn:aws:iam::123456789012:role/nightly-execution-role-1234567";
const TASK_ROLE = "arn:aws:iam::123456789012:role/nightly-task-role-7654321";

const base: ScheduledTaskArgs = {
    clusterArn: CLUSTER,
    taskDefinitionArn: TASK_DEFINITION,
    executionRoleArn: EXECUTION_ROLE,
    taskRoleArn: TASK_ROLE,
    vpcId: "vpc-0123",
    subnetIds: ["subnet-a", "subnet-b"],
    schedule: "cron(0 3 * * ? *)",
    timezone: "Europe/Paris",
    tags: { team: "data" },
};

const build = (args: Partial<ScheduledTaskArgs> = {}) =>
    runInline(() => {
        const task = new ScheduledTask("nightly", { ...base, ...args });
        return { scheduleArn: task.scheduleArn, roleArn: task.roleArn };
    });

const SCHEDULE = "aws:scheduler/schedule:Schedule";

/** Resolved task settings, as the loader or resolveFargateServiceArgs gives them. */
const TASK: FargateTaskArgs = {
    cpu: 512,
    memory: 1024,
    architecture: "ARM64",
    containerName: "job",
    user: "1000",
    readonlyRootFilesystem: true,
    stopTimeoutSeconds: 30,
    healthCheck: { command: ["CMD", "node", "healthcheck.js"], intervalSeconds: 15, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 10 },
    environment: { SHUTDOWN_TIMEOUT_SECONDS: "25" },
    secrets: {},
    image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/job@sha256:${"c".repeat(64)}`,
    repositoryArn: "arn:aws:ecr:us-east-1:123456789012:repository/job",
    logRetentionDays: 14,
    protect: false,
    tags: { team: "data" },
};
const { taskDefinitionArn: _t, executionRoleArn: _e, taskRoleArn: _r, ...withoutTask } = base;

describe("ScheduledTask (under mocks)", () => {
    it("THEN the schedule runs the task definition on the cluster at the stated minute, in its time zone, with bounded retries", async () => {
        const run = await build();
        const schedule = inputs(one(run, SCHEDULE));
        assert.equal(schedule.scheduleExpression, "cron(0 3 * * ? *)");
        assert.equal(schedule.scheduleExpressionTimezone, "Europe/Paris");
        assert.equal(schedule.state, "ENABLED");
        assert.equal(schedule.groupName, "default");
        assert.deepEqual(schedule.flexibleTimeWindow, { mode: "OFF" });
        const sgId = state(one(run, "aws:ec2/securityGroup:SecurityGroup")).id;
        const role = one(run, "aws:iam/role:Role");
        assert.deepEqual(schedule.target, {
            arn: CLUSTER,
            roleArn: state(role).arn,
            retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 3600 },
            ecsParameters: {
                taskDefinitionArn: TASK_DEFINITION,
                taskCount: 1,
                launchType: "FARGATE",
                platformVersion: "LATEST",
                networkConfiguration: { subnets: ["subnet-a", "subnet-b"], securityGroups: [sgId], assignPublicIp: false },
                enableEcsManagedTags: true,
                propagateTags: "TASK_DEFINITION",
                enableExecuteCommand: false,
            },
        });
        // The strict comparison above also proves what is absent: no `input` (no overrides: the task runs as
        // its definition says) and no `deadLetterConfig`.
        assert.equal(run.outputs.roleArn, state(role).arn);
    });

    it("THEN the schedule waits for the role's permissions, so its first run is not refused", async () => {
        const run = await build();
        const schedule = one(run, SCHEDULE);
        assert.ok(schedule.dependencies.includes(one(run, "aws:iam/rolePolicy:RolePolicy").urn));
    });

    it("THEN only Scheduler, for this account's default group, may assume the role", async () => {
        const run = await build();
        const trust = JSON.parse(inputs(one(run, "aws:iam/role:Role")).assumeRolePolicy);
        assert.deepEqual(trust.Statement, [
            {
                Effect: "Allow",
                Principal: { Service: "scheduler.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "aws:SourceAccount": MOCK_ACCOUNT, "aws:SourceArn": `arn:aws:scheduler:us-east-1:${MOCK_ACCOUNT}:schedule-group/default` } },
            },
        ]);
    });

    it("THEN the role may run only this task definition in this cluster and pass only the task's two roles, to ECS tasks", async () => {
        const run = await build();
        const policies = ofType(run, "aws:iam/rolePolicy:RolePolicy");
        assert.equal(policies.length, 1);
        assert.equal(ofType(run, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").length, 0, "no managed policy is attached");
        assert.equal(inputs(policies[0]).role, state(one(run, "aws:iam/role:Role")).name);
        const statements = JSON.parse(inputs(policies[0]).policy).Statement;
        assert.deepEqual(
            statements.map((s: any) => [s.Action, s.Resource, s.Condition]),
            [
                ["ecs:RunTask", TASK_DEFINITION, { ArnEquals: { "ecs:cluster": CLUSTER } }],
                ["ecs:TagResource", "arn:aws:ecs:us-east-1:123456789012:task/dev-cluster/*", { StringEquals: { "ecs:CreateAction": "RunTask" } }],
                ["iam:PassRole", [EXECUTION_ROLE, TASK_ROLE], { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } }],
            ],
        );
    });

    it("THEN the task's security group admits nothing and reaches only HTTPS", async () => {
        const run = await build();
        const sg = one(run, "aws:ec2/securityGroup:SecurityGroup");
        assert.equal(inputs(sg).ingress, undefined);
        assert.equal(inputs(sg).egress, undefined);
        assert.equal(ofType(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").length, 0);
        const egress = ofType(run, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map(inputs);
        assert.deepEqual(egress.map(r => [r.securityGroupId, r.ipProtocol, r.fromPort, r.toPort, r.cidrIpv4]), [[state(sg).id, "tcp", 443, 443, "0.0.0.0/0"]]);
        assert.equal(inputs(sg).vpcId, "vpc-0123");
    });

    it("GIVEN Fargate Spot, a named group and two tasks THEN the target asks for exactly that", async () => {
        const run = await build({ capacityProvider: "FARGATE_SPOT", groupName: "jobs", taskCount: 2, timezone: undefined, schedule: "rate(1 day)" });
        const schedule = inputs(one(run, SCHEDULE));
        const ecs = schedule.target.ecsParameters;
        assert.deepEqual(ecs.capacityProviderStrategies, [{ capacityProvider: "FARGATE_SPOT", weight: 1, base: 0 }]);
        assert.equal(ecs.launchType, undefined, "a launch type and a strategy are exclusive");
        assert.equal(ecs.networkConfiguration.assignPublicIp, false);
        assert.equal(ecs.taskCount, 2);
        assert.equal(schedule.groupName, "jobs");
        assert.equal(schedule.scheduleExpressionTimezone, "UTC");
        const trust = JSON.parse(inputs(one(run, "aws:iam/role:Role")).assumeRolePolicy);
        assert.equal(trust.Statement[0].Condition.StringEquals["aws:SourceArn"], `arn:aws:scheduler:us-east-1:${MOCK_ACCOUNT}:schedule-group/jobs`);
    });

    it("GIVEN a public subnet without NAT THEN the task gets a public IP when asked", async () => {
        const run = await build({ assignPublicIp: true });
        const ecs = inputs(one(run, SCHEDULE)).target.ecsParameters;
        assert.deepEqual([ecs.launchType, ecs.networkConfiguration.assignPublicIp], ["FARGATE", true]);
    });

    it("THEN the cost estimate reads the schedule (runs a month) and leaves none of its resources unpriced", async () => {
        const run = await build();
        const estimate = estimateMonthlyCost(run.resources);
        assert.deepEqual(estimate.unpriced, []);
        assert.ok(estimate.notes.some(n => /^Scheduled task nightly-schedule-\w+: cron\(0 3 \* \* \? \*\) runs 30\.4167 times a month/.test(n)), JSON.stringify(estimate.notes));
    });

    it("THEN the policy pack finds nothing to report, under the dev and the prod configuration, for a revision given or a task created", async () => {
        // The created task with what prod asks of any task's logs: a customer key and a year's retention.
        const prodTask = { ...TASK, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555", logRetentionDays: 365 };
        const runs = [await build(), await runInline(() => void new ScheduledTask("nightly", { ...withoutTask, task: prodTask }))];
        for (const [run, stack] of runs.flatMap(r => [[r, "dev"], [r, "prod"]] as const)) {
            const config = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", `${stack}.json`), "utf8"));
            const result = await evaluatePack(pack, run.resources, config);
            assert.deepEqual(result.diagnostics.map(d => `${d.policyName}: ${d.detail}`), [], stack);
        }
    });

    it("GIVEN task settings instead of a revision THEN it creates the task as its children and the role may run and pass only those", async () => {
        const run = await runInline(() => {
            const task = new ScheduledTask("nightly", { ...withoutTask, task: TASK });
            return { taskDefinitionArn: task.taskDefinitionArn };
        });
        const component = one(run, "fargate-web:scheduler:ScheduledTask");
        const taskDefinition = one(run, "aws:ecs/taskDefinition:TaskDefinition", "nightly-task");
        for (const child of [taskDefinition, one(run, "aws:cloudwatch/logGroup:LogGroup", "nightly-logs"), one(run, "aws:iam/role:Role", "nightly-execution-role"), one(run, "aws:iam/role:Role", "nightly-task-role")]) {
            assert.equal(child.parent, component.urn, child.name);
        }
        assert.deepEqual([inputs(taskDefinition).family, inputs(taskDefinition).cpu, inputs(taskDefinition).runtimePlatform.cpuArchitecture], ["test-nightly", "512", "ARM64"]);
        const arn = state(taskDefinition).arn;
        assert.equal(inputs(one(run, SCHEDULE)).target.ecsParameters.taskDefinitionArn, arn);
        assert.equal(run.outputs.taskDefinitionArn, arn);
        const runPolicy = ofType(run, "aws:iam/rolePolicy:RolePolicy").find(p => p.name === "nightly-schedule-policy")!;
        const statements = JSON.parse(inputs(runPolicy).policy).Statement;
        assert.equal(statements[0].Resource, arn);
        const roleArn = (name: string) => state(one(run, "aws:iam/role:Role", name)).arn;
        assert.deepEqual(statements[2].Resource, [roleArn("nightly-execution-role"), roleArn("nightly-task-role")]);
    });

    it("GIVEN ARNs known only at deploy time THEN the policy is built from them", async () => {
        const run = await runInline(() => {
            new ScheduledTask("nightly", { ...base, taskDefinitionArn: pulumi.output(TASK_DEFINITION), taskRoleArn: pulumi.secret(TASK_ROLE) });
        });
        const statements = JSON.parse(inputs(one(run, "aws:iam/rolePolicy:RolePolicy")).policy).Statement;
        assert.equal(statements[0].Resource, TASK_DEFINITION);
        assert.deepEqual(statements[2].Resource, [EXECUTION_ROLE, TASK_ROLE]);
    });
});

describe("ScheduledTask refuses bad arguments before it registers", () => {
    const CASES: Array<[string, Partial<ScheduledTaskArgs>, string]> = [
        [
            "a Unix crontab",
            { schedule: "0 3 * * *" },
            'ScheduledTask nightly: schedule is "0 3 * * *": expected cron(minutes hours day-of-month month day-of-week year), rate(value unit) or at(yyyy-mm-ddThh:mm:ss) (wrap fields in cron(…)).',
        ],
        ["a plural unit for 1", { schedule: "rate(1 hours)" }, 'ScheduledTask nightly: schedule is "rate(1 hours)": a value of 1 takes the singular unit: rate(1 hour).'],
        [
            "a lowercase time zone",
            { timezone: "europe/paris" },
            'ScheduledTask nightly: timezone is "europe/paris": expected a time zone name of the tz database such as "UTC", "Europe/Paris" or "America/New_York", with its capitals (did you mean "Europe/Paris"?).',
        ],
        [
            "a public IP on Spot",
            { capacityProvider: "FARGATE_SPOT", assignPublicIp: true },
            'ScheduledTask nightly: assignPublicIp is true with capacityProvider "FARGATE_SPOT"; Scheduler gives a public IP only to tasks launched as FARGATE: use capacityProvider "FARGATE", or subnets with a NAT gateway and no public IP.',
        ],
        ["eleven tasks", { taskCount: 11 }, "ScheduledTask nightly: taskCount is 11; expected a whole number from 1 to 10."],
        ["a group name with a slash", { groupName: "jobs/nightly" }, 'ScheduledTask nightly: groupName is "jobs/nightly"; expected 1 to 64 letters, digits and - _ ..'],
        ["retries past AWS's maximum", { retry: { maximumRetryAttempts: 186 } }, "ScheduledTask nightly: retry.maximumRetryAttempts is 186; expected a whole number from 0 to 185."],
        ["an event age under a minute", { retry: { maximumEventAgeSeconds: 30 } }, "ScheduledTask nightly: retry.maximumEventAgeSeconds is 30; expected a whole number of seconds from 60 to 86400."],
        [
            "a family instead of a revision",
            { taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/dev-nightly" },
            'ScheduledTask nightly: taskDefinitionArn is "arn:aws:ecs:us-east-1:123456789012:task-definition/dev-nightly"; expected a task definition revision ARN (arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>).',
        ],
        [
            "a cluster name instead of its ARN",
            { clusterArn: "dev-cluster" },
            'ScheduledTask nightly: clusterArn is "dev-cluster"; expected an ECS cluster ARN (arn:aws:ecs:<region>:<account>:cluster/<name>).',
        ],
        ["a wildcard role", { taskRoleArn: "*" }, 'ScheduledTask nightly: taskRoleArn is "*"; expected an IAM role ARN (arn:aws:iam::<account>:role/<name>).'],
        [
            "a task definition of another region",
            { taskDefinitionArn: "arn:aws:ecs:eu-west-1:123456789012:task-definition/dev-nightly:3" },
            "ScheduledTask nightly: taskDefinitionArn is in eu-west-1 but clusterArn in us-east-1; RunTask runs a task definition of the cluster's region.",
        ],
        [
            "ARM64 on a platform too old",
            { architecture: "ARM64", platformVersion: "1.3.0" },
            'ScheduledTask nightly: platformVersion is "1.3.0", but architecture ARM64 on capacityProvider FARGATE needs platform version 1.4.0 or later; set platformVersion to "LATEST" or "1.4.0".',
        ],
        [
            "a task and a revision",
            { task: TASK },
            "ScheduledTask nightly: task and taskDefinitionArn, executionRoleArn, taskRoleArn are both set; give the task to create, or an existing task definition with its two roles, not both.",
        ],
        [
            "a revision without its task role",
            { taskRoleArn: undefined },
            "ScheduledTask nightly: taskRoleArn is not set; give taskDefinitionArn with executionRoleArn and taskRoleArn, or task.",
        ],
        [
            "an architecture other than the task's",
            { taskDefinitionArn: undefined, executionRoleArn: undefined, taskRoleArn: undefined, task: TASK, architecture: "X86_64" },
            'ScheduledTask nightly: architecture is "X86_64" but task.architecture is "ARM64"; leave architecture unset, it is the task\'s.',
        ],
        [
            "both a bad schedule and a bad count",
            { schedule: "cron(0 3 1 * MON *)", taskCount: 0 },
            'ScheduledTask nightly: schedule is "cron(0 3 1 * MON *)": day-of-month (1) and day-of-week (MON) are both set; one of them must be ?, e.g. cron(0 3 * * ? *) or cron(0 3 ? * MON-FRI *).\n' +
                "ScheduledTask nightly: taskCount is 0; expected a whole number from 1 to 10.",
        ],
    ];
    for (const [what, args, message] of CASES) {
        it(`GIVEN ${what} THEN it throws with the exact text and nothing is registered`, async () => {
            let error: Error | undefined;
            const run = await runInline(() => {
                try {
                    new ScheduledTask("nightly", { ...base, ...args });
                } catch (e) {
                    error = e as Error;
                }
            });
            assert.equal(error?.message, message);
            assert.deepEqual(run.resources.filter(r => r.type.startsWith("fargate-web:") || r.type.startsWith("aws:")).map(r => r.type), []);
        });
    }
});

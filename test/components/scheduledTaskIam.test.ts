/**
 * The schedule role's documents, without mocks: who may assume it, and exactly what it may run and pass.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { scheduledRunPolicy, schedulerTrustPolicy } from "../../components/scheduledTaskIam";

const NEEDS = {
    taskDefinitionArn: "arn:aws:ecs:eu-west-1:123456789012:task-definition/dev-nightly:7",
    clusterArn: "arn:aws:ecs:eu-west-1:123456789012:cluster/dev-cluster",
    executionRoleArn: "arn:aws:iam::123456789012:role/nightly-execution-role-abc1234",
    taskRoleArn: "arn:aws:iam::123456789012:role/nightly-task-role-def5678",
};

describe("scheduled task IAM documents", () => {
    it("THEN only Scheduler, for this account's schedule group in this region, may assume the role", () => {
        assert.deepEqual(schedulerTrustPolicy({ accountId: "123456789012", region: "eu-west-1", partition: "aws", groupName: "default" }), {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "scheduler.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: {
                        StringEquals: {
                            "aws:SourceAccount": "123456789012",
                            "aws:SourceArn": "arn:aws:scheduler:eu-west-1:123456789012:schedule-group/default",
                        },
                    },
                },
            ],
        });
    });

    it("THEN the trust names the group in the partition given (never a schedule's own ARN, which AWS refuses to match)", () => {
        const trust = schedulerTrustPolicy({ accountId: "210987654321", region: "cn-north-1", partition: "aws-cn", groupName: "nightly-jobs" });
        assert.equal(trust.Statement[0].Condition?.StringEquals["aws:SourceArn"], "arn:aws-cn:scheduler:cn-north-1:210987654321:schedule-group/nightly-jobs");
        assert.doesNotMatch(JSON.stringify(trust), /:schedule\//);
    });

    it("THEN the role runs exactly this revision in this cluster, tags only tasks it starts there, and passes only the two roles to ECS tasks", () => {
        assert.deepEqual(scheduledRunPolicy(NEEDS), {
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "RunThisTaskDefinition",
                    Effect: "Allow",
                    Action: "ecs:RunTask",
                    Resource: NEEDS.taskDefinitionArn,
                    Condition: { ArnEquals: { "ecs:cluster": NEEDS.clusterArn } },
                },
                {
                    Sid: "TagTasksItStarts",
                    Effect: "Allow",
                    Action: "ecs:TagResource",
                    Resource: "arn:aws:ecs:eu-west-1:123456789012:task/dev-cluster/*",
                    Condition: { StringEquals: { "ecs:CreateAction": "RunTask" } },
                },
                {
                    Sid: "PassTheTaskRoles",
                    Effect: "Allow",
                    Action: "iam:PassRole",
                    Resource: [NEEDS.executionRoleArn, NEEDS.taskRoleArn],
                    Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } },
                },
            ],
        });
    });

    it("GIVEN one role serving as both THEN it is passed once", () => {
        const policy = scheduledRunPolicy({ ...NEEDS, taskRoleArn: NEEDS.executionRoleArn });
        assert.deepEqual(policy.Statement[2].Resource, [NEEDS.executionRoleArn]);
    });

    it("GIVEN a family without revision, a family wildcard or malformed ARNs THEN it refuses to build the policy, naming each", () => {
        assert.throws(
            () => scheduledRunPolicy({ ...NEEDS, taskDefinitionArn: "arn:aws:ecs:eu-west-1:123456789012:task-definition/dev-nightly:*", clusterArn: "dev-cluster" }),
            {
                message:
                    'taskDefinitionArn "arn:aws:ecs:eu-west-1:123456789012:task-definition/dev-nightly:*": expected a task definition revision ARN (arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>); ' +
                    'clusterArn "dev-cluster": expected an ECS cluster ARN (arn:aws:ecs:<region>:<account>:cluster/<name>)',
            },
        );
        assert.throws(() => scheduledRunPolicy({ ...NEEDS, taskDefinitionArn: "arn:aws:ecs:eu-west-1:123456789012:task-definition/dev-nightly" }), /taskDefinitionArn/);
        assert.throws(() => scheduledRunPolicy({ ...NEEDS, taskRoleArn: "*" }), /taskRoleArn "\*": expected an IAM role ARN/);
        assert.throws(() => scheduledRunPolicy({ ...NEEDS, executionRoleArn: "arn:aws:iam::123456789012:user/admin" }), /executionRoleArn/);
    });

    it("THEN for any names, no statement grants a wildcard action, and every resource names the given cluster, revision or roles", () => {
        const name = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/);
        fc.assert(
            fc.property(name, name, fc.integer({ min: 1, max: 100000 }), name, name, (cluster, family, revision, execution, task) => {
                const needs = {
                    taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:${revision}`,
                    clusterArn: `arn:aws:ecs:us-east-1:123456789012:cluster/${cluster}`,
                    executionRoleArn: `arn:aws:iam::123456789012:role/${execution}`,
                    taskRoleArn: `arn:aws:iam::123456789012:role/${task}`,
                };
                const statements = scheduledRunPolicy(needs).Statement;
                const resources = statements.flatMap(s => [s.Resource ?? []].flat());
                return (
                    statements.every(s => s.Condition !== undefined && ![s.Action].flat().some(a => a.includes("*"))) &&
                    resources.every(r => r === needs.taskDefinitionArn || r === needs.executionRoleArn || r === needs.taskRoleArn || r === `arn:aws:ecs:us-east-1:123456789012:task/${cluster}/*`)
                );
            }),
        );
    });
});

import * as assert from "node:assert/strict";
import { iamRoleEcsTaskTrust as policy } from "../../../policy/iam/iam-role-ecs-task-trust";
import { iamRoleEcsTasksTrustExclusive as exclusive } from "../../../policy/iam/iam-role-ecs-tasks-trust-exclusive";
import { evaluatePack } from "../../../harness/policyEngine";
import { assertViolations, ecsStack, evaluate, EXEC_ROLE_ARN, resourceOf, ROLE, TASK_ROLE_ARN, withResource } from "../baselines/ecs";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const NAME = "iam-role-ecs-task-trust";
const trust = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const execRole = (assumeRolePolicy: unknown) => resourceOf(ROLE, "web-exec", { assumeRolePolicy }, { arn: EXEC_ROLE_ARN });
const taskRole = (assumeRolePolicy: unknown) => resourceOf(ROLE, "web-task", { name: "web-task", assumeRolePolicy }, { arn: TASK_ROLE_ARN });

describe(NAME, () => {
    it("GIVEN the baseline stack (both roles trust ecs-tasks only) THEN no violation", async () => {
        assertViolations(await evaluate(policy, ecsStack()), NAME, "mandatory", []);
    });

    it("GIVEN an execution role that trusts another service THEN both problems are reported on the role", async () => {
        const stack = withResource(ecsStack(), execRole(trust({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" })));
        const result = await evaluate(policy, stack);
        assertViolations(result, NAME, "mandatory", [
            'Role "web-exec" is the execution role of task definition "web", but its trust policy does not let "ecs-tasks.amazonaws.com" assume it; add that service principal so ECS can use the role.',
            'Role "web-exec" is the execution role of task definition "web", but its trust policy also lets Service principal "ec2.amazonaws.com" assume it; trust only the service principal "ecs-tasks.amazonaws.com".',
        ]);
        assert.ok(result.diagnostics.every(d => d.urn === stack.find(r => r.name === "web-exec")?.urn));
    });

    it("GIVEN a task role that trusts ecs-tasks and also an account and a wildcard THEN the two ECS trust rules report each extra principal once, before creation", async () => {
        const doc = trust(
            { Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com", AWS: ["arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:root"] }, Action: "sts:AssumeRole" },
            { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" },
        );
        const result = await evaluatePack({ name: "test", policies: [policy, exclusive] }, withResource(ecsStack(), taskRole(doc)));
        assert.deepEqual(result.diagnostics.map(d => `${d.policyName}: ${d.detail}`).sort(), [
            'iam-role-ecs-tasks-trust-exclusive: Role "web-task" lets ECS tasks assume it, and its trust policy also lets "*" assume it; trust only the service principal "ecs-tasks.amazonaws.com".',
            'iam-role-ecs-tasks-trust-exclusive: Role "web-task" lets ECS tasks assume it, and its trust policy also lets AWS principal "arn:aws:iam::123456789012:root" assume it; trust only the service principal "ecs-tasks.amazonaws.com".',
        ]);
    });

    it("GIVEN a role not used by any task definition THEN it is not checked here", async () => {
        const other = resourceOf(ROLE, "flow-logs", { name: "flow-logs", assumeRolePolicy: trust({ Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" }) }, { arn: "arn:aws:iam::123456789012:role/flow-logs" });
        assertViolations(await evaluate(policy, withResource(ecsStack(), other)), NAME, "mandatory", []);
    });

    it("GIVEN an unparseable trust policy or roles outside the stack THEN skipped", async () => {
        assertViolations(await evaluate(policy, withResource(ecsStack(), execRole("{"))), NAME, "mandatory", []);
        const stack = ecsStack().filter(r => r.type !== ROLE);
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", []);
    });

    it("GIVEN a task definition naming its task role by short name THEN the role is followed and its wildcard trust reported", async () => {
        const doc = trust({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" });
        const stack = withResource(ecsStack(), taskRole(doc)).map(r => (r.type === AWS_TYPES.ecsTaskDefinition ? { ...r, inputs: { ...r.inputs, taskRoleArn: "web-task" }, state: { ...r.state, taskRoleArn: "web-task" } } : r));
        const result = await evaluate(policy, stack);
        assertViolations(result, NAME, "mandatory", [
            'Role "web-task" is the task role of task definition "web", but its trust policy does not let "ecs-tasks.amazonaws.com" assume it; add that service principal so ECS can use the role.',
            'Role "web-task" is the task role of task definition "web", but its trust policy also lets "*" assume it; trust only the service principal "ecs-tasks.amazonaws.com".',
        ]);
    });
});

import { iamRoleEcsTasksTrustExclusive as policy } from "../../../policy/iam/iam-role-ecs-tasks-trust-exclusive";
import { assertViolations, evaluate, resourceOf, ROLE } from "../baselines/ecs";

const NAME = "iam-role-ecs-tasks-trust-exclusive";
const trust = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const ECS = { Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" };

describe(NAME, () => {
    it("GIVEN the baseline role (ecs-tasks only), a role for another service, a trust policy that does not parse THEN no violation", async () => {
        const result = await evaluate(policy, [
            resourceOf(ROLE, "web-exec"),
            resourceOf(ROLE, "fn", { assumeRolePolicy: trust({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }) }),
            resourceOf(ROLE, "broken", { assumeRolePolicy: "{" }),
        ]);
        assertViolations(result, NAME, "mandatory", []);
    });

    it("GIVEN an ECS role that also trusts an account, another service and a wildcard (the role alone shows it) THEN each reported before creation", async () => {
        const doc = trust(
            { ...ECS, Principal: { Service: ["ecs-tasks.amazonaws.com", "ec2.amazonaws.com"], AWS: "arn:aws:iam::123456789012:root" } },
            { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" },
            { Effect: "Deny", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sts:AssumeRole" },
        );
        assertViolations(await evaluate(policy, [resourceOf(ROLE, "web-task", { assumeRolePolicy: doc })]), NAME, "mandatory", [
            'Role "web-task" lets ECS tasks assume it, and its trust policy also lets Service principal "ec2.amazonaws.com" assume it; trust only the service principal "ecs-tasks.amazonaws.com".',
            'Role "web-task" lets ECS tasks assume it, and its trust policy also lets AWS principal "arn:aws:iam::123456789012:root" assume it; trust only the service principal "ecs-tasks.amazonaws.com".',
            'Role "web-task" lets ECS tasks assume it, and its trust policy also lets "*" assume it; trust only the service principal "ecs-tasks.amazonaws.com".',
        ]);
    });
});

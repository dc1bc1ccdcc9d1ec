import { iamRoleNoConflictingPolicyManagement as policy } from "../../../policy/iam/iam-role-no-conflicting-policy-management";
import { fixture } from "../../../harness/fixtures";
import {
    ACCOUNT,
    assertViolations,
    ecsStack,
    evaluate,
    EXEC_ROLE_ARN,
    executionPolicy,
    resourceOf,
    ROLE,
    TASK_ROLE_ARN,
    withResource,
} from "../baselines/ecs";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const NAME = "iam-role-no-conflicting-policy-management";
const METRICS = `arn:aws:iam::${ACCOUNT}:policy/web-metrics`;
const execRole = (overrides: Record<string, unknown>) => resourceOf(ROLE, "web-exec", overrides, { arn: EXEC_ROLE_ARN, id: "web-exec" });
const taskRole = (overrides: Record<string, unknown>) => resourceOf(ROLE, "web-task", { name: "web-task", ...overrides }, { arn: TASK_ROLE_ARN, id: "web-task" });

describe(NAME, () => {
    it("GIVEN the baseline stack (standalone RolePolicy and RolePolicyAttachment only) THEN no violation", async () => {
        assertViolations(await evaluate(policy, ecsStack()), NAME, "mandatory", []);
    });

    it("GIVEN role outputs that merely list the standalone policies (after a deployment) THEN no violation", async () => {
        const stack = withResource(
            ecsStack(),
            execRole({ inlinePolicies: [{ name: "web-exec-policy", policy: executionPolicy() }] }),
            taskRole({ managedPolicyArns: [METRICS] }),
        );
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", []);
    });

    it("GIVEN inlinePolicies on the role besides a RolePolicy THEN reported on the role", async () => {
        const stack = withResource(ecsStack(), execRole({ inlinePolicies: [{ name: "extra", policy: executionPolicy([]) }] }));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
            'Role "web-exec" declares inlinePolicies and also gets inline policies from aws.iam.RolePolicy "web-exec-policy"; each update removes the other\'s policies, so manage them in one place (prefer the RolePolicy resources and drop inlinePolicies).',
        ]);
    });

    it("GIVEN managedPolicyArns: [] (exclusive, none) besides a RolePolicyAttachment THEN reported", async () => {
        const stack = withResource(ecsStack(), taskRole({ managedPolicyArns: [] }));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
            'Role "web-task" declares managedPolicyArns and also gets policies attached by "web-task-metrics"; each update detaches the other\'s policies, so manage attachments in one place (prefer RolePolicyAttachment and drop managedPolicyArns).',
        ]);
    });

    it("GIVEN a PolicyAttachment naming the role and different managedPolicyArns THEN reported", async () => {
        const attachment = fixture(AWS_TYPES.iamPolicyAttachment, "shared", { policyArn: "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess", roles: ["web-exec"] });
        const stack = withResource(ecsStack(), attachment, execRole({ managedPolicyArns: ["arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"] }));
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
            'Role "web-exec" declares managedPolicyArns and also gets policies attached by "shared"; each update detaches the other\'s policies, so manage attachments in one place (prefer RolePolicyAttachment and drop managedPolicyArns).',
        ]);
    });

    it("GIVEN exclusive resources that leave out standalone policies THEN reported on the exclusive resource", async () => {
        const stack = withResource(
            ecsStack(),
            fixture(AWS_TYPES.iamRolePoliciesExclusive, "exec-inline", { roleName: "web-exec", policyNames: ["other"] }),
            fixture(AWS_TYPES.iamRolePolicyAttachmentsExclusive, "task-managed", { roleName: "web-task", policyArns: [] }),
        );
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", [
            'RolePoliciesExclusive "exec-inline" keeps only the inline policies it lists on role "web-exec", so it removes "web-exec-policy"; add it to policyNames.',
            `RolePolicyAttachmentsExclusive "task-managed" keeps only the policies it lists on role "web-task", so it detaches "${METRICS}"; add it to policyArns.`,
        ]);
    });

    it("GIVEN exclusive resources that list the standalone policies THEN no violation", async () => {
        const stack = withResource(
            ecsStack(),
            fixture(AWS_TYPES.iamRolePoliciesExclusive, "exec-inline", { roleName: "web-exec", policyNames: ["web-exec-policy"] }),
            fixture(AWS_TYPES.iamRolePolicyAttachmentsExclusive, "task-managed", { roleName: "web-task", policyArns: [METRICS] }),
        );
        assertViolations(await evaluate(policy, stack), NAME, "mandatory", []);
    });
});

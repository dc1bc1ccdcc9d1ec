import { iamRoleNoBroadManagedPolicies as policy } from "../../../policy/iam/iam-role-no-broad-managed-policies";
import { fixture } from "../../../harness/fixtures";
import { assertViolations, evaluate, resourceOf, ROLE, ROLE_POLICY_ATTACHMENT } from "../baselines/ecs";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const NAME = "iam-role-no-broad-managed-policies";
const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
const unvetted = (field: string, name: string, arn: string) =>
    `${field} attaches the AWS-managed policy "${name}" (${arn}), which is not one of the vetted AWS-managed policies; attach a policy that lists only the actions and resources the workload uses, or add "${name}" to allowedPolicies after reviewing it.`;
const message = (field: string, name: string, arn: string) =>
    `${field} attaches the AWS-managed policy "${name}" (${arn}), which grants far more than a workload needs; attach a policy that lists only the actions and resources it uses.`;

describe(NAME, () => {
    it("GIVEN the baselines (a customer-managed policy; the ECS task execution managed policy) THEN no violation", async () => {
        const result = await evaluate(policy, [
            resourceOf(ROLE_POLICY_ATTACHMENT, "metrics"),
            resourceOf(ROLE_POLICY_ATTACHMENT, "exec", { policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" }),
            resourceOf(ROLE, "exec"),
        ]);
        assertViolations(result, NAME, "mandatory", []);
    });

    it("GIVEN AdministratorAccess by RolePolicyAttachment THEN reported", async () => {
        const result = await evaluate(policy, [resourceOf(ROLE_POLICY_ATTACHMENT, "admin", { policyArn: ADMIN })]);
        assertViolations(result, NAME, "mandatory", [message("policyArn", "AdministratorAccess", ADMIN)]);
    });

    it("GIVEN broad policies in Role.managedPolicyArns (any partition, job-function path, FullAccess) THEN one violation each", async () => {
        const arns = [
            "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
            "arn:aws-us-gov:iam::aws:policy/PowerUserAccess",
            "arn:aws:iam::aws:policy/job-function/SystemAdministrator",
            "arn:aws:iam::aws:policy/AmazonS3FullAccess",
            "arn:aws:iam::aws:policy/AdministratorAccess-Amplify",
        ];
        const result = await evaluate(policy, [resourceOf(ROLE, "exec", { managedPolicyArns: arns })]);
        assertViolations(result, NAME, "mandatory", [
            unvetted("managedPolicyArns[0]", "AmazonS3ReadOnlyAccess", arns[0]),
            message("managedPolicyArns[1]", "PowerUserAccess", arns[1]),
            message("managedPolicyArns[2]", "SystemAdministrator", arns[2]),
            message("managedPolicyArns[3]", "AmazonS3FullAccess", arns[3]),
            message("managedPolicyArns[4]", "AdministratorAccess-Amplify", arns[4]),
        ]);
    });

    it("GIVEN PolicyAttachment and RolePolicyAttachmentsExclusive THEN checked too", async () => {
        const result = await evaluate(policy, [
            fixture(AWS_TYPES.iamPolicyAttachment, "admins", { policyArn: "arn:aws:iam::aws:policy/IAMFullAccess", roles: ["exec"] }),
            fixture(AWS_TYPES.iamRolePolicyAttachmentsExclusive, "exec", { roleName: "exec", policyArns: [ADMIN] }),
        ]);
        assertViolations(result, NAME, "mandatory", [
            message("policyArn", "IAMFullAccess", "arn:aws:iam::aws:policy/IAMFullAccess"),
            message("policyArns[0]", "AdministratorAccess", ADMIN),
        ]);
    });

    it("GIVEN a customer-managed policy named AdministratorAccess THEN not an AWS-managed policy, not reported", async () => {
        const result = await evaluate(policy, [resourceOf(ROLE_POLICY_ATTACHMENT, "x", { policyArn: "arn:aws:iam::123456789012:policy/AdministratorAccess" })]);
        assertViolations(result, NAME, "mandatory", []);
    });

    it("GIVEN allowedPolicies or narrower deniedPolicies THEN honoured", async () => {
        const s3 = "arn:aws:iam::aws:policy/AmazonS3FullAccess";
        const resources = [resourceOf(ROLE_POLICY_ATTACHMENT, "s3", { policyArn: s3 })];
        assertViolations(await evaluate(policy, resources, { [NAME]: { allowedPolicies: ["AmazonS3FullAccess"] } }), NAME, "mandatory", []);
        assertViolations(await evaluate(policy, resources, { [NAME]: { allowedPolicies: [s3] } }), NAME, "mandatory", []);
        assertViolations(await evaluate(policy, resources, { [NAME]: { deniedPolicies: ["AdministratorAccess"] } }), NAME, "mandatory", [
            unvetted("policyArn", "AmazonS3FullAccess", s3),
        ]);
    });

    describe("evasion: managed policies beyond the full-access names, reaching users and groups", () => {
        it("GIVEN ReadOnlyAccess and a policy AWS adds later THEN reported as not vetted", async () => {
            const arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonBedrockLimitedAccess"];
            const result = await evaluate(policy, [resourceOf(ROLE, "exec", { managedPolicyArns: arns })]);
            assertViolations(result, NAME, "mandatory", [unvetted("managedPolicyArns[0]", "ReadOnlyAccess", arns[0]), unvetted("managedPolicyArns[1]", "AmazonBedrockLimitedAccess", arns[1])]);
        });

        it("GIVEN AdministratorAccess attached to a user or a group, directly or exclusively THEN reported", async () => {
            const result = await evaluate(policy, [
                fixture(AWS_TYPES.iamUserPolicyAttachment, "u", { user: "ci", policyArn: ADMIN }),
                fixture(AWS_TYPES.iamGroupPolicyAttachment, "g", { group: "ops", policyArn: ADMIN }),
                fixture(AWS_TYPES.iamUserPolicyAttachmentsExclusive, "ue", { userName: "ci", policyArns: [ADMIN] }),
                fixture(AWS_TYPES.iamGroupPolicyAttachmentsExclusive, "ge", { groupName: "ops", policyArns: [ADMIN] }),
            ]);
            assertViolations(result, NAME, "mandatory", [
                message("policyArn", "AdministratorAccess", ADMIN),
                message("policyArn", "AdministratorAccess", ADMIN),
                message("policyArns[0]", "AdministratorAccess", ADMIN),
                message("policyArns[0]", "AdministratorAccess", ADMIN),
            ]);
        });

        it("GIVEN a vetted policy under its service-role path THEN not reported", async () => {
            const arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
            assertViolations(await evaluate(policy, [resourceOf(ROLE, "exec", { managedPolicyArns: [arn] })]), NAME, "mandatory", []);
        });
    });

    describe("GIVEN the ECS infrastructure role's policy for load balancers (blue/green, canary, linear)", () => {
        const LB_POLICY = "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";
        const trust = (...services: (string | Record<string, unknown>)[]) =>
            JSON.stringify({
                Version: "2012-10-17",
                Statement: services.map(p => ({ Effect: "Allow", Principal: typeof p === "string" ? { Service: p } : p, Action: "sts:AssumeRole" })),
            });
        const restricted = (field: string, arn: string, problem: string) =>
            `${field} attaches the AWS-managed policy "AmazonECSInfrastructureRolePolicyForLoadBalancers" (${arn}), which may be attached only to a role that "ecs.amazonaws.com" alone can assume, by its exact ARN: ${problem}; attach it to a role whose trust policy names only the service principal "ecs.amazonaws.com".`;

        it("GIVEN it on a role trusted by ecs.amazonaws.com alone, in any partition, or attached to a role by name THEN no violation", async () => {
            for (const arn of [LB_POLICY, "arn:aws-us-gov:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers", "arn:aws-cn:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers"]) {
                assertViolations(await evaluate(policy, [resourceOf(ROLE, "infra", { assumeRolePolicy: trust("ecs.amazonaws.com"), managedPolicyArns: [arn] })]), NAME, "mandatory", []);
                assertViolations(await evaluate(policy, [resourceOf(ROLE_POLICY_ATTACHMENT, "infra", { role: "infra", policyArn: arn })]), NAME, "mandatory", []);
            }
        });

        it("GIVEN it on a role that another principal (or no ECS) can assume THEN reported", async () => {
            const cases: [string, string][] = [
                [trust("ecs.amazonaws.com", "ecs-tasks.amazonaws.com"), 'its trust policy also lets Service principal "ecs-tasks.amazonaws.com" assume it'],
                [trust("ecs.amazonaws.com", { AWS: "arn:aws:iam::123456789012:root" }), 'its trust policy also lets AWS principal "arn:aws:iam::123456789012:root" assume it'],
                [trust("ecs-tasks.amazonaws.com"), 'its trust policy does not let "ecs.amazonaws.com" assume it'],
                [trust("ecs.amazonaws.com", "*"), 'its trust policy also lets Service principal "*" assume it'],
            ];
            for (const [assumeRolePolicy, problem] of cases) {
                const result = await evaluate(policy, [resourceOf(ROLE, "infra", { assumeRolePolicy, managedPolicyArns: [LB_POLICY] })]);
                assertViolations(result, NAME, "mandatory", [restricted("managedPolicyArns[0]", LB_POLICY, problem)]);
            }
        });

        it("GIVEN it attached to users or groups THEN reported", async () => {
            const problem = "it is made for the role an AWS service assumes and goes to users or groups here";
            const result = await evaluate(policy, [
                fixture(AWS_TYPES.iamUserPolicyAttachment, "alice", { user: "alice", policyArn: LB_POLICY }),
                fixture(AWS_TYPES.iamGroupPolicyAttachment, "ops", { group: "ops", policyArn: LB_POLICY }),
                fixture(AWS_TYPES.iamPolicyAttachment, "mixed", { policyArn: LB_POLICY, roles: ["infra"], users: ["alice"] }),
            ]);
            assertViolations(result, NAME, "mandatory", [restricted("policyArn", LB_POLICY, problem), restricted("policyArn", LB_POLICY, problem), restricted("policyArn", LB_POLICY, problem)]);
        });

        it("GIVEN its name under another path THEN not the policy: reported", async () => {
            const arn = "arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForLoadBalancers";
            const result = await evaluate(policy, [resourceOf(ROLE, "infra", { assumeRolePolicy: trust("ecs.amazonaws.com"), managedPolicyArns: [arn] })]);
            assertViolations(result, NAME, "mandatory", [
                restricted("managedPolicyArns[0]", arn, "it is not the policy's ARN (arn:<partition>:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers)"),
            ]);
        });

        it("GIVEN a near-miss name (another ECS infrastructure policy, other case) THEN not vetted", async () => {
            const arn = "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForVolumes";
            const lower = "arn:aws:iam::aws:policy/amazonecsinfrastructurerolepolicyforloadbalancers";
            const result = await evaluate(policy, [resourceOf(ROLE, "infra", { assumeRolePolicy: trust("ecs.amazonaws.com"), managedPolicyArns: [arn, lower] })]);
            assertViolations(result, NAME, "mandatory", [
                unvetted("managedPolicyArns[0]", "AmazonECSInfrastructureRolePolicyForVolumes", arn),
                unvetted("managedPolicyArns[1]", "amazonecsinfrastructurerolepolicyforloadbalancers", lower),
            ]);
        });
    });
});

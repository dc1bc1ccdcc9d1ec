import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { asArray } from "../lib/coerce";
import { parsePolicyDocument } from "../lib/iamDocuments";
import { serviceRolePolicyOf, serviceTrustProblem } from "../lib/serviceRolePolicies";
import { globMatches } from "../lib/iamDocuments";
import { awsManagedPolicyName } from "../lib/iamRoles";
import { BROAD_MANAGED_POLICIES } from "../lib/iamAdmin";
import {
    IAM_GROUP_POLICY_ATTACHMENT,
    IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE,
    IAM_USER_POLICY_ATTACHMENT,
    IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE,
    IAM_POLICY_ATTACHMENT,
    IAM_ROLE,
    IAM_ROLE_POLICY_ATTACHMENT,
    IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE,
} from "../lib/types";

interface Config {
    deniedPolicies: string[];
    allowedPolicies: string[];
    vettedPolicies: string[];
}

const EXCLUSIVE_ATTACHMENTS: readonly string[] = [
    ...IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE,
    ...IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE,
    ...IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE,
];

/**
 * AWS-managed policies narrow enough for a container workload, each reviewed: the ECS agent's execution
 * policy, CloudWatch agent and Lambda Insights writers, X-Ray daemon writes, ECR read-only pulls, the App
 * Mesh Envoy policy, SSM's instance core, Lambda's basic execution role (log writes only) and the ECS
 * container-instance role for EC2 capacity, and the ECS infrastructure role's policy for Service Connect TLS
 * (assumed by ECS itself, trusted only by ecs.amazonaws.com; its grants on AWS Private CA and Secrets Manager
 * are limited to resources tagged as ECS-managed, per AWS's "Amazon ECS infrastructure IAM role" page).
 * Without it, a prod stack that must encrypt Service Connect could not get the role that does it. The ECS
 * infrastructure role's policy for load balancers lets ECS move traffic between the target groups of a
 * blue/green, linear or canary deployment. Those two are service-role policies (`../lib/serviceRolePolicies`):
 * vetted only by their exact ARN and only on a role that `ecs.amazonaws.com` alone can assume. Anything else
 * AWS manages (ReadOnlyAccess reads every S3 object and DynamoDB table; many "…Access" policies grant writes
 * on "*") must be allowed explicitly.
 */
export const VETTED_MANAGED_POLICIES: readonly string[] = [
    "AmazonECSTaskExecutionRolePolicy",
    "CloudWatchAgentServerPolicy",
    "CloudWatchLambdaInsightsExecutionRolePolicy",
    "AWSXRayDaemonWriteAccess",
    "AmazonEC2ContainerRegistryReadOnly",
    "AWSAppMeshEnvoyAccess",
    "AmazonSSMManagedInstanceCore",
    "AWSLambdaBasicExecutionRole",
    "AmazonEC2ContainerServiceforEC2Role",
    "AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity",
    "AmazonECSInfrastructureRolePolicyForLoadBalancers",
];


/** Types whose attachments go to users or groups (never to a service's role). */
const USER_OR_GROUP_ATTACHMENTS: readonly string[] = [
    ...IAM_USER_POLICY_ATTACHMENT,
    ...IAM_GROUP_POLICY_ATTACHMENT,
    ...IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE,
    ...IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE,
];

/**
 * Where a service-role policy may not go, judged from the attaching resource alone: a user or a group, or
 * a role (its own `managedPolicyArns`) that another principal can assume. Attachments to roles by name are
 * checked against the role's trust by the stack policy `iam-role-service-policy-trust`.
 */
function serviceRolePolicyProblem(type: string, props: Record<string, any>, service: string): string | undefined {
    const toPrincipals =
        USER_OR_GROUP_ATTACHMENTS.includes(type) || (IAM_POLICY_ATTACHMENT.includes(type as never) && (asArray(props.users).length > 0 || asArray(props.groups).length > 0));
    if (toPrincipals) {
        return "it is made for the role an AWS service assumes and goes to users or groups here";
    }
    if (IAM_ROLE.includes(type as (typeof IAM_ROLE)[number])) {
        const parsed = parsePolicyDocument(props.assumeRolePolicy);
        if (!parsed.ok) {
            return `the role's trust policy is not valid (${parsed.reason}), so who can assume it is unknown`;
        }
        return serviceTrustProblem(parsed.statements, service);
    }
    return undefined;
}

/** The policy ARNs a resource attaches, with the input field they come from. */
function attachedArns(type: string, props: Record<string, any>): { field: string; arn: unknown }[] {
    if (IAM_ROLE.includes(type as (typeof IAM_ROLE)[number])) {
        return asArray(props.managedPolicyArns).map((arn, i) => ({ field: `managedPolicyArns[${i}]`, arn }));
    }
    if (EXCLUSIVE_ATTACHMENTS.includes(type)) {
        return asArray(props.policyArns).map((arn, i) => ({ field: `policyArns[${i}]`, arn }));
    }
    return [{ field: "policyArn", arn: props.policyArn }];
}

/**
 * Catalog #47 — cdk-nag IAM4, Checkov CKV_AWS_274. No principal gets a broad AWS-managed policy, whether
 * through `Role.managedPolicyArns`, `RolePolicyAttachment`, `PolicyAttachment` (roles, users, groups),
 * `UserPolicyAttachment`, `GroupPolicyAttachment` or the `…PolicyAttachmentsExclusive` resources. An
 * allow-list decides: only `vettedPolicies` (default {@link VETTED_MANAGED_POLICIES}) and `allowedPolicies`
 * (ARNs or names) may be attached, since a deny-list of "full access" names misses ReadOnlyAccess,
 * "…Access" policies with writes on "*" and every policy AWS adds later. `deniedPolicies` (name patterns,
 * `*` wildcard: AdministratorAccess and its variants, PowerUserAccess, IAMFullAccess, SystemAdministrator,
 * any "…FullAccess") only sharpens the message.
 */
export const iamRoleNoBroadManagedPolicies: ResourceValidationPolicy = {
    name: "iam-role-no-broad-managed-policies",
    description: "Roles, users and groups get only vetted AWS-managed policies, never administrator or full-access ones.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            deniedPolicies: {
                type: "array",
                items: { type: "string" },
                default: [...BROAD_MANAGED_POLICIES],
                description: "Name patterns of AWS-managed policies that must not be attached.",
            },
            allowedPolicies: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "AWS-managed policy ARNs or names that may be attached besides vettedPolicies (also exempt from deniedPolicies).",
            },
            vettedPolicies: {
                type: "array",
                items: { type: "string" },
                default: [...VETTED_MANAGED_POLICIES],
                description: "Names of AWS-managed policies reviewed as narrow enough to attach.",
            },
        },
    },
    validateResource: validateTypes(
        [...IAM_ROLE, ...IAM_ROLE_POLICY_ATTACHMENT, ...IAM_POLICY_ATTACHMENT, ...IAM_USER_POLICY_ATTACHMENT, ...IAM_GROUP_POLICY_ATTACHMENT, ...EXCLUSIVE_ATTACHMENTS],
        (props, args, report) => {
            const { deniedPolicies, allowedPolicies, vettedPolicies } = args.getConfig<Config>();
            const vetted = (vettedPolicies ?? []).filter((p): p is string => typeof p === "string");
            const denied = (deniedPolicies ?? []).filter((p): p is string => typeof p === "string");
            const allowed = (allowedPolicies ?? []).filter((p): p is string => typeof p === "string");
            for (const { field, arn } of attachedArns(args.type, props)) {
                if (typeof arn !== "string") {
                    continue;
                }
                const name = awsManagedPolicyName(arn);
                if (name === undefined) {
                    continue;
                }
                const serviceRole = serviceRolePolicyOf(arn);
                if (serviceRole !== undefined) {
                    const problem = serviceRole.exact ? serviceRolePolicyProblem(args.type, props, serviceRole.service) : `it is not the policy's ARN (arn:<partition>:iam::aws:policy/${serviceRole.path})`;
                    if (problem !== undefined) {
                        report(
                            `${field} attaches the AWS-managed policy "${name}" (${arn}), which may be attached only to a role that "${serviceRole.service}" alone can assume, by its exact ARN: ` +
                                `${problem}; attach it to a role whose trust policy names only the service principal "${serviceRole.service}".`,
                        );
                        continue;
                    }
                }
                if (allowed.includes(arn) || allowed.includes(name)) {
                    continue;
                }
                if (denied.some(p => globMatches(p, name))) {
                    report(
                        `${field} attaches the AWS-managed policy "${name}" (${arn}), which grants far more than a workload needs; ` +
                            `attach a policy that lists only the actions and resources it uses.`,
                    );
                } else if (!vetted.includes(name)) {
                    report(
                        `${field} attaches the AWS-managed policy "${name}" (${arn}), which is not one of the vetted AWS-managed policies; ` +
                            `attach a policy that lists only the actions and resources the workload uses, or add "${name}" to allowedPolicies after reviewing it.`,
                    );
                }
            }
        },
    ),
};

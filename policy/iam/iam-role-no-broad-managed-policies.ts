import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { asArray } from "../lib/coerce";
import { globMatches } from "../lib/iamDocuments";
import {
    IAM_POLICY_ATTACHMENT,
    IAM_ROLE,
    IAM_ROLE_POLICY_ATTACHMENT,
    IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE,
} from "../lib/types";

interface Config {
    deniedPolicies: string[];
    allowedPolicies: string[];
}

/** `AdministratorAccess` for `arn:aws:iam::aws:policy/AdministratorAccess`; undefined for customer-managed ARNs. */
const awsManagedPolicyName = (arn: string): string | undefined => {
    const m = /^arn:aws(?:-[a-z]+)*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
    return m ? m[1] : undefined;
};

/** The policy ARNs a resource attaches, with the input field they come from. */
function attachedArns(type: string, props: Record<string, any>): { field: string; arn: unknown }[] {
    if (IAM_ROLE.includes(type as (typeof IAM_ROLE)[number])) {
        return asArray(props.managedPolicyArns).map((arn, i) => ({ field: `managedPolicyArns[${i}]`, arn }));
    }
    if (IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE.includes(type as (typeof IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE)[number])) {
        return asArray(props.policyArns).map((arn, i) => ({ field: `policyArns[${i}]`, arn }));
    }
    return [{ field: "policyArn", arn: props.policyArn }];
}

/**
 * Catalog #47 — cdk-nag IAM4, Checkov CKV_AWS_274. Roles get no broad AWS-managed policy —
 * AdministratorAccess (and its variants), PowerUserAccess, IAMFullAccess, SystemAdministrator, any
 * "…FullAccess" — whether through `Role.managedPolicyArns`, `RolePolicyAttachment`, `PolicyAttachment` or
 * `RolePolicyAttachmentsExclusive`. `deniedPolicies` holds name patterns (`*` wildcard); `allowedPolicies`
 * exempts ARNs or names.
 */
export const iamRoleNoBroadManagedPolicies: ResourceValidationPolicy = {
    name: "iam-role-no-broad-managed-policies",
    description: "Roles must not be given administrator or full-access AWS-managed policies.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            deniedPolicies: {
                type: "array",
                items: { type: "string" },
                default: ["AdministratorAccess*", "PowerUserAccess", "IAMFullAccess", "SystemAdministrator", "*FullAccess"],
                description: "Name patterns of AWS-managed policies that must not be attached.",
            },
            allowedPolicies: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "AWS-managed policy ARNs or names exempt from deniedPolicies.",
            },
        },
    },
    validateResource: validateTypes(
        [...IAM_ROLE, ...IAM_ROLE_POLICY_ATTACHMENT, ...IAM_POLICY_ATTACHMENT, ...IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE],
        (props, args, report) => {
            const { deniedPolicies, allowedPolicies } = args.getConfig<Config>();
            const denied = (deniedPolicies ?? []).filter((p): p is string => typeof p === "string");
            const allowed = (allowedPolicies ?? []).filter((p): p is string => typeof p === "string");
            for (const { field, arn } of attachedArns(args.type, props)) {
                if (typeof arn !== "string") {
                    continue;
                }
                const name = awsManagedPolicyName(arn);
                if (name === undefined || allowed.includes(arn) || allowed.includes(name) || !denied.some(p => globMatches(p, name))) {
                    continue;
                }
                report(
                    `${field} attaches the AWS-managed policy "${name}" (${arn}), which grants far more than a workload needs; ` +
                        `attach a policy that lists only the actions and resources it uses.`,
                );
            }
        },
    ),
};

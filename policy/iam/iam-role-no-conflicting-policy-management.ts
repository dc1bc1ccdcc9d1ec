import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asArray, isRecord, quoteList } from "../lib/coerce";
import { resourcesOfType } from "../lib/ecsStack";
import { refersToRole, roleLabel } from "../lib/iamRoles";
import {
    IAM_POLICY_ATTACHMENT,
    IAM_ROLE,
    IAM_ROLE_POLICIES_EXCLUSIVE,
    IAM_ROLE_POLICY,
    IAM_ROLE_POLICY_ATTACHMENT,
    IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE,
} from "../lib/types";

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every(x => b.has(x));

/** The name a RolePolicy creates (its `name`, known after creation; else its logical name). */
const rolePolicyName = (rp: PolicyResource): string => (typeof rp.props.name === "string" && rp.props.name !== "" ? rp.props.name : rp.name);

/**
 * Catalog #49 — cdk-nag, awsguard. A role's inline policies and managed-policy attachments are managed in one
 * place. `Role.inlinePolicies` and `Role.managedPolicyArns` manage them exclusively, so standalone
 * `RolePolicy` / `RolePolicyAttachment` / `PolicyAttachment` resources for the same role are removed on the
 * next update and re-added on the one after; `RolePoliciesExclusive` / `RolePolicyAttachmentsExclusive`
 * likewise remove what they do not list.
 *
 * Stack policies see outputs, and after a deployment a role's `inlinePolicies`/`managedPolicyArns` outputs
 * list everything attached to it. So a conflict is reported only when the role's list and the standalone
 * resources disagree (a name or ARN on one side only); identical sets are what a clean role looks like.
 */
export const iamRoleNoConflictingPolicyManagement: StackValidationPolicy = {
    name: "iam-role-no-conflicting-policy-management",
    description: "A role's policies must be managed either on the role or by standalone resources, not both.",
    enforcementLevel: "mandatory",
    severity: "medium",
    validateStack: (args, report) => {
        for (const role of resourcesOfType(args.resources, IAM_ROLE)) {
            const label = `Role "${roleLabel(role)}"`;
            const rolePolicies = resourcesOfType(args.resources, IAM_ROLE_POLICY).filter(rp => refersToRole(role, rp.props.role));
            const standaloneNames = new Set(rolePolicies.map(rolePolicyName));
            const inline = role.props.inlinePolicies;
            if (rolePolicies.length > 0 && Array.isArray(inline) && inline.length > 0) {
                const inlineNames = new Set(
                    asArray(inline).map(p => (isRecord(p) && typeof p.name === "string" ? p.name : "")),
                );
                if (!sameSet(inlineNames, standaloneNames)) {
                    report(
                        `${label} declares inlinePolicies and also gets inline policies from aws.iam.RolePolicy ${quoteList(rolePolicies.map(rp => rp.name))}; ` +
                            `each update removes the other's policies, so manage them in one place (prefer the RolePolicy resources and drop inlinePolicies).`,
                        role.urn,
                    );
                }
            }

            const attachments = [
                ...resourcesOfType(args.resources, IAM_ROLE_POLICY_ATTACHMENT).filter(a => refersToRole(role, a.props.role)),
                ...resourcesOfType(args.resources, IAM_POLICY_ATTACHMENT).filter(a => asArray(a.props.roles).some(r => refersToRole(role, r))),
            ];
            const attachedArns = new Set(attachments.map(a => a.props.policyArn).filter((a): a is string => typeof a === "string"));
            const managed = role.props.managedPolicyArns;
            if (attachments.length > 0 && Array.isArray(managed)) {
                const managedArns = new Set(asArray(managed).filter((a): a is string => typeof a === "string"));
                if (!sameSet(managedArns, attachedArns)) {
                    report(
                        `${label} declares managedPolicyArns and also gets policies attached by ${quoteList(attachments.map(a => a.name))}; ` +
                            `each update detaches the other's policies, so manage attachments in one place (prefer RolePolicyAttachment and drop managedPolicyArns).`,
                        role.urn,
                    );
                }
            }

            for (const exclusive of resourcesOfType(args.resources, IAM_ROLE_POLICIES_EXCLUSIVE)) {
                if (!refersToRole(role, exclusive.props.roleName)) {
                    continue;
                }
                const kept = new Set(asArray(exclusive.props.policyNames).filter((n): n is string => typeof n === "string"));
                const removed = [...standaloneNames].filter(n => !kept.has(n));
                if (removed.length > 0) {
                    report(
                        `RolePoliciesExclusive "${exclusive.name}" keeps only the inline policies it lists on role "${roleLabel(role)}", so it removes ` +
                            `${quoteList(removed)}; add ${removed.length > 1 ? "them" : "it"} to policyNames.`,
                        exclusive.urn,
                    );
                }
            }
            for (const exclusive of resourcesOfType(args.resources, IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE)) {
                if (!refersToRole(role, exclusive.props.roleName)) {
                    continue;
                }
                const kept = new Set(asArray(exclusive.props.policyArns).filter((n): n is string => typeof n === "string"));
                const removed = [...attachedArns].filter(n => !kept.has(n));
                if (removed.length > 0) {
                    report(
                        `RolePolicyAttachmentsExclusive "${exclusive.name}" keeps only the policies it lists on role "${roleLabel(role)}", so it detaches ` +
                            `${quoteList(removed)}; add ${removed.length > 1 ? "them" : "it"} to policyArns.`,
                        exclusive.urn,
                    );
                }
            }
        }
    },
};

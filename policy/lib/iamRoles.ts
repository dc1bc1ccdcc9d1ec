/**
 * Which IAM policy documents apply to a role, gathered across the stack: standalone `aws.iam.RolePolicy`
 * resources, the role's own `inlinePolicies`, and customer-managed `aws.iam.Policy` resources attached with
 * `RolePolicyAttachment`, `PolicyAttachment` or `managedPolicyArns`.
 *
 * References to a role (`RolePolicy.role`, `RolePolicyAttachment.role`, `PolicyAttachment.roles[]`) may be
 * the role's name, its id (also its name), its ARN, or — when the program passed the `Role` resource itself
 * — its URN; all four are accepted.
 */
import { PolicyResource } from "@pulumi/policy";
import { asArray, isRecord } from "./coerce";
import { IAM_POLICY, IAM_POLICY_ATTACHMENT, IAM_ROLE, IAM_ROLE_POLICY, IAM_ROLE_POLICY_ATTACHMENT } from "./types";
import { resourcesOfType } from "./ecsStack";

/** The role whose state `arn` equals `arn`, if it is in the stack. */
export function findRoleByArn(resources: readonly PolicyResource[], arn: unknown): PolicyResource | undefined {
    if (typeof arn !== "string" || arn === "") {
        return undefined;
    }
    return resourcesOfType(resources, IAM_ROLE).find(r => r.props.arn === arn);
}

/** True when `reference` (a name, id, ARN or URN) designates `role`. */
export function refersToRole(role: PolicyResource, reference: unknown): boolean {
    if (typeof reference !== "string" || reference === "") {
        return false;
    }
    return reference === role.urn || reference === role.props.name || reference === role.props.id || reference === role.props.arn;
}

/** How messages name a role: its `name` when known, else its logical name. */
export const roleLabel = (role: PolicyResource): string =>
    typeof role.props.name === "string" && role.props.name !== "" ? role.props.name : role.name;

/** One policy document that applies to a role, with where it comes from. */
export interface RolePolicySource {
    /** The resource to report against (the RolePolicy, the Role for inline policies, the attached Policy). */
    readonly urn: string;
    /** `Role policy "exec-policy"`, `Inline policy "pull" of role "exec"`, `Policy "read-secrets"`. */
    readonly label: string;
    /** The raw document (string or object); parse it with `parsePolicyDocument`. */
    readonly document: unknown;
}

export interface RolePolicies {
    readonly sources: RolePolicySource[];
    /**
     * True when a customer-managed policy is attached by ARN but is not in the stack, so the role may hold
     * permissions this stack cannot see. AWS-managed policies (`arn:…:iam::aws:policy/…`) do not count.
     */
    readonly hasUnseenPolicies: boolean;
}

const isAwsManagedPolicyArn = (arn: string): boolean => /^arn:aws(-[a-z]+)*:iam::aws:policy\//.test(arn);

/** The policy documents of `role` found in the stack; see the module comment. */
export function rolePolicies(resources: readonly PolicyResource[], role: PolicyResource): RolePolicies {
    const sources: RolePolicySource[] = [];
    const standaloneNames = new Set<string>();
    for (const rp of resourcesOfType(resources, IAM_ROLE_POLICY)) {
        if (refersToRole(role, rp.props.role)) {
            sources.push({ urn: rp.urn, label: `Role policy "${rp.name}"`, document: rp.props.policy });
            if (typeof rp.props.name === "string") {
                standaloneNames.add(rp.props.name);
            }
        }
    }
    // After a deployment the role's `inlinePolicies` output also lists the RolePolicy resources' policies.
    asArray(role.props.inlinePolicies).forEach((inline, i) => {
        if (!isRecord(inline) || inline.policy === undefined || inline.policy === null || inline.policy === "") {
            return;
        }
        const name = typeof inline.name === "string" ? inline.name : undefined;
        if (name !== undefined && standaloneNames.has(name)) {
            return;
        }
        sources.push({ urn: role.urn, label: `Inline policy "${name ?? `#${i + 1}`}" of role "${roleLabel(role)}"`, document: inline.policy });
    });

    const attachedArns = new Set<string>();
    for (const a of resourcesOfType(resources, IAM_ROLE_POLICY_ATTACHMENT)) {
        if (refersToRole(role, a.props.role) && typeof a.props.policyArn === "string") {
            attachedArns.add(a.props.policyArn);
        }
    }
    for (const a of resourcesOfType(resources, IAM_POLICY_ATTACHMENT)) {
        if (asArray(a.props.roles).some(r => refersToRole(role, r)) && typeof a.props.policyArn === "string") {
            attachedArns.add(a.props.policyArn);
        }
    }
    for (const arn of asArray(role.props.managedPolicyArns)) {
        if (typeof arn === "string") {
            attachedArns.add(arn);
        }
    }
    const policies = resourcesOfType(resources, IAM_POLICY);
    let hasUnseenPolicies = false;
    for (const arn of attachedArns) {
        const policy = policies.find(p => p.props.arn === arn);
        if (policy) {
            sources.push({ urn: policy.urn, label: `Policy "${policy.name}"`, document: policy.props.policy });
        } else if (!isAwsManagedPolicyArn(arn)) {
            hasUnseenPolicies = true;
        }
    }
    return { sources, hasUnseenPolicies };
}

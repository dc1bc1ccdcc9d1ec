/**
 * Which IAM policy documents apply to a role, gathered across the stack: standalone `aws.iam.RolePolicy`
 * resources, the role's own `inlinePolicies`, and customer-managed `aws.iam.Policy` resources attached with
 * `RolePolicyAttachment`, `PolicyAttachment` or `managedPolicyArns`.
 *
 * References to a role (`RolePolicy.role`, `RolePolicyAttachment.role`, `PolicyAttachment.roles[]`, a task
 * definition's `executionRoleArn`/`taskRoleArn`) may be the role's name (in any case), its id (also its
 * name), its ARN (with or without a path), or — when the program passed the `Role` resource itself — its
 * URN; all are accepted (see {@link refersToRole}).
 */
import { PolicyResource } from "@pulumi/policy";
import { asArray, isRecord } from "./coerce";
import { IAM_POLICY, IAM_POLICY_ATTACHMENT, IAM_ROLE, IAM_ROLE_POLICY, IAM_ROLE_POLICY_ATTACHMENT } from "./types";
import { resourcesOfType } from "./ecsStack";

/**
 * The role name and account a reference designates: an ARN `arn:<partition>:iam::<account>:role/<path/>name`
 * gives its last segment and account; a bare string without ":" or "/" is a role name (account unknown).
 * Undefined for anything else.
 */
export function roleReference(reference: unknown): { name: string; account?: string } | undefined {
    if (typeof reference !== "string" || reference.trim() === "") {
        return undefined;
    }
    const arn = /^arn:[^:]+:iam::(\d*):role\/(?:.*\/)?([^/]+)$/.exec(reference);
    if (arn) {
        return { name: arn[2], account: arn[1] };
    }
    return /^[\w+=,.@-]+$/.test(reference) ? { name: reference } : undefined;
}

/**
 * True when `reference` designates `role`: its URN or id; or, by name or ARN, the same role name —
 * compared case-insensitively, since IAM role names are unique regardless of case and resolve so — in
 * the same account when both sides name one. Policies, attachments and exclusive resources name a role by
 * name (or ARN), task definitions by ARN (ECS also takes a task role's short name), so every rule that
 * follows roles resolves both.
 */
export function refersToRole(role: PolicyResource, reference: unknown): boolean {
    if (typeof reference !== "string" || reference === "") {
        return false;
    }
    if (reference === role.urn || reference === role.props.id || reference === role.props.arn || reference === role.props.name) {
        return true;
    }
    const own = [role.props.arn, role.props.name, role.props.id].find(r => roleReference(r) !== undefined);
    return sameRoleReference(own, reference);
}

/** True when two references (ARNs or names) designate the same role name in the same account; see {@link refersToRole}. */
export function sameRoleReference(a: unknown, b: unknown): boolean {
    const x = roleReference(a);
    const y = roleReference(b);
    return (
        x !== undefined &&
        y !== undefined &&
        x.name.toLowerCase() === y.name.toLowerCase() &&
        (x.account === undefined || y.account === undefined || x.account === y.account)
    );
}

/** The role of the stack that `reference` (an ARN, a name, an id or a URN) designates. */
export function findRole(resources: readonly PolicyResource[], reference: unknown): PolicyResource | undefined {
    if (typeof reference !== "string" || reference === "") {
        return undefined;
    }
    return resourcesOfType(resources, IAM_ROLE).find(r => refersToRole(r, reference));
}

/** Kept for existing callers: task definitions name roles by ARN, or by short name, which this resolves too. */
export const findRoleByArn = findRole;

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
    /** The AWS-managed policies (`arn:…:iam::aws:policy/…`) attached to the role, by ARN. */
    readonly awsManagedPolicyArns: string[];
}

const isAwsManagedPolicyArn = (arn: string): boolean => /^arn:aws(-[a-z]+)*:iam::aws:policy\//.test(arn);

/** `AdministratorAccess` for `arn:aws:iam::aws:policy/AdministratorAccess`; undefined for customer-managed ARNs. */
export const awsManagedPolicyName = (arn: string): string | undefined => {
    const m = /^arn:aws(?:-[a-z]+)*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
    return m ? m[1] : undefined;
};

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
    const awsManagedPolicyArns = [...attachedArns].filter(isAwsManagedPolicyArn);
    for (const arn of attachedArns) {
        const policy = policies.find(p => p.props.arn === arn);
        if (policy) {
            sources.push({ urn: policy.urn, label: `Policy "${policy.name}"`, document: policy.props.policy });
        } else if (!isAwsManagedPolicyArn(arn)) {
            hasUnseenPolicies = true;
        }
    }
    return { sources, hasUnseenPolicies, awsManagedPolicyArns };
}

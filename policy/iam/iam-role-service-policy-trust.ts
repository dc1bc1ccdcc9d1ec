import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asArray } from "../lib/coerce";
import { resourcesOfType } from "../lib/ecsStack";
import { parsePolicyDocument } from "../lib/iamDocuments";
import { findRole, roleLabel } from "../lib/iamRoles";
import { serviceRolePolicyOf, serviceTrustProblem } from "../lib/serviceRolePolicies";
import { IAM_POLICY_ATTACHMENT, IAM_ROLE, IAM_ROLE_POLICY_ATTACHMENT, IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE } from "../lib/types";
import { UnknownDeferral, referencedResource } from "../lib/unknowns";

/** One attachment of a policy to a role by reference: the attaching resource, the role reference and the input it came from. */
interface RoleAttachment {
    readonly resource: PolicyResource;
    readonly property: string;
    readonly read: () => unknown;
    readonly arns: () => unknown[];
}

function roleAttachments(resources: readonly PolicyResource[]): RoleAttachment[] {
    const out: RoleAttachment[] = [];
    for (const a of resourcesOfType(resources, IAM_ROLE_POLICY_ATTACHMENT)) {
        out.push({ resource: a, property: "role", read: () => a.props.role, arns: () => [a.props.policyArn] });
    }
    for (const a of resourcesOfType(resources, IAM_POLICY_ATTACHMENT)) {
        asArray(a.props.roles).forEach((_, i) => out.push({ resource: a, property: "roles", read: () => a.props.roles[i], arns: () => [a.props.policyArn] }));
    }
    for (const a of resourcesOfType(resources, IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE)) {
        out.push({ resource: a, property: "roleName", read: () => a.props.roleName, arns: () => asArray(a.props.policyArns) });
    }
    return out;
}

/**
 * Catalog #47/#48 across resources, the half `iam-role-no-broad-managed-policies` cannot see: AWS-managed
 * policies made for the role one AWS service assumes (`../lib/serviceRolePolicies`: the ECS infrastructure
 * role's policies for load balancers and for Service Connect TLS) are attached by `RolePolicyAttachment`,
 * `PolicyAttachment` or `RolePolicyAttachmentsExclusive` only to a role of the stack that the service
 * principal ("ecs.amazonaws.com") alone can assume. A role that also trusts an account, a user or another
 * service would hand ECS's right to rewrite listener rules and target groups (or issue certificates) to
 * them. A role outside the stack cannot be checked and is reported; a role reference not known during
 * preview is followed through the attachment's dependencies, else nothing is guessed.
 */
export const iamRoleServicePolicyTrust: StackValidationPolicy = {
    name: "iam-role-service-policy-trust",
    description: "AWS-managed policies made for a service's role are attached only to roles that service alone can assume.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        const deferral = new UnknownDeferral();
        for (const attachment of roleAttachments(args.resources)) {
            deferral.run(() => {
                const policies = attachment.arns()
                    .filter((arn): arn is string => typeof arn === "string")
                    .map(serviceRolePolicyOf)
                    .filter(p => p !== undefined && p.exact);
                if (policies.length === 0) {
                    return;
                }
                const role = referencedResource(attachment.resource, attachment.property, IAM_ROLE, attachment.read, ref => findRole(args.resources, ref));
                for (const policy of policies) {
                    const label = `"${attachment.resource.name}" attaches "${policy!.name}" (made for the role "${policy!.service}" assumes)`;
                    if (!role) {
                        report(`${label} to role ${JSON.stringify(attachment.read())}, which is not in this stack, so who can assume it cannot be checked; create that role in this stack, trusting only "${policy!.service}".`, attachment.resource.urn);
                        continue;
                    }
                    const parsed = parsePolicyDocument(role.props.assumeRolePolicy);
                    const problem = parsed.ok ? serviceTrustProblem(parsed.statements, policy!.service) : `its trust policy is not valid (${parsed.reason})`;
                    if (problem !== undefined) {
                        report(`${label} to role "${roleLabel(role)}", but ${problem}; trust only the service principal "${policy!.service}".`, attachment.resource.urn);
                    }
                }
            });
        }
        deferral.rethrow();
    },
};

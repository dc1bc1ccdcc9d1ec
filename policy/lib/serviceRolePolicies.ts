/**
 * Which AWS-managed service-role policy an ARN names (the policies themselves, their paths and trusted
 * principals, are facts: policy/facts/serviceRolePolicies.ts). Each may be attached only by its exact ARN
 * (any partition) and only to a role that the one service principal alone can assume.
 */
import { SERVICE_ROLE_POLICIES, ServiceRolePolicy } from "../facts/serviceRolePolicies";
import { awsManagedPolicyName } from "./iamRoles";
import { PolicyStatement } from "./iamDocuments";
import { serviceTrust } from "./serviceTrust";

export { SERVICE_ROLE_POLICIES };
export type { ServiceRolePolicy };

/** The service-role policy `arn` names, when it names one (by name, whatever its path or partition). */
export function serviceRolePolicyOf(arn: string): (ServiceRolePolicy & { readonly name: string; readonly exact: boolean }) | undefined {
    const name = awsManagedPolicyName(arn);
    const policy = name === undefined ? undefined : SERVICE_ROLE_POLICIES[name];
    if (name === undefined || policy === undefined) {
        return undefined;
    }
    const exact = new RegExp(`^arn:aws(?:-[a-z]+)*:iam::aws:policy/${policy.path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`).test(arn);
    return { ...policy, name, exact };
}

/** Why a role with these trust statements may not hold a policy for `service`, or undefined when only `service` can assume it. */
export function serviceTrustProblem(statements: readonly PolicyStatement[], service: string): string | undefined {
    const trust = serviceTrust(statements, service);
    if (!trust.trusted) {
        return `its trust policy does not let "${service}" assume it`;
    }
    return trust.others.length > 0 ? `its trust policy also lets ${trust.others.join(", ")} assume it` : undefined;
}

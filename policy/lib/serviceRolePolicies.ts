/**
 * AWS-managed policies made for the role one AWS service assumes on the stack's behalf: attached anywhere
 * else (a user, a group, a role others can assume) they hand that service's permissions to whoever holds
 * it. Each may be attached only by its exact ARN (any partition) and only to a role that the one service
 * principal alone can assume.
 *
 * - `AmazonECSInfrastructureRolePolicyForLoadBalancers`: ECS moves traffic between target groups during
 *   blue/green, linear and canary deployments; the role trusts `ecs.amazonaws.com` ("Amazon ECS
 *   infrastructure IAM role for load balancers",
 *   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AmazonECSInfrastructureRolePolicyForLoadBalancers.html).
 * - `service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity`: ECS issues
 *   Service Connect TLS certificates; the role trusts `ecs.amazonaws.com` ("Amazon ECS infrastructure IAM
 *   role", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/infrastructure_IAM_role.html).
 */
import { awsManagedPolicyName } from "./iamRoles";
import { PolicyStatement } from "./iamDocuments";
import { serviceTrust } from "./serviceTrust";

export interface ServiceRolePolicy {
    /** The path and name after `arn:<partition>:iam::aws:policy/`. */
    readonly path: string;
    /** The one service principal that may assume a role holding it. */
    readonly service: string;
}

/** By policy name. */
export const SERVICE_ROLE_POLICIES: Readonly<Record<string, ServiceRolePolicy>> = {
    AmazonECSInfrastructureRolePolicyForLoadBalancers: { path: "AmazonECSInfrastructureRolePolicyForLoadBalancers", service: "ecs.amazonaws.com" },
    AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity: {
        path: "service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity",
        service: "ecs.amazonaws.com",
    },
};

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

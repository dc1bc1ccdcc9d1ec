/**
 * AWS-managed policies made for the role one AWS service assumes on the stack's behalf: their path after
 * `arn:<partition>:iam::aws:policy/` and the one service principal such a role trusts. The components
 * attach them; the pack allows them only on a role that principal alone can assume. Pure, with no import.
 *
 * - `AmazonECSInfrastructureRolePolicyForLoadBalancers`: ECS moves traffic between target groups during
 *   blue/green, linear and canary deployments; the role trusts `ecs.amazonaws.com` ("Amazon ECS
 *   infrastructure IAM role for load balancers",
 *   https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AmazonECSInfrastructureRolePolicyForLoadBalancers.html).
 * - `service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity`: ECS issues
 *   Service Connect TLS certificates; the role trusts `ecs.amazonaws.com` ("Amazon ECS infrastructure IAM
 *   role", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/infrastructure_IAM_role.html).
 */

export interface ServiceRolePolicy {
    /** The path and name after `arn:<partition>:iam::aws:policy/`. */
    readonly path: string;
    /** The one service principal that may assume a role holding it. */
    readonly service: string;
}

/** The policy of ECS's infrastructure role for load balancers (blue/green, canary and linear deployments). */
export const ECS_LOAD_BALANCER_INFRASTRUCTURE_POLICY: ServiceRolePolicy = { path: "AmazonECSInfrastructureRolePolicyForLoadBalancers", service: "ecs.amazonaws.com" };

/** The policy of ECS's infrastructure role for Service Connect TLS. */
export const ECS_SERVICE_CONNECT_TLS_POLICY: ServiceRolePolicy = {
    path: "service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity",
    service: "ecs.amazonaws.com",
};

/** By policy name (the path's last segment). */
export const SERVICE_ROLE_POLICIES: Readonly<Record<string, ServiceRolePolicy>> = {
    AmazonECSInfrastructureRolePolicyForLoadBalancers: ECS_LOAD_BALANCER_INFRASTRUCTURE_POLICY,
    AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity: ECS_SERVICE_CONNECT_TLS_POLICY,
};

/**
 * The IAM roles ECS assumes for a blue/green, canary or linear service: the infrastructure role that moves
 * the listener rules' weights and the target groups' registrations, and the hook role that invokes exactly
 * the service's Lambda hooks. The policy documents are pure; {@link createDeploymentRoles} registers them.
 *
 * Sources (ECS developer guide):
 * - "Amazon ECS infrastructure IAM role for load balancers" (`AmazonECSInfrastructureRolePolicyForLoadBalancers.html`):
 *   trust `ecs.amazonaws.com` with `sts:AssumeRole` and no conditions, attach the AWS-managed
 *   `AmazonECSInfrastructureRolePolicyForLoadBalancers`; do not remove either while a deployment runs.
 * - "Permissions required for Lambda functions in Amazon ECS blue/green deployments"
 *   (`blue-green-permissions.html`): trust `ecs.amazonaws.com`, allow `lambda:InvokeFunction`. AWS's
 *   example grants every function (`arn:aws:lambda:*:*:function:*`); here only the hooks' own.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ECS_LOAD_BALANCER_INFRASTRUCTURE_POLICY } from "../policy/facts/serviceRolePolicies";
import { DeploymentSettings } from "./deploymentSettings";
import { hookFunctionArns } from "./deploymentConfiguration";
import { ecsInfrastructureTrustPolicy, PolicyDocument } from "./iamDocuments";
import { childName } from "./naming";

/** The AWS-managed policy ECS documents for its load-balancer infrastructure role (policy/facts). */
export const LOAD_BALANCER_INFRASTRUCTURE_POLICY = ECS_LOAD_BALANCER_INFRASTRUCTURE_POLICY.path;

/** The ARN of an AWS-managed policy in `partition` (`aws`, `aws-cn`, `aws-us-gov`). */
export const awsManagedPolicyArn = (partition: string, name: string): string => `arn:${partition}:iam::aws:policy/${name}`;

/** The hook role's only permission: invoke exactly these functions (as given: a qualified ARN grants that version or alias). */
export function hookInvokePolicy(functionArns: readonly string[]): PolicyDocument {
    if (functionArns.length === 0) {
        throw new Error("hookInvokePolicy: no Lambda hook to invoke; a service without Lambda hooks has no hook role");
    }
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: "InvokeLifecycleHooks", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: [...new Set(functionArns)].sort() }],
    };
}

/** The roles of one service, and the resources its ECS service must wait for. */
export interface DeploymentRoles {
    readonly infrastructureRole: aws.iam.Role;
    readonly hookRole?: aws.iam.Role;
    /** The managed-policy attachment and the hook policy: ECS fails a deployment whose role lacks them. */
    readonly grants: pulumi.Resource[];
}

/**
 * Creates, as children of `parent`, `<name>-lb-role` with the managed policy attached (`<name>-lb-policy`)
 * and, when the deployment has Lambda hooks, `<name>-hook-role` with `<name>-hook-policy`.
 */
export function createDeploymentRoles(parent: pulumi.Resource, name: string, deployment: DeploymentSettings, tags: Record<string, string>): DeploymentRoles {
    const opts = { parent };
    const partition = aws.getPartitionOutput({}, opts).partition;
    const infrastructureRole = new aws.iam.Role(
        childName(name, "lb-role"),
        {
            description: `ECS shifts traffic between the target groups of ${name} during its deployments.`,
            assumeRolePolicy: JSON.stringify(ecsInfrastructureTrustPolicy()),
            tags,
        },
        opts,
    );
    const attachment = new aws.iam.RolePolicyAttachment(
        childName(name, "lb-policy"),
        { role: infrastructureRole.name, policyArn: partition.apply(p => awsManagedPolicyArn(p, LOAD_BALANCER_INFRASTRUCTURE_POLICY)) },
        opts,
    );
    const functions = hookFunctionArns(deployment);
    if (functions.length === 0) {
        return { infrastructureRole, grants: [attachment] };
    }
    const hookRole = new aws.iam.Role(
        childName(name, "hook-role"),
        {
            description: `ECS invokes the deployment lifecycle hooks of ${name}.`,
            assumeRolePolicy: JSON.stringify(ecsInfrastructureTrustPolicy()),
            tags,
        },
        opts,
    );
    const hookPolicy = new aws.iam.RolePolicy(childName(name, "hook-policy"), { role: hookRole.name, policy: JSON.stringify(hookInvokePolicy(functions)) }, opts);
    return { infrastructureRole, hookRole, grants: [attachment, hookPolicy] };
}

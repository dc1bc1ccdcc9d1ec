/**
 * The AWS facts the project states once: Fargate task sizes, CloudWatch Logs retention periods, ELB TLS
 * policies, the ranges ECS accepts for deployment strategies, which addresses are public, the AWS-managed
 * service-role policies and the resource type tokens. Pure modules with no import, owned by the policy
 * package (which is published on its own) and imported by the components, the harness, the estimates and
 * the tests.
 */
export * from "./ecsDeployments";
export * from "./fargateSizes";
export * from "./logRetention";
export * from "./publicAddresses";
export * from "./serviceRolePolicies";
export * from "./tlsPolicies";
export * from "./typeTokens";

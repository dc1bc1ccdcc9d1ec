/**
 * Type tokens a policy must match. `@pulumi/aws` 7 registers load-balancing resources under `aws:lb/*`
 * and keeps `aws:alb/*` aliases that user programs still create; security-group rules come in three forms.
 */

export const TASK_DEFINITION = ["aws:ecs/taskDefinition:TaskDefinition"] as const;
export const ECS_SERVICE = ["aws:ecs/service:Service"] as const;
export const ECS_TASK_SET = ["aws:ecs/taskSet:TaskSet"] as const;
export const ECS_CLUSTER = ["aws:ecs/cluster:Cluster"] as const;

export const LOAD_BALANCER = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"] as const;
export const LISTENER = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"] as const;
export const TARGET_GROUP = ["aws:lb/targetGroup:TargetGroup", "aws:alb/targetGroup:TargetGroup"] as const;

export const ECR_REPOSITORY = ["aws:ecr/repository:Repository"] as const;
export const ECR_REPOSITORY_POLICY = ["aws:ecr/repositoryPolicy:RepositoryPolicy"] as const;
export const ECR_LIFECYCLE_POLICY = ["aws:ecr/lifecyclePolicy:LifecyclePolicy"] as const;

export const SECURITY_GROUP = ["aws:ec2/securityGroup:SecurityGroup"] as const;
export const SECURITY_GROUP_RULE = ["aws:ec2/securityGroupRule:SecurityGroupRule"] as const;
export const SG_INGRESS_RULE = ["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"] as const;
export const SG_EGRESS_RULE = ["aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"] as const;
export const DEFAULT_SECURITY_GROUP = ["aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"] as const;

export const VPC = ["aws:ec2/vpc:Vpc"] as const;
/** The awsx VPC component: under preview its children are not visible to an offline run. */
export const AWSX_VPC = ["awsx:ec2:Vpc"] as const;
export const SUBNET = ["aws:ec2/subnet:Subnet"] as const;
export const FLOW_LOG = ["aws:ec2/flowLog:FlowLog"] as const;

export const LOG_GROUP = ["aws:cloudwatch/logGroup:LogGroup"] as const;
export const SECRET = ["aws:secretsmanager/secret:Secret"] as const;

export const IAM_ROLE = ["aws:iam/role:Role"] as const;
export const IAM_POLICY = ["aws:iam/policy:Policy"] as const;
export const IAM_ROLE_POLICY = ["aws:iam/rolePolicy:RolePolicy"] as const;
export const IAM_ROLE_POLICY_ATTACHMENT = ["aws:iam/rolePolicyAttachment:RolePolicyAttachment"] as const;

export const SCALING_TARGET = ["aws:appautoscaling/target:Target"] as const;
export const SCALING_POLICY = ["aws:appautoscaling/policy:Policy"] as const;

/** True when `type` is one of `types`. */
export const isOneOf = (type: string, types: readonly string[]): boolean => types.includes(type);

// Network group additions (additive).
export const LISTENER_CERTIFICATE = [
    "aws:lb/listenerCertificate:ListenerCertificate",
    "aws:alb/listenerCertificate:ListenerCertificate",
] as const;
export const WAF_ACL_ASSOCIATION = ["aws:wafv2/webAclAssociation:WebAclAssociation"] as const;
export const DEFAULT_VPC = ["aws:ec2/defaultVpc:DefaultVpc"] as const;
export const DEFAULT_SUBNET = ["aws:ec2/defaultSubnet:DefaultSubnet"] as const;
/** The awsx component that looks up (and deploys into) the account's default VPC. */
export const AWSX_DEFAULT_VPC = ["awsx:ec2:DefaultVpc"] as const;
export const ROUTE = ["aws:ec2/route:Route"] as const;
export const ROUTE_TABLE = ["aws:ec2/routeTable:RouteTable"] as const;
export const ROUTE_TABLE_ASSOCIATION = ["aws:ec2/routeTableAssociation:RouteTableAssociation"] as const;
export const INTERNET_GATEWAY = ["aws:ec2/internetGateway:InternetGateway"] as const;

// ECS group additions (additive).
export const SECRET_ROTATION = ["aws:secretsmanager/secretRotation:SecretRotation"] as const;
/** Exclusive attachment of one policy to users/roles/groups (`roles` lists role names). */
export const IAM_POLICY_ATTACHMENT = ["aws:iam/policyAttachment:PolicyAttachment"] as const;
export const IAM_ROLE_POLICIES_EXCLUSIVE = ["aws:iam/rolePoliciesExclusive:RolePoliciesExclusive"] as const;
export const IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE = [
    "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
] as const;

// ECR access policies beyond repository policies (additive).
export const ECR_REGISTRY_POLICY = ["aws:ecr/registryPolicy:RegistryPolicy"] as const;
export const ECR_PUBLIC_REPOSITORY = ["aws:ecrpublic/repository:Repository"] as const;
export const ECR_PUBLIC_REPOSITORY_POLICY = ["aws:ecrpublic/repositoryPolicy:RepositoryPolicy"] as const;

// IAM policies that reach users and groups (additive).
export const IAM_USER_POLICY = ["aws:iam/userPolicy:UserPolicy"] as const;
export const IAM_GROUP_POLICY = ["aws:iam/groupPolicy:GroupPolicy"] as const;
export const IAM_USER_POLICY_ATTACHMENT = ["aws:iam/userPolicyAttachment:UserPolicyAttachment"] as const;
export const IAM_GROUP_POLICY_ATTACHMENT = ["aws:iam/groupPolicyAttachment:GroupPolicyAttachment"] as const;
export const IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE = ["aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive"] as const;
export const IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE = ["aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive"] as const;

// Cross-resource evasion additions (additive).
export const LISTENER_RULE = ["aws:lb/listenerRule:ListenerRule", "aws:alb/listenerRule:ListenerRule"] as const;
export const SCALING_SCHEDULED_ACTION = ["aws:appautoscaling/scheduledAction:ScheduledAction"] as const;

// Managed prefix lists, which security-group rules can name as peers (additive).
export const MANAGED_PREFIX_LIST = ["aws:ec2/managedPrefixList:ManagedPrefixList"] as const;
export const MANAGED_PREFIX_LIST_ENTRY = ["aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry"] as const;
export const SECRET_POLICY = ["aws:secretsmanager/secretPolicy:SecretPolicy"] as const;

// Scheduled tasks: EventBridge Scheduler schedules and EventBridge rule targets that run ECS tasks (additive).
export const SCHEDULE = ["aws:scheduler/schedule:Schedule"] as const;
export const EVENT_TARGET = ["aws:cloudwatch/eventTarget:EventTarget"] as const;

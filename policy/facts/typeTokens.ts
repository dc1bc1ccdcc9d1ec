/**
 * The resource type tokens the project names: in policies, the offline harness (mocks, apply-time rules,
 * placeholders), the estimates and the change report. One table, so a token is spelled once; the groups
 * below (`LOAD_BALANCER` = `aws:lb/…` and its `aws:alb/…` alias, …) are what policies and rules match.
 * Pure, with no import: the components, the harness and the estimates load it without the policy SDK.
 *
 * Source: the classes of the installed providers, `@pulumi/aws` 7 (`static __pulumiType` of each resource
 * class, e.g. `node_modules/@pulumi/aws/ecs/service.js`), `@pulumi/awsx` 3 and `@pulumi/docker` 5, checked
 * 2026-11-30; `test/policy/facts/typeTokens.test.ts` fails when one of them no longer registers a token
 * listed here. `@pulumi/aws` 7 registers load-balancing resources under `aws:lb/*` and keeps the `aws:alb/*`
 * classes that user programs still create; security-group rules come in three forms.
 */

/** AWS resources (`aws:<module>/<resource>:<Type>`), by module. */
export const AWS_TYPES = {
    // acm
    acmCertificate: "aws:acm/certificate:Certificate",
    acmCertificateValidation: "aws:acm/certificateValidation:CertificateValidation",
    // alb
    albListener: "aws:alb/listener:Listener",
    albListenerCertificate: "aws:alb/listenerCertificate:ListenerCertificate",
    albListenerRule: "aws:alb/listenerRule:ListenerRule",
    albLoadBalancer: "aws:alb/loadBalancer:LoadBalancer",
    albTargetGroup: "aws:alb/targetGroup:TargetGroup",
    // appautoscaling
    appautoscalingPolicy: "aws:appautoscaling/policy:Policy",
    appautoscalingScheduledAction: "aws:appautoscaling/scheduledAction:ScheduledAction",
    appautoscalingTarget: "aws:appautoscaling/target:Target",
    // cloudformation
    cloudformationStack: "aws:cloudformation/stack:Stack",
    // cloudfront
    cloudfrontDistribution: "aws:cloudfront/distribution:Distribution",
    cloudfrontOriginAccessIdentity: "aws:cloudfront/originAccessIdentity:OriginAccessIdentity",
    // cloudwatch
    cloudwatchCompositeAlarm: "aws:cloudwatch/compositeAlarm:CompositeAlarm",
    cloudwatchDashboard: "aws:cloudwatch/dashboard:Dashboard",
    cloudwatchEventRule: "aws:cloudwatch/eventRule:EventRule",
    cloudwatchEventTarget: "aws:cloudwatch/eventTarget:EventTarget",
    cloudwatchLogGroup: "aws:cloudwatch/logGroup:LogGroup",
    cloudwatchMetricAlarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    // dynamodb
    dynamodbTable: "aws:dynamodb/table:Table",
    // ec2
    ec2DefaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    ec2DefaultSubnet: "aws:ec2/defaultSubnet:DefaultSubnet",
    ec2DefaultVpc: "aws:ec2/defaultVpc:DefaultVpc",
    ec2FlowLog: "aws:ec2/flowLog:FlowLog",
    ec2InternetGateway: "aws:ec2/internetGateway:InternetGateway",
    ec2LaunchConfiguration: "aws:ec2/launchConfiguration:LaunchConfiguration",
    ec2LaunchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    ec2MainRouteTableAssociation: "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
    ec2ManagedPrefixList: "aws:ec2/managedPrefixList:ManagedPrefixList",
    ec2ManagedPrefixListEntry: "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry",
    ec2NatGateway: "aws:ec2/natGateway:NatGateway",
    ec2Route: "aws:ec2/route:Route",
    ec2RouteTable: "aws:ec2/routeTable:RouteTable",
    ec2RouteTableAssociation: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    ec2SecurityGroup: "aws:ec2/securityGroup:SecurityGroup",
    ec2SecurityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ec2Subnet: "aws:ec2/subnet:Subnet",
    ec2Vpc: "aws:ec2/vpc:Vpc",
    // ecr
    ecrLifecyclePolicy: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    ecrRegistryPolicy: "aws:ecr/registryPolicy:RegistryPolicy",
    ecrRepository: "aws:ecr/repository:Repository",
    ecrRepositoryPolicy: "aws:ecr/repositoryPolicy:RepositoryPolicy",
    // ecrpublic
    ecrpublicRepository: "aws:ecrpublic/repository:Repository",
    ecrpublicRepositoryPolicy: "aws:ecrpublic/repositoryPolicy:RepositoryPolicy",
    // ecs
    ecsCluster: "aws:ecs/cluster:Cluster",
    ecsClusterCapacityProviders: "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders",
    ecsService: "aws:ecs/service:Service",
    ecsTaskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    ecsTaskSet: "aws:ecs/taskSet:TaskSet",
    // efs
    efsFileSystem: "aws:efs/fileSystem:FileSystem",
    // elasticache
    elasticacheReplicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    elasticacheSubnetGroup: "aws:elasticache/subnetGroup:SubnetGroup",
    // iam
    iamGroupPolicy: "aws:iam/groupPolicy:GroupPolicy",
    iamGroupPolicyAttachment: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    iamGroupPolicyAttachmentsExclusive: "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive",
    iamPolicy: "aws:iam/policy:Policy",
    iamPolicyAttachment: "aws:iam/policyAttachment:PolicyAttachment",
    iamRole: "aws:iam/role:Role",
    iamRolePoliciesExclusive: "aws:iam/rolePoliciesExclusive:RolePoliciesExclusive",
    iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
    iamRolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    iamRolePolicyAttachmentsExclusive: "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive",
    iamUserPolicy: "aws:iam/userPolicy:UserPolicy",
    iamUserPolicyAttachment: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    iamUserPolicyAttachmentsExclusive: "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive",
    // kms
    kmsKey: "aws:kms/key:Key",
    // lambda
    lambdaFunction: "aws:lambda/function:Function",
    lambdaPermission: "aws:lambda/permission:Permission",
    // lb
    lbListener: "aws:lb/listener:Listener",
    lbListenerCertificate: "aws:lb/listenerCertificate:ListenerCertificate",
    lbListenerRule: "aws:lb/listenerRule:ListenerRule",
    lbLoadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    lbTargetGroup: "aws:lb/targetGroup:TargetGroup",
    lbTargetGroupAttachment: "aws:lb/targetGroupAttachment:TargetGroupAttachment",
    // rds
    rdsCluster: "aws:rds/cluster:Cluster",
    rdsInstance: "aws:rds/instance:Instance",
    rdsSubnetGroup: "aws:rds/subnetGroup:SubnetGroup",
    // route53
    route53Record: "aws:route53/record:Record",
    // scheduler
    schedulerSchedule: "aws:scheduler/schedule:Schedule",
    // s3
    s3Bucket: "aws:s3/bucket:Bucket",
    s3BucketAcl: "aws:s3/bucketAcl:BucketAcl",
    s3BucketLifecycleConfiguration: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    s3BucketObject: "aws:s3/bucketObject:BucketObject",
    s3BucketObjectv2: "aws:s3/bucketObjectv2:BucketObjectv2",
    s3BucketOwnershipControls: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    s3BucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    s3BucketPublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    s3BucketServerSideEncryptionConfiguration: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    s3BucketV2: "aws:s3/bucketV2:BucketV2",
    s3BucketVersioning: "aws:s3/bucketVersioning:BucketVersioning",
    s3BucketWebsiteConfiguration: "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration",
    // secretsmanager
    secretsmanagerSecret: "aws:secretsmanager/secret:Secret",
    secretsmanagerSecretPolicy: "aws:secretsmanager/secretPolicy:SecretPolicy",
    secretsmanagerSecretRotation: "aws:secretsmanager/secretRotation:SecretRotation",
    secretsmanagerSecretVersion: "aws:secretsmanager/secretVersion:SecretVersion",
    // sns
    snsTopic: "aws:sns/topic:Topic",
    snsTopicPolicy: "aws:sns/topicPolicy:TopicPolicy",
    snsTopicSubscription: "aws:sns/topicSubscription:TopicSubscription",
    // sqs
    sqsQueue: "aws:sqs/queue:Queue",
    // vpc
    vpcSecurityGroupEgressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    vpcSecurityGroupIngressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    // wafv2
    wafv2WebAclAssociation: "aws:wafv2/webAclAssociation:WebAclAssociation",
} as const;

/** AWS data sources (`aws:<module>/<function>:<function>`) the offline harness answers. */
export const AWS_FUNCTIONS = {
    acmGetCertificate: "aws:acm/getCertificate:getCertificate",
    ec2GetAmi: "aws:ec2/getAmi:getAmi",
    ec2GetSecurityGroup: "aws:ec2/getSecurityGroup:getSecurityGroup",
    ec2GetSubnet: "aws:ec2/getSubnet:getSubnet",
    ec2GetSubnets: "aws:ec2/getSubnets:getSubnets",
    ec2GetVpc: "aws:ec2/getVpc:getVpc",
    ecrGetAuthorizationToken: "aws:ecr/getAuthorizationToken:getAuthorizationToken",
    elbGetServiceAccount: "aws:elb/getServiceAccount:getServiceAccount",
    iamGetPolicy: "aws:iam/getPolicy:getPolicy",
    iamGetPolicyDocument: "aws:iam/getPolicyDocument:getPolicyDocument",
    iamGetRole: "aws:iam/getRole:getRole",
    getAvailabilityZones: "aws:index/getAvailabilityZones:getAvailabilityZones",
    getCallerIdentity: "aws:index/getCallerIdentity:getCallerIdentity",
    getPartition: "aws:index/getPartition:getPartition",
    getRegion: "aws:index/getRegion:getRegion",
    route53GetZone: "aws:route53/getZone:getZone",
    secretsmanagerGetSecret: "aws:secretsmanager/getSecret:getSecret",
    secretsmanagerGetSecretVersion: "aws:secretsmanager/getSecretVersion:getSecretVersion",
    ssmGetParameter: "aws:ssm/getParameter:getParameter",
} as const;

/** Components of `@pulumi/awsx` (remote: under mocks each is one opaque resource). */
export const AWSX_TYPES = {
    ec2Vpc: "awsx:ec2:Vpc",
    ec2DefaultVpc: "awsx:ec2:DefaultVpc",
    ecrRepository: "awsx:ecr:Repository",
} as const;

/** Resources of `@pulumi/docker`. */
export const DOCKER_TYPES = {
    image: "docker:index/image:Image",
} as const;

/**
 * Groups policies and rules match: a resource and its aliases (`aws:lb/…` with `aws:alb/…`), or one token
 * as a one-element list so that every matcher takes a list.
 */
export const TASK_DEFINITION = [AWS_TYPES.ecsTaskDefinition] as const;
export const ECS_SERVICE = [AWS_TYPES.ecsService] as const;
export const ECS_TASK_SET = [AWS_TYPES.ecsTaskSet] as const;
export const ECS_CLUSTER = [AWS_TYPES.ecsCluster] as const;

export const LOAD_BALANCER = [AWS_TYPES.lbLoadBalancer, AWS_TYPES.albLoadBalancer] as const;
export const LISTENER = [AWS_TYPES.lbListener, AWS_TYPES.albListener] as const;
export const TARGET_GROUP = [AWS_TYPES.lbTargetGroup, AWS_TYPES.albTargetGroup] as const;

export const ECR_REPOSITORY = [AWS_TYPES.ecrRepository] as const;
export const ECR_REPOSITORY_POLICY = [AWS_TYPES.ecrRepositoryPolicy] as const;
export const ECR_LIFECYCLE_POLICY = [AWS_TYPES.ecrLifecyclePolicy] as const;

export const SECURITY_GROUP = [AWS_TYPES.ec2SecurityGroup] as const;
export const SECURITY_GROUP_RULE = [AWS_TYPES.ec2SecurityGroupRule] as const;
export const SG_INGRESS_RULE = [AWS_TYPES.vpcSecurityGroupIngressRule] as const;
export const SG_EGRESS_RULE = [AWS_TYPES.vpcSecurityGroupEgressRule] as const;
export const DEFAULT_SECURITY_GROUP = [AWS_TYPES.ec2DefaultSecurityGroup] as const;

export const VPC = [AWS_TYPES.ec2Vpc] as const;
/** The awsx VPC component: under preview its children are not visible to an offline run. */
export const AWSX_VPC = [AWSX_TYPES.ec2Vpc] as const;
export const SUBNET = [AWS_TYPES.ec2Subnet] as const;
export const FLOW_LOG = [AWS_TYPES.ec2FlowLog] as const;

export const LOG_GROUP = [AWS_TYPES.cloudwatchLogGroup] as const;
export const SECRET = [AWS_TYPES.secretsmanagerSecret] as const;

export const IAM_ROLE = [AWS_TYPES.iamRole] as const;
export const IAM_POLICY = [AWS_TYPES.iamPolicy] as const;
export const IAM_ROLE_POLICY = [AWS_TYPES.iamRolePolicy] as const;
export const IAM_ROLE_POLICY_ATTACHMENT = [AWS_TYPES.iamRolePolicyAttachment] as const;

export const SCALING_TARGET = [AWS_TYPES.appautoscalingTarget] as const;
export const SCALING_POLICY = [AWS_TYPES.appautoscalingPolicy] as const;

export const LISTENER_CERTIFICATE = [
    AWS_TYPES.lbListenerCertificate,
    AWS_TYPES.albListenerCertificate,
] as const;
export const WAF_ACL_ASSOCIATION = [AWS_TYPES.wafv2WebAclAssociation] as const;
export const DEFAULT_VPC = [AWS_TYPES.ec2DefaultVpc] as const;
export const DEFAULT_SUBNET = [AWS_TYPES.ec2DefaultSubnet] as const;
/** The awsx component that looks up (and deploys into) the account's default VPC. */
export const AWSX_DEFAULT_VPC = [AWSX_TYPES.ec2DefaultVpc] as const;
export const ROUTE = [AWS_TYPES.ec2Route] as const;
export const ROUTE_TABLE = [AWS_TYPES.ec2RouteTable] as const;
export const ROUTE_TABLE_ASSOCIATION = [AWS_TYPES.ec2RouteTableAssociation] as const;
export const INTERNET_GATEWAY = [AWS_TYPES.ec2InternetGateway] as const;

export const SECRET_ROTATION = [AWS_TYPES.secretsmanagerSecretRotation] as const;
/** Exclusive attachment of one policy to users/roles/groups (`roles` lists role names). */
export const IAM_POLICY_ATTACHMENT = [AWS_TYPES.iamPolicyAttachment] as const;
export const IAM_ROLE_POLICIES_EXCLUSIVE = [AWS_TYPES.iamRolePoliciesExclusive] as const;
export const IAM_ROLE_POLICY_ATTACHMENTS_EXCLUSIVE = [
    AWS_TYPES.iamRolePolicyAttachmentsExclusive,
] as const;

export const ECR_REGISTRY_POLICY = [AWS_TYPES.ecrRegistryPolicy] as const;
export const ECR_PUBLIC_REPOSITORY = [AWS_TYPES.ecrpublicRepository] as const;
export const ECR_PUBLIC_REPOSITORY_POLICY = [AWS_TYPES.ecrpublicRepositoryPolicy] as const;

export const IAM_USER_POLICY = [AWS_TYPES.iamUserPolicy] as const;
export const IAM_GROUP_POLICY = [AWS_TYPES.iamGroupPolicy] as const;
export const IAM_USER_POLICY_ATTACHMENT = [AWS_TYPES.iamUserPolicyAttachment] as const;
export const IAM_GROUP_POLICY_ATTACHMENT = [AWS_TYPES.iamGroupPolicyAttachment] as const;
export const IAM_USER_POLICY_ATTACHMENTS_EXCLUSIVE = [AWS_TYPES.iamUserPolicyAttachmentsExclusive] as const;
export const IAM_GROUP_POLICY_ATTACHMENTS_EXCLUSIVE = [AWS_TYPES.iamGroupPolicyAttachmentsExclusive] as const;

export const LISTENER_RULE = [AWS_TYPES.lbListenerRule, AWS_TYPES.albListenerRule] as const;
export const SCALING_SCHEDULED_ACTION = [AWS_TYPES.appautoscalingScheduledAction] as const;

export const MANAGED_PREFIX_LIST = [AWS_TYPES.ec2ManagedPrefixList] as const;
export const MANAGED_PREFIX_LIST_ENTRY = [AWS_TYPES.ec2ManagedPrefixListEntry] as const;
export const SECRET_POLICY = [AWS_TYPES.secretsmanagerSecretPolicy] as const;
/** Scheduled tasks: EventBridge Scheduler schedules and EventBridge rule targets that run ECS tasks. */
export const SCHEDULE = [AWS_TYPES.schedulerSchedule] as const;
export const EVENT_TARGET = [AWS_TYPES.cloudwatchEventTarget] as const;
/** CloudWatch alarms: metric (and metric-math) alarms and composite alarms, which take the same actions. */
export const METRIC_ALARM = [AWS_TYPES.cloudwatchMetricAlarm] as const;
export const CLOUDWATCH_ALARM = [AWS_TYPES.cloudwatchMetricAlarm, AWS_TYPES.cloudwatchCompositeAlarm] as const;

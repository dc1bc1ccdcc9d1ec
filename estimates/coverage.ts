/**
 * Which recorded resources the cost model prices, which cost nothing of their own, which are billed only by
 * usage, and which it does not price at all, so an estimate names what it leaves out instead of silently
 * counting it as $0. Pure.
 */
import { RecordedResource } from "../harness/types";
import { TYPES } from "./recorded";

/** Types the model prices (see `estimateMonthlyCost`). */
const PRICED = new Set<string>([TYPES.service, TYPES.schedule, ...TYPES.loadBalancers, TYPES.natGateway, TYPES.awsxVpc, TYPES.secret]);

/**
 * Types with no charge of their own (AWS pricing pages: IAM, VPC basics, security groups, ECS control plane,
 * listeners and target groups are billed through the load balancer, public ACM certificates, DNS records
 * billed per hosted zone and query). Matched exactly or, ending in `/`, as a module prefix.
 */
const FREE: readonly string[] = [
    "aws:iam/",
    "aws:appautoscaling/",
    "aws:ec2/vpc:Vpc",
    "aws:ec2/subnet:Subnet",
    "aws:ec2/defaultVpc:DefaultVpc",
    "aws:ec2/defaultSubnet:DefaultSubnet",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ec2/securityGroupRule:SecurityGroupRule",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "aws:ec2/routeTable:RouteTable",
    "aws:ec2/routeTableAssociation:RouteTableAssociation",
    "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
    "aws:ec2/route:Route",
    "aws:ec2/internetGateway:InternetGateway",
    "aws:ec2/launchConfiguration:LaunchConfiguration",
    "aws:ec2/launchTemplate:LaunchTemplate",
    "aws:ecs/cluster:Cluster",
    "aws:ecs/taskDefinition:TaskDefinition",
    "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders",
    "aws:scheduler/scheduleGroup:ScheduleGroup",
    "aws:lb/listener:Listener",
    "aws:lb/listenerRule:ListenerRule",
    "aws:lb/targetGroup:TargetGroup",
    "aws:lb/targetGroupAttachment:TargetGroupAttachment",
    "aws:alb/listener:Listener",
    "aws:alb/listenerRule:ListenerRule",
    "aws:alb/targetGroup:TargetGroup",
    "aws:acm/certificate:Certificate",
    "aws:acm/certificateValidation:CertificateValidation",
    "aws:route53/record:Record",
    "aws:secretsmanager/secretVersion:SecretVersion",
    "aws:secretsmanager/secretPolicy:SecretPolicy",
    "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    "aws:ecr/repositoryPolicy:RepositoryPolicy",
    "aws:s3/bucketPolicy:BucketPolicy",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    "aws:s3/bucketAcl:BucketAcl",
    "aws:s3/bucketVersioning:BucketVersioning",
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:rds/subnetGroup:SubnetGroup",
    "aws:elasticache/subnetGroup:SubnetGroup",
    "aws:lambda/permission:Permission",
    "aws:cloudfront/originAccessIdentity:OriginAccessIdentity",
    "aws:cloudformation/stack:Stack",
    "pulumi:providers:",
];

/** Types billed only by what flows through them (requests, storage, traffic), which offline cannot know. */
const USAGE: readonly string[] = [
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:ec2/flowLog:FlowLog",
    "aws:ecr/repository:Repository",
    "docker:index/image:Image",
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketV2:BucketV2",
    "aws:s3/bucketObject:BucketObject",
    "aws:s3/bucketObjectv2:BucketObjectv2",
    "aws:lambda/function:Function",
    "aws:sqs/queue:Queue",
    "aws:sns/topic:Topic",
    "aws:cloudfront/distribution:Distribution",
    "aws:apigateway/",
    "aws:apigatewayv2/",
];

const matches = (list: readonly string[], type: string) => list.some(entry => (entry.endsWith("/") || entry.endsWith(":") ? type.startsWith(entry) : type === entry));

/** A resource type the estimate leaves out, how many of it the stack has, and why. */
export interface UnpricedType {
    readonly type: string;
    readonly count: number;
    readonly reason: "usage" | "not-priced" | "remote-component";
}

/**
 * Types of `resources` the estimate does not price, in first-seen order. Local components are skipped
 * (their children are recorded and judged one by one); remote ones create children nobody sees offline.
 */
export function unpricedTypes(resources: readonly RecordedResource[]): UnpricedType[] {
    const found = new Map<string, UnpricedType>();
    for (const r of resources) {
        if (PRICED.has(r.type) || matches(FREE, r.type) || (r.component && !r.remote)) continue;
        const reason = r.component ? "remote-component" : matches(USAGE, r.type) ? "usage" : "not-priced";
        const seen = found.get(r.type);
        found.set(r.type, { type: r.type, count: (seen?.count ?? 0) + 1, reason });
    }
    return [...found.values()];
}

/** The note an estimate prints for each kind of unpriced type. */
export function unpricedNotes(unpriced: readonly UnpricedType[]): string[] {
    const list = (reason: UnpricedType["reason"]) =>
        unpriced
            .filter(u => u.reason === reason)
            .map(u => `${u.type}${u.count > 1 ? ` ×${u.count}` : ""}`)
            .join(", ");
    const notes: string[] = [];
    const notPriced = list("not-priced");
    if (notPriced) notes.push(`Not priced (the estimate leaves these out): ${notPriced}.`);
    const remote = list("remote-component");
    if (remote) notes.push(`Not priced: remote components, whose children cannot be seen offline: ${remote}; the estimate excludes everything they create.`);
    const usage = list("usage");
    if (usage) notes.push(`Billed by usage, not estimated: ${usage}.`);
    return notes;
}

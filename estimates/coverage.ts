/**
 * Which recorded resources the cost model prices, which cost nothing of their own, which are billed only by
 * usage, and which it does not price at all, so an estimate names what it leaves out instead of silently
 * counting it as $0. Pure.
 */
import { RecordedResource } from "../harness/types";
import { TYPES } from "./recorded";
import { AWS_TYPES, DOCKER_TYPES } from "../policy/facts/typeTokens";

/** Types the model prices (see `estimateMonthlyCost`). */
const PRICED = new Set<string>([
    TYPES.service,
    TYPES.schedule,
    ...TYPES.loadBalancers,
    TYPES.natGateway,
    TYPES.awsxVpc,
    TYPES.secret,
    TYPES.metricAlarm,
    TYPES.dashboard,
]);

/**
 * Types with no charge of their own (AWS pricing pages: IAM, VPC basics, security groups, ECS control plane,
 * listeners and target groups are billed through the load balancer, public ACM certificates, DNS records
 * billed per hosted zone and query). Matched exactly or, ending in `/`, as a module prefix.
 */
const FREE: readonly string[] = [
    "aws:iam/",
    "aws:appautoscaling/",
    AWS_TYPES.ec2Vpc,
    AWS_TYPES.ec2Subnet,
    AWS_TYPES.ec2DefaultVpc,
    AWS_TYPES.ec2DefaultSubnet,
    AWS_TYPES.ec2DefaultSecurityGroup,
    AWS_TYPES.ec2SecurityGroup,
    AWS_TYPES.ec2SecurityGroupRule,
    AWS_TYPES.vpcSecurityGroupIngressRule,
    AWS_TYPES.vpcSecurityGroupEgressRule,
    AWS_TYPES.ec2RouteTable,
    AWS_TYPES.ec2RouteTableAssociation,
    AWS_TYPES.ec2MainRouteTableAssociation,
    AWS_TYPES.ec2Route,
    AWS_TYPES.ec2InternetGateway,
    AWS_TYPES.ec2LaunchConfiguration,
    AWS_TYPES.ec2LaunchTemplate,
    AWS_TYPES.ecsCluster,
    AWS_TYPES.ecsTaskDefinition,
    AWS_TYPES.ecsClusterCapacityProviders,
    AWS_TYPES.lbListener,
    AWS_TYPES.lbListenerRule,
    AWS_TYPES.lbTargetGroup,
    AWS_TYPES.lbTargetGroupAttachment,
    AWS_TYPES.albListener,
    AWS_TYPES.albListenerRule,
    AWS_TYPES.albTargetGroup,
    AWS_TYPES.acmCertificate,
    AWS_TYPES.acmCertificateValidation,
    AWS_TYPES.route53Record,
    AWS_TYPES.secretsmanagerSecretVersion,
    AWS_TYPES.secretsmanagerSecretPolicy,
    AWS_TYPES.ecrLifecyclePolicy,
    AWS_TYPES.ecrRepositoryPolicy,
    AWS_TYPES.s3BucketPolicy,
    AWS_TYPES.s3BucketPublicAccessBlock,
    AWS_TYPES.s3BucketOwnershipControls,
    AWS_TYPES.s3BucketAcl,
    AWS_TYPES.s3BucketVersioning,
    AWS_TYPES.s3BucketLifecycleConfiguration,
    AWS_TYPES.s3BucketWebsiteConfiguration,
    AWS_TYPES.s3BucketServerSideEncryptionConfiguration,
    AWS_TYPES.rdsSubnetGroup,
    AWS_TYPES.elasticacheSubnetGroup,
    AWS_TYPES.lambdaPermission,
    AWS_TYPES.cloudfrontOriginAccessIdentity,
    AWS_TYPES.cloudformationStack,
    // EventBridge delivers AWS services' events to targets at no charge (EventBridge pricing); SNS bills the
    // notifications, which the estimate's SNS note covers.
    AWS_TYPES.cloudwatchEventRule,
    AWS_TYPES.cloudwatchEventTarget,
    AWS_TYPES.snsTopicPolicy,
    "pulumi:providers:",
];

/** Types billed only by what flows through them (requests, storage, traffic), which offline cannot know. */
const USAGE: readonly string[] = [
    AWS_TYPES.cloudwatchLogGroup,
    AWS_TYPES.ec2FlowLog,
    AWS_TYPES.ecrRepository,
    DOCKER_TYPES.image,
    AWS_TYPES.s3Bucket,
    AWS_TYPES.s3BucketV2,
    AWS_TYPES.s3BucketObject,
    AWS_TYPES.s3BucketObjectv2,
    AWS_TYPES.lambdaFunction,
    AWS_TYPES.sqsQueue,
    AWS_TYPES.snsTopic,
    // Billed per notification delivered; the estimate's SNS note says how email ones are counted.
    AWS_TYPES.snsTopicSubscription,
    AWS_TYPES.cloudfrontDistribution,
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

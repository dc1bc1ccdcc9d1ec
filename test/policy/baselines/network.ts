/**
 * Compliant baseline inputs, one per resource type the network group's policies check (load
 * balancing, ECR, EC2/VPC). Each mirrors what the project's program creates, tightened where the
 * program's dev settings are advisory-only (deletion protection, access logs). Tests mutate one field.
 */
import { RECOMMENDED_TLS_POLICY } from "../../../policy/facts/tlsPolicies";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const ACCOUNT = "123456789012";
const REGION = "eu-west-1";

export const ARNS = {
    loadBalancer: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/web/50dc6c495c0c9188`,
    targetGroup: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web/73e2d6bc24d8a067`,
    listener: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2`,
    certificate: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/0b7e1c2a-4f1d-4a53-9d4e-1b2c3d4e5f60`,
    webAcl: `arn:aws:wafv2:${REGION}:${ACCOUNT}:regional/webacl/web/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`,
    logGroup: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/vpc/flow-logs`,
    kmsKey: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
} as const;

export const IDS = {
    vpc: "vpc-0a1b2c3d4e5f60718",
    publicSubnets: ["subnet-0aaa1111bbbb22220", "subnet-0ccc3333dddd44440"],
    albSecurityGroup: "sg-0a1b2c3d4e5f60001",
    taskSecurityGroup: "sg-0a1b2c3d4e5f60002",
    internetGateway: "igw-0a1b2c3d4e5f60718",
    natGateway: "nat-0a1b2c3d4e5f60718",
    routeTable: "rtb-0a1b2c3d4e5f60718",
} as const;

const loadBalancer = {
    name: "web",
    loadBalancerType: "application",
    internal: false,
    ipAddressType: "ipv4",
    subnets: [...IDS.publicSubnets],
    securityGroups: [IDS.albSecurityGroup],
    dropInvalidHeaderFields: true,
    desyncMitigationMode: "defensive",
    idleTimeout: 60,
    enableDeletionProtection: true,
    accessLogs: { bucket: "web-alb-logs", prefix: "web", enabled: true },
    tags: { Exposure: "public", Service: "web" },
};

/** HTTPS listener (the prod shape). */
const httpsListener = {
    loadBalancerArn: ARNS.loadBalancer,
    port: 443,
    protocol: "HTTPS",
    sslPolicy: RECOMMENDED_TLS_POLICY,
    certificateArn: ARNS.certificate,
    defaultActions: [{ type: "forward", targetGroupArn: ARNS.targetGroup }],
};

/** HTTP listener that only redirects to HTTPS (the prod shape of port 80). */
const redirectListener = {
    loadBalancerArn: ARNS.loadBalancer,
    port: 80,
    protocol: "HTTP",
    defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
};

/** HTTPS target group would satisfy #15 too; the program's HTTP one is covered by its own test. */
const targetGroup = {
    targetType: "ip",
    protocol: "HTTPS",
    port: 8443,
    vpcId: IDS.vpc,
    deregistrationDelay: 30,
    healthCheck: {
        enabled: true,
        path: "/health",
        protocol: "HTTPS",
        matcher: "200-399",
        interval: 15,
        timeout: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
    },
};

const repository = {
    name: "web",
    imageTagMutability: "IMMUTABLE",
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: ARNS.kmsKey }],
    forceDelete: false,
};

const repositoryPolicy = {
    repository: "web",
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "PullFromCi",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/ci` },
                Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
            },
        ],
    }),
};

const lifecyclePolicy = {
    repository: "web",
    policy: JSON.stringify({
        rules: [
            {
                rulePriority: 1,
                description: "Expire untagged images after 7 days",
                selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 7 },
                action: { type: "expire" },
            },
        ],
    }),
};

/** Inline-rule security group: HTTPS from the world (IPv4 and IPv6), egress to the VPC on 8080. */
const securityGroup = {
    name: "web-alb",
    description: "Web ALB: HTTPS from the internet, HTTP to tasks",
    vpcId: IDS.vpc,
    ingress: [
        {
            protocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrBlocks: ["0.0.0.0/0"],
            ipv6CidrBlocks: ["::/0"],
            description: "HTTPS from the internet",
        },
    ],
    egress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["10.0.0.0/16"], description: "To tasks" }],
};

const securityGroupRule = {
    type: "ingress",
    securityGroupId: IDS.taskSecurityGroup,
    protocol: "tcp",
    fromPort: 8080,
    toPort: 8080,
    sourceSecurityGroupId: IDS.albSecurityGroup,
    description: "From the ALB",
};

const ingressRule = {
    securityGroupId: IDS.albSecurityGroup,
    ipProtocol: "tcp",
    fromPort: 80,
    toPort: 80,
    cidrIpv4: "0.0.0.0/0",
    description: "HTTP from the internet (redirected to HTTPS)",
};

const egressRule = {
    securityGroupId: IDS.taskSecurityGroup,
    ipProtocol: "tcp",
    fromPort: 443,
    toPort: 443,
    cidrIpv4: "0.0.0.0/0",
    description: "HTTPS to ECR and AWS APIs",
};

/** Listener rules as the shared load balancer routes services: path and host, forwarding (distinct priorities, neither shadowing the other). */
const listenerRule = (priority: number, path: string) => ({
    listenerArn: ARNS.listener,
    priority,
    conditions: [{ pathPattern: { values: [path] } }, { hostHeader: { values: ["api.example.com"] } }],
    actions: [{ type: "forward", targetGroupArn: ARNS.targetGroup }],
});

export const networkBaselines: Record<string, Record<string, unknown>> = {
    [AWS_TYPES.lbLoadBalancer]: loadBalancer,
    [AWS_TYPES.albLoadBalancer]: loadBalancer,
    [AWS_TYPES.lbListener]: httpsListener,
    [AWS_TYPES.albListener]: redirectListener,
    [AWS_TYPES.lbTargetGroup]: targetGroup,
    [AWS_TYPES.albTargetGroup]: targetGroup,
    [AWS_TYPES.lbListenerRule]: listenerRule(10, "/api/*"),
    [AWS_TYPES.albListenerRule]: listenerRule(20, "/admin/*"),
    [AWS_TYPES.lbListenerCertificate]: { listenerArn: ARNS.listener, certificateArn: ARNS.certificate },
    [AWS_TYPES.albListenerCertificate]: { listenerArn: ARNS.listener, certificateArn: ARNS.certificate },
    [AWS_TYPES.wafv2WebAclAssociation]: { resourceArn: ARNS.loadBalancer, webAclArn: ARNS.webAcl },
    [AWS_TYPES.ecrRepository]: repository,
    [AWS_TYPES.ecrRepositoryPolicy]: repositoryPolicy,
    [AWS_TYPES.ecrLifecyclePolicy]: lifecyclePolicy,
    [AWS_TYPES.ec2SecurityGroup]: securityGroup,
    [AWS_TYPES.ec2SecurityGroupRule]: securityGroupRule,
    [AWS_TYPES.vpcSecurityGroupIngressRule]: ingressRule,
    [AWS_TYPES.vpcSecurityGroupEgressRule]: egressRule,
    [AWS_TYPES.ec2DefaultSecurityGroup]: { vpcId: IDS.vpc, ingress: [], egress: [] },
    [AWS_TYPES.ec2Vpc]: { cidrBlock: "10.0.0.0/16", enableDnsHostnames: true, enableDnsSupport: true },
    [AWS_TYPES.ec2Subnet]: {
        vpcId: IDS.vpc,
        cidrBlock: "10.0.128.0/20",
        availabilityZone: "eu-west-1a",
        mapPublicIpOnLaunch: false,
        tags: { SubnetType: "Private" },
    },
    [AWS_TYPES.ec2FlowLog]: { vpcId: IDS.vpc, logDestination: ARNS.logGroup, logDestinationType: "cloud-watch-logs", trafficType: "ALL" },
    [AWS_TYPES.ec2RouteTable]: { vpcId: IDS.vpc, routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: IDS.natGateway }] },
    [AWS_TYPES.ec2Route]: { routeTableId: IDS.routeTable, destinationCidrBlock: "0.0.0.0/0", natGatewayId: IDS.natGateway },
    [AWS_TYPES.ec2RouteTableAssociation]: { routeTableId: IDS.routeTable, subnetId: "subnet-0eee5555ffff66660" },
    [AWS_TYPES.ec2InternetGateway]: { vpcId: IDS.vpc },
};

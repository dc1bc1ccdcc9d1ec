/**
 * One failing and one passing fixture per apply-time rule. Each failing fixture breaks exactly the rule
 * it is filed under, at `path`; each passing one is the nearest value AWS accepts.
 */
import { fixture } from "../../../harness/fixtures";
import { RecordedResource } from "../../../harness/types";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

/** A rule's two fixtures. */
export interface RuleCase {
    /** Stack config for the judgement (`aws:region` and the like). */
    readonly config: Record<string, string>;
    readonly failing: RecordedResource[];
    readonly passing: RecordedResource[];
    /** Where the failing fixture breaks the rule, and words of what is allowed. */
    readonly path: string;
    readonly allowed: RegExp;
}

const REGION = { "aws:region": "us-east-1" };

const SG = AWS_TYPES.ec2SecurityGroup;
const EGRESS = AWS_TYPES.vpcSecurityGroupEgressRule;
const ROLE = AWS_TYPES.iamRole;
const ROLE_POLICY = AWS_TYPES.iamRolePolicy;
const LB = AWS_TYPES.lbLoadBalancer;
const TG = AWS_TYPES.lbTargetGroup;
const SECRET = AWS_TYPES.secretsmanagerSecret;
const LOG_GROUP = AWS_TYPES.cloudwatchLogGroup;
const TASK_DEFINITION = AWS_TYPES.ecsTaskDefinition;
const SERVICE = AWS_TYPES.ecsService;
const VPC = AWS_TYPES.ec2Vpc;
const LISTENER = AWS_TYPES.lbListener;
const SCHEDULE = AWS_TYPES.schedulerSchedule;

/** A task definition and a service placed by `strategy` on `platformVersion`, linked as the SDK links them. */
export function placedService(architecture: string, os: string, providers: string[], platformVersion?: string, cpu?: string): RecordedResource[] {
    const td = fixture(TASK_DEFINITION, "web-task", { family: "dev-web", runtimePlatform: { cpuArchitecture: architecture, operatingSystemFamily: os }, ...(cpu ? { cpu } : {}) });
    const service = fixture(SERVICE, "web-service", {
        taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/dev-web:1",
        capacityProviderStrategies: providers.map(capacityProvider => ({ capacityProvider, weight: 1 })),
        ...(platformVersion ? { platformVersion } : {}),
    });
    return [td, { ...service, propertyDependencies: { taskDefinition: [td.urn] } }];
}

export const CASES: Record<string, RuleCase> = {
    "ec2-security-group-description": {
        config: REGION,
        failing: [fixture(SG, "web-alb-sg", { description: "Load balancer's listener ports" })],
        passing: [fixture(SG, "web-alb-sg", { description: "Load balancer web: listener ports (80, 443) from the internet" })],
        path: "description",
        allowed: /"'" is not allowed/,
    },
    "ec2-security-group-rule-description": {
        config: REGION,
        // The text of the ALB egress rule as it shipped.
        failing: [fixture(EGRESS, "web-egress-targets", { ipProtocol: "tcp", fromPort: 8080, toPort: 8080, cidrIpv4: "10.0.0.0/16", description: "To the targets' port inside the VPC" })],
        passing: [fixture(EGRESS, "web-egress-targets", { ipProtocol: "tcp", fromPort: 8080, toPort: 8080, cidrIpv4: "10.0.0.0/16", description: "To the target port inside the VPC" })],
        path: "description",
        allowed: /"'" is not allowed/,
    },
    "ec2-security-group-name": {
        config: REGION,
        failing: [fixture(SG, "web-alb-sg", { name: "sg-web", description: "web" })],
        passing: [fixture(SG, "web-alb-sg", { name: "web-sg", description: "web" })],
        path: "name",
        allowed: /not starting with "sg-"/,
    },
    "iam-description": {
        config: REGION,
        failing: [fixture(ROLE, "web-task-role", { description: "App → AWS APIs", assumeRolePolicy: "{}" })],
        passing: [fixture(ROLE, "web-task-role", { description: "Application code of web; holds no permissions by default.", assumeRolePolicy: "{}" })],
        path: "description",
        allowed: /"→" is not allowed/,
    },
    "elb-load-balancer-name": {
        config: REGION,
        // 26 + "-" + 7 random = 34 characters.
        failing: [fixture(LB, "checkout-service-public-alb", { loadBalancerType: "application" })],
        passing: [fixture(LB, "web-alb", { loadBalancerType: "application" })],
        path: "(autoname)",
        allowed: /at most 32 characters \(35 given\).*logical name "checkout-service-public-alb"/,
    },
    "elb-target-group-name": {
        config: REGION,
        failing: [fixture(TG, "web-tg", { name: "web_tg", port: 8080 })],
        passing: [fixture(TG, "web-tg", { port: 8080 })],
        path: "name",
        allowed: /"_" is not allowed/,
    },
    "iam-role-name": {
        config: REGION,
        failing: [fixture(ROLE, "web-execution-role", { namePrefix: "fargate-web-production-web-execution-role-", assumeRolePolicy: "{}" })],
        passing: [fixture(ROLE, "web-execution-role", { namePrefix: "fargate-web-prod-web-execution-", assumeRolePolicy: "{}" })],
        path: "namePrefix",
        allowed: /at most 38 characters \(42 given\)/,
    },
    "iam-policy-name": {
        config: REGION,
        failing: [fixture(ROLE_POLICY, "web-execution-policy", { name: "web execution", role: "web-execution-role", policy: "{}" })],
        passing: [fixture(ROLE_POLICY, "web-execution-policy", { name: "web-execution", role: "web-execution-role", policy: "{}" })],
        path: "name",
        allowed: /" " is not allowed/,
    },
    "secretsmanager-secret-name": {
        config: REGION,
        failing: [fixture(SECRET, "web-secret-DB", { name: "fargate-web/dev/db pass" })],
        // A name ending in a hyphen and six characters is only advised against: CreateSecret accepts it.
        passing: [fixture(SECRET, "web-secret-DB", { namePrefix: "fargate-web/dev/web/DB_PASSWORD-" }), fixture(SECRET, "web-secret-API", { name: "fargate-web/dev/db-pass12" })],
        path: "name",
        allowed: /" " is not allowed/,
    },
    "logs-log-group-name": {
        config: REGION,
        failing: [fixture(LOG_GROUP, "web-logs", { name: "/ecs/fargate web/dev/web" })],
        passing: [fixture(LOG_GROUP, "web-logs", { name: "/ecs/fargate-web/dev/web" })],
        path: "name",
        allowed: /" " is not allowed/,
    },
    "ecs-name": {
        config: REGION,
        failing: [fixture(TASK_DEFINITION, "web-task", { family: "dev.eu-web" })],
        passing: [fixture(TASK_DEFINITION, "web-task", { family: "dev-eu-web" })],
        path: "family",
        allowed: /"\." is not allowed/,
    },
    "s3-bucket-name": {
        config: REGION,
        // pulumi-aws lowercases the logical name; the underscore stays.
        failing: [fixture(AWS_TYPES.s3Bucket, "Access_Logs", { forceDestroy: true })],
        passing: [fixture(AWS_TYPES.s3Bucket, "Web-Bucket", { forceDestroy: true })],
        path: "(autoname)",
        allowed: /"_" is not allowed.*logical name "Access_Logs"/,
    },
    "tags-limits": {
        config: REGION,
        failing: [fixture(LOG_GROUP, "web-logs", { name: "/ecs/web", tags: { "aws:owner": "platform" } })],
        passing: [fixture(LOG_GROUP, "web-logs", { name: "/ecs/web", tags: { owner: "platform" } })],
        path: "tags.aws:owner",
        allowed: /not starting with "aws:"/,
    },
    "tags-characters": {
        config: REGION,
        failing: [fixture(ROLE, "web-task-role", { assumeRolePolicy: "{}", tags: { Owner: "Jane Doe <jane@example.com>" } })],
        passing: [fixture(ROLE, "web-task-role", { assumeRolePolicy: "{}", tags: { Owner: "Jane Doe jane@example.com" } })],
        path: "tags.Owner",
        allowed: /"<" ">" are not allowed/,
    },
    "ec2-cidr-network-address": {
        config: REGION,
        failing: [fixture(VPC, "web-vpc", { cidrBlock: "10.0.0.1/16" })],
        passing: [fixture(VPC, "web-vpc", { cidrBlock: "10.0.0.0/16" })],
        path: "cidrBlock",
        allowed: /no host bits set, e\.g\. 10\.0\.0\.0\/16/,
    },
    "ecs-fargate-platform": {
        config: REGION,
        failing: placedService("ARM64", "LINUX", ["FARGATE_SPOT"], "1.3.0"),
        passing: placedService("ARM64", "LINUX", ["FARGATE_SPOT"], "1.4.0"),
        path: "platformVersion",
        allowed: /1\.4\.0 or LATEST: Fargate Spot runs ARM64 tasks from 1\.4\.0/,
    },
    "ecs-fargate-task-size-platform": {
        config: REGION,
        failing: placedService("X86_64", "LINUX", ["FARGATE"], "1.3.0", "8192"),
        passing: placedService("X86_64", "LINUX", ["FARGATE"], "1.3.0", "4096"),
        path: "platformVersion",
        allowed: /1\.4\.0 or LATEST: Fargate offers 8 and 16 vCPU tasks from 1\.4\.0/,
    },
    "acm-certificate-region": {
        config: REGION,
        failing: [fixture(LISTENER, "web-https", { port: 443, protocol: "HTTPS", certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666" })],
        passing: [fixture(LISTENER, "web-https", { port: 443, protocol: "HTTPS", certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666" })],
        path: "certificateArn",
        allowed: /region us-east-1 \(this ARN is in eu-west-1\)/,
    },
    "kms-key-region": {
        config: REGION,
        failing: [fixture(LOG_GROUP, "web-logs", { name: "/ecs/web", kmsKeyId: "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666" })],
        passing: [fixture(LOG_GROUP, "web-logs", { name: "/ecs/web", kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666" })],
        path: "kmsKeyId",
        allowed: /region us-east-1 \(this ARN is in eu-west-1\)/,
    },
    "scheduler-schedule-name": {
        config: REGION,
        // 57 characters + "-" + 7 random = 65.
        failing: [fixture(SCHEDULE, "nightly-report-for-every-customer-of-the-eu-west-1-region", { scheduleExpression: "rate(1 day)", groupName: "default" })],
        passing: [fixture(SCHEDULE, "nightly-report", { scheduleExpression: "rate(1 day)", groupName: "default" })],
        path: "(autoname)",
        allowed: /at most 64 characters.*logical name "nightly-report-for-every-customer-of-the-eu-west-1-region"/,
    },
    "scheduler-schedule-expression": {
        config: REGION,
        failing: [fixture(SCHEDULE, "nightly-schedule", { name: "nightly", scheduleExpression: "cron(0 3 * * *)", scheduleExpressionTimezone: "UTC" })],
        passing: [fixture(SCHEDULE, "nightly-schedule", { name: "nightly", scheduleExpression: "cron(0 3 * * ? *)", scheduleExpressionTimezone: "UTC" })],
        path: "scheduleExpression",
        allowed: /5 fields given; a cron expression has six/,
    },
    "elb-target-group-health-check-matcher": {
        config: REGION,
        failing: [fixture(TG, "api-tg", { port: 50051, protocol: "HTTP", protocolVersion: "GRPC", healthCheck: { path: "/grpc.health.v1.Health/Check", matcher: "200" } })],
        passing: [fixture(TG, "api-tg", { port: 50051, protocol: "HTTP", protocolVersion: "GRPC", healthCheck: { path: "/grpc.health.v1.Health/Check", matcher: "0" } })],
        path: "healthCheck.matcher",
        allowed: /gRPC codes 0-99 on a GRPC \(protocolVersion "GRPC"\) target group \(outside: 200\)/,
    },
};

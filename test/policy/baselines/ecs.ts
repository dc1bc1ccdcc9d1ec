/**
 * Compliant baselines for the ECS group's resource types (ECS, IAM, CloudWatch Logs and alarms, Secrets
 * Manager, Application Auto Scaling), shaped like what the program creates, plus a whole compliant stack for the
 * stack policies and small helpers the group's tests share. Every ECS-group policy passes on each of them.
 */
import * as assert from "node:assert/strict";
import { EvaluationResult, evaluatePack } from "../../../harness/policyEngine";
import { fixture } from "../../../harness/fixtures";
import { RecordedResource } from "../../../harness/types";
import { PolicyPackConfig, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

export const ACCOUNT = "123456789012";
export const REGION = "eu-west-1";
export const EXEC_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/web-exec`;
export const TASK_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/web-task`;
export const SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:web/db-password-AbCdEf`;
export const TASK_DEFINITION_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/web:3`;
export const LOG_GROUP_ARN = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/ecs/web`;
export const REPOSITORY_ARN = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/web`;
export const TARGET_GROUP_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web/0123456789abcdef`;
export const KMS_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/web@sha256:3f1a9c0e5b7d2468ace013579bdf2468ace013579bdf2468ace013579bdf2468`;

/** The program's "web" container: every container rule passes on it. */
export const baselineContainer = (): Record<string, any> => ({
    name: "web",
    image: IMAGE,
    essential: true,
    portMappings: [{ containerPort: 8080, protocol: "tcp" }],
    healthCheck: { command: ["CMD", "node", "healthcheck.js"], interval: 15, timeout: 5, retries: 3, startPeriod: 30 },
    logConfiguration: {
        logDriver: "awslogs",
        options: { "awslogs-group": "/ecs/web", "awslogs-region": REGION, "awslogs-stream-prefix": "web" },
    },
    environment: [
        { name: "NODE_ENV", value: "production" },
        { name: "PORT", value: "8080" },
        { name: "LOG_LEVEL", value: "info" },
        { name: "PUBLIC_BASE_URL", value: "https://web.example.com" },
    ],
    secrets: [{ name: "DATABASE_PASSWORD", valueFrom: SECRET_ARN }],
    user: "1000",
    readonlyRootFilesystem: true,
    stopTimeout: 30,
});

/** `containerDefinitions` as the program passes it: a JSON string. */
export const containerDefinitions = (...containers: Record<string, any>[]): string =>
    JSON.stringify(containers.length > 0 ? containers : [baselineContainer()]);

/** The trust policy ECS task roles need. */
export const ECS_TASKS_TRUST = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

/** The execution role's inline policy: ECR pull, logs, and exactly the referenced secret. */
export const executionPolicy = (secretArns: string[] = [SECRET_ARN]): string =>
    JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            { Sid: "EcrAuth", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
            {
                Sid: "EcrPull",
                Effect: "Allow",
                Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
                Resource: REPOSITORY_ARN,
            },
            { Sid: "Logs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${LOG_GROUP_ARN}:*` },
            ...(secretArns.length > 0 ? [{ Sid: "Secrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: secretArns }] : []),
        ],
    });

export const TD = AWS_TYPES.ecsTaskDefinition;
export const SERVICE = AWS_TYPES.ecsService;
export const TASK_SET = AWS_TYPES.ecsTaskSet;
export const CLUSTER = AWS_TYPES.ecsCluster;
export const LOG_GROUP = AWS_TYPES.cloudwatchLogGroup;
export const SECRET = AWS_TYPES.secretsmanagerSecret;
export const SECRET_ROTATION = AWS_TYPES.secretsmanagerSecretRotation;
export const ROLE = AWS_TYPES.iamRole;
export const ROLE_POLICY = AWS_TYPES.iamRolePolicy;
export const IAM_POLICY = AWS_TYPES.iamPolicy;
export const ROLE_POLICY_ATTACHMENT = AWS_TYPES.iamRolePolicyAttachment;
export const SCALING_TARGET = AWS_TYPES.appautoscalingTarget;
export const SCALING_POLICY = AWS_TYPES.appautoscalingPolicy;
export const METRIC_ALARM = AWS_TYPES.cloudwatchMetricAlarm;
export const COMPOSITE_ALARM = AWS_TYPES.cloudwatchCompositeAlarm;
export const ALARM_TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:web-alarms`;

/** One compliant inputs object per type token the ECS group checks. */
export const ecsBaselines: Record<string, Record<string, unknown>> = {
    [TD]: {
        family: "web",
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        cpu: "256",
        memory: "512",
        runtimePlatform: { cpuArchitecture: "ARM64", operatingSystemFamily: "LINUX" },
        executionRoleArn: EXEC_ROLE_ARN,
        taskRoleArn: TASK_ROLE_ARN,
        containerDefinitions: containerDefinitions(),
        volumes: [
            {
                name: "shared",
                efsVolumeConfiguration: { fileSystemId: "fs-12345678", transitEncryption: "ENABLED", authorizationConfig: { iam: "ENABLED" } },
            },
        ],
    },
    [SERVICE]: {
        cluster: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/web`,
        taskDefinition: TASK_DEFINITION_ARN,
        desiredCount: 2,
        capacityProviderStrategies: [
            { capacityProvider: "FARGATE", weight: 1, base: 1 },
            { capacityProvider: "FARGATE_SPOT", weight: 1 },
        ],
        platformVersion: "LATEST",
        deploymentCircuitBreaker: { enable: true, rollback: true },
        alarms: { alarmNames: ["web-target-5xx-rate", "web-p99-latency"], enable: true, rollback: true },
        deploymentMinimumHealthyPercent: 100,
        deploymentMaximumPercent: 200,
        healthCheckGracePeriodSeconds: 60,
        loadBalancers: [{ targetGroupArn: TARGET_GROUP_ARN, containerName: "web", containerPort: 8080 }],
        networkConfiguration: { subnets: ["subnet-0a", "subnet-0b"], securityGroups: ["sg-0task"], assignPublicIp: false },
    },
    [TASK_SET]: {
        cluster: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/web`,
        service: "web",
        taskDefinition: TASK_DEFINITION_ARN,
        launchType: "FARGATE",
        platformVersion: "LATEST",
        loadBalancers: [{ targetGroupArn: TARGET_GROUP_ARN, containerName: "web", containerPort: 8080 }],
        networkConfiguration: { subnets: ["subnet-0a", "subnet-0b"], securityGroups: ["sg-0task"], assignPublicIp: false },
    },
    [CLUSTER]: {
        name: "web",
        settings: [{ name: "containerInsights", value: "enabled" }],
    },
    [LOG_GROUP]: {
        name: "/ecs/web",
        retentionInDays: 365,
        kmsKeyId: KMS_KEY_ARN,
    },
    [SECRET]: {
        name: "web/db-password",
        description: "Password of the web service's database user; read by the web task's execution role.",
        kmsKeyId: KMS_KEY_ARN,
    },
    [SECRET_ROTATION]: {
        secretId: SECRET_ARN,
        rotationLambdaArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:rotate-db-password`,
        rotationRules: { automaticallyAfterDays: 30 },
    },
    [ROLE]: {
        name: "web-exec",
        assumeRolePolicy: ECS_TASKS_TRUST,
    },
    [ROLE_POLICY]: {
        name: "web-exec-policy",
        role: "web-exec",
        policy: executionPolicy(),
    },
    [IAM_POLICY]: {
        name: "web-metrics",
        description: "Lets the web task publish custom metrics.",
        policy: {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: ["cloudwatch:PutMetricData"], Resource: "*" }],
        },
    },
    [ROLE_POLICY_ATTACHMENT]: {
        role: "web-task",
        policyArn: `arn:aws:iam::${ACCOUNT}:policy/web-metrics`,
    },
    [METRIC_ALARM]: {
        name: "web-target-5xx-rate",
        comparisonOperator: "GreaterThanThreshold",
        evaluationPeriods: 3,
        threshold: 5,
        treatMissingData: "notBreaching",
        metricQueries: [
            { id: "rate", expression: "100 * errors / requests", label: "5xx rate (%)", returnData: true },
            { id: "errors", metric: { namespace: "AWS/ApplicationELB", metricName: "HTTPCode_Target_5XX_Count", period: 60, stat: "Sum", dimensions: { TargetGroup: "targetgroup/web/0123456789abcdef" } } },
            { id: "requests", metric: { namespace: "AWS/ApplicationELB", metricName: "RequestCount", period: 60, stat: "Sum", dimensions: { TargetGroup: "targetgroup/web/0123456789abcdef" } } },
        ],
        alarmActions: [ALARM_TOPIC_ARN],
        okActions: [ALARM_TOPIC_ARN],
    },
    [COMPOSITE_ALARM]: {
        alarmName: "web-rollout",
        alarmRule: 'ALARM("web-target-5xx-rate") OR ALARM("web-p99-latency")',
        actionsEnabled: true,
        alarmActions: [ALARM_TOPIC_ARN],
    },
    [SCALING_TARGET]: {
        minCapacity: 2,
        maxCapacity: 10,
        resourceId: "service/web/web",
        scalableDimension: "ecs:service:DesiredCount",
        serviceNamespace: "ecs",
    },
    [SCALING_POLICY]: {
        policyType: "TargetTrackingScaling",
        resourceId: "service/web/web",
        scalableDimension: "ecs:service:DesiredCount",
        serviceNamespace: "ecs",
        targetTrackingScalingPolicyConfiguration: {
            targetValue: 70,
            scaleInCooldown: 300,
            scaleOutCooldown: 60,
            predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
        },
    },
};

/** A deep copy of the baseline inputs for `type`. */
export const baseline = (type: string): Record<string, any> => structuredClone(ecsBaselines[type]) as Record<string, any>;

/** A recorded resource built from the baseline for `type`, with fields overridden. */
export const resourceOf = (type: string, name: string, overrides: Record<string, unknown> = {}, state: Record<string, unknown> = {}): RecordedResource =>
    fixture(type, name, { ...baseline(type), ...overrides }, { state });

/** A task definition fixture whose containerDefinitions are the given containers (baseline "web" by default). */
export const taskDefinitionWith = (containers: Record<string, any>[], overrides: Record<string, unknown> = {}): RecordedResource =>
    fixture(TD, "web", { ...baseline(TD), containerDefinitions: JSON.stringify(containers), ...overrides });

/**
 * The program's stack as stack policies see it (state with ARNs): cluster, task definition, service, execution
 * and task roles with their policies, log group, secret with rotation, autoscaling.
 */
export function ecsStack(): RecordedResource[] {
    return [
        resourceOf(CLUSTER, "web"),
        resourceOf(TD, "web", {}, { arn: TASK_DEFINITION_ARN, arnWithoutRevision: TASK_DEFINITION_ARN.replace(/:3$/, ""), revision: 3 }),
        resourceOf(SERVICE, "web"),
        resourceOf(ROLE, "web-exec", {}, { arn: EXEC_ROLE_ARN, id: "web-exec" }),
        resourceOf(ROLE, "web-task", { name: "web-task" }, { arn: TASK_ROLE_ARN, id: "web-task" }),
        resourceOf(ROLE_POLICY, "web-exec-policy", {}, { id: "web-exec:web-exec-policy" }),
        resourceOf(IAM_POLICY, "web-metrics", {}, { arn: `arn:aws:iam::${ACCOUNT}:policy/web-metrics` }),
        resourceOf(ROLE_POLICY_ATTACHMENT, "web-task-metrics"),
        resourceOf(LOG_GROUP, "web"),
        resourceOf(SECRET, "db-password", {}, { arn: SECRET_ARN, id: SECRET_ARN }),
        resourceOf(SECRET_ROTATION, "db-password-rotation"),
        resourceOf(SCALING_TARGET, "web"),
        resourceOf(SCALING_POLICY, "web-cpu"),
        resourceOf(METRIC_ALARM, "web-target-5xx-rate"),
        resourceOf(COMPOSITE_ALARM, "web-rollout"),
    ];
}

/** `evaluatePack` for one policy, the way every test of the group calls it. */
export const evaluate = (
    policy: ResourceValidationPolicy | StackValidationPolicy,
    resources: RecordedResource[],
    config?: PolicyPackConfig,
): Promise<EvaluationResult> => evaluatePack({ name: "test", policies: [policy] }, resources, config);

/** The details of the diagnostics of an evaluation, in order. */
export const details = (result: EvaluationResult): string[] => result.diagnostics.map(d => d.detail);

/**
 * Asserts that the evaluation reported exactly `expected` (details, in order), each by `policyName` at
 * `level`. An empty list asserts a clean evaluation.
 */
export function assertViolations(result: EvaluationResult, policyName: string, level: "advisory" | "mandatory", expected: string[]): void {
    assert.deepEqual(details(result), expected);
    for (const d of result.diagnostics) {
        assert.equal(d.policyName, policyName);
        assert.equal(d.enforcementLevel, level);
    }
}

/** A copy of the baseline "web" container with fields overridden (`undefined` deletes a field). */
export function webWith(overrides: Record<string, unknown>): Record<string, any> {
    const container = baselineContainer();
    for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined) {
            delete container[key];
        } else {
            container[key] = value;
        }
    }
    return container;
}

/** The stack with `replacement` in place of the resource with the same URN (appended when there is none). */
export function withResource(stack: RecordedResource[], ...replacements: RecordedResource[]): RecordedResource[] {
    let result = [...stack];
    for (const replacement of replacements) {
        const i = result.findIndex(r => r.urn === replacement.urn);
        result = i >= 0 ? [...result.slice(0, i), replacement, ...result.slice(i + 1)] : [...result, replacement];
    }
    return result;
}

/** The baseline stack's task definition "web" with other containers (state keeps its ARN). */
export const stackTaskDefinition = (containers: Record<string, any>[], overrides: Record<string, unknown> = {}): RecordedResource =>
    resourceOf(TD, "web", { containerDefinitions: JSON.stringify(containers), ...overrides }, { arn: TASK_DEFINITION_ARN });

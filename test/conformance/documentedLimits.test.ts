/**
 * The documented-limit checks can fail: each starts from a request AWS accepts and breaks one value.
 */
import * as assert from "node:assert/strict";
import type { CreateServiceRequest, RegisterTaskDefinitionRequest } from "@aws-sdk/client-ecs";
import type { CreateListenerInput, CreateLoadBalancerInput, CreateTargetGroupInput } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { PredefinedMetricSpecification, PutScalingPolicyRequest, RegisterScalableTargetRequest } from "@aws-sdk/client-application-auto-scaling";
import {
    listenerLimits,
    loadBalancerLimits,
    scalableTargetLimits,
    scalingPolicyLimits,
    serviceLimits,
    ServiceContext,
    targetGroupLimits,
    taskDefinitionLimits,
} from "./documentedLimits";

const TG_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg-0a30125/0a30125e07ae0ff4";

const taskDefinition = (): RegisterTaskDefinitionRequest => ({
    family: "dev-web",
    networkMode: "awsvpc",
    requiresCompatibilities: ["FARGATE"],
    cpu: "256",
    memory: "512",
    volumes: [{ name: "tmp" }],
    containerDefinitions: [
        {
            name: "web",
            essential: true,
            stopTimeout: 30,
            portMappings: [{ containerPort: 8080, hostPort: 8080, name: "web-8080" }],
            healthCheck: { command: ["CMD", "node", "healthcheck.js"], interval: 15, timeout: 5, retries: 3, startPeriod: 30 },
            mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp" }],
            logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web" } },
        },
    ],
});
const container = (td: RegisterTaskDefinitionRequest) => td.containerDefinitions![0];

const targetGroup = (): CreateTargetGroupInput => ({
    Name: "web-tg-0a30125",
    Protocol: "HTTP",
    Port: 8080,
    TargetType: "ip",
    HealthCheckPort: "traffic-port",
    HealthCheckPath: "/health",
    HealthCheckIntervalSeconds: 15,
    HealthCheckTimeoutSeconds: 5,
    HealthyThresholdCount: 2,
    UnhealthyThresholdCount: 3,
    Matcher: { HttpCode: "200-399" },
});
const delay = (value: string) => ({ TargetGroupArn: TG_ARN, Attributes: [{ Key: "deregistration_delay.timeout_seconds", Value: value }] });

const service = (): CreateServiceRequest => ({
    serviceName: "web-service-f982fff",
    platformVersion: "LATEST",
    capacityProviderStrategy: [{ capacityProvider: "FARGATE_SPOT", base: 0, weight: 1 }],
    loadBalancers: [{ targetGroupArn: TG_ARN, containerName: "web", containerPort: 8080 }],
    networkConfiguration: { awsvpcConfiguration: { subnets: ["subnet-a", "subnet-b"], securityGroups: ["sg-1"], assignPublicIp: "DISABLED" } },
});
const serviceContext = (): ServiceContext => ({
    taskDefinition: taskDefinition(),
    targetGroups: { [TG_ARN]: targetGroup() },
    clusterCapacityProviders: ["FARGATE", "FARGATE_SPOT"],
});

const loadBalancer = (): CreateLoadBalancerInput => ({ Name: "web-alb-c6eae76", Type: "application", Subnets: ["subnet-a", "subnet-b"] });
const lbAttributes = (extra: Record<string, string> = {}) => ({
    LoadBalancerArn: "arn:lb",
    Attributes: Object.entries({ "idle_timeout.timeout_seconds": "60", "routing.http.desync_mitigation_mode": "defensive", ...extra }).map(([Key, Value]) => ({ Key, Value })),
});

const httpsListener = (): CreateListenerInput => ({
    LoadBalancerArn: "arn:lb",
    Protocol: "HTTPS",
    Port: 443,
    Certificates: [{ CertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc" }],
    DefaultActions: [{ Type: "forward", TargetGroupArn: TG_ARN }],
});
const redirectListener = (redirect: Record<string, string>): CreateListenerInput => ({
    LoadBalancerArn: "arn:lb",
    Protocol: "HTTP",
    Port: 80,
    DefaultActions: [{ Type: "redirect", RedirectConfig: { StatusCode: "HTTP_301", ...redirect } }],
});

const target = (): RegisterScalableTargetRequest => ({
    ServiceNamespace: "ecs",
    ResourceId: "service/web-cluster-47d7f86/web-service-f982fff",
    ScalableDimension: "ecs:service:DesiredCount",
    MinCapacity: 1,
    MaxCapacity: 4,
});
const policy = (metric: { PredefinedMetricType: string; ResourceLabel?: string }): PutScalingPolicyRequest => ({
    PolicyName: "web-requests-fca354a",
    PolicyType: "TargetTrackingScaling",
    ServiceNamespace: "ecs",
    ResourceId: target().ResourceId,
    ScalableDimension: "ecs:service:DesiredCount",
    TargetTrackingScalingPolicyConfiguration: { TargetValue: 1000, ScaleInCooldown: 300, ScaleOutCooldown: 60, PredefinedMetricSpecification: metric as PredefinedMetricSpecification },
});
const LABEL = "app/web-alb-c6eae76/c6eae767ad2ea99e/targetgroup/web-tg-0a30125/0a30125e07ae0ff4";

describe("documented limits: each check fails on one broken value", () => {
    it("GIVEN compliant requests THEN no limit is reported", () => {
        assert.deepEqual(
            [
                ...taskDefinitionLimits(taskDefinition()),
                ...serviceLimits(service(), serviceContext()),
                ...targetGroupLimits(targetGroup(), delay("30")),
                ...loadBalancerLimits(loadBalancer(), lbAttributes()),
                ...listenerLimits(httpsListener()),
                ...listenerLimits(redirectListener({ Protocol: "HTTPS", Port: "443" })),
                ...scalableTargetLimits(target()),
                ...scalingPolicyLimits(policy({ PredefinedMetricType: "ALBRequestCountPerTarget", ResourceLabel: LABEL }), [target()]),
            ],
            [],
        );
    });

    describe("RegisterTaskDefinition", () => {
        const broken = (edit: (td: RegisterTaskDefinitionRequest) => void) => {
            const td = taskDefinition();
            edit(td);
            return taskDefinitionLimits(td);
        };
        it("GIVEN a container health-check timeout of 90 s THEN it is outside 2–60", () => {
            assert.deepEqual(broken(td => (container(td).healthCheck!.timeout = 90)), [
                "documented limit: containerDefinitions[0].healthCheck.timeout is 90; expected a whole number from 2 to 60",
            ]);
        });
        it("GIVEN a stop timeout of 300 s on Fargate THEN it is outside 2–120", () => {
            assert.deepEqual(broken(td => (container(td).stopTimeout = 300)), [
                "documented limit: containerDefinitions[0].stopTimeout is 300; expected a whole number from 2 to 120",
            ]);
        });
        it("GIVEN a fractional health-check interval THEN it is not a whole number", () => {
            assert.deepEqual(broken(td => (container(td).healthCheck!.interval = 15.5)), [
                "documented limit: containerDefinitions[0].healthCheck.interval is 15.5; expected a whole number from 5 to 300",
            ]);
        });
        it("GIVEN an awsvpc host port other than the container port THEN it is reported", () => {
            assert.deepEqual(broken(td => (container(td).portMappings![0].hostPort = 80)), [
                "documented limit: containerDefinitions[0].portMappings[0].hostPort is 80; with awsvpc it must be unset or equal containerPort 8080",
            ]);
        });
        it("GIVEN a mount point on a volume the task does not define THEN it is reported", () => {
            assert.deepEqual(broken(td => (td.volumes = [])), [
                'documented limit: containerDefinitions[0].mountPoints[0].sourceVolume "tmp" names no volume of the task definition',
            ]);
        });
        it("GIVEN awslogs on Fargate without a stream prefix THEN it is reported", () => {
            assert.deepEqual(broken(td => delete container(td).logConfiguration!.options!["awslogs-stream-prefix"]), [
                'documented limit: containerDefinitions[0].logConfiguration.options lacks "awslogs-stream-prefix", which the awslogs driver requires on Fargate',
            ]);
        });
        it("GIVEN 256 CPU units with 4096 MiB THEN it is no Fargate size", () => {
            assert.deepEqual(broken(td => (td.memory = "4096")), ['documented limit: cpu "256" with memory "4096" is not a Fargate task size']);
        });
        it("GIVEN an upper-case port mapping name THEN it is reported", () => {
            assert.deepEqual(broken(td => (container(td).portMappings![0].name = "Web")), [
                'documented limit: containerDefinitions[0].portMappings[0].name is "Web"; expected up to 64 lowercase letters, numbers, underscores and hyphens, not starting with a hyphen',
            ]);
        });
    });

    describe("CreateService", () => {
        const broken = (edit: (s: CreateServiceRequest, c: { -readonly [K in keyof ServiceContext]: ServiceContext[K] }) => void) => {
            const s = service();
            const c = serviceContext();
            edit(s, c);
            return serviceLimits(s, c);
        };
        it("GIVEN a load balancer on a port the container does not map THEN it is reported", () => {
            assert.deepEqual(broken(s => (s.loadBalancers![0].containerPort = 80)), [
                'documented limit: loadBalancers[0].containerPort 80 is not a port mapping of container "web"',
            ]);
        });
        it("GIVEN all capacity-provider weights at 0 THEN it is reported", () => {
            assert.deepEqual(broken(s => (s.capacityProviderStrategy![0].weight = 0)), [
                "documented limit: capacityProviderStrategy: at least one capacity provider needs a weight above 0",
            ]);
        });
        it("GIVEN two capacity providers with a base THEN it is reported", () => {
            assert.deepEqual(
                broken(s => (s.capacityProviderStrategy = [{ capacityProvider: "FARGATE", base: 1, weight: 1 }, { capacityProvider: "FARGATE_SPOT", base: 1, weight: 1 }])),
                ["documented limit: capacityProviderStrategy: only one capacity provider may have a base"],
            );
        });
        it("GIVEN a capacity provider the cluster lacks THEN it is reported", () => {
            assert.deepEqual(broken((_, c) => (c.clusterCapacityProviders = ["FARGATE"])), [
                'documented limit: capacityProviderStrategy[0].capacityProvider "FARGATE_SPOT" is not associated with the cluster (FARGATE)',
            ]);
        });
        it("GIVEN an instance target group for awsvpc tasks THEN it is reported", () => {
            assert.deepEqual(broken((_, c) => (c.targetGroups = { [TG_ARN]: { ...targetGroup(), TargetType: "instance" } })), [
                'documented limit: loadBalancers[0]: target group web-tg-0a30125 has TargetType "instance"; awsvpc tasks need "ip"',
            ]);
        });
    });

    describe("CreateTargetGroup", () => {
        it("GIVEN a 3 s interval THEN it is outside 5–300 (and no longer above the timeout)", () => {
            assert.deepEqual(targetGroupLimits({ ...targetGroup(), HealthCheckIntervalSeconds: 3 }, delay("30")), [
                "documented limit: HealthCheckIntervalSeconds is 3; expected a whole number from 5 to 300",
                "documented limit: HealthCheckTimeoutSeconds 5 must be less than HealthCheckIntervalSeconds 3",
            ]);
        });
        it("GIVEN thresholds of 1 and 11 THEN both are outside 2–10", () => {
            assert.deepEqual(targetGroupLimits({ ...targetGroup(), HealthyThresholdCount: 1, UnhealthyThresholdCount: 11 }, delay("30")), [
                "documented limit: HealthyThresholdCount is 1; expected a whole number from 2 to 10",
                "documented limit: UnhealthyThresholdCount is 11; expected a whole number from 2 to 10",
            ]);
        });
        it("GIVEN a matcher of 100 or 200-599 THEN it is outside 200–499", () => {
            assert.deepEqual(targetGroupLimits({ ...targetGroup(), Matcher: { HttpCode: "100" } }, delay("30")), [
                'documented limit: Matcher.HttpCode is "100"; expected codes from 200 to 499, as "200", "200,202" or "200-299"',
            ]);
            assert.deepEqual(targetGroupLimits({ ...targetGroup(), Matcher: { HttpCode: "200-599" } }, delay("30")), [
                'documented limit: Matcher.HttpCode is "200-599"; expected codes from 200 to 499, as "200", "200,202" or "200-299"',
            ]);
        });
        it("GIVEN a deregistration delay of 4000 s THEN it is outside 0–3600", () => {
            assert.deepEqual(targetGroupLimits(targetGroup(), delay("4000")), [
                "documented limit: deregistration_delay.timeout_seconds is 4000; expected a whole number from 0 to 3600",
            ]);
        });
        it("GIVEN a 33-character name THEN it is reported", () => {
            assert.deepEqual(targetGroupLimits({ ...targetGroup(), Name: "a".repeat(33) }, delay("30")), [
                'documented limit: Name is "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"; expected at most 32 letters, numbers and hyphens, not starting or ending with a hyphen',
            ]);
        });
    });

    describe("CreateLoadBalancer", () => {
        it("GIVEN an idle timeout of 5000 s and an unknown desync mode THEN both are reported", () => {
            assert.deepEqual(loadBalancerLimits(loadBalancer(), lbAttributes({ "idle_timeout.timeout_seconds": "5000", "routing.http.desync_mitigation_mode": "lenient" })), [
                "documented limit: idle_timeout.timeout_seconds is 5000; expected a whole number from 1 to 4000",
                'documented limit: routing.http.desync_mitigation_mode is "lenient"; expected one of monitor, defensive, strictest',
            ]);
        });
        it("GIVEN an attribute this suite does not know THEN it asks for its documented values", () => {
            assert.deepEqual(loadBalancerLimits(loadBalancer(), lbAttributes({ "routing.http2.enabled": "true" })), [
                'documented limit: attribute "routing.http2.enabled" is not a load balancer attribute this suite knows; add its documented values',
            ]);
        });
        it("GIVEN one subnet or an internal- name THEN each is reported", () => {
            assert.deepEqual(loadBalancerLimits({ ...loadBalancer(), Subnets: ["subnet-a"] }, lbAttributes()), [
                "documented limit: Subnets has 1 distinct; an Application Load Balancer needs subnets in at least two Availability Zones",
            ]);
            assert.deepEqual(loadBalancerLimits({ ...loadBalancer(), Name: "internal-web" }, lbAttributes()), [
                'documented limit: Name "internal-web" may not start with "internal-"',
            ]);
        });
        it("GIVEN access logs enabled without a bucket THEN it is reported", () => {
            assert.deepEqual(loadBalancerLimits(loadBalancer(), lbAttributes({ "access_logs.s3.enabled": "true" })), [
                "documented limit: access_logs.s3.bucket is required when access logs are enabled",
            ]);
        });
    });

    describe("CreateListener", () => {
        it("GIVEN an HTTPS listener without a certificate THEN it is reported", () => {
            assert.deepEqual(listenerLimits({ ...httpsListener(), Certificates: undefined }), [
                "documented limit: Certificates has 0; an HTTPS listener takes exactly one",
            ]);
        });
        it("GIVEN a redirect that changes nothing THEN it is a redirect loop", () => {
            assert.deepEqual(listenerLimits(redirectListener({ Protocol: "#{protocol}", Port: "80" })), [
                "documented limit: DefaultActions[0]: the redirect changes none of protocol, hostname, port or path, which is a redirect loop",
            ]);
        });
        it("GIVEN an HTTPS listener redirecting to HTTP THEN it is reported", () => {
            assert.deepEqual(listenerLimits({ ...redirectListener({ Protocol: "HTTP" }), Protocol: "HTTPS", Port: 443, Certificates: httpsListener().Certificates }), [
                "documented limit: DefaultActions[0]: an HTTPS listener may not redirect to HTTP",
            ]);
        });
        it("GIVEN a forward action without a target group THEN it is reported", () => {
            assert.deepEqual(listenerLimits({ ...httpsListener(), DefaultActions: [{ Type: "forward" }] }), [
                "documented limit: DefaultActions[0]: a forward action needs TargetGroupArn",
            ]);
        });
    });

    describe("Application Auto Scaling", () => {
        it("GIVEN a minimum above the maximum THEN it is reported", () => {
            assert.deepEqual(scalableTargetLimits({ ...target(), MinCapacity: 5 }), ["documented limit: MinCapacity 5 exceeds MaxCapacity 4"]);
        });
        it("GIVEN a resource id that is not service/<cluster>/<service> THEN it is reported", () => {
            assert.deepEqual(scalableTargetLimits({ ...target(), ResourceId: "web-service" }), [
                'documented limit: ResourceId is "web-service"; expected service/<cluster-name>/<service-name>',
            ]);
        });
        it("GIVEN a request-count label in the wrong format THEN it is reported", () => {
            assert.deepEqual(scalingPolicyLimits(policy({ PredefinedMetricType: "ALBRequestCountPerTarget", ResourceLabel: "targetgroup/web-tg/0a30" }), [target()]), [
                'documented limit: PredefinedMetricSpecification.ResourceLabel is "targetgroup/web-tg/0a30"; expected app/<lb>/<id>/targetgroup/<tg>/<id>',
            ]);
        });
        it("GIVEN a resource label on a CPU metric, or none on request count THEN it is reported", () => {
            assert.deepEqual(scalingPolicyLimits(policy({ PredefinedMetricType: "ECSServiceAverageCPUUtilization", ResourceLabel: LABEL }), [target()]), [
                "documented limit: PredefinedMetricSpecification.ResourceLabel goes with, and only with, ALBRequestCountPerTarget",
            ]);
            assert.deepEqual(scalingPolicyLimits(policy({ PredefinedMetricType: "ALBRequestCountPerTarget" }), [target()]), [
                "documented limit: PredefinedMetricSpecification.ResourceLabel goes with, and only with, ALBRequestCountPerTarget",
            ]);
        });
        it("GIVEN a policy whose scalable target is not registered THEN it is reported", () => {
            assert.deepEqual(scalingPolicyLimits(policy({ PredefinedMetricType: "ECSServiceAverageCPUUtilization" }), []), [
                "documented limit: no scalable target ecs service/web-cluster-47d7f86/web-service-f982fff ecs:service:DesiredCount is registered for the policy",
            ]);
        });
    });
});

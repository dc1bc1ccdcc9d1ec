/**
 * Recorded-resource builders for the estimate tests: a compliant baseline per type, overridden per case.
 */
import { fixture } from "../../harness/fixtures";
import { RecordedResource } from "../../harness/types";
import { AWSX_TYPES, AWS_TYPES } from "../../policy/facts/typeTokens";

export const TD_ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1";
export const TG_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123456789abcdef";

/** A task definition: 0.25 vCPU, 0.5 GB, x86, one essential container with the given health check. */
export function taskDefinition(overrides: Record<string, unknown> = {}, healthCheck?: Record<string, unknown>, arn = TD_ARN): RecordedResource {
    const containers = [{ name: "web", image: "web:1", essential: true, ...(healthCheck ? { healthCheck } : {}) }];
    return fixture(
        AWS_TYPES.ecsTaskDefinition,
        "web-task",
        { family: "web", cpu: "256", memory: "512", requiresCompatibilities: ["FARGATE"], containerDefinitions: JSON.stringify(containers), ...overrides },
        { state: { arn } },
    );
}

/** An ECS service named `web-svc` running TD_ARN behind TG_ARN; AWS defaults for everything else. */
export function service(overrides: Record<string, unknown> = {}, name = "web-svc"): RecordedResource {
    return fixture(
        AWS_TYPES.ecsService,
        name,
        {
            cluster: "arn:aws:ecs:us-east-1:123456789012:cluster/web-cluster",
            taskDefinition: TD_ARN,
            loadBalancers: [{ containerName: "web", containerPort: 8080, targetGroupArn: TG_ARN }],
            ...overrides,
        },
        { state: { name, arn: `arn:aws:ecs:us-east-1:123456789012:service/web-cluster/${name}` } },
    );
}

/** The scaling target of service `name`. */
export const scalingTarget = (minCapacity: number, maxCapacity: number, name = "web-svc"): RecordedResource =>
    fixture(AWS_TYPES.appautoscalingTarget, `${name}-target`, {
        minCapacity,
        maxCapacity,
        resourceId: `service/web-cluster/${name}`,
        scalableDimension: "ecs:service:DesiredCount",
        serviceNamespace: "ecs",
    });

/** A target group with only the given settings (AWS defaults for the rest). */
export const targetGroup = (overrides: Record<string, unknown> = {}): RecordedResource =>
    fixture(AWS_TYPES.lbTargetGroup, "web-tg", { port: 8080, protocol: "HTTP", targetType: "ip", ...overrides }, { state: { arn: TG_ARN } });

/** An application load balancer over `subnets` subnets. */
export const loadBalancer = (subnets: number, overrides: Record<string, unknown> = {}): RecordedResource =>
    fixture(AWS_TYPES.lbLoadBalancer, "web-alb", {
        loadBalancerType: "application",
        internal: false,
        subnets: Array.from({ length: subnets }, (_, i) => `subnet-${i}`),
        ...overrides,
    });

/** An awsx Vpc component with the given inputs. */
export const awsxVpc = (inputs: Record<string, unknown>): RecordedResource => ({ ...fixture(AWSX_TYPES.ec2Vpc, "web-vpc", inputs), component: true });

/**
 * Recorded resources of a service deployed by blue/green, canary or linear, shaped as the AWS provider records
 * them (`deploymentConfiguration`, `loadBalancers[].advancedConfiguration`), with timings that are easy to
 * add up by hand:
 *
 * - scale-up 50 s: 20 s start + max(grace 30 s, start period 10 s + target group checks 10 s × 2);
 * - clean-up 60 s: deregistration delay 30 s + Fargate's default stop timeout 30 s.
 */
import { RecordedResource } from "../../harness/types";
import { service, TG_ARN, targetGroup, taskDefinition } from "./builders";

export const ALT_TG_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg-alt/fedcba9876543210";
const RULE_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web-alb/0123456789abcdef/0123456789abcdef";

/** Options of `deploying`. */
export interface DeployingShape {
    /** A test listener rule beside the production one (default true). */
    readonly testRule?: boolean;
    readonly desiredCount?: number;
    readonly extra?: Record<string, unknown>;
}

/** `loadBalancers` with the alternate target group and listener rules ECS needs for these strategies. */
export function advancedLoadBalancers(testRule = true): Array<Record<string, unknown>> {
    return [
        {
            containerName: "web",
            containerPort: 8080,
            targetGroupArn: TG_ARN,
            advancedConfiguration: {
                alternateTargetGroupArn: ALT_TG_ARN,
                productionListenerRule: RULE_ARN,
                ...(testRule ? { testListenerRule: `${RULE_ARN}-test` } : {}),
                roleArn: "arn:aws:iam::123456789012:role/ecs-infrastructure",
            },
        },
    ];
}

/** A task definition, target group and service (2 tasks by default) deploying with `deploymentConfiguration`. */
export function deploying(deploymentConfiguration: Record<string, unknown> | undefined, shape: DeployingShape = {}): RecordedResource[] {
    return [
        taskDefinition({}, { startPeriod: 10 }),
        targetGroup({ healthCheck: { interval: 10, healthyThreshold: 2 }, deregistrationDelay: 30 }),
        service({
            desiredCount: shape.desiredCount ?? 2,
            healthCheckGracePeriodSeconds: 30,
            loadBalancers: advancedLoadBalancers(shape.testRule ?? true),
            ...(deploymentConfiguration === undefined ? {} : { deploymentConfiguration }),
            ...shape.extra,
        }),
    ];
}

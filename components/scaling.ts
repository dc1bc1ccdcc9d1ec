import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "./naming";

/** Arguments of {@link ServiceScaling}. */
export interface ServiceScalingArgs {
    /** Cluster of the service. */
    readonly clusterName: pulumi.Input<string>;
    /** The ECS service to scale. */
    readonly serviceName: pulumi.Input<string>;
    /** Fewest tasks. @default 1 */
    readonly minCapacity?: number;
    /** Most tasks. @default 4 */
    readonly maxCapacity?: number;
    /** Average CPU utilisation to hold, in percent. @default 70 */
    readonly cpuTargetPercent?: number;
    /** Average memory utilisation to hold, in percent; no memory policy when unset. @default undefined */
    readonly memoryTargetPercent?: number;
    /** Load balancer requests per task to hold; needs `loadBalancer`. No request policy when unset. @default undefined */
    readonly requestsPerTarget?: number;
    /** ARN suffixes of the load balancer and target group, for request-count scaling. */
    readonly loadBalancer?: {
        readonly loadBalancerArnSuffix: pulumi.Input<string>;
        readonly targetGroupArnSuffix: pulumi.Input<string>;
    };
    /** Seconds after a scale-in before the next. @default 300 */
    readonly scaleInCooldownSeconds?: number;
    /** Seconds after a scale-out before the next. @default 60 */
    readonly scaleOutCooldownSeconds?: number;
}

/** The fully defaulted, validated form of {@link ServiceScalingArgs}. */
export function resolveServiceScalingArgs(args: ServiceScalingArgs) {
    const resolved = {
        minCapacity: args.minCapacity ?? 1,
        maxCapacity: args.maxCapacity ?? 4,
        cpuTargetPercent: args.cpuTargetPercent ?? 70,
        memoryTargetPercent: args.memoryTargetPercent,
        requestsPerTarget: args.requestsPerTarget,
        scaleInCooldownSeconds: args.scaleInCooldownSeconds ?? 300,
        scaleOutCooldownSeconds: args.scaleOutCooldownSeconds ?? 60,
    };
    if (!Number.isInteger(resolved.minCapacity) || resolved.minCapacity < 0 || resolved.minCapacity > resolved.maxCapacity) {
        throw new Error(`ServiceScaling: minCapacity (${resolved.minCapacity}) must be a whole number from 0 to maxCapacity (${resolved.maxCapacity}).`);
    }
    for (const [key, value] of [["cpuTargetPercent", resolved.cpuTargetPercent], ["memoryTargetPercent", resolved.memoryTargetPercent]] as const) {
        if (value !== undefined && (value < 10 || value > 90)) {
            throw new Error(`ServiceScaling: ${key} is ${value}; expected 10 to 90.`);
        }
    }
    if (resolved.requestsPerTarget !== undefined && !args.loadBalancer) {
        throw new Error("ServiceScaling: requestsPerTarget needs loadBalancer (the ARN suffixes of the load balancer and target group).");
    }
    return resolved;
}

/** `ALBRequestCountPerTarget`'s resource label: `app/<lb>/<id>/targetgroup/<tg>/<id>`. */
export const requestCountResourceLabel = (loadBalancerArnSuffix: string, targetGroupArnSuffix: string): string =>
    `${loadBalancerArnSuffix}/${targetGroupArnSuffix}`;

/**
 * Application Auto Scaling of an ECS service's task count between bounds, with target-tracking
 * policies on CPU, optionally memory, and optionally load balancer requests per task.
 */
export class ServiceScaling extends pulumi.ComponentResource {
    /** Scalable target's resource id, `service/<cluster>/<service>`. */
    public readonly resourceId: pulumi.Output<string>;

    constructor(name: string, args: ServiceScalingArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component itself registers: bad arguments leave nothing behind.
        const a = resolveServiceScalingArgs(args);
        super("fargate-web:scaling:ServiceScaling", name, {}, opts);

        const target = new aws.appautoscaling.Target(
            childName(name, "target"),
            {
                serviceNamespace: "ecs",
                scalableDimension: "ecs:service:DesiredCount",
                resourceId: pulumi.interpolate`service/${args.clusterName}/${args.serviceName}`,
                minCapacity: a.minCapacity,
                maxCapacity: a.maxCapacity,
            },
            { parent: this },
        );
        const trackingPolicy = (role: string, targetValue: number, metric: { predefinedMetricType: string; resourceLabel?: pulumi.Input<string> }) =>
            new aws.appautoscaling.Policy(
                childName(name, role),
                {
                    policyType: "TargetTrackingScaling",
                    serviceNamespace: target.serviceNamespace,
                    scalableDimension: target.scalableDimension,
                    resourceId: target.resourceId,
                    targetTrackingScalingPolicyConfiguration: {
                        targetValue,
                        scaleInCooldown: a.scaleInCooldownSeconds,
                        scaleOutCooldown: a.scaleOutCooldownSeconds,
                        predefinedMetricSpecification: metric,
                    },
                },
                { parent: this },
            );

        trackingPolicy("cpu", a.cpuTargetPercent, { predefinedMetricType: "ECSServiceAverageCPUUtilization" });
        if (a.memoryTargetPercent !== undefined) {
            trackingPolicy("memory", a.memoryTargetPercent, { predefinedMetricType: "ECSServiceAverageMemoryUtilization" });
        }
        if (a.requestsPerTarget !== undefined && args.loadBalancer) {
            const lb = args.loadBalancer;
            trackingPolicy("requests", a.requestsPerTarget, {
                predefinedMetricType: "ALBRequestCountPerTarget",
                resourceLabel: pulumi
                    .all([lb.loadBalancerArnSuffix, lb.targetGroupArnSuffix])
                    .apply(([l, t]) => requestCountResourceLabel(l, t)),
            });
        }
        this.resourceId = target.resourceId;
        this.registerOutputs({ resourceId: this.resourceId });
    }
}

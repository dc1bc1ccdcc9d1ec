import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "./naming";
import { requestsPerTargetQueries } from "./requestScalingMetric";

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
    /**
     * ARN suffixes of the load balancer and target group, for request-count scaling; with the alternate
     * group of a blue/green, canary or linear service, the policy tracks both groups by metric math (see
     * `requestScalingMetric.ts`) instead of `ALBRequestCountPerTarget` on one.
     */
    readonly loadBalancer?: {
        readonly loadBalancerArnSuffix: pulumi.Input<string>;
        readonly targetGroupArnSuffix: pulumi.Input<string>;
        readonly alternateTargetGroupArnSuffix?: pulumi.Input<string>;
    };
    /**
     * Target tracking on a metric the service's own work publishes, e.g. a queue's backlog per task for a
     * worker; policy `<name>-metric`. None when unset. @default undefined
     */
    readonly customMetric?: CustomScalingMetric;
    /** Seconds after a scale-in before the next. @default 300 */
    readonly scaleInCooldownSeconds?: number;
    /** Seconds after a scale-out before the next. @default 60 */
    readonly scaleOutCooldownSeconds?: number;
}

/** Statistics target tracking accepts for a customized metric. */
export const METRIC_STATISTICS = ["Average", "Minimum", "Maximum", "Sum", "SampleCount"] as const;

/** A CloudWatch metric and the value per task to hold. */
export interface CustomScalingMetric {
    readonly namespace: string;
    readonly metricName: string;
    /** Dimensions naming the one metric stream (e.g. `{ QueueName: "jobs" }`). @default {} */
    readonly dimensions?: Readonly<Record<string, string>>;
    readonly statistic: (typeof METRIC_STATISTICS)[number];
    /** The value autoscaling holds the metric at, by adding or removing tasks. */
    readonly targetValue: number;
}

/** The fully defaulted, validated form of {@link ServiceScalingArgs}; errors name the instance `name`. */
export function resolveServiceScalingArgs(name: string, args: ServiceScalingArgs) {
    const owner = `ServiceScaling ${name}`;
    const resolved = {
        minCapacity: args.minCapacity ?? 1,
        maxCapacity: args.maxCapacity ?? 4,
        cpuTargetPercent: args.cpuTargetPercent ?? 70,
        memoryTargetPercent: args.memoryTargetPercent,
        requestsPerTarget: args.requestsPerTarget,
        scaleInCooldownSeconds: args.scaleInCooldownSeconds ?? 300,
        scaleOutCooldownSeconds: args.scaleOutCooldownSeconds ?? 60,
        customMetric: args.customMetric && { ...args.customMetric, dimensions: args.customMetric.dimensions ?? {} },
    };
    if (!Number.isInteger(resolved.minCapacity) || resolved.minCapacity < 0 || resolved.minCapacity > resolved.maxCapacity) {
        throw new Error(`${owner}: minCapacity (${resolved.minCapacity}) must be a whole number from 0 to maxCapacity (${resolved.maxCapacity}).`);
    }
    for (const [key, value] of [["cpuTargetPercent", resolved.cpuTargetPercent], ["memoryTargetPercent", resolved.memoryTargetPercent]] as const) {
        if (value !== undefined && (value < 10 || value > 90)) {
            throw new Error(`${owner}: ${key} is ${value}; expected 10 to 90.`);
        }
    }
    if (resolved.requestsPerTarget !== undefined && !args.loadBalancer) {
        throw new Error(`${owner}: requestsPerTarget needs loadBalancer (the ARN suffixes of the load balancer and target group); a service with no route scales on CPU, memory or customMetric.`);
    }
    const metric = resolved.customMetric;
    if (metric) {
        for (const key of ["namespace", "metricName"] as const) {
            // CloudWatch: namespaces and metric names are 1 to 255 characters.
            if (metric[key].length < 1 || metric[key].length > 255) {
                throw new Error(`${owner}: customMetric.${key} is ${JSON.stringify(metric[key])}; expected 1 to 255 characters.`);
            }
        }
        if (!(METRIC_STATISTICS as readonly string[]).includes(metric.statistic)) {
            throw new Error(`${owner}: customMetric.statistic is ${JSON.stringify(metric.statistic)}; expected one of ${METRIC_STATISTICS.join(", ")}.`);
        }
        if (!Number.isFinite(metric.targetValue) || metric.targetValue <= 0) {
            throw new Error(`${owner}: customMetric.targetValue is ${metric.targetValue}; expected a number above 0.`);
        }
        // CloudWatch: at most 30 dimensions per metric.
        if (Object.keys(metric.dimensions).length > 30) {
            throw new Error(`${owner}: customMetric.dimensions has ${Object.keys(metric.dimensions).length} entries; CloudWatch allows 30.`);
        }
    }
    return resolved;
}

/** `ALBRequestCountPerTarget`'s resource label: `app/<lb>/<id>/targetgroup/<tg>/<id>`. */
export const requestCountResourceLabel = (loadBalancerArnSuffix: string, targetGroupArnSuffix: string): string =>
    `${loadBalancerArnSuffix}/${targetGroupArnSuffix}`;

/**
 * Application Auto Scaling of an ECS service's task count between bounds, with target-tracking
 * policies on CPU, optionally memory, optionally load balancer requests per task, and optionally a custom
 * metric (a queue's backlog for a worker).
 */
export class ServiceScaling extends pulumi.ComponentResource {
    /** Scalable target's resource id, `service/<cluster>/<service>`. */
    public readonly resourceId: pulumi.Output<string>;

    constructor(name: string, args: ServiceScalingArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component itself registers: bad arguments leave nothing behind.
        const a = resolveServiceScalingArgs(name, args);
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
        type Metric =
            | { readonly predefinedMetricSpecification: aws.types.input.appautoscaling.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification }
            | { readonly customizedMetricSpecification: aws.types.input.appautoscaling.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecification };
        const trackingPolicy = (role: string, targetValue: number, metric: Metric) =>
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
                        ...metric,
                    },
                },
                { parent: this },
            );

        trackingPolicy("cpu", a.cpuTargetPercent, { predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" } });
        if (a.memoryTargetPercent !== undefined) {
            trackingPolicy("memory", a.memoryTargetPercent, { predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageMemoryUtilization" } });
        }
        const lb = args.loadBalancer;
        if (a.requestsPerTarget !== undefined && lb?.alternateTargetGroupArnSuffix !== undefined) {
            trackingPolicy("requests", a.requestsPerTarget, {
                customizedMetricSpecification: {
                    metrics: requestsPerTargetQueries({
                        loadBalancer: lb.loadBalancerArnSuffix,
                        targetGroup: lb.targetGroupArnSuffix,
                        alternateTargetGroup: lb.alternateTargetGroupArnSuffix,
                    }),
                },
            });
        } else if (a.requestsPerTarget !== undefined && lb) {
            trackingPolicy("requests", a.requestsPerTarget, {
                predefinedMetricSpecification: {
                    predefinedMetricType: "ALBRequestCountPerTarget",
                    resourceLabel: pulumi
                        .all([lb.loadBalancerArnSuffix, lb.targetGroupArnSuffix])
                        .apply(([l, t]) => requestCountResourceLabel(l, t)),
                },
            });
        }
        if (a.customMetric) {
            const m = a.customMetric;
            trackingPolicy("metric", m.targetValue, {
                customizedMetricSpecification: {
                    namespace: m.namespace,
                    metricName: m.metricName,
                    statistic: m.statistic,
                    // Sorted, so the same config always sends the same list.
                    dimensions: Object.keys(m.dimensions)
                        .sort()
                        .map(key => ({ name: key, value: m.dimensions[key] })),
                },
            });
        }
        this.resourceId = target.resourceId;
        this.registerOutputs({ resourceId: this.resourceId });
    }
}

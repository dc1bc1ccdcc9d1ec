/**
 * The metric request-count scaling tracks for a service whose traffic ECS shifts between two target groups
 * (blue/green, canary, linear). Pure, generic over the dimension values (`S`: a string in tests, an Output in
 * the program).
 *
 * `ALBRequestCountPerTarget` takes one target group (its `resourceLabel`), and ECS moves production to the
 * alternate group at every other deployment: scaling on the primary alone would see no requests half of the
 * time and scale the service in under load. Target tracking takes metric math instead
 * (`customizedMetricSpecification.metrics`, "Create a target tracking scaling policy for Application Auto
 * Scaling using metric math", https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking-metric-math.html:
 * any CloudWatch metric and function, the expressions must end in one time series).
 */

/** One entry of `customizedMetricSpecification.metrics`, as `aws.appautoscaling.Policy` takes it. */
export interface ScalingMetricQuery<S> {
    readonly id: string;
    readonly label?: string;
    readonly returnData: boolean;
    readonly expression?: string;
    readonly metricStat?: {
        readonly metric: { readonly namespace: string; readonly metricName: string; readonly dimensions: { readonly name: string; readonly value: S }[] };
        readonly stat: string;
    };
}

/**
 * Requests per target of the busier group: each group's `RequestCountPerTarget` (the metric behind
 * `ALBRequestCountPerTarget`: requests in the minute over the group's healthy targets; its only statistic is
 * Sum, https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html),
 * filled with 0 where the group had no requests, and the maximum of the two at each minute (metric math MAX
 * over an array of time series returns one series). Between deployments that is exactly the predefined
 * metric of whichever group is live; during a canary or linear shift it holds the more loaded revision at
 * the target. Not `(requests of both) / RunningTaskCount`: during a deployment ECS runs both revisions'
 * tasks while one of them takes little or no traffic, which would halve the metric and scale the service in
 * mid-deployment, and it would depend on Container Insights.
 */
export const REQUESTS_PER_TARGET_EXPRESSION = "MAX(FILL([perTarget, perTargetAlt], 0))";

/** The target groups behind one load balancer that a shifted service's requests arrive through. */
export interface RequestTargetGroups<S> {
    readonly loadBalancer: S;
    readonly targetGroup: S;
    readonly alternateTargetGroup: S;
}

/** The metric-math queries of {@link REQUESTS_PER_TARGET_EXPRESSION}: two metrics, one expression returning data. */
export function requestsPerTargetQueries<S>(groups: RequestTargetGroups<S>): ScalingMetricQuery<S>[] {
    const perTarget = (id: string, targetGroup: S): ScalingMetricQuery<S> => ({
        id,
        returnData: false,
        metricStat: {
            metric: {
                namespace: "AWS/ApplicationELB",
                metricName: "RequestCountPerTarget",
                dimensions: [
                    { name: "LoadBalancer", value: groups.loadBalancer },
                    { name: "TargetGroup", value: targetGroup },
                ],
            },
            stat: "Sum",
        },
    });
    return [
        perTarget("perTarget", groups.targetGroup),
        perTarget("perTargetAlt", groups.alternateTargetGroup),
        { id: "requestsPerTarget", label: "Requests per target, busier group", returnData: true, expression: REQUESTS_PER_TARGET_EXPRESSION },
    ];
}

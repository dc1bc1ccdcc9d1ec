/**
 * The stack's CloudWatch dashboard body: per service, a row of graphs (requests and 5xx, latency p50/p99,
 * healthy hosts for a web service; CPU and memory, running tasks for every service). Pure: takes resolved
 * names and returns the JSON PutDashboard takes
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html).
 */
import { ALARM_PERIOD_SECONDS } from "./alarmRules";

/** One service's panel: its ECS names and, behind the load balancer, its target group's metric dimensions. */
export interface DashboardService {
    readonly name: string;
    readonly clusterName: string;
    readonly serviceName: string;
    /** With `alternateTargetGroup` (blue/green, canary, linear) the graphs read both groups. */
    readonly target?: { readonly loadBalancer: string; readonly targetGroup: string; readonly alternateTargetGroup?: string };
}

/** A `metrics` row: namespace, metric name, dimension name/value pairs, then rendering options. */
type MetricRow = (string | Record<string, unknown>)[];

/** Graphs per row of the dashboard's 24-unit grid. */
const WIDGET_WIDTH = 8;
const WIDGET_HEIGHT = 6;
const GRID_WIDTH = 24;

/** The dashboard body for `services` in `region`, as the JSON text `aws.cloudwatch.Dashboard` takes. */
export function dashboardBody(region: string, services: readonly DashboardService[]): string {
    const widgets: Record<string, unknown>[] = [];
    let y = 0;
    for (const s of services) {
        const graphs = serviceGraphs(s);
        graphs.forEach((g, i) => {
            widgets.push({
                type: "metric",
                x: (i * WIDGET_WIDTH) % GRID_WIDTH,
                y: y + Math.floor((i * WIDGET_WIDTH) / GRID_WIDTH) * WIDGET_HEIGHT,
                width: WIDGET_WIDTH,
                height: WIDGET_HEIGHT,
                properties: { title: `${s.name}: ${g.title}`, region, view: "timeSeries", stacked: false, period: ALARM_PERIOD_SECONDS, metrics: g.metrics },
            });
        });
        y += Math.ceil((graphs.length * WIDGET_WIDTH) / GRID_WIDTH) * WIDGET_HEIGHT;
    }
    return JSON.stringify({ widgets });
}

function serviceGraphs(s: DashboardService): { title: string; metrics: MetricRow[] }[] {
    const ecs = ["ClusterName", s.clusterName, "ServiceName", s.serviceName];
    const graphs: { title: string; metrics: MetricRow[] }[] = [];
    if (s.target?.alternateTargetGroup !== undefined) {
        graphs.push(...pairGraphs(s.target.loadBalancer, s.target.targetGroup, s.target.alternateTargetGroup));
    } else if (s.target) {
        const elb = ["TargetGroup", s.target.targetGroup, "LoadBalancer", s.target.loadBalancer];
        graphs.push(
            {
                title: "requests and 5xx",
                metrics: [
                    ["AWS/ApplicationELB", "RequestCount", ...elb, { stat: "Sum", label: "Requests" }],
                    ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", ...elb, { stat: "Sum", label: "Target 5xx" }],
                ],
            },
            {
                title: "latency (s)",
                metrics: [
                    ["AWS/ApplicationELB", "TargetResponseTime", ...elb, { stat: "p50", label: "p50" }],
                    ["AWS/ApplicationELB", "TargetResponseTime", ...elb, { stat: "p99", label: "p99" }],
                ],
            },
            {
                title: "healthy hosts",
                metrics: [
                    ["AWS/ApplicationELB", "HealthyHostCount", ...elb, { stat: "Minimum", label: "Healthy" }],
                    ["AWS/ApplicationELB", "UnHealthyHostCount", ...elb, { stat: "Maximum", label: "Unhealthy" }],
                ],
            },
        );
    }
    graphs.push(
        {
            title: "CPU and memory (%)",
            metrics: [
                ["AWS/ECS", "CPUUtilization", ...ecs, { stat: "Average", label: "CPU" }],
                ["AWS/ECS", "MemoryUtilization", ...ecs, { stat: "Average", label: "Memory" }],
            ],
        },
        {
            title: "tasks",
            metrics: [
                ["ECS/ContainerInsights", "RunningTaskCount", ...ecs, { stat: "Average", label: "Running" }],
                ["ECS/ContainerInsights", "DesiredTaskCount", ...ecs, { stat: "Average", label: "Desired" }],
            ],
        },
    );
    return graphs;
}

/**
 * The load-balancer graphs of a service whose traffic ECS shifts between two target groups (production
 * moves to the other group at every deployment, and both serve during one): requests, 5xx and healthy and
 * unhealthy tasks as the sum of both groups (each filled with 0 where it has no data, as the alarms do), and
 * latency as each group's own p50 and p99 lines, since percentiles of two series cannot be added.
 */
function pairGraphs(loadBalancer: string, primary: string, alternate: string): { title: string; metrics: MetricRow[] }[] {
    const hidden = (metricName: string, stat: string, id: string): MetricRow[] => [
        ["AWS/ApplicationELB", metricName, "TargetGroup", primary, "LoadBalancer", loadBalancer, { stat, id, visible: false }],
        ["AWS/ApplicationELB", metricName, "TargetGroup", alternate, "LoadBalancer", loadBalancer, { stat, id: `${id}Alt`, visible: false }],
    ];
    const sum = (id: string, label: string): MetricRow => [{ expression: `FILL(${id}, 0) + FILL(${id}Alt, 0)`, label, id: `${id}All` }];
    const latency = (stat: string): MetricRow[] => [
        ["AWS/ApplicationELB", "TargetResponseTime", "TargetGroup", primary, "LoadBalancer", loadBalancer, { stat, label: `${stat} (primary group)` }],
        ["AWS/ApplicationELB", "TargetResponseTime", "TargetGroup", alternate, "LoadBalancer", loadBalancer, { stat, label: `${stat} (alternate group)` }],
    ];
    return [
        {
            title: "requests and 5xx",
            metrics: [...hidden("RequestCount", "Sum", "requests"), ...hidden("HTTPCode_Target_5XX_Count", "Sum", "errors"), sum("requests", "Requests"), sum("errors", "Target 5xx")],
        },
        { title: "latency (s)", metrics: [...latency("p50"), ...latency("p99")] },
        {
            title: "healthy hosts",
            metrics: [...hidden("HealthyHostCount", "Minimum", "healthy"), ...hidden("UnHealthyHostCount", "Maximum", "unhealthy"), sum("healthy", "Healthy"), sum("unhealthy", "Unhealthy")],
        },
    ];
}

/** The console address of a dashboard. */
export const dashboardUrl = (region: string, name: string): string =>
    `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards:name=${encodeURIComponent(name)}`;

/**
 * A dashboard name from the project and stack: PutDashboard takes letters, digits, "-" and "_", up to 255
 * characters; anything else becomes "-".
 */
export const dashboardNameOf = (project: string, stack: string): string => `${project}-${stack}`.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 255);

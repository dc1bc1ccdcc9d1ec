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
    readonly target?: { readonly loadBalancer: string; readonly targetGroup: string };
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
    if (s.target) {
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

/** The console address of a dashboard. */
export const dashboardUrl = (region: string, name: string): string =>
    `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards:name=${encodeURIComponent(name)}`;

/**
 * A dashboard name from the project and stack: PutDashboard takes letters, digits, "-" and "_", up to 255
 * characters; anything else becomes "-".
 */
export const dashboardNameOf = (project: string, stack: string): string => `${project}-${stack}`.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 255);

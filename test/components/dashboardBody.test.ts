import { strict as assert } from "node:assert";
import { dashboardBody, dashboardNameOf, dashboardUrl } from "../../components/dashboardBody";

const web = { name: "web", clusterName: "c-1", serviceName: "web-svc", target: { loadBalancer: "app/lb/1", targetGroup: "targetgroup/tg/2" } };
const worker = { name: "worker", clusterName: "c-1", serviceName: "worker-svc" };

describe("dashboard body (pure)", () => {
    const body = JSON.parse(dashboardBody("eu-west-1", [web, worker]));

    it("THEN a web service gets requests and 5xx, latency p50/p99, healthy hosts, CPU/memory and tasks; a worker the last two", () => {
        assert.deepEqual(
            body.widgets.map((w: { properties: { title: string } }) => w.properties.title),
            ["web: requests and 5xx", "web: latency (s)", "web: healthy hosts", "web: CPU and memory (%)", "web: tasks", "worker: CPU and memory (%)", "worker: tasks"],
        );
    });

    it("THEN the graphs name the target group and load balancer suffixes, and the cluster and service", () => {
        const latency = body.widgets[1].properties.metrics;
        assert.deepEqual(latency, [
            ["AWS/ApplicationELB", "TargetResponseTime", "TargetGroup", "targetgroup/tg/2", "LoadBalancer", "app/lb/1", { stat: "p50", label: "p50" }],
            ["AWS/ApplicationELB", "TargetResponseTime", "TargetGroup", "targetgroup/tg/2", "LoadBalancer", "app/lb/1", { stat: "p99", label: "p99" }],
        ]);
        assert.deepEqual(body.widgets[6].properties.metrics[0], ["ECS/ContainerInsights", "RunningTaskCount", "ClusterName", "c-1", "ServiceName", "worker-svc", { stat: "Average", label: "Running" }]);
        assert.ok(body.widgets.every((w: { properties: { region: string } }) => w.properties.region === "eu-west-1"));
    });

    it("THEN widgets tile the 24-unit grid without overlap, each service from a new row", () => {
        const cells = new Set<string>();
        for (const w of body.widgets) {
            assert.ok(w.x + w.width <= 24, JSON.stringify(w));
            for (let x = w.x; x < w.x + w.width; x++) {
                for (let y = w.y; y < w.y + w.height; y++) {
                    assert.ok(!cells.has(`${x},${y}`), `overlap at ${x},${y}`);
                    cells.add(`${x},${y}`);
                }
            }
        }
        assert.deepEqual(body.widgets.map((w: { x: number; y: number }) => [w.x, w.y]), [[0, 0], [8, 0], [16, 0], [0, 6], [8, 6], [0, 12], [8, 12]]);
    });

    it("THEN the name keeps only what PutDashboard allows, and the URL opens it in the stack's region", () => {
        assert.equal(dashboardNameOf("fargate-web", "org/prod.eu"), "fargate-web-org-prod-eu");
        assert.equal(dashboardNameOf("p", "s".repeat(300)).length, 255);
        assert.equal(dashboardUrl("eu-west-1", "fargate-web-prod"), "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards:name=fargate-web-prod");
    });

    describe("GIVEN a service whose traffic ECS shifts between two target groups", () => {
        const shifted = { ...web, target: { ...web.target, alternateTargetGroup: "targetgroup/tg-alt/3" } };
        const widgets = JSON.parse(dashboardBody("eu-west-1", [shifted])).widgets;
        const metricsOf = (title: string) => widgets.find((w: { properties: { title: string } }) => w.properties.title === `web: ${title}`).properties.metrics;
        const primary = ["TargetGroup", "targetgroup/tg/2", "LoadBalancer", "app/lb/1"];
        const alternate = ["TargetGroup", "targetgroup/tg-alt/3", "LoadBalancer", "app/lb/1"];

        it("THEN the same five graphs as a rolling service", () => {
            assert.deepEqual(
                widgets.map((w: { properties: { title: string } }) => w.properties.title),
                ["web: requests and 5xx", "web: latency (s)", "web: healthy hosts", "web: CPU and memory (%)", "web: tasks"],
            );
        });

        it("THEN requests and 5xx are the sums of both groups, each filled with 0, over hidden per-group series", () => {
            assert.deepEqual(metricsOf("requests and 5xx"), [
                ["AWS/ApplicationELB", "RequestCount", ...primary, { stat: "Sum", id: "requests", visible: false }],
                ["AWS/ApplicationELB", "RequestCount", ...alternate, { stat: "Sum", id: "requestsAlt", visible: false }],
                ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", ...primary, { stat: "Sum", id: "errors", visible: false }],
                ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", ...alternate, { stat: "Sum", id: "errorsAlt", visible: false }],
                [{ expression: "FILL(requests, 0) + FILL(requestsAlt, 0)", label: "Requests", id: "requestsAll" }],
                [{ expression: "FILL(errors, 0) + FILL(errorsAlt, 0)", label: "Target 5xx", id: "errorsAll" }],
            ]);
        });

        it("THEN latency shows each group's own p50 and p99, which cannot be added", () => {
            assert.deepEqual(metricsOf("latency (s)"), [
                ["AWS/ApplicationELB", "TargetResponseTime", ...primary, { stat: "p50", label: "p50 (primary group)" }],
                ["AWS/ApplicationELB", "TargetResponseTime", ...alternate, { stat: "p50", label: "p50 (alternate group)" }],
                ["AWS/ApplicationELB", "TargetResponseTime", ...primary, { stat: "p99", label: "p99 (primary group)" }],
                ["AWS/ApplicationELB", "TargetResponseTime", ...alternate, { stat: "p99", label: "p99 (alternate group)" }],
            ]);
        });

        it("THEN healthy and unhealthy tasks are the sums of both groups' minimum and maximum", () => {
            const rows = metricsOf("healthy hosts");
            assert.deepEqual(rows.slice(0, 4).map((r: unknown[]) => [r[1], r[3], r[6]]), [
                ["HealthyHostCount", "targetgroup/tg/2", { stat: "Minimum", id: "healthy", visible: false }],
                ["HealthyHostCount", "targetgroup/tg-alt/3", { stat: "Minimum", id: "healthyAlt", visible: false }],
                ["UnHealthyHostCount", "targetgroup/tg/2", { stat: "Maximum", id: "unhealthy", visible: false }],
                ["UnHealthyHostCount", "targetgroup/tg-alt/3", { stat: "Maximum", id: "unhealthyAlt", visible: false }],
            ]);
            assert.deepEqual(rows.slice(4), [
                [{ expression: "FILL(healthy, 0) + FILL(healthyAlt, 0)", label: "Healthy", id: "healthyAll" }],
                [{ expression: "FILL(unhealthy, 0) + FILL(unhealthyAlt, 0)", label: "Unhealthy", id: "unhealthyAll" }],
            ]);
        });

        it("THEN a rolling service's body is unchanged by the alternate-group support", () => {
            assert.equal(dashboardBody("eu-west-1", [web, worker]), JSON.stringify(body));
            assert.equal(dashboardBody("eu-west-1", [web]).includes("Alt"), false);
        });
    });
});

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
});

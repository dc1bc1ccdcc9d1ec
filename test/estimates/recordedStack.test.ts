/**
 * The estimates over what the harness really records for a stack of several services built from plain
 * `@pulumi/aws` resources (one cluster, one ALB with a listener rule per web service, a worker, a scheduled
 * task): the same figures whether ARNs are placeholders (`pulumi up`) or unknown (a first `pulumi preview`).
 */
import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import { estimateMonthlyCost, estimateRollout } from "../../estimates";
import { runProgram } from "../../harness/runProgram";
import { RecordedResource } from "../../harness/types";

/** One cluster, an ALB, web + api behind listener rules, a worker and a nightly job. */
function program(): void {
    const cluster = new aws.ecs.Cluster("shared", {});
    const alb = new aws.lb.LoadBalancer("shared-alb", { loadBalancerType: "application", subnets: ["subnet-a", "subnet-b"] });
    const listener = new aws.lb.Listener("shared-http", { loadBalancerArn: alb.arn, port: 80, protocol: "HTTP", defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } }] });
    const containers = (name: string, stopTimeout?: number) =>
        JSON.stringify([{ name, image: `${name}:1`, essential: true, healthCheck: { command: ["CMD", "true"], interval: 10, startPeriod: 5 }, ...(stopTimeout ? { stopTimeout } : {}) }]);
    const taskDefinition = (name: string, cpu: string, memory: string, tags?: Record<string, string>) =>
        new aws.ecs.TaskDefinition(`${name}-task`, { family: name, cpu, memory, networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], containerDefinitions: containers(name, 45), tags });
    const web = (name: string, priority: number, paths: string[], cpu: string, memory: string, healthCheck: { interval: number; healthyThreshold: number }, drain: number) => {
        const tg = new aws.lb.TargetGroup(`${name}-tg`, { port: 8080, protocol: "HTTP", targetType: "ip", vpcId: "vpc-1", healthCheck: { path: "/health", ...healthCheck }, deregistrationDelay: drain });
        const rule = new aws.lb.ListenerRule(`${name}-rule`, { listenerArn: listener.arn, priority, actions: [{ type: "forward", targetGroupArn: tg.arn }], conditions: [{ pathPattern: { values: paths } }] });
        const td = taskDefinition(name, cpu, memory);
        return new aws.ecs.Service(
            `${name}-service`,
            {
                cluster: cluster.arn,
                taskDefinition: td.arn,
                desiredCount: 2,
                capacityProviderStrategies: [{ capacityProvider: "FARGATE", base: 1, weight: 0 }, { capacityProvider: "FARGATE_SPOT", weight: 1 }],
                loadBalancers: [{ targetGroupArn: tg.arn, containerName: name, containerPort: 8080 }],
                networkConfiguration: { subnets: ["subnet-a"] },
                waitForSteadyState: true,
            },
            { dependsOn: [rule] },
        );
    };
    web("web", 200, ["/*"], "256", "512", { interval: 10, healthyThreshold: 2 }, 10);
    web("api", 100, ["/api/*"], "512", "1024", { interval: 15, healthyThreshold: 3 }, 30);
    const jobsTd = taskDefinition("jobs", "1024", "2048");
    const jobs = new aws.ecs.Service("jobs-service", { cluster: cluster.arn, taskDefinition: jobsTd.arn, launchType: "FARGATE", networkConfiguration: { subnets: ["subnet-a"] } });
    new aws.appautoscaling.Target("jobs-target", {
        serviceNamespace: "ecs",
        scalableDimension: "ecs:service:DesiredCount",
        resourceId: jobs.name.apply(n => `service/shared/${n}`),
        minCapacity: 1,
        maxCapacity: 4,
    });
    const nightlyTd = taskDefinition("nightly", "512", "1024", { ExpectedDurationMinutes: "20" });
    new aws.scheduler.Schedule("nightly", {
        scheduleExpression: "cron(0 3 * * ? *)",
        flexibleTimeWindow: { mode: "OFF" },
        target: { arn: cluster.arn, roleArn: "arn:aws:iam::123456789012:role/scheduler", ecsParameters: { taskDefinitionArn: nightlyTd.arn, launchType: "FARGATE", taskCount: 1 } },
    });
}

const record = async (firstPreview: boolean): Promise<RecordedResource[]> =>
    (await runProgram({ program, project: "fargate-web", stack: "test", config: { "aws:region": "us-east-1" }, secretKeys: [], preview: true, mocks: { firstPreview } })).resources;

describe("estimates over a recorded stack of several services", function () {
    this.timeout(60_000);
    let resources: Record<"placeholders" | "firstPreview", RecordedResource[]>;

    before(async () => {
        resources = { placeholders: await record(false), firstPreview: await record(true) };
    });

    for (const mode of ["placeholders", "firstPreview"] as const) {
        it(`GIVEN ${mode === "placeholders" ? "placeholder ARNs" : "a first preview's unknown ARNs"} THEN each service gets its own task definition, target group and scaling target`, () => {
            const cost = estimateMonthlyCost(resources[mode]);
            const rollout = estimateRollout(resources[mode], { environment: "prod" });
            const by = Object.fromEntries(cost.services.map(s => [s.service.replace(/-service(-\w+)?$|-\w{7}$/, ""), s]));
            // web: 2 tasks, 1 on-demand 9.010025 + 1 Spot 2.837875 = 11.8479 ≈ $11.85
            // api: 2 tasks, 18.02005 + 5.67575 = 23.6958 ≈ $23.70
            // jobs: 1..4 on-demand 1 vCPU / 2 GB: 29.5504 + 6.4897 = 36.0401 ≈ $36.04 .. 144.1604 ≈ $144.16
            // nightly: 30.4167 runs × 1/3 h × 0.024685 = 0.250278 ≈ $0.25
            assert.deepEqual(
                Object.fromEntries(Object.entries(by).map(([k, s]) => [k, [s.kind, s.monthlyUsd, s.monthlyUsdMax]])),
                { web: ["web", 11.85, 11.85], api: ["web", 23.7, 23.7], jobs: ["worker", 36.04, 144.16], nightly: ["scheduled", 0.25, 0.25] },
            );
            // One ALB, counted once: 16.425 + 5.84 + 2 × 3.65 = 29.565
            assert.equal(cost.shared.monthlyUsd, 29.57);
            // web: 20 + max(0, 5 + 10 × 2) + 10 = 55 s; api: 20 + (5 + 15 × 3) + 30 = 100 s;
            // jobs (worker): 20 + (5 + 10) + stop timeout 45 = 80 s
            const waves = Object.fromEntries(rollout.services.map(s => [s.service.replace(/-service(-\w+)?$/, ""), s.secondsPerWave]));
            assert.deepEqual(waves, { web: 55, api: 100, jobs: 80 });
            assert.equal(rollout.slowestService?.replace(/-service(-\w+)?$/, ""), "api");
            assert.equal(rollout.totalSeconds, 100);
        });
    }
});

/**
 * The rollout and cost models over what the harness really records for a canary service built from plain
 * `@pulumi/aws` resources, in the provider's own shapes (bake times and hook timeouts are strings there):
 * the same figures whether ARNs are placeholders (`pulumi up`) or unknown (a first `pulumi preview`).
 */
import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import { estimateMonthlyCost, estimateRollout } from "../../estimates";
import { runProgram } from "../../harness/runProgram";
import { RecordedResource } from "../../harness/types";

/** One canary web service: 2 tasks, a production and a test listener rule, a pause hook after scale-up. */
function program(): void {
    const cluster = new aws.ecs.Cluster("shop", {});
    const alb = new aws.lb.LoadBalancer("shop-alb", { loadBalancerType: "application", subnets: ["subnet-a", "subnet-b"] });
    const listener = new aws.lb.Listener("shop-http", { loadBalancerArn: alb.arn, port: 80, protocol: "HTTP", defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } }] });
    const targetGroup = (name: string) =>
        new aws.lb.TargetGroup(name, { port: 8080, protocol: "HTTP", targetType: "ip", vpcId: "vpc-1", healthCheck: { path: "/health", interval: 10, healthyThreshold: 3 }, deregistrationDelay: 20 });
    const [blue, green] = [targetGroup("shop-tg"), targetGroup("shop-tg-alt")];
    const rule = (name: string, priority: number, extra: aws.types.input.lb.ListenerRuleCondition[]) =>
        new aws.lb.ListenerRule(name, {
            listenerArn: listener.arn,
            priority,
            actions: [{ type: "forward", forward: { targetGroups: [{ arn: blue.arn, weight: 100 }, { arn: green.arn, weight: 0 }] } }],
            conditions: [{ pathPattern: { values: ["/*"] } }, ...extra],
        });
    const production = rule("shop-production", 200, []);
    const test = rule("shop-test", 100, [{ httpHeader: { httpHeaderName: "X-Deployment-Test", values: ["shop"] } }]);
    const role = new aws.iam.Role("shop-ecs-lb", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:AssumeRole" }] }) });
    const td = new aws.ecs.TaskDefinition("shop-task", {
        family: "shop",
        cpu: "512",
        memory: "1024",
        networkMode: "awsvpc",
        requiresCompatibilities: ["FARGATE"],
        containerDefinitions: JSON.stringify([{ name: "shop", image: "shop:1", essential: true, stopTimeout: 10, healthCheck: { command: ["CMD", "true"], startPeriod: 15 } }]),
    });
    new aws.ecs.Service("shop-service", {
        cluster: cluster.arn,
        taskDefinition: td.arn,
        desiredCount: 2,
        launchType: "FARGATE",
        networkConfiguration: { subnets: ["subnet-a"] },
        loadBalancers: [
            {
                targetGroupArn: blue.arn,
                containerName: "shop",
                containerPort: 8080,
                advancedConfiguration: { alternateTargetGroupArn: green.arn, productionListenerRule: production.arn, testListenerRule: test.arn, roleArn: role.arn },
            },
        ],
        deploymentConfiguration: {
            strategy: "CANARY",
            bakeTimeInMinutes: "15",
            canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: "5" },
            lifecycleHooks: [{ lifecycleStages: ["POST_SCALE_UP"], targetType: "PAUSE", timeoutConfiguration: { timeoutInMinutes: "30", action: "ROLLBACK" } }],
        },
        waitForSteadyState: true,
    });
}

const record = async (firstPreview: boolean): Promise<RecordedResource[]> =>
    (await runProgram({ program, project: "shop", stack: "test", config: { "aws:region": "us-east-1" }, secretKeys: [], preview: true, mocks: { firstPreview } })).resources;

describe("estimates over a recorded canary service", function () {
    this.timeout(60_000);
    let resources: Record<"placeholders" | "firstPreview", RecordedResource[]>;

    before(async () => {
        resources = { placeholders: await record(false), firstPreview: await record(true) };
    });

    for (const mode of ["placeholders", "firstPreview"] as const) {
        it(`GIVEN ${mode === "placeholders" ? "placeholder ARNs" : "a first preview's unknown ARNs"} THEN each phase as hand-computed, and the double capacity priced`, () => {
            const rollout = estimateRollout(resources[mode], { environment: "prod" });
            const d = rollout.services[0].deployment!;
            // scale-up 20 + (15 + 10 × 3) = 65 s; canary bake 300 s; bake 900 s; clean-up 20 s drain + 10 s stop.
            assert.deepEqual(d.phases.map(p => [p.key, p.seconds]), [["scaleUp", 65], ["testTraffic", 0], ["productionTraffic", 300], ["bake", 900], ["cleanup", 30]]);
            assert.deepEqual([d.trafficShiftedSeconds, d.completeSeconds, d.dominantPhase, d.pauseCapSeconds, rollout.totalSeconds], [365, 1295, "bake", 1800, 1295]);
            // No customTimeouts: the provider waits 20 min, less than the 1295 s deployment.
            assert.deepEqual(rollout.warnings.map(w => w.replace(/ but .*/, "")), [`Service ${rollout.services[0].service}: a deployment takes 1295 s`]);
            const cost = estimateMonthlyCost(resources[mode]);
            // 2 × (0.5 × 0.04048 + 1 × 0.004445) × 1295 / 3600 = 0.017761 a deployment; × 20 = $0.36
            assert.deepEqual(
                cost.deployments.map(c => [c.strategy, c.seconds, c.extraTasks, c.perDeploymentUsd, c.monthlyUsd]),
                [["CANARY", 1295, 2, 0.0178, 0.36]],
            );
        });
    }
});

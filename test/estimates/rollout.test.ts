import { strict as assert } from "node:assert";
import { estimateRollout, tasksPerWave } from "../../estimates";
import { runStack } from "../support/stacks";
import { scalingTarget, service, targetGroup, taskDefinition } from "./builders";

// One wave = 20 (pull and start) + max(grace, startPeriod + interval × healthyThreshold) + deregistrationDelay.
const quick = () => targetGroup({ healthCheck: { interval: 5, healthyThreshold: 2 }, deregistrationDelay: 10 });

describe("rollout model", () => {
    describe("seconds per wave", () => {
        it("gives roughly 450 s per wave with AWS defaults, the 300 s drain dominating", () => {
            // GIVEN no grace period, no container health check, a target group with nothing set
            const rollout = estimateRollout([taskDefinition(), service(), targetGroup()], { environment: "dev" });
            // THEN 20 + max(0, 0 + 30 × 5) + 300 = 20 + 150 + 300 = 470 s, one task so one wave
            assert.deepEqual([rollout.secondsPerWave, rollout.waves, rollout.totalSeconds], [470, 1, 470]);
            assert.deepEqual(rollout.warnings, [
                "Service web-svc: a rollout wave takes 470 s, over the 60 s dev budget; deregistration delay 300 s is the largest part; set deregistrationDelaySeconds to 30.",
            ]);
        });

        it("stays quiet under the budget", () => {
            // GIVEN start period 10 s, checks 5 s × 2, drain 10 s THEN 20 + max(0, 10 + 10) + 10 = 50 s ≤ 60
            const rollout = estimateRollout([taskDefinition({}, { startPeriod: 10 }), service(), quick()], { environment: "dev" });
            assert.equal(rollout.secondsPerWave, 50);
            assert.deepEqual(rollout.warnings, []);
            assert.match(rollout.notes[0], /20 s start \+ 20 s health \(max of grace 0 s, start period 10 s \+ target group checks 10 s\) \+ 10 s drain = 50 s/);
        });

        it("lets the grace period hold the wave when it is the longer", () => {
            // GIVEN grace 300 s, checks 5 s × 2, drain 10 s THEN 20 + max(300, 0 + 10) + 10 = 330 s
            const rollout = estimateRollout([taskDefinition(), service({ healthCheckGracePeriodSeconds: 300 }), quick()], { environment: "prod" });
            assert.equal(rollout.secondsPerWave, 330);
            assert.deepEqual(rollout.warnings, [
                "Service web-svc: a rollout wave takes 330 s, over the 90 s prod budget; health check grace period 300 s is the largest part; " +
                    "lower healthCheckGracePeriodSeconds towards the start period plus health checks (10 s).",
            ]);
        });

        it("names slow target group checks", () => {
            // GIVEN checks 30 s × 5 (defaults) and drain 30 s THEN 20 + max(0, 0 + 150) + 30 = 200 s
            const rollout = estimateRollout([taskDefinition(), service(), targetGroup({ deregistrationDelay: "30" })], { environment: "prod" });
            assert.equal(rollout.secondsPerWave, 200);
            assert.match(rollout.warnings[0], /target group health checks 30 s × 5 = 150 s is the largest part; lower healthCheckIntervalSeconds or healthyThreshold/);
        });

        it("reads the start period of essential containers only", () => {
            // GIVEN web (essential, start period 30 s) and a sidecar (not essential, 200 s)
            const containers = [
                { name: "web", essential: true, healthCheck: { startPeriod: 30 } },
                { name: "agent", essential: false, healthCheck: { startPeriod: 200 } },
            ];
            const td = taskDefinition({ containerDefinitions: JSON.stringify(containers) });
            // THEN 20 + max(0, 30 + 5 × 2) + 10 = 20 + 40 + 10 = 70 s (the sidecar's 200 s would give 240 s)
            assert.equal(estimateRollout([td, service(), quick()], { environment: "dev" }).secondsPerWave, 70);
        });
    });

    describe("waves", () => {
        it("replaces the room maximumPercent leaves plus what minimumHealthyPercent lets it stop", () => {
            assert.equal(tasksPerWave(2, 100, 200), 2); // floor(2 × 2) − 2 = 2 → 1 wave
            assert.equal(tasksPerWave(10, 100, 200), 10); // 20 − 10 = 10 → 1 wave
            assert.equal(tasksPerWave(10, 100, 150), 5); // 15 − 10 = 5 → 2 waves
            assert.equal(tasksPerWave(10, 50, 100), 5); // 0 + floor(10 × 50 / 100) = 5
            assert.equal(tasksPerWave(3, 100, 150), 1); // floor(4.5) − 3 = 1
            assert.equal(tasksPerWave(4, 100, 100), 1); // 0, but at least 1
        });

        it("takes N from the scaling target's minimum: 10 tasks at 150 % are 2 waves", () => {
            // GIVEN min 10 tasks, maxPercent 150, a 50 s wave THEN 5 per wave, 2 waves, 100 s
            const resources = [taskDefinition({}, { startPeriod: 10 }), service({ deploymentMaximumPercent: 150 }), scalingTarget(10, 20), quick()];
            const rollout = estimateRollout(resources, { environment: "prod" });
            assert.deepEqual([rollout.secondsPerWave, rollout.waves, rollout.totalSeconds], [50, 2, 100]);
            assert.deepEqual(rollout.services[0], {
                service: "web-svc", kind: "web", tasks: 10, tasksPerWave: 5, secondsPerWave: 50, waves: 2, totalSeconds: 100, startsAtSeconds: 0, finishesAtSeconds: 100, strategy: "ROLLING",
            });
            assert.equal(rollout.slowestService, "web-svc");
        });

        it("does 2 tasks at 100/200 % in one wave", () => {
            const rollout = estimateRollout([taskDefinition({}, { startPeriod: 10 }), service({ desiredCount: 2 }), quick()], { environment: "dev" });
            assert.deepEqual([rollout.waves, rollout.totalSeconds], [1, 50]);
        });

        it("warns when 100/100 % leaves no room to replace a task", () => {
            const resources = [taskDefinition(), service({ desiredCount: 4, deploymentMaximumPercent: 100, deploymentMinimumHealthyPercent: 100 }), quick()];
            const rollout = estimateRollout(resources, { environment: "prod" });
            assert.equal(rollout.waves, 4);
            assert.ok(rollout.warnings.includes(
                "Service web-svc: deploymentMaximumPercent 100 with deploymentMinimumHealthyPercent 100 leaves no room to replace a task; raise deploymentMaximumPercent to 200.",
            ));
        });

        it("models a service with no load balancer as a worker, and returns zero with a note when there is no service", () => {
            // GIVEN no target group, no container health check THEN 20 + 40 (ECS's wait) + 30 (default stop timeout) = 90 s
            const rollout = estimateRollout([taskDefinition(), service({ loadBalancers: [] })], { environment: "prod" });
            assert.deepEqual([rollout.secondsPerWave, rollout.waves, rollout.totalSeconds, rollout.services[0].kind], [90, 1, 90, "worker"]);
            const none = estimateRollout([taskDefinition()], { environment: "dev" });
            assert.deepEqual([none.secondsPerWave, none.waves, none.totalSeconds, none.slowestService, none.warnings], [0, 0, 0, undefined, []]);
            assert.deepEqual(none.notes, ["No ECS service recorded: nothing to roll out."]);
        });
    });

    describe("the project's stacks", function () {
        this.timeout(60_000);

        // Both stacks' web service: container start period 10 s, checks 10 s × 2, grace 30 s; drain 10 s in dev, 30 s
        // in prod: dev 20 + max(30, 10 + 10 × 2 = 30) + 10 = 60 s; prod 20 + 30 + 30 = 80 s; maxPercent 200 replaces
        // every task at once. Dev's worker has no load balancer: 20 + (start period 10 + container check interval 15)
        // + stop timeout 15 (its entry in Pulumi.dev.yaml) = 60 s; the services roll out in parallel, so the stack
        // takes the slowest.
        const byService = (services: ReadonlyArray<{ service: string; secondsPerWave: number; waves: number; tasks: number }>) =>
            Object.fromEntries(services.map(s => [s.service.replace(/-[0-9a-f]{7}$/, ""), [s.secondsPerWave, s.waves, s.tasks]]));

        it("dev: web and worker 60 s each in one wave, within the 60 s budget", async () => {
            const rollout = estimateRollout((await runStack("dev")).resources, { environment: "dev" });
            assert.deepEqual(byService(rollout.services), { "web-service": [60, 1, 1], "worker-service": [60, 1, 1] });
            assert.deepEqual([rollout.secondsPerWave, rollout.waves, rollout.totalSeconds], [60, 1, 60]);
            assert.deepEqual(rollout.warnings, []);
        });

        it("dev with the worker's drain at the default 30 s: over budget, and the warning names the key that shrinks it", async () => {
            const services = `{"web":{"kind":"web","containerEnvironment":{"LOG_LEVEL":"debug","SERVICE_NAME":"web"}},"worker":{"kind":"worker","appPath":"./worker","containerEnvironment":{"LOG_LEVEL":"debug","SERVICE_NAME":"worker"}}}`;
            const rollout = estimateRollout((await runStack("dev", { values: { "fargate-web:services": services } })).resources, { environment: "dev" });
            // 20 + (10 + 15) + 30 = 75 s
            assert.deepEqual(byService(rollout.services), { "web-service": [60, 1, 1], "worker-service": [75, 1, 1] });
            assert.match(rollout.slowestService ?? "", /^worker-service-[0-9a-f]{7}$/);
            assert.equal(rollout.warnings.length, 1);
            assert.match(
                rollout.warnings[0],
                /^Service worker-service-[0-9a-f]{7}: a rollout wave takes 75 s, over the 60 s dev budget; stop timeout 30 s is the largest part; lower stopTimeoutSeconds to the longest unit of work the worker finishes after SIGTERM\.$/,
            );
        });

        it("prod: 2 tasks deployed blue/green in 710 s: 50 s scale-up, traffic moved at once, a 600 s bake, 60 s to stop the old revision", async () => {
            const rollout = estimateRollout((await runStack("prod")).resources, { environment: "prod" });
            const [web] = rollout.services;
            assert.equal(web.strategy, "BLUE_GREEN");
            assert.deepEqual([rollout.totalSeconds, web.tasks, web.deployment?.trafficShiftedSeconds, web.deployment?.completeSeconds, web.deployment?.dominantPhase], [710, 2, 50, 710, "bake"]);
            assert.deepEqual(
                web.deployment?.phases.map(p => p.seconds),
                [50, 0, 0, 600, 60],
            );
            assert.deepEqual(rollout.warnings, []);
        });

        it("prod as a rolling stack: 2 tasks, 80 s in one wave, within the 90 s budget", async () => {
            const rolling = { "fargate-web:deploymentStrategy": undefined, "fargate-web:testTrafficCidrs": undefined };
            const rollout = estimateRollout((await runStack("prod", { values: rolling })).resources, { environment: "prod" });
            assert.deepEqual([rollout.secondsPerWave, rollout.waves, rollout.totalSeconds, rollout.services[0].tasks], [80, 1, 80, 2]);
            assert.deepEqual(rollout.warnings, []);
        });

        it("dev with AWS's 300 s drain: over budget, and the warning says how to shrink it", async () => {
            const rollout = estimateRollout((await runStack("dev", { values: { "fargate-web:deregistrationDelaySeconds": "300" } })).resources, { environment: "dev" });
            // web: 20 + 30 + 300 = 350 s; the worker has no target group, so it stays at 60 s
            assert.deepEqual(byService(rollout.services), { "web-service": [350, 1, 1], "worker-service": [60, 1, 1] });
            assert.equal(rollout.secondsPerWave, 350);
            assert.match(rollout.slowestService ?? "", /^web-service-[0-9a-f]{7}$/);
            const web = rollout.warnings.filter(w => w.startsWith("Service web-service-"));
            assert.equal(web.length, 1);
            assert.match(web[0], /a rollout wave takes 350 s, over the 60 s dev budget; deregistration delay 300 s is the largest part; set deregistrationDelaySeconds to 30\.$/);
            // AND the worker, which does not read that key, stays within budget
            assert.equal(rollout.warnings.length, 1);
        });
    });
});

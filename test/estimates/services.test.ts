import { strict as assert } from "node:assert";
import { fixture } from "../../harness/fixtures";
import { RecordedResource } from "../../harness/types";
import { estimateMonthlyCost, estimateRollout } from "../../estimates";
import { asFirstPreview, scheduledTask, sharedAlb, webService, workerService } from "./builders";

// Every figure below is hand-computed from prices.json with 730 hours a month. Per task and month:
//   0.25 vCPU / 0.5 GB x86 on-demand: 0.25 × 0.04048 × 730 = 7.3876 + 0.5 × 0.004445 × 730 = 1.622425 → 9.010025
//   0.5 vCPU / 1 GB x86 on-demand:    14.7752 + 3.24485 = 18.02005;  Spot: 4.65375 + 1.022 = 5.67575
//   1 vCPU / 2 GB ARM Spot:           7.445781 + 1.637244 = 9.083025
// One internet-facing ALB over 2 subnets: 0.0225 × 730 = 16.425 + LCU 5.84 + 2 × 3.65 = 7.3 → 29.565.

const spotMix = [{ capacityProvider: "FARGATE", base: 1, weight: 0 }, { capacityProvider: "FARGATE_SPOT", base: 0, weight: 1 }];

/** web (/*, 1..3 tasks) and api (/api/*, 2 tasks, one on Spot) behind one ALB. */
function twoWebServices(): RecordedResource[] {
    const alb = sharedAlb();
    return [
        ...alb,
        ...webService("web", alb, { priority: 200, paths: ["/*"] }, { scaling: [1, 3], healthCheck: { startPeriod: 10 } }),
        ...webService("api", alb, { priority: 100, paths: ["/api/*"], interval: 30, healthyThreshold: 5, deregistrationDelay: 300 }, { cpu: 512, memory: 1024, desiredCount: 2, capacityProviderStrategies: spotMix }),
    ];
}

/** web behind the ALB, a worker on ARM Spot, and a nightly job of two tasks. */
function webWorkerAndJob(job: Parameters<typeof scheduledTask>[2] = { cpu: 512, memory: 1024, taskCount: 2, runTags: { ExpectedDurationMinutes: "30" } }, expression = "cron(0 3 * * ? *)"): RecordedResource[] {
    const alb = sharedAlb();
    return [
        ...alb,
        ...webService("web", alb, { priority: 100, paths: ["/*"] }, { healthCheck: { startPeriod: 10 } }),
        ...workerService("jobs", { cpu: 1024, memory: 2048, arm: true, capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }], healthCheck: { interval: 10, startPeriod: 5 }, stopTimeout: 60 }),
        ...scheduledTask("nightly", expression, job),
    ];
}

const byService = <T extends { service: string }>(list: readonly T[]) => Object.fromEntries(list.map(s => [s.service, s]));

describe("estimates for a stack of several services", () => {
    describe("cost", () => {
        it("GIVEN two web services behind one ALB THEN each is priced on its own and the ALB once, in shared", () => {
            const estimate = estimateMonthlyCost(twoWebServices());
            const services = byService(estimate.services);
            // web: 1..3 on-demand tasks: 9.010025 ≈ $9.01 .. 27.030075 ≈ $27.03
            assert.deepEqual([services.web.kind, services.web.monthlyUsd, services.web.monthlyUsdMax, services.web.tasks], ["web", 9.01, 27.03, { min: 1, max: 3, from: "scaling target" }]);
            // api: 2 tasks, FARGATE base 1 then Spot: 18.02005 + 5.67575 = 23.6958 ≈ $23.70
            assert.deepEqual([services.api.monthlyUsd, services.api.monthlyUsdMax], [23.7, 23.7]);
            assert.deepEqual(services.api.items.map(i => i.item), ["Fargate vCPU (x86, on-demand)", "Fargate memory GB (x86, on-demand)", "Fargate vCPU (x86, Spot)", "Fargate memory GB (x86, Spot)"]);
            // THEN the ALB is counted once, in shared, and in no service: 29.565 ≈ $29.57
            assert.deepEqual([estimate.shared.monthlyUsd, estimate.shared.items.map(i => i.item)], [29.57, ["Application Load Balancer hours", "ALB LCU (1 per LB)", "Public IPv4 addresses"]]);
            assert.ok(estimate.services.every(s => s.items.every(i => !i.item.startsWith("A"))));
            assert.equal(estimate.items.find(i => i.item === "Application Load Balancer hours")?.quantity, 730);
            // AND the total: 9.010025 + 23.6958 + 29.565 = 62.270825 ≈ $62.27; max 27.030075 + 23.6958 + 29.565 = 80.290875 ≈ $80.29
            assert.deepEqual([estimate.monthlyUsd, estimate.monthlyUsdMax], [62.27, 80.29]);
        });

        it("GIVEN a worker with no target group and a scheduled task THEN each has its own cost and the shared part is unchanged", () => {
            const estimate = estimateMonthlyCost(webWorkerAndJob());
            const services = byService(estimate.services);
            assert.deepEqual(estimate.services.map(s => [s.service, s.kind]), [["web", "web"], ["jobs", "worker"], ["nightly", "scheduled"]]);
            // jobs: one 1 vCPU / 2 GB ARM Spot task: 9.083025 ≈ $9.08
            assert.equal(services.jobs.monthlyUsd, 9.08);
            // nightly: 365 / 12 = 30.4167 runs × 2 tasks × 0.5 h = 30.4167 task-hours × (0.5 × 0.04048 + 1 × 0.004445 = 0.024685) = 0.750835 ≈ $0.75
            assert.equal(services.nightly.monthlyUsd, 0.75);
            assert.deepEqual(services.nightly.schedule, {
                expression: "cron(0 3 * * ? *)",
                runsPerMonth: 30.4167,
                basis: "1 run(s) a day on the days it selects, averaged over a 365-day year",
                taskCount: 2,
                runMinutes: 30,
                durationFrom: "tag",
            });
            assert.equal(estimate.shared.monthlyUsd, 29.57);
            // total: 9.010025 + 9.083025 + 0.750835 + 29.565 = 48.408885 ≈ $48.41
            assert.equal(estimate.monthlyUsd, 48.41);
            assert.ok(estimate.notes.includes("Scheduled task nightly: cron(0 3 * * ? *) runs 30.4167 times a month (1 run(s) a day on the days it selects, averaged over a 365-day year), 2 task(s) for 30 min each (tag ExpectedDurationMinutes)."), JSON.stringify(estimate.notes));
        });

        it("GIVEN no duration tag THEN the run time is assumed, and the note says so and where to set it", () => {
            const estimate = estimateMonthlyCost(webWorkerAndJob({ cpu: 512, memory: 1024, taskCount: 2 }));
            const nightly = byService(estimate.services).nightly;
            // 30.4167 runs × 2 tasks × 10/60 h = 10.138889 task-hours × 0.024685 = 0.250278 ≈ $0.25
            assert.deepEqual([nightly.monthlyUsd, nightly.schedule?.runMinutes, nightly.schedule?.durationFrom], [0.25, 10, "assumed"]);
            assert.ok(estimate.notes.some(n => n.startsWith("Scheduled task nightly:") && n.endsWith("2 task(s) for 10 min each, assumed: set tag ExpectedDurationMinutes on target.ecsParameters.tags or the task definition.")));
        });

        it("GIVEN the duration tag on the task definition, or a bad one on the run THEN the task definition's is read, a bad one is named and not used", () => {
            const onTd = byService(estimateMonthlyCost(webWorkerAndJob({ cpu: 512, memory: 1024, taskCount: 2, tags: { ExpectedDurationMinutes: "30" } })).services).nightly;
            assert.deepEqual([onTd.monthlyUsd, onTd.schedule?.durationFrom], [0.75, "tag"]);
            const bad = estimateMonthlyCost(webWorkerAndJob({ cpu: 512, memory: 1024, runTags: { ExpectedDurationMinutes: "half an hour" }, tags: { ExpectedDurationMinutes: "30" } }));
            assert.equal(byService(bad.services).nightly.schedule?.durationFrom, "assumed");
            assert.ok(bad.notes.includes('Scheduled task nightly: tag ExpectedDurationMinutes on target.ecsParameters is "half an hour"; expected a number of minutes above 0; 10 min assumed.'), JSON.stringify(bad.notes));
        });

        it("GIVEN a rate schedule of runs shorter than a minute THEN each run is billed one minute, as Fargate bills", () => {
            const estimate = estimateMonthlyCost(scheduledTask("tick", "rate(15 minutes)", { runTags: { ExpectedDurationMinutes: "0.5" } }));
            // 730 × 60 / 15 = 2920 runs × 1 min = 48.6667 task-hours × (0.25 × 0.04048 + 0.5 × 0.004445 = 0.0123425) = 0.600668 ≈ $0.60
            assert.deepEqual([estimate.monthlyUsd, estimate.services[0].schedule?.runsPerMonth], [0.6, 2920]);
        });

        it("GIVEN a cron whose monthly runs cannot be counted THEN the task's cost is unknown (null), said, and left out of the total", () => {
            const estimate = estimateMonthlyCost(webWorkerAndJob(undefined, "cron(0 3 ? * 6#5 *)"));
            const nightly = byService(estimate.services).nightly;
            assert.deepEqual([nightly.monthlyUsd, nightly.monthlyUsdMax, nightly.items, nightly.schedule?.runsPerMonth], [null, null, [], null]);
            assert.ok(estimate.notes.includes('Scheduled task nightly: runs per month unknown (cron(0 3 ? * 6#5 *): day-of-week "6#5" (a fifth weekday) occurs in some months only); its Fargate compute is not counted.'), JSON.stringify(estimate.notes));
            // 9.010025 + 9.083025 + 29.565 = 47.65805 ≈ $47.66
            assert.equal(estimate.monthlyUsd, 47.66);
        });

        it("GIVEN a disabled schedule THEN it costs $0", () => {
            const estimate = estimateMonthlyCost(scheduledTask("off", "rate(1 hour)", { state: "DISABLED" }));
            assert.deepEqual([estimate.monthlyUsd, estimate.services[0].schedule?.runsPerMonth, estimate.services[0].schedule?.basis], [0, 0, "the schedule is DISABLED"]);
        });

        it("GIVEN a listener with more than 10 rules THEN the note says rule evaluations may add LCUs; with 10 it stays quiet", () => {
            const alb = sharedAlb();
            const services = (n: number) => Array.from({ length: n }, (_, i) => webService(`s${i}`, alb, { priority: i + 1, paths: [`/s${i}/*`] })).flat();
            const says = (n: number) => estimateMonthlyCost(asFirstPreview([...alb, ...services(n)])).notes.some(t => t.startsWith("Listener shared-http has"));
            assert.equal(says(10), false);
            assert.ok(estimateMonthlyCost([...alb, ...services(11)]).notes.includes(
                "Listener shared-http has 11 rules: a request evaluated against more than 10 of them adds rule-evaluation LCUs, not modelled.",
            ));
            assert.equal(says(11), true, "matched by dependency when the listener's ARN is unknown");
        });

        it("GIVEN a first preview (every ARN unknown) THEN services are still matched to their task definitions and scaling targets", () => {
            const known = estimateMonthlyCost(twoWebServices());
            const preview = estimateMonthlyCost(asFirstPreview(twoWebServices()));
            // Names AWS generates are unknown: the logical names stand in.
            assert.deepEqual(preview.services.map(s => [s.service, s.monthlyUsd, s.monthlyUsdMax]), [["web-service", 9.01, 27.03], ["api-service", 23.7, 23.7]]);
            assert.deepEqual([preview.monthlyUsd, preview.monthlyUsdMax], [known.monthlyUsd, known.monthlyUsdMax]);
            const job = estimateMonthlyCost(asFirstPreview(webWorkerAndJob()));
            assert.equal(byService(job.services)["nightly-schedule"].monthlyUsd, 0.75);
        });

        it("GIVEN a service whose task definition ARN names one outside the stack THEN the stack's lone task definition is not taken for it", () => {
            const [td, service] = workerService("jobs").filter(r => r.type !== "aws:appautoscaling/target:Target");
            const elsewhere = { ...service, inputs: { ...service.inputs, taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/imported:7" }, propertyDependencies: { taskDefinition: [] } };
            const estimate = estimateMonthlyCost([td, elsewhere]);
            assert.equal(estimate.services[0].monthlyUsd, 0);
            assert.ok(estimate.notes.includes("Service jobs: no task definition with a known cpu and memory; its Fargate compute is not counted."));
        });

        it("GIVEN a first preview without the engine's dependency records THEN nothing is guessed: compute is left out, with a note", () => {
            const stripped = asFirstPreview(twoWebServices()).map(r => ({ ...r, propertyDependencies: {}, dependencies: [] }));
            const estimate = estimateMonthlyCost(stripped);
            assert.deepEqual(estimate.services.map(s => s.monthlyUsd), [0, 0]);
            assert.ok(estimate.notes.includes("Service web-service: no task definition with a known cpu and memory; its Fargate compute is not counted."));
        });
    });

    describe("rollout", () => {
        // web: 20 + max(0, start 10 + checks 10 × 2) + drain 10 = 60 s.
        // api: 20 + max(0, 0 + 30 × 5) + 300 = 470 s.
        // jobs (worker): 20 + max(0, start 5 + container check interval 10) + stop timeout 60 = 95 s.

        it("GIVEN two web services THEN each has its own target group's timing and the stack's rollout is the slowest, named", () => {
            const rollout = estimateRollout(twoWebServices(), { environment: "prod" });
            const services = byService(rollout.services);
            assert.deepEqual([services.web.secondsPerWave, services.web.totalSeconds, services.api.secondsPerWave], [60, 60, 470]);
            assert.deepEqual([rollout.totalSeconds, rollout.slowestService, rollout.secondsPerWave, rollout.waves], [470, "api", 470, 1]);
            assert.ok(rollout.notes.includes("Stack: 2 services roll out in parallel unless one waits for another; the slowest, api, ends at 470 s."));
            assert.deepEqual(rollout.warnings.map(w => w.split(":")[0]), ["Service api"]);
        });

        it("GIVEN a worker and a scheduled task THEN the worker's wave is its start, container check and stop timeout; the scheduled task is not rolled out", () => {
            const rollout = estimateRollout(webWorkerAndJob(), { environment: "dev" });
            assert.deepEqual(rollout.services.map(s => [s.service, s.kind, s.secondsPerWave]), [["web", "web", 60], ["jobs", "worker", 95]]);
            assert.deepEqual([rollout.totalSeconds, rollout.slowestService], [95, "jobs"]);
            assert.ok(rollout.notes.includes(
                "Service jobs (worker, no load balancer): 1 task(s) (desiredCount), 1 per wave, 1 wave(s) of 20 s start + 15 s health (max of grace 0 s, start period 5 s + container check interval 10 s) + 60 s stop timeout = 95 s.",
            ), JSON.stringify(rollout.notes));
            assert.ok(rollout.notes.includes("Scheduled task nightly: not rolled out; its next run starts the new task definition."));
            assert.deepEqual(rollout.warnings, [
                "Service jobs: a rollout wave takes 95 s, over the 60 s dev budget; stop timeout 60 s is the largest part; lower stopTimeoutSeconds to the longest unit of work the worker finishes after SIGTERM.",
            ]);
        });

        it("GIVEN a worker with no container health check THEN ECS's 40 s wait and the default 30 s stop timeout count", () => {
            const rollout = estimateRollout(workerService("bare"), { environment: "dev" });
            // 20 + max(0, 40) + 30 = 90 s
            assert.equal(rollout.secondsPerWave, 90);
            assert.match(rollout.warnings[0], /ECS's 40 s wait without a container health check is the largest part; give the essential container a health check/);
        });

        it("GIVEN a service that depends on one waiting for a steady state THEN it starts when that one ends, and the chain is the stack's rollout", () => {
            const alb = sharedAlb();
            const web = webService("web", alb, { priority: 100, paths: ["/*"] }, { healthCheck: { startPeriod: 10 } });
            const webSvc = web.find(r => r.type === "aws:ecs/service:Service")!;
            const worker = workerService("jobs", { healthCheck: { interval: 10, startPeriod: 5 }, stopTimeout: 60, dependsOn: [webSvc] });
            const rollout = estimateRollout([...alb, ...web, ...worker], { environment: "prod" });
            const jobs = byService(rollout.services).jobs;
            // 60 s for web, then 95 s for jobs: 155 s
            assert.deepEqual([jobs.startsAtSeconds, jobs.finishesAtSeconds, jobs.after, rollout.totalSeconds, rollout.slowestService], [60, 155, "web", 155, "jobs"]);
            assert.ok(rollout.notes.includes("Service jobs depends on service web, which waits for a steady state: its rollout starts at 60 s and ends at 155 s."));
            // AND when web does not wait for a steady state, Pulumi moves on at once: both start at 0
            const free = webService("web", alb, { priority: 100, paths: ["/*"] }, { healthCheck: { startPeriod: 10 }, waitForSteadyState: false });
            const unchained = estimateRollout([...alb, ...free, ...worker], { environment: "prod" });
            assert.deepEqual([byService(unchained.services).jobs.startsAtSeconds, unchained.totalSeconds], [0, 95]);
        });

        it("GIVEN a chain of three through a resource that is not a service THEN each waits for the one before, and the stack's rollout is their sum", () => {
            // a (worker, 90 s) ← policy ← b (worker, 90 s) ← c (worker, 90 s): 0–90, 90–180, 180–270
            const [tdA, a] = workerService("a");
            const between = { ...fixture("aws:iam/rolePolicy:RolePolicy", "reads-a", {}), dependencies: [a.urn], propertyDependencies: { policy: [a.urn] } };
            const b = workerService("b", { dependsOn: [between] });
            const bService = b.find(r => r.type === "aws:ecs/service:Service")!;
            const c = workerService("c", { dependsOn: [bService] });
            const rollout = estimateRollout([tdA, a, between, ...b, ...c], { environment: "prod" });
            assert.deepEqual(rollout.services.map(s => [s.service, s.startsAtSeconds, s.finishesAtSeconds, s.after]), [["a", 0, 90, undefined], ["b", 90, 180, "a"], ["c", 180, 270, "b"]]);
            assert.deepEqual([rollout.totalSeconds, rollout.slowestService, rollout.secondsPerWave], [270, "c", 90]);
        });

        it("GIVEN a first preview (every ARN unknown) THEN each service still gets its own target group's timing", () => {
            const rollout = estimateRollout(asFirstPreview(twoWebServices()), { environment: "prod" });
            assert.deepEqual(rollout.services.map(s => [s.service, s.secondsPerWave]), [["web-service", 60], ["api-service", 470]]);
            assert.equal(rollout.slowestService, "api-service");
        });
    });
});

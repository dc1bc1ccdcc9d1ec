/**
 * The rollout model of blue/green, canary and linear deployments: each phase, the totals, the dominant phase,
 * hooks, and inputs a foreign program may record (numbers as strings, values unknown until deploy).
 * Timings of the fixture (see `deploymentBuilders.ts`): scale-up 50 s, clean-up 60 s.
 */
import { strict as assert } from "node:assert";
import { estimateRollout, linearShifts, RolloutEstimate, StrategyRollout } from "../../estimates";
import { UNKNOWN } from "../../harness/serialisation";
import { fixture } from "../../harness/fixtures";
import { AWS_TYPES } from "../../policy/facts/typeTokens";
import { asFirstPreview, taskDefinitionOf } from "./builders";
import { ALT_TG_ARN, deploying } from "./deploymentBuilders";

const estimate = (config: Record<string, unknown> | undefined, shape: Parameters<typeof deploying>[1] = {}): RolloutEstimate =>
    estimateRollout(deploying(config, shape), { environment: "prod" });

/** The one service's phases, as [key, seconds]. */
const phasesOf = (d: StrategyRollout | undefined) => d!.phases.map(p => [p.key, p.seconds]);
const deploymentOf = (r: RolloutEstimate): StrategyRollout => r.services[0].deployment!;

describe("rollout model per deployment strategy", () => {
    describe("blue/green", () => {
        it("GIVEN a 10 min bake and a test listener rule THEN scale-up, test shift, one production shift, bake, clean-up", () => {
            const r = estimate({ strategy: "BLUE_GREEN", bakeTimeInMinutes: "10" });
            const d = deploymentOf(r);
            assert.deepEqual(phasesOf(d), [["scaleUp", 50], ["testTraffic", 0], ["productionTraffic", 0], ["bake", 600], ["cleanup", 60]]);
            // Traffic moves once scale-up is done: 50 s; the old revision goes after 50 + 600 + 60 = 710 s.
            assert.deepEqual([d.trafficShifts, d.trafficShiftedSeconds, d.completeSeconds, d.dominantPhase], [1, 50, 710, "bake"]);
            assert.deepEqual([r.services[0].strategy, r.services[0].tasksPerWave, r.services[0].waves, r.services[0].secondsPerWave, r.totalSeconds], ["BLUE_GREEN", 2, 1, 50, 710]);
            assert.equal(
                r.notes[0],
                "Service web-svc: deployment strategy BLUE_GREEN (blue/green), 2 task(s) (desiredCount): traffic fully on the new revision at 50 s, old revision gone at 710 s; the bake time dominates (600 s).",
            );
            assert.equal(d.phases[0].detail, "20 s start + 30 s health (max of grace 30 s, start period 10 s + target group checks 20 s); every task starts at once");
            assert.equal(d.phases[4].detail, "deregistration delay 30 s + stop timeout 30 s");
            assert.deepEqual(r.warnings, []);
        });

        it("GIVEN no test listener rule THEN there is no test traffic phase", () => {
            const d = deploymentOf(estimate({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 10 }, { testRule: false }));
            assert.deepEqual(phasesOf(d), [["scaleUp", 50], ["productionTraffic", 0], ["bake", 600], ["cleanup", 60]]);
            assert.equal(d.completeSeconds, 710);
        });

        it("GIVEN the container's stopTimeout and a slow grace period THEN clean-up and scale-up follow them, and scale-up can dominate", () => {
            const containers = [{ name: "web", image: "web:1", essential: true, stopTimeout: 90, healthCheck: { startPeriod: 10 } }];
            const resources = deploying({ strategy: "BLUE_GREEN", bakeTimeInMinutes: "0" }, { extra: { healthCheckGracePeriodSeconds: 300 } });
            resources[0] = { ...resources[0], inputs: { ...resources[0].inputs, containerDefinitions: JSON.stringify(containers) } };
            const d = deploymentOf(estimateRollout(resources, { environment: "dev" }));
            // 20 + max(300, 10 + 20) = 320 s; 30 s drain + 90 s stop = 120 s.
            assert.deepEqual(phasesOf(d), [["scaleUp", 320], ["testTraffic", 0], ["productionTraffic", 0], ["bake", 0], ["cleanup", 120]]);
            assert.deepEqual([d.completeSeconds, d.dominantPhase], [440, "scaleUp"]);
        });

        it("GIVEN a scaling target THEN the new revision starts at its minimum", () => {
            const resources = [
                ...deploying({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 5 }),
                fixture(AWS_TYPES.appautoscalingTarget, "t", { minCapacity: "3", maxCapacity: "6", resourceId: "service/web-cluster/web-svc", serviceNamespace: "ecs" }),
            ];
            const r = estimateRollout(resources, { environment: "prod" });
            assert.equal(r.services[0].deployment!.phases[0].label, "scale-up of the new revision to 3 task(s)");
            assert.deepEqual([r.services[0].tasks, r.services[0].tasksPerWave, r.totalSeconds], [3, 3, 50 + 300 + 60]);
        });
    });

    describe("canary", () => {
        it("GIVEN 10 % for 5 min THEN the production shift lasts the canary bake: 50 + 0 + 300 + 600 + 60 s", () => {
            const d = deploymentOf(estimate({ strategy: "CANARY", bakeTimeInMinutes: "10", canaryConfiguration: { canaryPercent: "10", canaryBakeTimeInMinutes: "5" } }));
            assert.deepEqual(phasesOf(d), [["scaleUp", 50], ["testTraffic", 0], ["productionTraffic", 300], ["bake", 600], ["cleanup", 60]]);
            assert.deepEqual([d.trafficShifts, d.trafficShiftedSeconds, d.completeSeconds], [2, 350, 1010]);
            assert.equal(d.phases[2].detail, "10 % first (canaryPercent 10), 5 min canary bake (canaryBakeTimeInMinutes 5), then the remaining 90 %");
        });

        for (const [percent, rest] of [[1, "99"], [99, "1"], [0.1, "99.9"], ["12.5", "87.5"]] as const) {
            it(`GIVEN canaryPercent ${percent} THEN two shifts, the rest ${rest} %`, () => {
                const d = deploymentOf(estimate({ strategy: "CANARY", bakeTimeInMinutes: 1, canaryConfiguration: { canaryPercent: percent, canaryBakeTimeInMinutes: 2 } }));
                assert.deepEqual([d.trafficShifts, d.phases[2].seconds, d.completeSeconds], [2, 120, 50 + 120 + 60 + 60]);
                assert.ok(d.phases[2].detail.endsWith(`then the remaining ${rest} %`), d.phases[2].detail);
            });
        }

        it("GIVEN canaryPercent 100 THEN one shift and no canary bake", () => {
            const d = deploymentOf(estimate({ strategy: "CANARY", bakeTimeInMinutes: 1, canaryConfiguration: { canaryPercent: 100, canaryBakeTimeInMinutes: 30 } }));
            assert.deepEqual([d.trafficShifts, d.phases[2].seconds], [1, 0]);
        });

        it("GIVEN no canaryConfiguration THEN ECS's defaults, 5 % for 10 min, and the detail says so", () => {
            const d = deploymentOf(estimate({ strategy: "CANARY", bakeTimeInMinutes: 0 }));
            assert.equal(d.phases[2].seconds, 600);
            assert.equal(d.phases[2].detail, "5 % first (canaryPercent 5 (ECS default)), 10 min canary bake (canaryBakeTimeInMinutes 10 (ECS default)), then the remaining 95 %");
            assert.equal(d.dominantPhase, "productionTraffic");
        });
    });

    describe("linear", () => {
        it("GIVEN 25 % steps 2 min apart THEN 4 shifts and 3 step bakes: 50 + 0 + 360 + 600 + 60 s", () => {
            const d = deploymentOf(estimate({ strategy: "LINEAR", bakeTimeInMinutes: "10", linearConfiguration: { stepPercent: "25", stepBakeTimeInMinutes: "2" } }));
            assert.deepEqual(phasesOf(d), [["scaleUp", 50], ["testTraffic", 0], ["productionTraffic", 360], ["bake", 600], ["cleanup", 60]]);
            assert.deepEqual([d.trafficShifts, d.trafficShiftedSeconds, d.completeSeconds, d.dominantPhase], [4, 410, 1070, "bake"]);
            assert.equal(d.phases[2].detail, "4 shift(s) of 25 % (stepPercent 25), 3 step bake(s) of 2 min between them (stepBakeTimeInMinutes 2), none after 100 %");
        });

        // ceil(100 / stepPercent) shifts; a step bake between two shifts, none after the last.
        for (const [step, shifts] of [[3, 34], [33, 4], [34, 3], [50, 2], [100, 1], [3.3, 31], [10, 10], ["12.5", 8]] as const) {
            it(`GIVEN stepPercent ${step} THEN ${shifts} shift(s) and ${shifts - 1} step bake(s)`, () => {
                assert.equal(linearShifts(Number(step)), shifts);
                const d = deploymentOf(estimate({ strategy: "LINEAR", bakeTimeInMinutes: 0, linearConfiguration: { stepPercent: step, stepBakeTimeInMinutes: 1 } }));
                assert.deepEqual([d.trafficShifts, d.phases[2].seconds, d.completeSeconds], [shifts, (shifts - 1) * 60, 50 + (shifts - 1) * 60 + 60]);
            });
        }

        it("GIVEN stepPercent 3 THEN the last shift is 1 % and the production shift dominates", () => {
            const d = deploymentOf(estimate({ strategy: "LINEAR", bakeTimeInMinutes: 5, linearConfiguration: { stepPercent: 3, stepBakeTimeInMinutes: 1 } }));
            assert.match(d.phases[2].detail, /^34 shift\(s\) of 3 % \(the last 1 %\)/);
            assert.deepEqual([d.phases[2].seconds, d.dominantPhase], [33 * 60, "productionTraffic"]);
        });

        it("GIVEN no linearConfiguration THEN ECS's defaults: 10 shifts of 10 %, 6 min apart", () => {
            const d = deploymentOf(estimate({ strategy: "LINEAR", bakeTimeInMinutes: 0 }));
            assert.deepEqual([d.trafficShifts, d.phases[2].seconds], [10, 9 * 6 * 60]);
        });
    });

    describe("hooks", () => {
        it("GIVEN a pause hook THEN the figures exclude it and its timeout is the most it adds", () => {
            const r = estimate({
                strategy: "BLUE_GREEN",
                bakeTimeInMinutes: "10",
                lifecycleHooks: [{ lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"], targetType: "PAUSE", timeoutConfiguration: { timeoutInMinutes: "60", action: "CONTINUE" } }],
            });
            const d = deploymentOf(r);
            assert.equal(d.completeSeconds, 710);
            assert.deepEqual(d.pauses, [{ stages: ["POST_TEST_TRAFFIC_SHIFT"], times: 1, timeoutMinutes: 60, action: "CONTINUE", capSeconds: 3600 }]);
            assert.equal(d.pauseCapSeconds, 3600);
            assert.deepEqual(d.notes, [
                "pause hook at POST_TEST_TRAFFIC_SHIFT: waits for ContinueServiceDeployment, at most 60 min each (timeoutInMinutes 60), then CONTINUE; not in the figures: up to 3600 s more.",
            ]);
            assert.match(r.notes[0], /old revision gone at 710 s, pauses excluded \(they can add up to 3600 s\); the bake time dominates/);
        });

        it("GIVEN a pause hook with no timeout THEN ECS's 1440 min and ROLLBACK", () => {
            const d = deploymentOf(estimate({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 1, lifecycleHooks: [{ lifecycleStages: ["POST_SCALE_UP"], targetType: "PAUSE" }] }));
            assert.deepEqual(d.pauses, [{ stages: ["POST_SCALE_UP"], times: 1, timeoutMinutes: 1440, action: "ROLLBACK", capSeconds: 86400 }]);
        });

        it("GIVEN a pause before each production shift of a linear deployment THEN it pauses once per shift", () => {
            const d = deploymentOf(
                estimate({
                    strategy: "LINEAR",
                    bakeTimeInMinutes: 10,
                    linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 2 },
                    lifecycleHooks: [{ lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"], targetType: "PAUSE", timeoutConfiguration: { timeoutInMinutes: 30 } }],
                }),
            );
            assert.deepEqual([d.pauses[0].times, d.pauseCapSeconds, d.completeSeconds], [4, 4 * 30 * 60, 1070]);
            assert.match(d.notes[0], /^pause hook at PRE_PRODUCTION_TRAFFIC_SHIFT, 4 times a deployment:/);
        });

        it("GIVEN Lambda hooks THEN a note says each adds its run time, per shift where ECS calls it per shift", () => {
            const d = deploymentOf(
                estimate({
                    strategy: "CANARY",
                    bakeTimeInMinutes: 10,
                    lifecycleHooks: [
                        { lifecycleStages: ["PRODUCTION_TRAFFIC_SHIFT"], hookTargetArn: "arn:aws:lambda:us-east-1:123456789012:function:check" },
                        { lifecycleStages: ["RECONCILE_SERVICE", "POST_SCALE_UP"], targetType: "AWS_LAMBDA", timeoutConfiguration: { timeoutInMinutes: 15, action: "ROLLBACK" } },
                    ],
                }),
            );
            assert.deepEqual(d.pauses, []);
            assert.equal(d.pauseCapSeconds, 0);
            assert.equal(d.completeSeconds, 50 + 0 + 600 + 600 + 60);
            assert.deepEqual(d.notes, [
                "Lambda hook at PRODUCTION_TRAFFIC_SHIFT, 2 times a deployment: adds its run time (ECS calls it again every 30 s, or its callBackDelay, while it answers IN_PROGRESS), at most 1440 min each (timeoutInMinutes 1440 (ECS default)), then ROLLBACK.",
                "Lambda hook at RECONCILE_SERVICE, POST_SCALE_UP, 2 times a deployment (RECONCILE_SERVICE runs only when a deployment starts with more than one active revision): adds its run time (ECS calls it again every 30 s, or its callBackDelay, while it answers IN_PROGRESS), at most 15 min each (timeoutInMinutes 15), then ROLLBACK.",
            ]);
        });
    });

    describe("values a foreign program may record", () => {
        it("GIVEN a bake time unknown until deploy THEN it says unknown, totals are a lower bound, nothing throws", () => {
            const r = estimate({ strategy: "BLUE_GREEN", bakeTimeInMinutes: UNKNOWN });
            const d = deploymentOf(r);
            assert.deepEqual(phasesOf(d), [["scaleUp", 50], ["testTraffic", 0], ["productionTraffic", 0], ["bake", null], ["cleanup", 60]]);
            assert.deepEqual([d.trafficShiftedSeconds, d.completeSeconds, d.knownSeconds, r.totalSeconds], [50, null, 110, 110]);
            assert.equal(d.phases[3].detail, "bakeTimeInMinutes unknown until deploy: both revisions run");
            assert.ok(d.notes.includes("bake time unknown: the figures are a lower bound"));
            assert.match(r.notes[0], /old revision gone at an unknown time \(at least 110 s\); of the known phases, the clean-up is the longest \(60 s\)\.$/);
        });

        it("GIVEN no bake time THEN unknown (ECS documents no default), and an unreadable one says what it was", () => {
            assert.equal(deploymentOf(estimate({ strategy: "BLUE_GREEN" })).phases[3].detail, "bakeTimeInMinutes unknown (not set): both revisions run");
            assert.equal(deploymentOf(estimate({ strategy: "BLUE_GREEN", bakeTimeInMinutes: "ten" })).phases[3].detail, 'bakeTimeInMinutes unknown ("ten" is not a number): both revisions run');
        });

        it("GIVEN a step percent unknown until deploy THEN the shift and a per-shift pause are unknown", () => {
            const d = deploymentOf(
                estimate({
                    strategy: "LINEAR",
                    bakeTimeInMinutes: "5",
                    linearConfiguration: { stepPercent: UNKNOWN },
                    lifecycleHooks: [{ lifecycleStages: ["PRE_PRODUCTION_TRAFFIC_SHIFT"], targetType: "PAUSE" }],
                }),
            );
            assert.deepEqual([d.trafficShifts, d.phases[2].seconds, d.trafficShiftedSeconds, d.completeSeconds, d.knownSeconds], [null, null, null, null, 50 + 300 + 60]);
            assert.deepEqual([d.pauses[0].times, d.pauseCapSeconds], [null, null]);
        });

        it("GIVEN a step or canary percent ECS would refuse THEN the shift is unknown, not thousands of steps", () => {
            const linear = deploymentOf(estimate({ strategy: "LINEAR", bakeTimeInMinutes: 1, linearConfiguration: { stepPercent: "0", stepBakeTimeInMinutes: 1 } }));
            assert.deepEqual([linear.trafficShifts, linear.phases[2].seconds, linear.phases[2].detail], [null, null, "stepPercent 0, outside the 3 to 100 ECS accepts: steps unknown"]);
            const canary = deploymentOf(estimate({ strategy: "CANARY", bakeTimeInMinutes: 1, canaryConfiguration: { canaryPercent: 150 } }));
            assert.deepEqual([canary.trafficShifts, canary.phases[2].seconds], [null, null]);
        });

        it("GIVEN an alternate target group slower than the primary THEN scale-up and clean-up take the slower: every other deployment runs there", () => {
            // AWS's defaults on the alternate: checks every 30 s, 5 to be healthy, 300 s drain.
            const alternate = fixture(AWS_TYPES.lbTargetGroup, "web-tg-alt", { port: 8080, protocol: "HTTP", targetType: "ip" }, { state: { arn: ALT_TG_ARN } });
            const d = estimateRollout([...deploying({ strategy: "BLUE_GREEN", bakeTimeInMinutes: "10" }), alternate], { environment: "prod" }).services[0].deployment!;
            // scale-up 20 + max(grace 30, start period 10 + 30 × 5) = 180 s; clean-up 300 + 30 = 330 s.
            assert.deepEqual([d.phases[0].seconds, d.phases.at(-1)!.seconds, d.completeSeconds], [180, 330, 180 + 600 + 330]);
        });

        it("GIVEN a strategy spelt in lower case THEN it is modelled as the provider treats it: refused, so rolling, with a note", () => {
            const rollout = estimate({ strategy: "blue_green", bakeTimeInMinutes: 1 });
            assert.equal(rollout.services[0].strategy, "ROLLING");
            assert.ok(
                rollout.notes.includes('Service web-svc: deploymentConfiguration.strategy "blue_green" is refused by the AWS provider (it takes ROLLING, BLUE_GREEN, LINEAR, CANARY exactly, in capitals); modelled as a rolling update.'),
                rollout.notes.join("\n"),
            );
        });

        for (const [given, note] of [
            [UNKNOWN, "Service web-svc: deploymentConfiguration.strategy is unknown until deploy; modelled as a rolling update."],
            ["PURPLE", 'Service web-svc: deploymentConfiguration.strategy "PURPLE" is not one ECS knows (ROLLING, BLUE_GREEN, LINEAR, CANARY); modelled as a rolling update.'],
        ]) {
            it(`GIVEN strategy ${given === UNKNOWN ? "unknown" : given} THEN a rolling update with a note`, () => {
                const r = estimate({ strategy: given, bakeTimeInMinutes: 10 });
                assert.deepEqual([r.services[0].strategy, r.services[0].deployment], ["ROLLING", undefined]);
                assert.ok(r.notes.includes(note), JSON.stringify(r.notes));
                assert.ok(r.notes.includes("Service web-svc: deployment strategy ROLLING (assumed, see above): the waves above."), JSON.stringify(r.notes));
            });
        }

        it("GIVEN another deployment controller THEN its strategy field is not read", () => {
            const r = estimate({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 10 }, { extra: { deploymentController: { type: "CODE_DEPLOY" } } });
            assert.equal(r.services[0].strategy, "ROLLING");
        });

        it("GIVEN a first preview (every ARN unknown) THEN the model still runs, the test rule counted as present", () => {
            const d = deploymentOf(estimateRollout(asFirstPreview(deploying({ strategy: "CANARY", bakeTimeInMinutes: "3" })), { environment: "prod" }));
            assert.deepEqual(phasesOf(d), [["scaleUp", 50], ["testTraffic", 0], ["productionTraffic", 600], ["bake", 180], ["cleanup", 60]]);
        });

        it("GIVEN a service with no load balancer THEN no traffic phases take time, clean-up is its stop timeout", () => {
            const worker = fixture(AWS_TYPES.ecsService, "jobs", {
                cluster: "c",
                taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/jobs:1",
                deploymentConfiguration: { strategy: "LINEAR", bakeTimeInMinutes: "2", linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 5 } },
            });
            const d = deploymentOf(estimateRollout([taskDefinitionOf("jobs", { stopTimeout: 15 }), worker], { environment: "dev" }));
            // 20 s start + ECS's 40 s wait without a container health check; no step bakes; 15 s stop.
            assert.deepEqual(phasesOf(d), [["scaleUp", 60], ["productionTraffic", 0], ["bake", 120], ["cleanup", 15]]);
            assert.match(d.notes[0], /^linear without a load balancer or Service Connect: ECS shifts no traffic/);
            // With Service Connect ECS moves its traffic: 10 shifts, 9 step bakes of 5 min.
            const connected = { ...worker, inputs: { ...worker.inputs, serviceConnectConfiguration: { enabled: true, namespace: "internal" } } };
            const viaConnect = deploymentOf(estimateRollout([taskDefinitionOf("jobs", { stopTimeout: 15 }), connected], { environment: "dev" }));
            assert.deepEqual(phasesOf(viaConnect), [["scaleUp", 60], ["productionTraffic", 2700], ["bake", 120], ["cleanup", 15]]);
        });
    });

    it("GIVEN a rolling service THEN its waves are as before and a note names the strategy", () => {
        const r = estimate(undefined);
        assert.deepEqual([r.services[0].strategy, r.services[0].deployment, r.secondsPerWave, r.waves], ["ROLLING", undefined, 80, 1]);
        assert.equal(r.notes[1], "Service web-svc: deployment strategy ROLLING (ECS's default): the waves above.");
        assert.equal(estimate({ strategy: "ROLLING" }).notes[1], "Service web-svc: deployment strategy ROLLING (deploymentConfiguration.strategy): the waves above.");
    });
});

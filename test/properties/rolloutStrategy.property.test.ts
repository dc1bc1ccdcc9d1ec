/**
 * Properties of the rollout model of blue/green, canary and linear deployments over generated settings,
 * given as numbers or as the strings the AWS provider records:
 *   A. linear: ceil(100 / stepPercent) shifts reach 100 % and one fewer does not;
 *   B. the deployment ends when its phases, added up, end; traffic has moved before it ends; the dominant
 *      phase is the longest; the service's rollout is the deployment;
 *   C. the double capacity's monthly cost grows with the deployments a month, and is 0 at none.
 */
import * as assert from "node:assert/strict";
import fc from "fast-check";
import { estimateMonthlyCost, estimateRollout, linearShifts } from "../../estimates";
import { deploying } from "../estimates/deploymentBuilders";

const RUNS = 200;
/** A number of minutes or a percentage, as a number or as its text. */
const value = (arb: fc.Arbitrary<number>) => fc.tuple(arb, fc.boolean()).map(([n, asText]) => (asText ? String(n) : n));
const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map(n => n / 10);

const config = fc.oneof(
    fc.record({ strategy: fc.constant("BLUE_GREEN"), bakeTimeInMinutes: value(fc.integer({ min: 0, max: 1440 })) }),
    fc.record({
        strategy: fc.constant("CANARY"),
        bakeTimeInMinutes: value(fc.integer({ min: 0, max: 1440 })),
        canaryConfiguration: fc.record({ canaryPercent: value(tenths(0.1, 100)), canaryBakeTimeInMinutes: value(fc.integer({ min: 0, max: 1440 })) }),
    }),
    fc.record({
        strategy: fc.constant("LINEAR"),
        bakeTimeInMinutes: value(fc.integer({ min: 0, max: 1440 })),
        linearConfiguration: fc.record({ stepPercent: value(tenths(3, 100)), stepBakeTimeInMinutes: value(fc.integer({ min: 0, max: 1440 })) }),
    }),
);

describe("rollout model per strategy, properties", () => {
    it("A. linear shifts reach 100 % with the last one and not before", () => {
        fc.assert(
            fc.property(tenths(3, 100), step => {
                const shifts = linearShifts(step);
                assert.ok(Math.round(shifts * step * 10) >= 1000, `${shifts} × ${step}`);
                assert.ok(Math.round((shifts - 1) * step * 10) < 1000, `${shifts - 1} × ${step}`);
            }),
            { numRuns: RUNS },
        );
    });

    it("B. the phases add up to the deployment, traffic moves before it ends, the dominant phase is the longest", () => {
        fc.assert(
            fc.property(config, fc.boolean(), fc.integer({ min: 1, max: 10 }), (deploymentConfiguration, testRule, desiredCount) => {
                const rollout = estimateRollout(deploying(deploymentConfiguration, { testRule, desiredCount }), { environment: "prod" });
                const service = rollout.services[0];
                const d = service.deployment!;
                const seconds = d.phases.map(p => p.seconds!);
                assert.equal(d.completeSeconds, seconds.reduce((a, b) => a + b, 0));
                assert.ok(d.trafficShiftedSeconds! <= d.completeSeconds!);
                assert.equal(d.phases.find(p => p.key === d.dominantPhase)!.seconds, Math.max(...seconds));
                assert.equal(d.phases.some(p => p.key === "testTraffic"), testRule);
                assert.deepEqual([service.totalSeconds, rollout.totalSeconds, service.tasksPerWave, service.waves], [d.completeSeconds, d.completeSeconds, desiredCount, 1]);
            }),
            { numRuns: RUNS },
        );
    });

    it("C. the double capacity costs more with more deployments a month, nothing with none", () => {
        fc.assert(
            fc.property(config, fc.integer({ min: 1, max: 200 }), (deploymentConfiguration, deployments) => {
                const resources = deploying(deploymentConfiguration);
                const none = estimateMonthlyCost(resources, undefined, { deploymentsPerMonth: 0 });
                const some = estimateMonthlyCost(resources, undefined, { deploymentsPerMonth: deployments });
                const more = estimateMonthlyCost(resources, undefined, { deploymentsPerMonth: deployments * 2 });
                assert.equal(none.deployments[0].monthlyUsd, 0);
                assert.ok(some.monthlyUsd >= none.monthlyUsd && more.monthlyUsd >= some.monthlyUsd);
                assert.equal(some.deployments[0].perDeploymentUsd, more.deployments[0].perDeploymentUsd);
                // Cents rounding aside, twice the deployments cost twice as much.
                assert.ok(Math.abs(more.deployments[0].monthlyUsd - 2 * some.deployments[0].monthlyUsd) <= 0.011);
            }),
            { numRuns: RUNS },
        );
    });
});

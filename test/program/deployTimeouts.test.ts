import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { estimateRollout } from "../../estimates";
import { inputs, named, ofType, PROJECT_DIR, runStack } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const README = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8").replace(/\s+/g, " ");

describe("the services' steady-state wait, per stack", () => {
    // Prod deploys blue/green: 14 minutes for its tasks, plus the 10 minutes both revisions bake.
    for (const [stack, minutes, bakeMinutes] of [["dev", 13, 0], ["prod", 24, 10]] as const) {
        it(`GIVEN ${stack} THEN up waits for each service's steady state, ${minutes} minutes at most, well above the rollout estimate`, async () => {
            const run = await runStack(stack);
            // Web's wait is the README's figure. Dev's worker has no load balancer, so no grace period, target-group
            // checks or deregistration delay: three waves of 180 s + its 10 s start period + its container check's
            // 15 s interval + its 15 s stop timeout = 660 s, 11 minutes.
            const expected: Record<string, number> = stack === "dev" ? { "web-service": minutes, "worker-service": 11 } : { "web-service": minutes };
            assert.deepEqual(ofType(run, AWS_TYPES.ecsService).map(s => s.name).sort(), Object.keys(expected));
            for (const [name, wait] of Object.entries(expected)) {
                const service = named(run, AWS_TYPES.ecsService, name);
                assert.equal(inputs(service).waitForSteadyState, true, name);
                assert.equal(inputs(service).forceNewDeployment, true, name);
                assert.deepEqual(service.opts.customTimeouts, { createSeconds: wait * 60, updateSeconds: wait * 60, deleteSeconds: 0 }, name);
            }
            // The estimate of a normal rollout (estimates/rollout.ts) fits three times over; a bake is a fixed
            // wait, not a part that runs slow, so it fits once.
            const rollout = estimateRollout(run.resources, { environment: stack });
            const bake = bakeMinutes * 60;
            assert.ok(rollout.totalSeconds > bake && 3 * (rollout.totalSeconds - bake) <= minutes * 60 - bake, `rollout ${rollout.totalSeconds} s`);
        });
    }

    it("GIVEN a worker whose container checks every 300 s THEN its wait covers the first check after the start period", async () => {
        const services = JSON.stringify({
            web: { kind: "web" },
            worker: { kind: "worker", appPath: "./worker", containerHealthCheckIntervalSeconds: 300, containerStartPeriodSeconds: 0, stopTimeoutSeconds: 2 },
        });
        const run = await runStack("dev", { values: { "fargate-web:services": services } });
        // Three waves of 180 s provision + 300 s until the first check passes + 2 s stop = 1446 s: 25 minutes.
        assert.equal(named(run, AWS_TYPES.ecsService, "worker-service").opts.customTimeouts?.updateSeconds, 25 * 60);
    });

    it("THEN the README states the same figures", () => {
        assert.ok(README.includes("(13 minutes for dev and 24 for prod as configured here, 14 plus its 10-minute bake; 11 for dev's worker, which has no load balancer to wait for)"));
    });
});

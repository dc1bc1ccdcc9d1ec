import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { estimateRollout } from "../../estimates";
import { inputs, named, ofType, PROJECT_DIR, runStack } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const README = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8").replace(/\s+/g, " ");

describe("the services' steady-state wait, per stack", () => {
    for (const [stack, minutes] of [["dev", 13], ["prod", 14]] as const) {
        it(`GIVEN ${stack} THEN up waits for each service's steady state, ${minutes} minutes at most, well above the rollout estimate`, async () => {
            const run = await runStack(stack);
            // Web's wait is the README's figure. Dev's worker has no load balancer, so no grace period, target-group
            // checks or deregistration delay: three waves of 180 s + its 10 s start period + its 30 s stop timeout, 11 minutes.
            const expected: Record<string, number> = stack === "dev" ? { "web-service": minutes, "worker-service": 11 } : { "web-service": minutes };
            assert.deepEqual(ofType(run, AWS_TYPES.ecsService).map(s => s.name).sort(), Object.keys(expected));
            for (const [name, wait] of Object.entries(expected)) {
                const service = named(run, AWS_TYPES.ecsService, name);
                assert.equal(inputs(service).waitForSteadyState, true, name);
                assert.equal(inputs(service).forceNewDeployment, true, name);
                assert.deepEqual(service.opts.customTimeouts, { createSeconds: wait * 60, updateSeconds: wait * 60, deleteSeconds: 0 }, name);
            }
            // The estimate of a normal rollout (estimates/rollout.ts) fits three times over.
            const rollout = estimateRollout(run.resources, { environment: stack });
            assert.ok(rollout.totalSeconds > 0 && 3 * rollout.totalSeconds <= minutes * 60, `rollout ${rollout.totalSeconds} s`);
        });
    }

    it("THEN the README states the same figures", () => {
        assert.ok(README.includes("(13 minutes for dev and 14 for prod as configured here; 11 for dev's worker, which has no load balancer to wait for)"));
    });
});

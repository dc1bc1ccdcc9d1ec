import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { estimateRollout } from "../../estimates";
import { inputs, one, PROJECT_DIR, runStack } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const README = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8").replace(/\s+/g, " ");

describe("the service's steady-state wait, per stack", () => {
    for (const [stack, minutes] of [["dev", 13], ["prod", 14]] as const) {
        it(`GIVEN ${stack} THEN up waits for a steady state, ${minutes} minutes at most, well above the rollout estimate`, async () => {
            const run = await runStack(stack);
            const service = one(run, AWS_TYPES.ecsService);
            assert.equal(inputs(service).waitForSteadyState, true);
            assert.equal(inputs(service).forceNewDeployment, true);
            assert.deepEqual(service.opts.customTimeouts, { createSeconds: minutes * 60, updateSeconds: minutes * 60, deleteSeconds: 0 });
            // The estimate of a normal rollout (estimates/rollout.ts) fits three times over.
            const rollout = estimateRollout(run.resources, { environment: stack });
            assert.ok(rollout.totalSeconds > 0 && 3 * rollout.totalSeconds <= minutes * 60, `rollout ${rollout.totalSeconds} s`);
        });
    }

    it("THEN the README states the same figures", () => {
        assert.ok(README.includes("(13 minutes for dev and 14 for prod as configured here)"));
    });
});

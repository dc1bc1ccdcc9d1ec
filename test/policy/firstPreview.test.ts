/**
 * The first `pulumi preview` of a new stack, where nothing exists yet: every id and computed output is
 * unknown, and so is every input built from them. The pack must neither crash nor raise a false mandatory
 * violation; what it cannot check yet it says so, as advisories, and checks at `pulumi up`.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { evaluatePack, EvaluationResult } from "../../harness/policyEngine";
import { readStackConfig } from "../../harness/projectConfig";
import { runProgram } from "../../harness/runProgram";
import { pack } from "../../policy/pack";
import { PROJECT_DIR, runStack } from "../support/stacks";

const CANNOT_RUN = /^can't run policy '/;

async function firstPreview(stack: string): Promise<EvaluationResult> {
    const config = readStackConfig(PROJECT_DIR, stack);
    const run = await runProgram({ program: path.join(PROJECT_DIR, "index.ts"), ...config, preview: true, mocks: { firstPreview: true } });
    const policyConfig = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", `${stack}.json`), "utf8"));
    return evaluatePack(pack, run.resources, policyConfig);
}

describe("the pack in a first preview (everything computed is unknown)", () => {
    for (const stack of ["dev", "prod"]) {
        it(`GIVEN ${stack} THEN no mandatory violation, and what cannot be checked yet is an advisory`, async () => {
            const result = await firstPreview(stack);
            assert.deepEqual(result.diagnostics.filter(d => d.enforcementLevel === "mandatory").map(d => `${d.policyName}: ${d.detail}`), []);
            const deferred = new Set(result.diagnostics.filter(d => CANNOT_RUN.test(d.detail)).map(d => d.policyName));
            // The task definition embeds the image digest, known only once the image is built: the headline
            // container checks wait for `pulumi up` (and run offline in `npm run check`).
            for (const name of ["ecs-task-definition-no-plaintext-secrets", "ecs-task-definition-container-health-check", "ecs-service-health-check-grace-period"]) {
                assert.ok(deferred.has(name), `${name} ran although its input is unknown`);
            }
            // Inputs known in any preview are still checked then.
            assert.ok(!deferred.has("lb-target-group-health-check"));
            assert.ok(!deferred.has("ecr-repository-immutable-tags"));
        });
    }

    it("GIVEN the offline check's run (every value known) THEN every policy runs", async () => {
        for (const stack of ["dev", "prod"]) {
            const result = await evaluatePack(pack, (await runStack(stack)).resources);
            assert.deepEqual(result.diagnostics.filter(d => CANNOT_RUN.test(d.detail)).map(d => d.policyName), []);
        }
    });
});

/**
 * Benchmarks of the offline harness, printed as JSON (run: `npm run bench`). Not a test: numbers depend on
 * the machine, so they go into notes, never into assertions.
 *
 * - program: wall time of running index.ts for the prod stack under mocks (first run loads the SDKs, so the
 *   median is over the runs after a warm-up).
 * - evaluation: policy evaluation time per resource over a synthetic stack of about 500 resources (the prod
 *   stack's resources repeated with distinct URNs and ARNs).
 * - applyRules: apply-time rule evaluation time per resource over the same synthetic stack.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { evaluateApplyRules } from "../harness/applyRules";
import { evaluatePack } from "../harness/policyEngine";
import { readStackConfig } from "../harness/projectConfig";
import { runProgram } from "../harness/runProgram";
import { RecordedResource } from "../harness/types";
import { pack } from "../policy/pack";

const ROOT = path.resolve(__dirname, "..");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Copies of `resources` whose URNs and identifiers differ per copy, so that stack policies see distinct resources. */
function replicate(resources: RecordedResource[], copies: number): RecordedResource[] {
    const out: RecordedResource[] = [];
    for (let i = 0; i < copies; i++) {
        const rename = (value: unknown): unknown => JSON.parse(JSON.stringify(value).replace(/web-/g, `web${i}-`).replace(/::web/g, `::web${i}`));
        out.push(...resources.map(r => rename(r) as RecordedResource));
    }
    return out;
}

async function main() {
    const config = readStackConfig(ROOT, "prod");
    const program = path.join(ROOT, "index.ts");
    const programTimes: number[] = [];
    let resources: RecordedResource[] = [];
    for (let i = 0; i < 6; i++) {
        const start = performance.now();
        resources = (await runProgram({ program, ...config })).resources;
        programTimes.push(performance.now() - start);
    }
    const policyConfig = JSON.parse(fs.readFileSync(path.join(ROOT, "policy", "config", "prod.json"), "utf8"));
    const synthetic = replicate(resources, Math.ceil(500 / resources.length));
    const evaluationTimes: number[] = [];
    for (let i = 0; i < 6; i++) {
        const start = performance.now();
        await evaluatePack(pack, synthetic, policyConfig);
        evaluationTimes.push(performance.now() - start);
    }
    const evaluationMs = median(evaluationTimes.slice(1));
    const applyRuleTimes: number[] = [];
    for (let i = 0; i < 6; i++) {
        const start = performance.now();
        evaluateApplyRules(synthetic, config);
        applyRuleTimes.push(performance.now() - start);
    }
    const applyRulesMs = median(applyRuleTimes.slice(1));
    console.log(
        JSON.stringify(
            {
                machine: `${process.platform} ${process.arch}, node ${process.version}, ${os.cpus().length} cores`,
                programProdFirstRunMs: Math.round(programTimes[0]),
                programProdMedianMs: Math.round(median(programTimes.slice(1))),
                prodResources: resources.length,
                policies: pack.policies.length,
                syntheticResources: synthetic.length,
                evaluationMedianMs: Math.round(evaluationMs),
                evaluationPerResourceMs: Number((evaluationMs / synthetic.length).toFixed(3)),
                applyRulesMedianMs: Number(applyRulesMs.toFixed(1)),
                applyRulesPerResourceMs: Number((applyRulesMs / synthetic.length).toFixed(4)),
            },
            null,
            2,
        ),
    );
}

main().catch(e => {
    console.error(e);
    process.exit(1);
});

/**
 * Benchmarks of the offline harness, printed as JSON (run: `npm run bench`; `npm run bench -- --no-suite`
 * skips the test suite). Not a test: numbers depend on the machine, so they go into notes (the README's
 * performance section), never into assertions.
 *
 * - check: `npm run check -- --stack prod` (the command its npm script runs) against the floor,
 *   `node -e "require('@pulumi/aws')"`, in alternating pairs in this run; the medians and the median of
 *   the pairs' ratios. `npm run check` itself adds npm's own start-up, reported apart.
 * - suite: `npm test`'s wall time and the time of each of its phases (which run together).
 * - program: wall time of running index.ts for the prod stack under mocks (first run loads the SDKs, so the
 *   median is over the runs after a warm-up).
 * - evaluation: policy evaluation time per resource over a synthetic stack of about 500 resources (the prod
 *   stack's resources repeated with distinct URNs and ARNs).
 * - applyRules: apply-time rule evaluation time per resource over the same synthetic stack.
 * - estimates: cost and rollout estimates over the same synthetic stack, one ECS service per copy.
 * - loader: median time of `parseStackConfig` for the dev and prod stacks (one service) and for the
 *   path-split fixture (three services, `test/fixtures/stacks/Pulumi.pathSplit.yaml`).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { estimateMonthlyCost, estimateRollout } from "../estimates";
import { evaluateApplyRules } from "../harness/applyRules";
import { evaluatePack } from "../harness/policyEngine";
import { readStackConfig } from "../harness/projectConfig";
import { runProgram } from "../harness/runProgram";
import { RecordedResource } from "../harness/types";
import { AWS_TYPES } from "../policy/facts/typeTokens";
import { pack } from "../policy/pack";
import { parseStackConfig } from "../components/stackConfig";

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

const PAIRS = 7;

/** Wall ms of running `command` to its end (output discarded); throws if it fails. */
function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: ROOT, stdio: "ignore", env });
    const ms = performance.now() - start;
    if (result.status !== 0) {
        throw new Error(`${command} ${args.join(" ")} exited ${result.status ?? result.signal}`);
    }
    return ms;
}

/** Median ms of parsing a stack's config, after a warm-up. */
function loaderMs(stack: string, file?: string): number {
    const c = readStackConfig(ROOT, stack, file);
    const raw = { project: c.project, stack, values: c.config, secretKeys: c.secretKeys, securePaths: c.securePaths };
    const times: number[] = [];
    for (let i = 0; i < 201; i++) {
        const start = performance.now();
        parseStackConfig(raw);
        times.push(performance.now() - start);
    }
    return Number(median(times.slice(1)).toFixed(3));
}

/** The check against the floor, in alternating pairs after one warm-up of each. */
function checkVsFloor() {
    const script: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.check;
    const [command, ...args] = script.split(" ");
    if (command !== "node") {
        throw new Error(`the check script is not a plain node command: ${script}`);
    }
    const floor = () => timed(process.execPath, ["-e", "require('@pulumi/aws')"]);
    const check = () => timed(process.execPath, [...args, "--stack", "prod"]);
    const npmCheck = () => timed("npm", ["run", "-s", "check", "--", "--stack", "prod"]);
    floor();
    check();
    const pairs: { floorMs: number; checkMs: number }[] = [];
    for (let i = 0; i < PAIRS; i++) {
        pairs.push({ floorMs: floor(), checkMs: check() });
    }
    const npmRuns = Array.from({ length: 5 }, npmCheck);
    const r = (x: number) => Math.round(x);
    return {
        command: `${script} --stack prod`,
        pairs: pairs.length,
        floorMedianMs: r(median(pairs.map(p => p.floorMs))),
        checkMedianMs: r(median(pairs.map(p => p.checkMs))),
        ratioMedian: Number(median(pairs.map(p => p.checkMs / p.floorMs)).toFixed(2)),
        ratioOfMedians: Number((median(pairs.map(p => p.checkMs)) / median(pairs.map(p => p.floorMs))).toFixed(2)),
        npmRunCheckMedianMs: r(median(npmRuns)),
    };
}

/** `npm test` once, with the phase times its runner writes. */
function suite() {
    const file = path.join(os.tmpdir(), `fargate-web-bench-${process.pid}.json`);
    try {
        const wallMs = timed("npm", ["test"], { ...process.env, TEST_TIMINGS_FILE: file });
        const timings = JSON.parse(fs.readFileSync(file, "utf8")) as { phases: Record<string, { seconds: number }> };
        return {
            npmTestWallSeconds: Number((wallMs / 1000).toFixed(1)),
            phaseSeconds: Object.fromEntries(Object.entries(timings.phases).map(([k, v]) => [k, Number(v.seconds.toFixed(1))])),
        };
    } finally {
        fs.rmSync(file, { force: true });
    }
}

async function main() {
    // Processes first, while this one is idle: the in-process figures below load the SDKs here.
    const check = checkVsFloor();
    const tests = process.argv.includes("--no-suite") ? undefined : suite();
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
    const estimateTimes: number[] = [];
    for (let i = 0; i < 6; i++) {
        const start = performance.now();
        estimateMonthlyCost(synthetic);
        estimateRollout(synthetic, { environment: "prod" });
        estimateTimes.push(performance.now() - start);
    }
    console.log(
        JSON.stringify(
            {
                machine: `${process.platform} ${process.arch}, node ${process.version}, ${os.cpus().length} cores`,
                check,
                suite: tests,
                programProdFirstRunMs: Math.round(programTimes[0]),
                programProdMedianMs: Math.round(median(programTimes.slice(1))),
                prodResources: resources.length,
                policies: pack.policies.length,
                syntheticResources: synthetic.length,
                evaluationMedianMs: Math.round(evaluationMs),
                evaluationPerResourceMs: Number((evaluationMs / synthetic.length).toFixed(3)),
                applyRulesMedianMs: Number(applyRulesMs.toFixed(1)),
                applyRulesPerResourceMs: Number((applyRulesMs / synthetic.length).toFixed(4)),
                syntheticServices: synthetic.filter(r => r.type === AWS_TYPES.ecsService).length,
                estimatesMedianMs: Number(median(estimateTimes.slice(1)).toFixed(1)),
                loaderMedianMs: {
                    dev: loaderMs("dev"),
                    prod: loaderMs("prod"),
                    pathSplit: loaderMs("dev", path.join(ROOT, "test", "fixtures", "stacks", "Pulumi.pathSplit.yaml")),
                },
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

// `npm test`: the type check, the lint, the precompiled check's build and the mocha suite (parallel
// workers), started together so that two cores stay busy. Mocha's output streams as it runs; the other
// phases' output is held and printed after it, each under its name, so nothing interleaves. Then one line
// of phase times. Exits non-zero if any phase failed.
//
// TEST_TIMINGS_FILE=<path> also writes the phase times as JSON (used by `npm run bench`).
"use strict";

const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const { saveTimes, writeOrderedConfig } = require("./specOrder");

const ROOT = path.resolve(__dirname, "..");
const CACHE = path.join(ROOT, "node_modules", ".cache", "fargate-web");
// `.mocharc.json` with its files longest first (tools/specOrder.js), and where the workers note their times.
const ORDERED_MOCHARC = path.join(CACHE, "mocharc.ordered.json");
const SPEC_TIMES_LINES = path.join(CACHE, `spec-times.${process.pid}.jsonl`);
const TSBUILDINFO = path.join("node_modules", ".cache", "fargate-web", "tsconfig.tsbuildinfo");
const bin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [ROOT] })), file);

/** The phases, in the order their output is printed. Mocha's is streamed; the others are held. */
const PHASES = [
    { name: "mocha", args: [bin("mocha", "bin/mocha.js"), "--config", ORDERED_MOCHARC, "--parallel", "--jobs", "2"], stream: true, env: { SPEC_TIMES_FILE: SPEC_TIMES_LINES } },
    // Incremental: tsc's build info (sound: it re-checks whatever a change can affect) makes a re-run cheap.
    { name: "typecheck", args: [bin("typescript", "bin/tsc"), "--noEmit", "-p", "tsconfig.json", "--incremental", "--tsBuildInfoFile", TSBUILDINFO] },
    // Cached by a key that covers everything a result depends on (see tools/lint.js).
    { name: "lint", args: [path.join(ROOT, "tools", "lint.js")] },
    // The entry `npm run check` runs compiles what is stale on first use; compiling here, beside the
    // other phases, spares the check tests and the first check after the tests that wait.
    { name: "build", args: [path.join(ROOT, "tools", "precompiled.js")] },
];

function run(phase) {
    const start = process.hrtime.bigint();
    return new Promise(resolve => {
        const child = spawn(process.execPath, phase.args, { cwd: ROOT, env: { ...process.env, ...phase.env }, stdio: ["ignore", phase.stream ? "inherit" : "pipe", phase.stream ? "inherit" : "pipe"] });
        let output = "";
        if (!phase.stream) {
            child.stdout.on("data", chunk => (output += chunk));
            child.stderr.on("data", chunk => (output += chunk));
        }
        const done = (code, error) =>
            resolve({ name: phase.name, code, output: error ? `${output}${error.message}\n` : output, seconds: Number(process.hrtime.bigint() - start) / 1e9 });
        child.on("error", error => done(1, error));
        child.on("close", (code, signal) => done(code ?? 1, signal ? new Error(`killed by ${signal}`) : undefined));
    });
}

async function main() {
    const start = process.hrtime.bigint();
    writeOrderedConfig(ORDERED_MOCHARC);
    const results = await Promise.all(PHASES.map(run));
    saveTimes(SPEC_TIMES_LINES);
    fs.rmSync(SPEC_TIMES_LINES, { force: true });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    for (const r of results.filter(r => !PHASES.find(p => p.name === r.name).stream)) {
        const status = r.code === 0 ? "ok" : `FAILED (exit ${r.code})`;
        process.stdout.write(`\n${r.name}: ${status}\n${r.output.trimEnd() ? `${r.output.trimEnd()}\n` : ""}`);
    }
    const times = results.map(r => `${r.name} ${r.seconds.toFixed(1)} s${r.code === 0 ? "" : " (failed)"}`).join(", ");
    process.stdout.write(`\nnpm test: ${seconds.toFixed(1)} s wall; phases, run together: ${times}\n`);
    if (process.env.TEST_TIMINGS_FILE) {
        const json = { wallSeconds: seconds, phases: Object.fromEntries(results.map(r => [r.name, { seconds: r.seconds, exitCode: r.code }])) };
        fs.writeFileSync(process.env.TEST_TIMINGS_FILE, `${JSON.stringify(json, null, 2)}\n`);
    }
    return results.every(r => r.code === 0) ? 0 : 1;
}

main().then(code => {
    process.exitCode = code;
});

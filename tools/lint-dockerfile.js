#!/usr/bin/env node
// Lints Dockerfiles offline with dockerfilelint.
//
//   node tools/lint-dockerfile.js [file|dir ...]     default: app/Dockerfile and worker/Dockerfile
//
// A directory contributes its Dockerfile, Dockerfile.* and *.Dockerfile files (not subdirectories).
// Rules can be switched off in .dockerfilelintrc at the repository root (there is none: every rule is on).
// Exit 0: clean. 1: findings, printed as path:line. 2: bad arguments or the linter failed.
//
// Two findings dockerfilelint 1.8.0 gets wrong are dropped, each only where the instruction is valid,
// with a note saying so (disabling the rules outright would also lose the cases they are right about):
//   missing_tag     on `FROM <stage>` naming an earlier `FROM ... AS <stage>`: a build stage has no tag
//                   (replicatedhq/dockerfilelint#187, open).
//   invalid_format  on a HEALTHCHECK using --start-period: its option regex reads it as `--start`
//                   (replicatedhq/dockerfilelint#166; fix #167 never merged). Dropped only when every
//                   option is a known one with a valid value and a CMD follows; otherwise it stands.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const dockerfilelint = require("dockerfilelint");
const { collectFiles } = require("./collectFiles");

const ROOT = path.resolve(__dirname, "..");
// The sample images: the web app and the worker.
const DEFAULT_TARGETS = [path.join(ROOT, "app", "Dockerfile"), path.join(ROOT, "worker", "Dockerfile")];
const DOCKERFILE_NAME = /^(Dockerfile(\..+)?|.+\.[Dd]ockerfile)$/;

// Instructions keyed by the 1-based line they start on, continuation lines joined, as dockerfilelint numbers them.
function instructions(source) {
    const byLine = new Map();
    let pending = "";
    let start = 0;
    source.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === "" || line.startsWith("#")) return;
        if (pending === "") start = index + 1;
        if (line.endsWith("\\")) {
            pending += line.slice(0, -1) + " ";
            return;
        }
        byLine.set(start, (pending + line).trim());
        pending = "";
    });
    return byLine;
}

const HEALTHCHECK_OPTION = {
    interval: /^\d+(\.\d+)?(ns|us|ms|s|m|h)(\d+(\.\d+)?(ns|us|ms|s|m|h))*$/,
    timeout: /^\d+(\.\d+)?(ns|us|ms|s|m|h)(\d+(\.\d+)?(ns|us|ms|s|m|h))*$/,
    "start-period": /^\d+(\.\d+)?(ns|us|ms|s|m|h)(\d+(\.\d+)?(ns|us|ms|s|m|h))*$/,
    "start-interval": /^\d+(\.\d+)?(ns|us|ms|s|m|h)(\d+(\.\d+)?(ns|us|ms|s|m|h))*$/,
    retries: /^\d+$/,
};

function validHealthcheck(args) {
    const words = args.split(/\s+/);
    let i = 0;
    for (; i < words.length && words[i].startsWith("--"); i++) {
        const match = /^--([a-z-]+)=(.+)$/i.exec(words[i]);
        const pattern = match && HEALTHCHECK_OPTION[match[1].toLowerCase()];
        if (!pattern || !pattern.test(match[2])) return false;
    }
    return i > 0 && (words[i] || "").toUpperCase() === "CMD" && words.length > i + 1;
}

// Returns the reason a finding is a known false positive, or undefined if it stands.
function falsePositive(finding, byLine, stages) {
    const instruction = byLine.get(finding.line);
    if (!instruction) return undefined;
    const [keyword, ...rest] = instruction.split(/\s+/);
    const command = keyword.toUpperCase();
    if (finding.rule === "missing_tag" && command === "FROM") {
        const image = rest.find((word) => !word.startsWith("--"));
        if (image && stages.has(image.toLowerCase())) {
            return `"${image}" is an earlier build stage, not an image (dockerfilelint#187)`;
        }
    }
    if (finding.rule === "invalid_format" && command === "HEALTHCHECK" && /--start-period=/i.test(instruction)) {
        if (validHealthcheck(rest.join(" "))) return "valid HEALTHCHECK options; --start-period misread (dockerfilelint#166)";
    }
    return undefined;
}

function lint(file) {
    const source = fs.readFileSync(file, "utf8");
    const byLine = instructions(source);
    // Stage names declared before each line, for `FROM <stage>`.
    const stagesBefore = new Map();
    const stages = new Set();
    for (const [line, instruction] of [...byLine].sort((a, b) => a[0] - b[0])) {
        stagesBefore.set(line, new Set(stages));
        const from = /^FROM\s+(?:--\S+\s+)*\S+\s+AS\s+(\S+)\s*$/i.exec(instruction);
        if (from) stages.add(from[1].toLowerCase());
    }
    const findings = [];
    const notes = [];
    for (const finding of dockerfilelint.run(ROOT, source)) {
        const reason = falsePositive(finding, byLine, stagesBefore.get(finding.line) || new Set());
        (reason ? notes : findings).push({ ...finding, reason, instruction: byLine.get(finding.line) });
    }
    return { findings, notes };
}

function main(args) {
    const targets = args.length > 0 ? args.map((a) => path.resolve(a)) : DEFAULT_TARGETS;
    const files = collectFiles(targets, DOCKERFILE_NAME);
    if (files.length === 0) throw new Error(`no Dockerfiles in ${targets.join(", ")}`);

    let count = 0;
    for (const file of files) {
        const shown = path.relative(process.cwd(), file) || file;
        const { findings, notes } = lint(file);
        for (const f of [...findings, ...notes].sort((a, b) => a.line - b.line)) {
            if (f.reason) {
                console.log(`${shown}:${f.line}: note: ignored ${f.rule}: ${f.reason}`);
                continue;
            }
            console.log(`${shown}:${f.line}: ${f.rule}: ${f.title}: ${String(f.description).split("\n")[0]}`);
            if (f.instruction) console.log(`    ${f.instruction}`);
        }
        count += findings.length;
    }
    const summary = `${files.length} Dockerfile(s) checked, ${count} finding(s)`;
    if (count > 0) {
        console.error(`lint-dockerfile: ${summary}`);
        return 1;
    }
    console.log(`lint-dockerfile: ${summary}`);
    return 0;
}

try {
    process.exitCode = main(process.argv.slice(2));
} catch (err) {
    console.error(`lint-dockerfile: ${err && err.message ? err.message : err}`);
    process.exitCode = 2;
}

// The order in which `npm test` hands spec files to mocha's parallel workers: longest first, by the times
// the previous run recorded (tools/specTimes.js), so that no long file starts last and keeps one core busy
// while the other idles. Files with no recorded time (new ones) go first. Which files run is mocha's own
// choice from `.mocharc.json`; only the order changes.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const TIMES = path.join(ROOT, "node_modules", ".cache", "fargate-web", "spec-times.json");

/** The settings of `.mocharc.json`. */
const mocharc = () => JSON.parse(fs.readFileSync(path.join(ROOT, ".mocharc.json"), "utf8"));

/** The spec files mocha would run with `.mocharc.json`, as absolute paths. */
function specFiles(config = mocharc()) {
    const collect = require(require.resolve("mocha/lib/cli/collect-files", { paths: [ROOT] }));
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
        const { files } = collect({
            ignore: config.ignore ?? [],
            extension: config.extension ?? ["js"],
            file: [],
            recursive: false,
            sort: true,
            spec: [].concat(config.spec),
        });
        return files;
    } finally {
        process.chdir(cwd);
    }
}

/** Recorded seconds per file (relative to the root); empty when none were recorded. */
function recordedTimes(file = TIMES) {
    try {
        return JSON.parse(fs.readFileSync(file, "utf8"));
    } catch {
        return {};
    }
}

/** `files` longest first by `times` (relative paths to seconds); unknown files first, ties by name. */
function order(files, times) {
    const time = f => times[path.relative(ROOT, f).split(path.sep).join("/")];
    return [...files].sort((a, b) => (time(b) ?? Infinity) - (time(a) ?? Infinity) || a.localeCompare(b));
}

/** Folds the JSON lines tools/specTimes.js wrote into the recorded times, replacing older figures. */
function saveTimes(linesFile, file = TIMES) {
    const times = recordedTimes(file);
    let text = "";
    try {
        text = fs.readFileSync(linesFile, "utf8");
    } catch {
        return;
    }
    for (const line of text.split("\n").filter(Boolean)) {
        const { file: spec, seconds } = JSON.parse(line);
        times[path.relative(ROOT, spec).split(path.sep).join("/")] = Math.round(seconds * 1000) / 1000;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(times, null, 2)}\n`);
}

/**
 * Writes a mocha config that is `.mocharc.json` with its spec files listed in that order and the timing
 * hooks added; returns its path.
 */
function writeOrderedConfig(target) {
    const config = mocharc();
    const ordered = { ...config, spec: order(specFiles(config), recordedTimes()), ignore: [], require: [...[].concat(config.require ?? []), path.join(__dirname, "specTimes.js")] };
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, `${JSON.stringify(ordered, null, 2)}\n`);
    return target;
}

module.exports = { order, recordedTimes, saveTimes, specFiles, writeOrderedConfig, TIMES };

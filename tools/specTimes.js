// Root hooks (`mochaHooks`) that record how long each spec file takes in a parallel worker, appended as one
// JSON line per file to $SPEC_TIMES_FILE. A file's time runs from the end of the previous file in the same
// worker (or the worker's start) to the end of its own tests, so it includes loading what the file
// imports. `tools/test.js` requires this only for its own run and orders the next run's files by it.
"use strict";

const fs = require("node:fs");

let previousEnd = process.hrtime.bigint();

/** The spec file of the suite tree a root hook runs in. */
function fileOf(root) {
    const first = root.suites.find(s => s.file) ?? root.tests.find(t => t.file);
    return first?.file;
}

exports.mochaHooks = {
    afterAll() {
        const end = process.hrtime.bigint();
        const file = fileOf(this.test.parent);
        if (file && process.env.SPEC_TIMES_FILE) {
            const seconds = Number(end - previousEnd) / 1e9;
            fs.appendFileSync(process.env.SPEC_TIMES_FILE, `${JSON.stringify({ file, seconds })}\n`);
        }
        previousEnd = end;
    },
};

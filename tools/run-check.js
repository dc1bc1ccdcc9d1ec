// `npm run check`: tools/check.ts run as precompiled JavaScript under plain Node (see precompiled.js).
"use strict";

const precompiled = require("./precompiled");

precompiled.register();
let check;
try {
    check = require("./check.ts");
} catch (e) {
    // A project file that does not compile or load is a fault of the check (exit 3, as check.ts's own
    // faults), not exit 1, which means "mandatory violations".
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(3);
}
check.cli(precompiled.mapStackTraces);

// Shared by the lint runners: the files named on the command line, a directory contributing its files whose
// names match (not subdirectories). A missing path is an error, not an empty result.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

/** Files among `targets` (files, or directories whose entries match `namePattern`), in a stable order. */
function collectFiles(targets, namePattern) {
    const files = [];
    for (const target of targets) {
        const stat = fs.statSync(target, { throwIfNoEntry: false });
        if (!stat) throw new Error(`no such file or directory: ${target}`);
        if (stat.isDirectory()) {
            for (const name of fs.readdirSync(target).sort()) {
                const file = path.join(target, name);
                if (namePattern.test(name) && fs.statSync(file).isFile()) files.push(file);
            }
        } else {
            files.push(target);
        }
    }
    return files;
}

module.exports = { collectFiles };

// What the lint treats as the Pulumi program proper (what `pulumi up` runs), linted with type information,
// and every source such a result can depend on. Read by eslint.config.mjs and tools/lint.js;
// test/tooling/lintCache.test.ts holds that the program imports nothing outside PROGRAM_SOURCES.
"use strict";

/** Files linted with type information (ESLint globs). */
exports.PROGRAM_FILES = ["index.ts", "components/**/*.ts", "policy/facts/**/*.ts"];

/**
 * Paths (files or folders, relative to the root) whose content a type-aware result on a program file can
 * depend on besides installed packages: the program's own sources, what they import from the policy
 * package, and the settings that shape the type check and the lint.
 */
exports.PROGRAM_SOURCES = ["index.ts", "components", "policy/facts", "policy/config", "tsconfig.json", "eslint.config.mjs", "tools/programFiles.js"];

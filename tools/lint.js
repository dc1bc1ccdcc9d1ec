// `npm run lint`: ESLint over the repository (eslint.config.mjs), failing on any error or warning, with a
// cache that stays correct.
//
// ESLint's own cache keys a file's result on that file and the config only. That is sound for the
// syntax rules, but the type-aware rules on the program files also read every file those import (and the
// installed type declarations), so a change elsewhere could leave a stale "clean" result. Here the cache
// file is chosen by a hash of everything a result can depend on besides the linted file itself: every
// source file outside test/ (no program file imports a test; test/tooling/lintCache.test.ts holds that),
// the lockfile, tsconfig.json and the ESLint config. A change to a test reuses the cache (only that file is
// linted again); a change to any source starts a fresh cache.
"use strict";

const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "fargate-web", "eslint");
/** Cache files kept: the current one and a few for switching branches. */
const KEEP = 4;
/** Folders never hashed: installed packages, build output, and the tests (nothing outside them imports them). */
const SKIP = new Set(["node_modules", ".git", "bin", "dist", ".tmp", ".nyc_output", "test"]);
const HASHED = /\.(ts|mts|cts|js|mjs|cjs|json|yaml)$/;

/** Every file that can change a lint result besides the linted file itself, relative to the root, sorted. */
function dependencyFiles(root = ROOT) {
    const out = [];
    const walk = dir => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            if (entry.isDirectory()) {
                if (!SKIP.has(entry.name)) walk(path.join(dir, entry.name));
            } else if (HASHED.test(entry.name)) {
                out.push(path.relative(root, path.join(dir, entry.name)).split(path.sep).join("/"));
            }
        }
    };
    walk(root);
    return out.sort();
}

/** The cache's key: the hash of those files' paths and contents. */
function cacheKey(root = ROOT) {
    const hash = crypto.createHash("sha256");
    for (const file of dependencyFiles(root)) {
        hash.update(`${file}\0`);
        hash.update(fs.readFileSync(path.join(root, file)));
        hash.update("\0");
    }
    return hash.digest("hex").slice(0, 32);
}

/** Removes all but the newest cache files. */
function prune() {
    const files = fs
        .readdirSync(CACHE_DIR)
        .map(name => ({ name, time: fs.statSync(path.join(CACHE_DIR, name)).mtimeMs }))
        .sort((a, b) => b.time - a.time);
    for (const { name } of files.slice(KEEP)) {
        fs.rmSync(path.join(CACHE_DIR, name), { force: true });
    }
}

async function main() {
    const { ESLint } = require(require.resolve("eslint", { paths: [ROOT] }));
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const cacheLocation = path.join(CACHE_DIR, cacheKey());
    const eslint = new ESLint({ cwd: ROOT, cache: true, cacheLocation, cacheStrategy: "content" });
    const results = await eslint.lintFiles(["."]);
    const formatter = await eslint.loadFormatter("stylish");
    const text = await formatter.format(results);
    if (text) process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    const findings = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);
    try {
        // Touched so that pruning keeps the cache in use.
        const now = new Date();
        fs.utimesSync(cacheLocation, now, now);
        prune();
    } catch {
        // No cache written (nothing to lint), or pruning raced another run: only costs time.
    }
    return findings === 0 ? 0 : 1;
}

if (require.main === module) {
    main().then(
        code => (process.exitCode = code),
        error => {
            process.stderr.write(`${error.stack ?? error}\n`);
            process.exitCode = 2;
        },
    );
}

module.exports = { cacheKey, dependencyFiles };

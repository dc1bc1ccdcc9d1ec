// `npm run lint`: ESLint over the repository (eslint.config.mjs), failing on any error or warning, with
// caches that stay correct.
//
// ESLint's own cache keys a file's result on that file and the config only. That is sound for the syntax
// rules, which read nothing else; the type-aware rules on the program files (tools/programFiles.js) also
// read what those files import. So the lint runs in two passes, each with its own cache file, named by a
// hash of what its results can depend on besides the linted file itself:
// - every file but the program's, syntax rules only: the lockfile (plugin versions) and the ESLint config;
// - the program's files, with type information: the program's sources (PROGRAM_SOURCES), the lockfile and
//   the configs. Editing any other file re-lints that file only; editing the program re-lints the program.
"use strict";

const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { PROGRAM_FILES, PROGRAM_SOURCES } = require("./programFiles");

const ROOT = path.resolve(__dirname, "..");
const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "fargate-web", "eslint");
/** Cache files kept: the current pair and a few for switching branches. */
const KEEP = 8;
/** Shared by both passes: what decides the installed plugins and the rules. */
const SETTINGS = ["package-lock.json", "eslint.config.mjs", "tools/programFiles.js"];
const SKIP = new Set(["node_modules", ".git", "bin", "dist", ".tmp", ".nyc_output"]);
const HASHED = /\.(ts|mts|cts|js|mjs|cjs|json|yaml)$/;

/** The files under `paths` (files or folders, relative to `root`) that exist, relative and sorted. */
function filesUnder(paths, root = ROOT) {
    const out = [];
    const walk = relative => {
        const full = path.join(root, relative);
        let stat;
        try {
            stat = fs.statSync(full);
        } catch {
            return; // absent: hashed as absent, by its missing name
        }
        if (stat.isDirectory()) {
            for (const entry of fs.readdirSync(full)) {
                if (!SKIP.has(entry)) walk(path.join(relative, entry));
            }
        } else if (HASHED.test(relative)) {
            out.push(relative.split(path.sep).join("/"));
        }
    };
    paths.forEach(walk);
    return [...new Set(out)].sort();
}

/** A cache key: the hash of the paths' file names and contents. */
function cacheKey(paths, root = ROOT) {
    const hash = crypto.createHash("sha256");
    for (const file of filesUnder(paths, root)) {
        hash.update(`${file}\0`);
        hash.update(fs.readFileSync(path.join(root, file)));
        hash.update("\0");
    }
    return hash.digest("hex").slice(0, 32);
}

/** The two passes' cache keys. */
const keys = (root = ROOT) => ({
    files: `files-${cacheKey(SETTINGS, root)}`,
    program: `program-${cacheKey([...PROGRAM_SOURCES, ...SETTINGS], root)}`,
});

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

async function lintPass(ESLint, cacheName, options, patterns) {
    const cacheLocation = path.join(CACHE_DIR, cacheName);
    const eslint = new ESLint({ cwd: ROOT, cache: true, cacheLocation, cacheStrategy: "content", ...options });
    const results = await eslint.lintFiles(patterns);
    try {
        // Touched so that pruning keeps the caches in use.
        const now = new Date();
        fs.utimesSync(cacheLocation, now, now);
    } catch {
        // No cache written (nothing to lint): only costs time.
    }
    return { eslint, results };
}

async function main() {
    const { ESLint } = require(require.resolve("eslint", { paths: [ROOT] }));
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const { files, program } = keys();
    const others = await lintPass(ESLint, files, { ignorePatterns: PROGRAM_FILES }, ["."]);
    const own = await lintPass(ESLint, program, {}, PROGRAM_FILES);
    const results = [...others.results, ...own.results];
    const text = await (await others.eslint.loadFormatter("stylish")).format(results);
    if (text) process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    try {
        prune();
    } catch {
        // Pruning raced another run: only costs disk.
    }
    return results.reduce((n, r) => n + r.errorCount + r.warningCount, 0) === 0 ? 0 : 1;
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

module.exports = { cacheKey, filesUnder, keys, PROGRAM_SOURCES };

// Loads the project's TypeScript as precompiled JavaScript, so that `npm run check` runs under plain Node
// instead of ts-node (which loads the TypeScript compiler, ~0.4 s, before the first line of the check).
//
// Each .ts file is compiled by ts-node (swc, transpile only, as the tests run it) with the compiler options
// Pulumi's language host would use for it (`tsconfigOf`): this project's own files with its tsconfig.json,
// another program's (`--program`) with that program's. The output is kept in
// node_modules/.cache/fargate-web/js under a hash of the compiler versions, the tsconfig, the file's path and
// its text. The hash is the staleness guard: an edited file, a changed tsconfig or a new compiler version is
// a different entry, compiled on first use. One exception: a tsconfig that another program's tsconfig
// `extends` is not hashed; after editing one, `rm -rf node_modules/.cache/fargate-web/js`.
//
// Compiling happens in a child process (`node tools/precompiled.js [file…]`, also `npm run build`), which
// compiles the file asked for and every other stale one: the loading process never loads ts-node, which
// would install its source-map hooks and make every stack trace slow.
//
// Stack traces of compiled files point at compiled lines; `mapStackTraces()` maps them back to the
// TypeScript source, for a trace that is about to be printed (it costs time on every trace after it).
"use strict";

const { spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "fargate-web", "js");

/** Folders (and files) of the project's TypeScript, as tsconfig.json includes them. */
const SOURCES = ["index.ts", "components", "harness", "estimates", "policy", "test", "tools", "bench"];

/**
 * Compiler options Pulumi's Node.js language host gives a program without a tsconfig.json (@pulumi/pulumi
 * `cmd/run/run.js`: target ES2020, source maps, and `nodenext` modules, which for a CommonJS package, the
 * only kind loaded through `require`, emit CommonJS as below).
 */
const PULUMI_DEFAULT_OPTIONS = { target: "ES2020", module: "commonjs", moduleResolution: "node", sourceMap: true };

const projectFiles = ["Pulumi.yaml", "Pulumi.yml"];
const tsconfigs = new Map();
/**
 * The tsconfig.json Pulumi's language host would compile `filename` with, or undefined for its defaults.
 * The host runs in the project folder and reads `tsconfig.json` there (or `PULUMI_NODEJS_TSCONFIG_PATH`),
 * else its defaults; so: the tsconfig of the nearest folder above the file that holds a `Pulumi.yaml`. This
 * project's own files always use its own tsconfig.json. A file outside any project (a library beside a
 * program) takes the nearest tsconfig.json above it: the host would compile it with the importing program's
 * options, which a file alone cannot know.
 */
function tsconfigOf(filename) {
    const dir = path.dirname(filename);
    if (!tsconfigs.has(dir)) tsconfigs.set(dir, findTsconfig(dir));
    return tsconfigs.get(dir);
}

function findTsconfig(start) {
    for (let dir = start; ; dir = path.dirname(dir)) {
        if (dir === ROOT) return path.join(ROOT, "tsconfig.json");
        if (projectFiles.some(f => fs.existsSync(path.join(dir, f)))) {
            const file = path.resolve(dir, process.env.PULUMI_NODEJS_TSCONFIG_PATH || "tsconfig.json");
            return fs.existsSync(file) ? file : undefined;
        }
        if (dir === path.dirname(dir)) break;
    }
    for (let dir = start; ; dir = path.dirname(dir)) {
        const file = path.join(dir, "tsconfig.json");
        if (fs.existsSync(file)) return file;
        if (dir === path.dirname(dir)) return undefined;
    }
}

let versions;
/** What, besides a file's own path, text and tsconfig, decides its compiled form. */
function compilerVersions() {
    if (versions === undefined) {
        const version = name => JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`, { paths: [ROOT] }), "utf8")).version;
        versions = JSON.stringify({ node: process.versions.node, tsNode: version("ts-node"), swc: version("@swc/core"), typescript: version("typescript") });
    }
    return versions;
}

const salts = new Map();
/** The compiler versions and the tsconfig's path and text (a tsconfig it `extends` is not followed). */
function compilerSalt(tsconfig) {
    const key = tsconfig ?? "";
    if (!salts.has(key)) {
        salts.set(key, JSON.stringify({ versions: compilerVersions(), tsconfig: tsconfig ? [tsconfig, fs.readFileSync(tsconfig, "utf8")] : PULUMI_DEFAULT_OPTIONS }));
    }
    return salts.get(key);
}

const services = new Map();
/** ts-node's compiler for a tsconfig (created on the first file of it not in the cache). */
function compiler(tsconfig) {
    const key = tsconfig ?? "";
    if (!services.has(key)) {
        const tsNode = require(require.resolve("ts-node", { paths: [ROOT] }));
        // swc and TypeScript are this project's, wherever the program is (ts-node falls back to its own).
        const options = tsconfig ? { project: tsconfig } : { skipProject: true, compilerOptions: PULUMI_DEFAULT_OPTIONS };
        services.set(key, tsNode.create({ ...options, transpileOnly: true, swc: true }));
    }
    return services.get(key);
}

const entryOf = (filename, source) =>
    path.join(
        CACHE_DIR,
        `${crypto.createHash("sha256").update(compilerSalt(tsconfigOf(filename))).update("\0").update(filename).update("\0").update(source).digest("hex")}.js`,
    );

/** The cached JavaScript of `filename` as it is now, or undefined. */
function cached(filename, source) {
    try {
        return fs.readFileSync(entryOf(filename, source), "utf8");
    } catch (e) {
        if (e.code !== "ENOENT") throw e;
        return undefined;
    }
}

/** Compiles `filename` into the cache (in this process). */
function compileIntoCache(filename) {
    const source = fs.readFileSync(filename, "utf8");
    const entry = entryOf(filename, source);
    const code = compiler(tsconfigOf(filename)).compile(source, filename);
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    // Written under a temporary name and renamed, so a concurrent run never reads half an entry.
    const tmp = `${entry}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, entry);
}

/** The compiled JavaScript of `filename`, from the cache, or compiled (with every other stale file) first. */
function compiled(filename) {
    const source = fs.readFileSync(filename, "utf8");
    const hit = cached(filename, source);
    if (hit !== undefined) {
        return hit;
    }
    const child = spawnSync(process.execPath, [__filename, filename], { encoding: "utf8" });
    if (child.status !== 0) {
        throw new Error(`cannot compile ${filename}:\n${child.stderr || child.error}`);
    }
    const code = cached(filename, source);
    if (code === undefined) {
        throw new Error(`${filename} changed while it was being compiled; run again`);
    }
    return code;
}

/** Makes `require` load the project's .ts files from the cache. */
function register() {
    require.extensions[".ts"] = (module, filename) => module._compile(compiled(filename), filename);
}

/** Every .ts file of the project (not under node_modules), sorted. */
function sourceFiles() {
    const files = [];
    const walk = target => {
        const stat = fs.statSync(target, { throwIfNoEntry: false });
        if (!stat) return;
        if (stat.isFile()) {
            if (target.endsWith(".ts") && !target.endsWith(".d.ts")) files.push(target);
            return;
        }
        for (const name of fs.readdirSync(target)) {
            if (name !== "node_modules") walk(path.join(target, name));
        }
    };
    SOURCES.forEach(s => walk(path.join(ROOT, s)));
    return files.sort();
}

/**
 * Compiles `first` (which must succeed), then every stale .ts file of the project, into the cache, in this
 * process. Returns how many were compiled; a project file that does not compile is left for its first use
 * to report.
 */
function build(first = []) {
    first.forEach(compileIntoCache);
    let fresh = first.length;
    const live = first.map(file => entryOf(file, fs.readFileSync(file, "utf8")));
    for (const file of sourceFiles()) {
        const source = fs.readFileSync(file, "utf8");
        live.push(entryOf(file, source));
        if (!first.includes(file) && cached(file, source) === undefined) {
            try {
                compileIntoCache(file);
                fresh++;
            } catch {
                // Reported when the file is loaded.
            }
        }
    }
    // Only here, in the compiling child: a run whose every file is cached never lists the cache.
    prune(live);
    return fresh;
}

/** Days an entry that no project file maps to is kept: another program's files (`--program`) stay warm for a week. */
const UNUSED_ENTRY_DAYS = 7;
/** A temporary file older than this was left by a process that died between write and rename. */
const ABANDONED_TMP_MS = 60 * 60 * 1000;

/**
 * Deletes cache entries that no file of the project maps to and that were written more than `maxAgeDays`
 * ago (old versions of edited files, files of other programs no longer checked), and abandoned temporary
 * files; entries in `live` always stay. Returns how many files were deleted. Without it every edit leaves an
 * entry behind for good.
 */
function prune(live, { dir = CACHE_DIR, now = Date.now(), maxAgeDays = UNUSED_ENTRY_DAYS } = {}) {
    const keep = new Set(live);
    let names;
    try {
        names = fs.readdirSync(dir);
    } catch (e) {
        if (e.code === "ENOENT") return 0;
        throw e;
    }
    let deleted = 0;
    for (const name of names) {
        const file = path.join(dir, name);
        const tmp = name.endsWith(".tmp");
        if (!tmp && (!name.endsWith(".js") || keep.has(file))) continue;
        const stat = fs.statSync(file, { throwIfNoEntry: false });
        if (!stat) continue;
        if (now - stat.mtimeMs > (tmp ? ABANDONED_TMP_MS : maxAgeDays * 24 * 60 * 60 * 1000)) {
            fs.rmSync(file, { force: true });
            deleted++;
        }
    }
    return deleted;
}

/** Maps the frames of stack traces formatted from now on back to the TypeScript sources. */
function mapStackTraces() {
    const inline = /\/\/# sourceMappingURL=data:application\/json;charset=utf-8;base64,([A-Za-z0-9+/=]+)\s*$/;
    require(require.resolve("@cspotcode/source-map-support", { paths: [require.resolve("ts-node", { paths: [ROOT] })] })).install({
        environment: "node",
        retrieveSourceMap(file) {
            if (!file.endsWith(".ts") || !fs.existsSync(file)) return null;
            const match = inline.exec(compiled(file));
            return match ? { url: file, map: Buffer.from(match[1], "base64").toString("utf8") } : null;
        },
    });
}

module.exports = { register, build, compiled, entryOf, sourceFiles, mapStackTraces, prune, tsconfigOf, CACHE_DIR, UNUSED_ENTRY_DAYS };

if (require.main === module) {
    const start = Date.now();
    try {
        const fresh = build(process.argv.slice(2).map(f => path.resolve(f)));
        process.stderr.write(`precompiled ${fresh} TypeScript file(s) in ${Date.now() - start} ms\n`);
    } catch (e) {
        // The compiler's message (swc's names the line and column), without its native backtrace.
        process.stderr.write(`${String(e instanceof Error ? e.message : e).split("\n\nStack backtrace:")[0].trim()}\n`);
        process.exitCode = 1;
    }
}

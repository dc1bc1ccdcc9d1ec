/**
 * The precompiled JavaScript that `npm run check` runs (tools/precompiled.js): never stale, reused while
 * nothing changed, and stack traces mapped back to the TypeScript sources when asked.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_DIR } from "../support/stacks";

interface Precompiled {
    prune(live: string[], options: { dir: string; now: number; maxAgeDays?: number }): number;
    UNUSED_ENTRY_DAYS: number;
    tsconfigOf(filename: string): string | undefined;
    compiled(filename: string): string;
    entryOf(filename: string, source: string): string;
    sourceFiles(): string[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain JavaScript tool, loaded as it runs
const precompiled = require(path.join(PROJECT_DIR, "tools", "precompiled.js")) as Precompiled;

describe("tools/precompiled.js", function () {
    this.timeout(30_000);
    let tmp: string;
    const entries: string[] = [];
    const write = (file: string, text: string) => {
        fs.writeFileSync(file, text);
        entries.push(precompiled.entryOf(file, text));
    };
    const BUG = "type Unused = string;\n\ninterface AlsoUnused {\n    a: number;\n}\n\nexport function fail(): never {\n    throw new Error(\"bug\");\n}\n";
    before(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "precompiled-"));
        // Compiled together by the command `npm run build` runs (each compiling process loads ts-node).
        write(path.join(tmp, "cached.ts"), "export const cached: string = 'yes';\n");
        write(path.join(tmp, "bug.ts"), BUG);
        write(path.join(tmp, "value.ts"), "export const value: number = 1;\n");
        const files = ["cached.ts", "bug.ts", "value.ts"].map(f => path.join(tmp, f));
        const build = spawnSync(process.execPath, [path.join(PROJECT_DIR, "tools", "precompiled.js"), ...files], { encoding: "utf8" });
        assert.equal(build.status, 0, build.stderr);
    });
    after(() => {
        fs.rmSync(tmp, { recursive: true, force: true });
        entries.forEach(e => fs.rmSync(e, { force: true }));
    });

    it("GIVEN a file compiled once WHEN its text changes, even within the same second THEN the new text is compiled", () => {
        const file = path.join(tmp, "value.ts");
        assert.match(precompiled.compiled(file), /value = 1;/);
        const { mtime } = fs.statSync(file);
        write(file, "export const value: number = 2;\n");
        fs.utimesSync(file, mtime, mtime);
        assert.match(precompiled.compiled(file), /value = 2;/);
    });

    it("GIVEN an unchanged file THEN its cached JavaScript is served without compiling again", () => {
        const file = path.join(tmp, "cached.ts");
        const entry = precompiled.entryOf(file, fs.readFileSync(file, "utf8"));
        assert.match(precompiled.compiled(file), /cached = 'yes'/);
        fs.writeFileSync(entry, "exports.cached = 'from the cache';\n");
        assert.equal(precompiled.compiled(file), "exports.cached = 'from the cache';\n");
    });

    it("GIVEN a file that does not compile THEN loading it fails naming the file and the compiler's complaint", () => {
        const file = path.join(tmp, "broken.ts");
        write(file, "export const x = ;\n");
        assert.throws(() => precompiled.compiled(file), (e: Error) => e.message.startsWith(`cannot compile ${file}:\n`) && /Expression expected|Unexpected token/.test(e.message));
    });

    it("GIVEN entries no project file maps to THEN those unused for a week and abandoned temporary files are deleted; live and recent ones stay", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "precompiled-prune-"));
        try {
            const now = Date.now();
            const day = 24 * 60 * 60 * 1000;
            const file = (name: string, ageMs: number) => {
                const target = path.join(dir, name);
                fs.writeFileSync(target, "x");
                const at = new Date(now - ageMs);
                fs.utimesSync(target, at, at);
                return target;
            };
            const liveOld = file("live.js", 30 * day);
            file("stale.js", (precompiled.UNUSED_ENTRY_DAYS + 1) * day);
            const recent = file("recent.js", (precompiled.UNUSED_ENTRY_DAYS - 1) * day);
            file("dead.js.123.tmp", 2 * 60 * 60 * 1000);
            const writing = file("busy.js.456.tmp", 60 * 1000);
            const other = file("notes.txt", 365 * day);
            assert.equal(precompiled.prune([liveOld], { dir, now }), 2);
            assert.deepEqual(fs.readdirSync(dir).sort(), [liveOld, recent, writing, other].map(f => path.basename(f)).sort());
            assert.equal(precompiled.prune([], { dir: path.join(dir, "missing"), now }), 0, "no cache yet is nothing to prune");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("GIVEN files of this project and of other programs THEN each compiles with the tsconfig Pulumi would use for it", () => {
        assert.equal(precompiled.tsconfigOf(path.join(PROJECT_DIR, "components", "stack.ts")), path.join(PROJECT_DIR, "tsconfig.json"));
        const decorated = path.join(PROJECT_DIR, "test", "fixtures", "programs", "decorated");
        assert.equal(precompiled.tsconfigOf(path.join(decorated, "index.ts")), path.join(decorated, "tsconfig.json"));
        assert.equal(precompiled.tsconfigOf(path.join(PROJECT_DIR, "test", "fixtures", "programs", "foreign", "index.ts")), undefined, "no tsconfig.json: Pulumi's defaults");
        const project = fs.mkdtempSync(path.join(os.tmpdir(), "precompiled-project-"));
        const saved = process.env.PULUMI_NODEJS_TSCONFIG_PATH;
        try {
            fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: p\nruntime: nodejs\n");
            fs.writeFileSync(path.join(project, "tsconfig.json"), "{}");
            fs.writeFileSync(path.join(project, "tsconfig.pulumi.json"), "{}");
            fs.mkdirSync(path.join(project, "src", "lib"), { recursive: true });
            process.env.PULUMI_NODEJS_TSCONFIG_PATH = "tsconfig.pulumi.json";
            assert.equal(precompiled.tsconfigOf(path.join(project, "src", "lib", "queue.ts")), path.join(project, "tsconfig.pulumi.json"), "the host's own variable names it");
            delete process.env.PULUMI_NODEJS_TSCONFIG_PATH;
            assert.equal(precompiled.tsconfigOf(path.join(project, "index.ts")), path.join(project, "tsconfig.json"));
        } finally {
            if (saved === undefined) delete process.env.PULUMI_NODEJS_TSCONFIG_PATH;
            else process.env.PULUMI_NODEJS_TSCONFIG_PATH = saved;
            fs.rmSync(project, { recursive: true, force: true });
        }
    });

    it("GIVEN the project THEN every TypeScript file that tsconfig.json includes is a source, declarations excepted", () => {
        const files = precompiled.sourceFiles().map(f => path.relative(PROJECT_DIR, f));
        for (const expected of ["index.ts", "tools/check.ts", "harness/runProgram.ts", "policy/pack.ts", "components/network.ts", "estimates/index.ts"]) {
            assert.ok(files.includes(expected), expected);
        }
        assert.ok(files.every(f => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.includes("node_modules")));
    });

    it("GIVEN a bug in a precompiled file THEN its printed trace names the TypeScript line", () => {
        const file = path.join(tmp, "bug.ts");
        const script = `const p = require(${JSON.stringify(path.join(PROJECT_DIR, "tools", "precompiled.js"))});
p.register();
try { require(${JSON.stringify(file)}).fail(); } catch (e) { p.mapStackTraces(); console.log(e.stack); }`;
        const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:8:11`));
    });
});

describe("tools/run-check.js", function () {
    this.timeout(30_000);
    let root: string;
    // A copy of the entry and its loader in a project of its own (under this one, for node_modules).
    before(() => {
        fs.mkdirSync(path.join(PROJECT_DIR, ".tmp"), { recursive: true });
        root = fs.mkdtempSync(path.join(PROJECT_DIR, ".tmp", "run-check-"));
        fs.mkdirSync(path.join(root, "tools"));
        for (const file of ["run-check.js", "precompiled.js"]) fs.copyFileSync(path.join(PROJECT_DIR, "tools", file), path.join(root, "tools", file));
        fs.copyFileSync(path.join(PROJECT_DIR, "tsconfig.json"), path.join(root, "tsconfig.json"));
    });
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    it("GIVEN a check that does not compile THEN exit 3 (a fault of the check), never 1 (mandatory violations)", () => {
        fs.writeFileSync(path.join(root, "tools", "check.ts"), "export const broken = ;\n");
        const result = spawnSync(process.execPath, [path.join(root, "tools", "run-check.js"), "--stack", "dev"], { encoding: "utf8" });
        assert.equal(result.status, 3, result.stderr);
        assert.match(result.stderr, /cannot compile .*check\.ts/);
    });
});

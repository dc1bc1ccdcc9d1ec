/**
 * The lint caches stay correct (tools/lint.js): each pass's key covers every file its results can depend on
 * besides the linted file itself. The program pass's key holds only while the program imports nothing
 * outside PROGRAM_SOURCES (tools/programFiles.js).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_DIR } from "../support/stacks";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS tool script without types
const lint = require("../../tools/lint.js") as {
    keys: (root?: string) => { files: string; program: string };
    filesUnder: (paths: string[], root?: string) => string[];
    PROGRAM_SOURCES: string[];
};

/** Relative import specifiers of a source file (`from "…"`, `require("…")`, `import("…")`). */
const importsOf = (text: string): string[] =>
    [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)["'](\.{1,2}\/[^"']+)["']/g)].map(m => m[1]);

describe("tooling: the lint caches' keys", () => {
    let tmp: string;
    const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
        fs.writeFileSync(path.join(tmp, file), text);
    };
    beforeEach(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lint-key-"));
        write("index.ts", 'import "./components/a";\n');
        write("components/a.ts", 'import { x } from "../policy/facts/x";\nexport const a = x;\n');
        write("policy/facts/x.ts", "export const x = 1;\n");
        write("policy/ecs/rule.ts", "export const rule = 1;\n");
        write("harness/h.ts", "export const h = 1;\n");
        write("package-lock.json", "{}\n");
        write("eslint.config.mjs", "export default [];\n");
    });
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("GIVEN a change to a program source or to what it imports THEN only the program pass starts afresh", () => {
        for (const file of ["components/a.ts", "policy/facts/x.ts", "index.ts", "components/new.ts"]) {
            const before = lint.keys(tmp);
            write(file, `export const changed = "${file}";\n`);
            const after = lint.keys(tmp);
            assert.notEqual(after.program, before.program, file);
            assert.equal(after.files, before.files, file);
        }
    });

    it("GIVEN a change to any other file THEN both keys stay (ESLint re-lints that file by its content)", () => {
        const before = lint.keys(tmp);
        for (const file of ["harness/h.ts", "policy/ecs/rule.ts", "test/a.test.ts", "tools/x.js"]) {
            write(file, `export const changed = "${file}";\n`);
        }
        assert.deepEqual(lint.keys(tmp), before);
    });

    it("GIVEN a changed lockfile or ESLint config THEN both passes start afresh", () => {
        for (const file of ["package-lock.json", "eslint.config.mjs"]) {
            const before = lint.keys(tmp);
            write(file, `// ${file} changed\n`);
            const after = lint.keys(tmp);
            assert.notEqual(after.files, before.files, file);
            assert.notEqual(after.program, before.program, file);
        }
    });

    it("GIVEN the repository THEN the program imports nothing outside PROGRAM_SOURCES (the program key covers it)", () => {
        const sources = lint.filesUnder(lint.PROGRAM_SOURCES, PROJECT_DIR);
        assert.ok(sources.includes("components/stack.ts") && sources.includes("policy/facts/fargateSizes.ts"));
        const inside = (target: string) =>
            lint.PROGRAM_SOURCES.some(p => target === p || target.startsWith(`${p}/`) || [".ts", ".json"].some(ext => target + ext === p));
        const offenders = sources
            .filter(file => /\.ts$/.test(file))
            .flatMap(file =>
                importsOf(fs.readFileSync(path.join(PROJECT_DIR, file), "utf8"))
                    .map(spec => path.relative(PROJECT_DIR, path.resolve(PROJECT_DIR, path.dirname(file), spec)).split(path.sep).join("/"))
                    .filter(target => !inside(target))
                    .map(target => `${file} imports ${target}`),
            );
        assert.deepEqual(offenders, []);
    });
});

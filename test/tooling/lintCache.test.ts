/**
 * The lint cache stays correct (tools/lint.js): its key covers every file a lint result can depend on
 * besides the linted file itself. That holds only while nothing outside test/ imports from test/.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_DIR } from "../support/stacks";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS tool script without types
const { cacheKey, dependencyFiles } = require("../../tools/lint.js") as {
    cacheKey: (root?: string) => string;
    dependencyFiles: (root?: string) => string[];
};

/** Relative import specifiers of a source file (`from "…"`, `require("…")`, `import("…")`). */
const importsOf = (text: string): string[] =>
    [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)["'](\.{1,2}\/[^"']+)["']/g)].map(m => m[1]);

describe("tooling: the lint cache's key", () => {
    let tmp: string;
    beforeEach(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lint-key-"));
        for (const [file, text] of Object.entries({
            "index.ts": 'import "./components/a";\n',
            "components/a.ts": "export const a = 1;\n",
            "test/a.test.ts": 'import { a } from "../components/a";\n',
            "package-lock.json": "{}\n",
            "node_modules/x/index.d.ts": "export {};\n",
        })) {
            fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
            fs.writeFileSync(path.join(tmp, file), text);
        }
    });
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

    it("GIVEN a change to a source file THEN the key changes (every result is computed again)", () => {
        const before = cacheKey(tmp);
        fs.writeFileSync(path.join(tmp, "components", "a.ts"), "export const a = 2;\n");
        assert.notEqual(cacheKey(tmp), before);
    });

    it("GIVEN a new source file or a changed lockfile THEN the key changes", () => {
        const before = cacheKey(tmp);
        fs.writeFileSync(path.join(tmp, "components", "b.ts"), "export const b = 1;\n");
        const added = cacheKey(tmp);
        assert.notEqual(added, before);
        fs.writeFileSync(path.join(tmp, "package-lock.json"), '{"lockfileVersion":3}\n');
        assert.notEqual(cacheKey(tmp), added);
    });

    it("GIVEN a change to a test only THEN the key stays (ESLint re-lints that file by its content)", () => {
        const before = cacheKey(tmp);
        fs.writeFileSync(path.join(tmp, "test", "a.test.ts"), "export {};\n");
        assert.equal(cacheKey(tmp), before);
        assert.deepEqual(dependencyFiles(tmp), ["components/a.ts", "index.ts", "package-lock.json"]);
    });

    it("GIVEN the repository THEN no file outside test/ imports from test/ (the key may leave tests out)", () => {
        const offenders = dependencyFiles(PROJECT_DIR)
            .filter(file => /\.(ts|mts|js|mjs)$/.test(file))
            .flatMap(file =>
                importsOf(fs.readFileSync(path.join(PROJECT_DIR, file), "utf8"))
                    .map(spec => path.relative(PROJECT_DIR, path.resolve(PROJECT_DIR, path.dirname(file), spec)).split(path.sep).join("/"))
                    .filter(target => target === "test" || target.startsWith("test/"))
                    .map(target => `${file} imports ${target}`),
            );
        assert.deepEqual(offenders, []);
    });
});

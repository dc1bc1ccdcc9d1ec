/**
 * `npm test` hands mocha the same spec files `.mocharc.json` selects, longest first by the last run's times
 * (tools/specOrder.js), and folds the times its workers record into that record.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_DIR } from "../support/stacks";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS tool script without types
const specOrder = require("../../tools/specOrder.js") as {
    order: (files: string[], times: Record<string, number>) => string[];
    saveTimes: (linesFile: string, file: string) => void;
    recordedTimes: (file: string) => Record<string, number>;
    specFiles: () => string[];
};

const abs = (relative: string) => path.join(PROJECT_DIR, relative);

describe("tooling: the order of spec files in npm test", () => {
    it("GIVEN recorded times THEN the longest file comes first, files never timed before all", () => {
        const files = ["test/a.test.ts", "test/b.test.ts", "test/c.test.ts", "test/new.test.ts"].map(abs);
        const ordered = specOrder.order(files, { "test/a.test.ts": 0.5, "test/b.test.ts": 3, "test/c.test.ts": 1 });
        assert.deepEqual(ordered.map(f => path.relative(PROJECT_DIR, f)), ["test/new.test.ts", "test/b.test.ts", "test/c.test.ts", "test/a.test.ts"]);
    });

    it("GIVEN .mocharc.json THEN the files are exactly the spec files under test/, without the ones it ignores", () => {
        const expected = (fs.readdirSync(abs("test"), { recursive: true }) as string[])
            .map(f => f.split(path.sep).join("/"))
            .filter(f => f.endsWith(".test.ts") && !f.startsWith("fixtures/") && f !== "tools/corpus.test.ts" && !f.endsWith(".slow.test.ts"))
            .map(f => abs(`test/${f}`))
            .sort();
        assert.deepEqual([...specOrder.specFiles()].sort(), expected);
    });

    it("GIVEN the workers' timing lines THEN they replace the older figures and keep the rest", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spec-times-"));
        try {
            const record = path.join(dir, "times.json");
            fs.writeFileSync(record, JSON.stringify({ "test/a.test.ts": 9, "test/b.test.ts": 2 }));
            const lines = path.join(dir, "lines.jsonl");
            fs.writeFileSync(lines, `${JSON.stringify({ file: abs("test/a.test.ts"), seconds: 1.23456 })}\n`);
            specOrder.saveTimes(lines, record);
            assert.deepEqual(specOrder.recordedTimes(record), { "test/a.test.ts": 1.235, "test/b.test.ts": 2 });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

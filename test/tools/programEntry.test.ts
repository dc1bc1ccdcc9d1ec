/**
 * Which module `--program` runs and where, as `pulumi` decides: a file, or a project folder and its `main`.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { check } from "../../tools/check";
import { ProgramEntryError, resolveProgramEntry } from "../../tools/programEntry";
import { PROJECT_DIR } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const PROGRAMS = path.join(PROJECT_DIR, "test", "fixtures", "programs");

describe("--program entry (tools/programEntry)", () => {
    let tmp: string;
    beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "entry-"))));
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

    const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
        fs.writeFileSync(path.join(tmp, file), text);
    };

    it("GIVEN a file THEN it runs in its folder, which must hold Pulumi.yaml", () => {
        write("Pulumi.yaml", "name: p\nruntime: nodejs\n");
        write("index.ts", "");
        assert.deepEqual(resolveProgramEntry(path.join(tmp, "index.ts")), { entry: path.join(tmp, "index.ts"), projectDir: tmp, cwd: tmp, esm: false });
        write("sub/index.ts", "");
        assert.throws(() => resolveProgramEntry(path.join(tmp, "sub", "index.ts")), { message: `${path.join(tmp, "sub", "Pulumi.yaml")}: not found; the program's folder must hold its Pulumi.yaml` });
    });

    it("GIVEN a project folder THEN Pulumi.yaml main (file or folder), else package.json main, else index.ts, else index.js", () => {
        write("Pulumi.yaml", "name: p\nruntime: nodejs\n");
        write("index.js", "");
        assert.equal(resolveProgramEntry(tmp).entry, path.join(tmp, "index.js"));
        write("index.ts", "");
        assert.equal(resolveProgramEntry(tmp).entry, path.join(tmp, "index.ts"));
        write("package.json", JSON.stringify({ main: "src/app.ts" }));
        write("src/app.ts", "");
        assert.equal(resolveProgramEntry(tmp).entry, path.join(tmp, "src", "app.ts"));
        write("Pulumi.yaml", "name: p\nruntime: nodejs\nmain: lib/main.ts\n");
        write("lib/main.ts", "");
        assert.deepEqual(resolveProgramEntry(tmp), { entry: path.join(tmp, "lib", "main.ts"), projectDir: tmp, cwd: tmp, esm: false });
        write("Pulumi.yaml", "name: p\nruntime: nodejs\nmain: infra/\n");
        write("infra/index.ts", "");
        assert.deepEqual(resolveProgramEntry(tmp), { entry: path.join(tmp, "infra", "index.ts"), projectDir: tmp, cwd: path.join(tmp, "infra"), esm: false });
    });

    it("GIVEN no program or no Pulumi.yaml in a folder THEN an error saying what was looked for", () => {
        assert.throws(() => resolveProgramEntry(tmp), { message: `${tmp}: a folder given as --program must hold a Pulumi.yaml` });
        write("Pulumi.yaml", "name: p\nruntime: nodejs\n");
        assert.throws(() => resolveProgramEntry(tmp), { message: `${tmp}: no program found (looked for Pulumi.yaml main, package.json main, index.ts and index.js)` });
        assert.throws(() => resolveProgramEntry(path.join(tmp, "nope.ts")), ProgramEntryError);
    });

    it("GIVEN a Pulumi.yaml that is not YAML, not a map, or of another runtime THEN an error naming the file and the reason", () => {
        const projectFile = path.join(tmp, "Pulumi.yaml");
        write("index.ts", "");
        for (const [text, reason] of [
            ["name: [oops\n", /: not valid YAML \(Flow sequence/],
            ["- name\n", /: expected a map of project settings/],
            ["name: p\nruntime: python\n", /: runtime "python"; the offline check runs Node\.js programs only/],
            ["name: p\nruntime:\n  name: yaml\n", /: runtime "yaml"; the offline check runs Node\.js programs only/],
        ] as const) {
            write("Pulumi.yaml", text);
            for (const program of [tmp, path.join(tmp, "index.ts")]) {
                assert.throws(
                    () => resolveProgramEntry(program),
                    (e: Error) => e instanceof ProgramEntryError && e.message.startsWith(`${projectFile}:`) && reason.test(e.message),
                );
            }
        }
        write("Pulumi.yaml", "name: p\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n");
        assert.equal(resolveProgramEntry(tmp).entry, path.join(tmp, "index.ts"));
    });

    it("GIVEN an ES module program (type module in the nearest package.json, .mjs, .mts) THEN recognised as one", () => {
        write("Pulumi.yaml", "name: p\nruntime: nodejs\n");
        write("index.ts", "");
        assert.equal(resolveProgramEntry(tmp).esm, false);
        write("package.json", JSON.stringify({ type: "module" }));
        assert.equal(resolveProgramEntry(tmp).esm, true);
        write("package.json", JSON.stringify({ type: "commonjs" }));
        assert.equal(resolveProgramEntry(tmp).esm, false);
        write("index.mts", "");
        assert.equal(resolveProgramEntry(path.join(tmp, "index.mts")).esm, true);
    });

    it("GIVEN a program reading ./www THEN it runs in its main folder wherever the check starts, and the caller's folder is restored", async function () {
        this.timeout(60_000);
        const before = process.cwd();
        const { report } = await check({ stack: "test", program: path.join(PROGRAMS, "relative"), json: false, help: false });
        assert.equal(process.cwd(), before);
        assert.deepEqual(
            report.resources.filter(r => r.type === AWS_TYPES.s3BucketObjectv2).map(r => r.name).sort(),
            ["index.html", "site.css"],
        );
    });
});

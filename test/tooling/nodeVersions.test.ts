// What we ship runs on a supported Node.js LTS line, while the package itself keeps working on Node 20.
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

const ROOT = path.resolve(__dirname, "..", "..");
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

/**
 * End of life of the Node.js LTS lines (nodejs/Release, schedule.json). 20 ended on 2026-04-30; a line
 * that is not listed here, or is listed as ended, must not be shipped.
 */
const LTS_END_OF_LIFE: Record<number, string> = { 20: "2026-04-30", 22: "2027-04-30", 24: "2028-04-30", 26: "2029-04-30" };
const ENDED = new Set([20]);
const supported = (major: number) => major in LTS_END_OF_LIFE && !ENDED.has(major);

describe("tooling: Node.js versions", function () {
    it("the app image's base is a supported LTS line, the same in every stage", function () {
        const bases = [...read("app/Dockerfile").matchAll(/^FROM\s+node:(\d+)(?:\.\d+){0,2}-\S+/gm)].map(m => Number(m[1]));
        assert.ok(bases.length > 0, "app/Dockerfile has no FROM node:<version>");
        for (const major of bases) {
            assert.ok(supported(major), `app/Dockerfile uses node ${major}, which is not a supported LTS line`);
        }
    });

    it("every workflow job sets up a supported LTS line, the one the image runs", function () {
        const image = Number(/^FROM\s+node:(\d+)/m.exec(read("app/Dockerfile"))![1]);
        const dir = path.join(ROOT, ".github", "workflows");
        let setups = 0;
        for (const file of fs.readdirSync(dir).filter(f => /\.ya?ml$/.test(f))) {
            const workflow = parse(fs.readFileSync(path.join(dir, file), "utf8")) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }> };
            for (const [job, { steps }] of Object.entries(workflow.jobs)) {
                for (const step of steps.filter(s => s.uses?.startsWith("actions/setup-node@"))) {
                    setups++;
                    const major = Number(/^(\d+)/.exec(String(step.with?.["node-version"]))?.[1]);
                    assert.ok(supported(major), `${file} ${job}: node-version ${step.with?.["node-version"]} is not a supported LTS line`);
                    assert.equal(major, image, `${file} ${job}: node-version ${major} differs from the image's node ${image}`);
                }
            }
        }
        assert.ok(setups >= 4, `only ${setups} setup-node steps found`);
    });

    it("the package and the app still declare Node 20 support (the machines here run 20)", function () {
        assert.equal(JSON.parse(read("package.json")).engines.node, ">=20");
        assert.equal(JSON.parse(read("app/package.json")).engines.node, ">=20");
    });
});

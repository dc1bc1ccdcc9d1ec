/**
 * The compiled entry's guard against running a build older than the policies beside it (a checkout where a
 * policy was edited but not rebuilt), and its silence in an installed package, which ships no TypeScript.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { staleSource } from "../../policy/lib/buildFreshness";

/** A package folder with `files` (path → text), each written with modification time `at` (seconds). */
function packageWith(files: Record<string, number>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-freshness-"));
    for (const [file, at] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), "");
        fs.utimesSync(path.join(dir, file), at, at);
    }
    return dir;
}

describe("policy/lib/buildFreshness", () => {
    const dirs: string[] = [];
    const make = (files: Record<string, number>) => {
        const dir = packageWith(files);
        dirs.push(dir);
        return dir;
    };
    after(() => dirs.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));

    it("GIVEN a build newer than every source THEN it is current", () => {
        const dir = make({ "index.ts": 100, "ecs/ecs-rule.ts": 100, "bin/index.js": 200 });
        assert.equal(staleSource(path.join(dir, "bin", "index.js")), undefined);
    });

    it("GIVEN a policy in a subfolder changed after the build THEN it names that file", () => {
        const dir = make({ "index.ts": 100, "lib/cidr.ts": 100, "ecs/ecs-rule.ts": 300, "bin/index.js": 200 });
        assert.equal(staleSource(path.join(dir, "bin", "index.js")), path.join("ecs", "ecs-rule.ts"));
    });

    it("GIVEN a new source file added after the build THEN it is stale", () => {
        const dir = make({ "index.ts": 100, "bin/index.js": 200, "facts/fargate.ts": 250 });
        assert.equal(staleSource(path.join(dir, "bin", "index.js")), path.join("facts", "fargate.ts"));
    });

    it("GIVEN newer TypeScript only under node_modules, bin or as declarations THEN they are not sources", () => {
        const dir = make({ "index.ts": 100, "bin/index.js": 200, "bin/x.ts": 300, "node_modules/p/index.ts": 300, "types.d.ts": 300 });
        assert.equal(staleSource(path.join(dir, "bin", "index.js")), undefined);
    });

    it("GIVEN an installed package (no index.ts beside bin/) THEN there is nothing to compare", () => {
        const dir = make({ "package.json": 300, "bin/index.js": 200, "bin/pack.js": 200 });
        assert.equal(staleSource(path.join(dir, "bin", "index.js")), undefined);
    });
});

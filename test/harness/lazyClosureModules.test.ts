/**
 * The harness's deferral of the SDK's closure-serializer modules (harness/lazyClosureModules.ts), held
 * against the installed SDK: the SDK still loads them where the stand-ins expect, a run leaves them
 * unloaded, and serializing a function still loads and uses the real TypeScript.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { closureModuleFiles } from "../../harness/lazyClosureModules";
import { PROJECT_DIR } from "../support/stacks";

const SDK_ROOT = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const sdkFile = (...parts: string[]) => fs.readFileSync(path.join(SDK_ROOT, ...parts), "utf8");

/** Runs `script` in a fresh Node process (the module cache of this one is shared by many tests). */
function fresh(script: string): Record<string, unknown> {
    const out = execFileSync(process.execPath, ["-r", "ts-node/register", "-e", script], { cwd: PROJECT_DIR, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true" } });
    return JSON.parse(out.trim().split("\n").pop() ?? "{}");
}

describe("harness: the SDK's closure-serializer modules load on first use", function () {
    this.timeout(60_000);

    it("GIVEN the installed SDK THEN the closure code requires the two modules at the paths the stand-ins take, reading them only at call time", () => {
        const files = closureModuleFiles(SDK_ROOT);
        assert.ok(fs.existsSync(files.typescriptShim) && fs.existsSync(files.arborist));
        assert.match(sdkFile("runtime", "closure", "parseFunction.js"), /^const ts = require\("\.\.\/\.\.\/typescript-shim"\);$/m);
        assert.match(sdkFile("runtime", "closure", "codePaths.js"), /^const arborist = __importStar\(require\("@npmcli\/arborist"\)\);$/m);
        assert.match(sdkFile("runtime", "closure", "codePaths.js"), /if \(mod && mod\.__esModule\) return mod;/);
    });

    // One fresh process for both cases: a run first, then a function serialized in the same process.
    let result: Record<string, unknown>;
    before(() => {
        result = fresh(`
            const path = require("path");
            const root = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
            const { closureModuleFiles, deferClosureModules, isDeferred } = require("./harness/lazyClosureModules");
            deferClosureModules(root);
            const files = closureModuleFiles(root);
            const { runProgram } = require("./harness/runProgram");
            runProgram({ program: () => { new (require("@pulumi/aws").s3.Bucket)("b"); }, project: "p", stack: "s", config: { "aws:region": "us-east-1" } }).then(async run => {
                const afterRun = {
                    resources: run.resources.length,
                    shimDeferred: isDeferred(require.cache[files.typescriptShim].exports),
                    arboristDeferred: isDeferred(require.cache[files.arborist].exports),
                    arboristLoaded: Object.keys(require.cache).some(f => f.includes("/@npmcli/arborist/lib/arborist/")),
                };
                const answer = 41;
                const f = await require("@pulumi/pulumi").runtime.serializeFunction(() => answer + 1);
                const shim = require.cache[files.typescriptShim].exports;
                const afterSerialize = { hasHandler: /answer \\+ 1/.test(f.text), shimDeferred: isDeferred(shim), realTypeScript: typeof shim.createSourceFile };
                console.log(JSON.stringify({ afterRun, afterSerialize }));
            });
        `);
    });

    it("GIVEN the modules deferred THEN loading the SDK and running a program loads neither stand-in's module", () => {
        assert.deepEqual(result.afterRun, { resources: 1, shimDeferred: true, arboristDeferred: true, arboristLoaded: false });
    });

    it("GIVEN the modules deferred THEN serializing a function loads the real TypeScript and gives the SDK's result", () => {
        assert.deepEqual(result.afterSerialize, { hasHandler: true, shimDeferred: false, realTypeScript: "function" });
    });
});

/**
 * The policy pack as a user gets it, apart from this repository: `npm pack` of `policy/` (which builds the
 * compiled pack first), the tarball installed into an empty folder with only its declared dependencies
 * (`npm install --prefer-offline`: what `npm ci` of this repository put in npm's cache comes from there), then
 * started exactly as the Pulumi CLI starts a Node.js pack (Pulumi's policy runner, program `.`, in the pack's
 * folder) and asked over gRPC as the CLI asks. It must report the workspace's name, version and policies, and
 * the same diagnostics for the dev and prod stacks as the offline engine running the TypeScript sources.
 *
 * Slow tier (`npm run test:slow`): packing and installing take tens of seconds.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { evaluatePack } from "../../harness/policyEngine";
import { pack } from "../../policy/pack";
import { AnalyzerServer, startAnalyzerServer } from "../support/analyzerServer";
import { lines, policyConfigOf, serverDiagnostics } from "../support/serverDiagnostics";
import { PROJECT_DIR, runStack } from "../support/stacks";

const POLICY_DIR = path.join(PROJECT_DIR, "policy");
const POLICY_PACKAGE: { name: string; version: string; dependencies: Record<string, string> } = JSON.parse(fs.readFileSync(path.join(POLICY_DIR, "package.json"), "utf8"));

/** Runs npm in `cwd`; its stdout, or an error with its output. */
function npm(args: string[], cwd: string): string {
    const result = spawnSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
    if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
}

/** Every TypeScript source of the pack, relative to `policy/`. */
function sources(dir = POLICY_DIR): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "bin" ? [] : sources(file);
        return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path.relative(POLICY_DIR, file)] : [];
    });
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

describe("the packed policy pack, installed into an empty folder and started as the Pulumi CLI starts it", function () {
    this.timeout(600_000);
    let tmp: string;
    let packed: { filename: string; size: number; unpackedSize: number; files: Array<{ path: string }> };
    let installed: string;
    let consumer: string;
    let server: AnalyzerServer;
    const times: Record<string, number> = {};

    before(async () => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fargate-web-policy-"));
        let start = process.hrtime.bigint();
        packed = JSON.parse(npm(["pack", "--json", "--pack-destination", tmp], POLICY_DIR))[0];
        times.pack = seconds(start);

        consumer = path.join(tmp, "consumer");
        fs.mkdirSync(consumer);
        fs.writeFileSync(path.join(consumer, "package.json"), `${JSON.stringify({ name: "policy-consumer", version: "1.0.0", private: true }, null, 2)}\n`);
        start = process.hrtime.bigint();
        npm(["install", "--prefer-offline", "--no-audit", "--no-fund", path.join(tmp, packed.filename)], consumer);
        times.install = seconds(start);
        installed = path.join(consumer, "node_modules", POLICY_PACKAGE.name);

        start = process.hrtime.bigint();
        server = await startAnalyzerServer({ packDir: installed, via: "runner" });
        times.start = seconds(start);
    });

    after(() => {
        server?.stop();
        if (packed) {
            const summary = Object.entries(times).map(([step, s]) => `${step} ${s.toFixed(1)} s`).join(", ");
            console.log(`      ${packed.filename}: ${(packed.size / 1024).toFixed(0)} kB packed, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked, ${packed.files.length} files; ${summary}`);
        }
        if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it("THEN the tarball holds the compiled pack, PulumiPolicy.yaml, the policy configs and the changelog, and nothing else", () => {
        const expected = [
            ...sources().map(file => path.posix.join("bin", file.split(path.sep).join("/").replace(/\.ts$/, ".js"))),
            "CHANGELOG.md",
            "PulumiPolicy.yaml",
            "config/dev.json",
            "config/prod.json",
            "package.json",
        ].sort();
        assert.deepEqual(packed.files.map(f => f.path).sort(), expected);
    });

    it("THEN it installed with its declared dependencies alone: no TypeScript toolchain, no path into this repository", () => {
        const modules = path.join(consumer, "node_modules");
        for (const name of Object.keys(POLICY_PACKAGE.dependencies)) assert.ok(fs.existsSync(path.join(modules, name, "package.json")), name);
        for (const name of ["typescript", "ts-node", "@swc/core"]) assert.ok(!fs.existsSync(path.join(modules, name)), `${name} was installed`);
        assert.ok(!fs.realpathSync(installed).startsWith(PROJECT_DIR), "the installed pack is a link into the repository");
    });

    it("THEN it reports the workspace pack's name, its package.json version and every policy", async () => {
        const info = await server.info();
        assert.equal(info.name, pack.name);
        assert.equal(info.version, POLICY_PACKAGE.version);
        assert.deepEqual(info.policies, pack.policies.map(p => p.name));
    });

    for (const stack of ["dev", "prod"]) {
        it(`GIVEN the ${stack} stack with policy/config/${stack}.json THEN it reports the workspace's diagnostics`, async () => {
            const { resources } = await runStack(stack);
            const config = policyConfigOf(stack);
            const workspace = await evaluatePack(pack, resources, config);
            const real = await serverDiagnostics(server, resources, config);
            assert.ok(real.length > 0, "no diagnostics at all: the comparison would prove nothing");
            assert.deepEqual(lines(real), lines(workspace.diagnostics));
        });
    }
});

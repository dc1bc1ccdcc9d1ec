/**
 * The policy pack as a user gets it, apart from this repository: `npm pack` of `policy/` (which builds the
 * compiled pack first), the tarball installed into an empty folder with only its declared dependencies
 * (`npm install --prefer-offline`: what `npm ci` of this repository put in npm's cache comes from there), then
 * started exactly as the Pulumi CLI starts a Node.js pack (Pulumi's policy runner, program `.`, in the pack's
 * folder) and asked over gRPC as the CLI asks. It must report the workspace's name, version and policies, and
 * the same diagnostics for the dev and prod stacks as the offline engine running the TypeScript sources.
 *
 * The same tarball is also installed as the Pulumi CLI installs a pack published to Pulumi Cloud: unpacked, then
 * `npm install` in its folder, where the shrinkwrap it ships (`tools/policyShrinkwrap.js`) makes npm install
 * exactly the versions of this repository's lockfile.
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
import { npm, packPolicyPack, Packed, POLICY_DIR, seconds } from "../support/packing";
import { lines, policyConfigOf, serverDiagnostics } from "../support/serverDiagnostics";
import { PROJECT_DIR, runStack } from "../support/stacks";

const POLICY_PACKAGE: { name: string; version: string; dependencies: Record<string, string> } = JSON.parse(fs.readFileSync(path.join(POLICY_DIR, "package.json"), "utf8"));

/** Every TypeScript source of the pack, relative to `policy/`. */
function sources(dir = POLICY_DIR): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "bin" ? [] : sources(file);
        return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path.relative(POLICY_DIR, file)] : [];
    });
}

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "fargate-web-policy-"));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

describe("the packed policy pack, installed into an empty folder and started as the Pulumi CLI starts it", function () {
    this.timeout(600_000);
    let packed: Packed;
    let installed: string;
    let consumer: string;
    let server: AnalyzerServer;
    const times: Record<string, number> = {};

    before(async () => {
        const pack = await packPolicyPack();
        packed = pack.packed;
        times.pack = pack.seconds;

        consumer = path.join(TMP, "consumer");
        fs.mkdirSync(consumer);
        fs.writeFileSync(path.join(consumer, "package.json"), `${JSON.stringify({ name: "policy-consumer", version: "1.0.0", private: true }, null, 2)}\n`);
        let start = process.hrtime.bigint();
        npm(["install", "--prefer-offline", "--no-audit", "--no-fund", pack.tarball], consumer);
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
    });

    it("THEN the tarball holds the compiled pack, PulumiPolicy.yaml, the policy configs, the changelog and the shrinkwrap, and nothing else", () => {
        const expected = [
            ...sources().map(file => path.posix.join("bin", file.split(path.sep).join("/").replace(/\.ts$/, ".js"))),
            "CHANGELOG.md",
            "PulumiPolicy.yaml",
            "config/dev.json",
            "config/prod.json",
            "npm-shrinkwrap.json",
            "package.json",
        ].sort();
        assert.deepEqual(packed.files.map(f => f.path).sort(), expected);
        assert.ok(!fs.existsSync(path.join(POLICY_DIR, "npm-shrinkwrap.json")), "postpack left policy/npm-shrinkwrap.json behind");
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

describe("the packed policy pack, installed as the Pulumi CLI installs a published pack", function () {
    this.timeout(600_000);
    let packDir: string;
    let server: AnalyzerServer;

    before(async () => {
        const { tarball } = await packPolicyPack();
        // `installRequiredPolicy` in pulumi/pulumi `pkg/backend/httpstate/policypack.go`: the tarball's `package/`
        // folder, then the Node.js host's dependency install (`npm install`) in it.
        const published = path.join(TMP, "published");
        fs.mkdirSync(published);
        const untar = spawnSync("tar", ["-xzf", tarball, "-C", published], { encoding: "utf8" });
        assert.equal(untar.status, 0, untar.stderr);
        packDir = path.join(published, "package");
        npm(["install", "--prefer-offline", "--no-audit", "--no-fund"], packDir);
        server = await startAnalyzerServer({ packDir, via: "runner" });
    });

    after(() => server?.stop());

    it("THEN npm installed exactly the versions of this repository's lockfile, and no TypeScript toolchain", () => {
        for (const name of ["typescript", "ts-node"]) assert.ok(!fs.existsSync(path.join(packDir, "node_modules", name)), `${name} was installed`);
        const lock: { packages: Record<string, { version?: string }> } = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "package-lock.json"), "utf8"));
        const installedTree: { packages: Record<string, { version?: string }> } = JSON.parse(fs.readFileSync(path.join(packDir, "node_modules", ".package-lock.json"), "utf8"));
        const entries = Object.entries(installedTree.packages);
        assert.ok(entries.length > 100, `only ${entries.length} packages installed`);
        const differing = entries.filter(([key, { version }]) => lock.packages[key]?.version !== version).map(([key, { version }]) => `${key}@${version}`);
        assert.deepEqual(differing, []);
    });

    it("THEN it reports the pack's version and the workspace's diagnostics for the prod stack", async () => {
        assert.equal((await server.info()).version, POLICY_PACKAGE.version);
        const { resources } = await runStack("prod");
        const config = policyConfigOf("prod");
        const workspace = await evaluatePack(pack, resources, config);
        assert.deepEqual(lines(await serverDiagnostics(server, resources, config)), lines(workspace.diagnostics));
    });
});

/**
 * The components as a team gets them, apart from this repository: `npm pack` of `packages/components` (which
 * compiles them first), the example program `examples/two-services` copied to an empty folder, the tarball
 * installed there (`npm install --prefer-offline`; the copy gets a lockfile with the versions of this
 * repository's lockfile, so every package comes from what `npm ci` put in npm's cache), type-checked with the
 * example's own TypeScript, and run through the offline check (`npm run check -- --program <copy>`): two
 * services on one cluster and one load balancer, the API on a listener rule, and no mandatory violation. Then
 * the policy pack, packed and installed into an empty folder of its own and started as the Pulumi CLI starts
 * it, judges the example exactly as the workspace pack does.
 *
 * Slow tier (`npm run test:slow`): packing and installing take tens of seconds.
 */
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { evaluatePack } from "../../../harness/policyEngine";
import { readStackConfig } from "../../../harness/projectConfig";
import { runProgram } from "../../../harness/runProgram";
import { pack } from "../../../policy/pack";
import { startAnalyzerServer } from "../../support/analyzerServer";
import { npm, packPolicyPack, Packed, run, seconds } from "../../support/packing";
import { lines, policyConfigOf, serverDiagnostics } from "../../support/serverDiagnostics";
import { PROJECT_DIR } from "../../support/stacks";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS tool without typings
const { treeOf } = require("../../../tools/policyShrinkwrap.js") as {
    treeOf: (packages: Record<string, unknown>, roots: Array<[string, Record<string, string>]>) => Record<string, unknown>;
};

interface Manifest {
    readonly name: string;
    readonly version: string;
    readonly license?: string;
    readonly dependencies?: Record<string, string>;
    readonly devDependencies?: Record<string, string>;
    readonly peerDependencies?: Record<string, string>;
}

const PACKAGE_DIR = path.join(PROJECT_DIR, "packages", "components");
const EXAMPLE_DIR = path.join(PROJECT_DIR, "examples", "two-services");
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;
const COMPONENTS = readJson<Manifest>(path.join(PACKAGE_DIR, "package.json"));

/** What `npm run check -- --json` reports, as far as this test reads it. */
interface Report {
    readonly project: string;
    readonly resources: ReadonlyArray<{ type: string; name: string; inputs: Record<string, any> }>;
    readonly violations: ReadonlyArray<{ policy: string; enforcementLevel: string }>;
    readonly applyErrors: readonly unknown[];
    readonly coverage: { readonly checksNotRun: number };
}

/** The example's lockfile: its own and the components' dependencies, at the versions of this repository's lockfile. */
function lockfileFor(example: Manifest): unknown {
    const lock = readJson<{ packages: Record<string, unknown> }>(path.join(PROJECT_DIR, "package-lock.json"));
    const tree = treeOf(lock.packages, [
        ["", { ...example.dependencies, ...example.devDependencies }],
        ["packages/components", { ...COMPONENTS.dependencies, ...COMPONENTS.peerDependencies }],
    ]);
    const { name, version, license, dependencies, devDependencies } = example;
    return { name, version, lockfileVersion: 3, requires: true, packages: { "": { name, version, license, dependencies, devDependencies }, ...tree } };
}

/** Every `.ts` source the build compiles into the package: the components and the policy facts they import. */
function compiledSources(): string[] {
    const ts = (dir: string) =>
        fs
            .readdirSync(path.join(PROJECT_DIR, dir))
            .filter(f => f.endsWith(".ts") && !f.endsWith(".d.ts"))
            .map(f => `${dir}/${f.replace(/\.ts$/, "")}`);
    const imported = new Set<string>();
    for (const file of ts("components")) {
        for (const match of fs.readFileSync(path.join(PROJECT_DIR, `${file}.ts`), "utf8").matchAll(/from "\.\.\/(policy\/facts\/\w+)"/g)) imported.add(match[1]);
    }
    return [...ts("components"), ...imported];
}


describe("the packed components, installed into a copy of examples/two-services", function () {
    this.timeout(600_000);
    const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "fargate-web-components-"));
    const consumer = path.join(TMP, "two-services");
    const times: Record<string, number> = {};
    let packed: Packed;
    let report: Report;
    let checkCode: number | null;

    before(() => {
        let start = process.hrtime.bigint();
        packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", TMP], PACKAGE_DIR))[0];
        times.pack = seconds(start);

        fs.cpSync(EXAMPLE_DIR, consumer, { recursive: true, filter: source => !["node_modules", "bin"].includes(path.basename(source)) });
        fs.writeFileSync(path.join(consumer, "package-lock.json"), `${JSON.stringify(lockfileFor(readJson<Manifest>(path.join(consumer, "package.json"))), null, 2)}\n`);
        start = process.hrtime.bigint();
        run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", path.join(TMP, packed.filename)], consumer);
        times.install = seconds(start);

        start = process.hrtime.bigint();
        run(process.execPath, [path.join(consumer, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "tsconfig.json"], consumer);
        times.typecheck = seconds(start);

        start = process.hrtime.bigint();
        const check = spawnSync(process.execPath, [path.join(PROJECT_DIR, "tools", "run-check.js"), "--program", consumer, "--stack", "dev", "--json"], { cwd: PROJECT_DIR, encoding: "utf8" });
        times.check = seconds(start);
        checkCode = check.status;
        assert.ok(check.stdout.trim().startsWith("{"), `the check printed no report (exit ${check.status}):\n${check.stdout}\n${check.stderr}`);
        report = JSON.parse(check.stdout);
    });

    after(() => {
        fs.rmSync(TMP, { recursive: true, force: true });
        if (packed) {
            const summary = Object.entries(times).map(([step, s]) => `${step} ${s.toFixed(1)} s`).join(", ");
            console.log(`      ${packed.filename}: ${(packed.size / 1024).toFixed(0)} kB packed, ${(packed.unpackedSize / 1024).toFixed(0)} kB unpacked, ${packed.files.length} files; ${summary}`);
        }
    });

    it("THEN the tarball holds the compiled components with their declarations, the facts they import, the changelog, and nothing else", () => {
        const expected = [
            ...compiledSources().flatMap(file => [`dist/${file}.js`, `dist/${file}.d.ts`]),
            "dist/policy/config/prod.json",
            "CHANGELOG.md",
            "package.json",
        ].sort();
        assert.deepEqual(packed.files.map(f => f.path).sort(), expected);
    });

    it("THEN the installed package and everything it loads resolve inside the example's folder, with one Pulumi SDK and one AWS provider", () => {
        const installed = path.join(consumer, "node_modules", COMPONENTS.name);
        assert.equal(fs.realpathSync(installed), installed, "the installed package is a link");
        const script = `
            const fs = require("node:fs");
            const entry = require.resolve(${JSON.stringify(COMPONENTS.name)});
            require(entry);
            const sdk = name => fs.realpathSync(require.resolve(name + "/package.json", { paths: [entry] }));
            console.log(JSON.stringify({ entry: fs.realpathSync(entry), loaded: Object.keys(require.cache).map(f => fs.realpathSync(f)), pulumi: sdk("@pulumi/pulumi"), aws: sdk("@pulumi/aws") }));`;
        const loaded: { entry: string; loaded: string[]; pulumi: string; aws: string } = JSON.parse(run(process.execPath, ["-e", script], consumer));
        const realConsumer = fs.realpathSync(consumer);
        assert.equal(loaded.entry, path.join(realConsumer, "node_modules", COMPONENTS.name, "dist", "components", "index.js"));
        assert.ok(loaded.loaded.length > 50, `only ${loaded.loaded.length} modules loaded`);
        assert.deepEqual(loaded.loaded.filter(file => !file.startsWith(`${realConsumer}${path.sep}`)), []);
        assert.equal(loaded.pulumi, path.join(realConsumer, "node_modules", "@pulumi", "pulumi", "package.json"));
        assert.equal(loaded.aws, path.join(realConsumer, "node_modules", "@pulumi", "aws", "package.json"));
        const text = packed.files.filter(f => /\.(js|ts|json)$/.test(f.path)).map(f => fs.readFileSync(path.join(installed, f.path), "utf8"));
        assert.ok(!text.some(t => t.includes(PROJECT_DIR)), "a file of the package names this repository's folder");
    });

    it("THEN the check runs the example: two services on one cluster, one load balancer whose default is web, a rule sending /api/* to api", () => {
        assert.equal(report.project, "two-services");
        const ofType = (type: string) => report.resources.filter(r => r.type === type);
        const [cluster, ...otherClusters] = ofType("aws:ecs/cluster:Cluster");
        assert.deepEqual([cluster?.name, otherClusters.length], ["shop-cluster", 0]);
        assert.equal(ofType("aws:lb/loadBalancer:LoadBalancer").length, 1);
        const services = ofType("aws:ecs/service:Service");
        assert.deepEqual(services.map(s => s.name).sort(), ["api-service", "web-service"]);
        const clusters = new Set(services.map(s => s.inputs.cluster));
        assert.equal(clusters.size, 1, `the services run on ${[...clusters].join(", ")}`);
        const targetGroupOf = (service: string) => services.find(s => s.name === service)!.inputs.loadBalancers[0].targetGroupArn;
        const [listener, ...otherListeners] = ofType("aws:lb/listener:Listener");
        assert.equal(otherListeners.length, 0);
        assert.deepEqual(listener.inputs.defaultActions, [{ type: "forward", targetGroupArn: targetGroupOf("web-service") }]);
        const rules = ofType("aws:lb/listenerRule:ListenerRule");
        assert.equal(rules.length, 1);
        assert.deepEqual(rules[0].inputs.conditions, [{ pathPattern: { values: ["/api/*"] } }]);
        assert.deepEqual(rules[0].inputs.actions, [{ type: "forward", targetGroupArn: targetGroupOf("api-service") }]);
        assert.notEqual(targetGroupOf("api-service"), targetGroupOf("web-service"));
    });

    it("THEN the policy pack passes it: exit 0, no mandatory violation, no apply-time error, every check run", () => {
        assert.deepEqual(
            report.violations.filter(v => v.enforcementLevel === "mandatory").map(v => v.policy),
            [],
        );
        assert.deepEqual(report.applyErrors, []);
        assert.equal(report.coverage.checksNotRun, 0);
        assert.equal(checkCode, 0);
    });

    it("THEN the packed policy pack, installed from its own tarball into an empty folder, judges the example as the workspace pack does", async () => {
        let start = process.hrtime.bigint();
        const { tarball } = await packPolicyPack();
        const packConsumer = path.join(TMP, "policy-consumer");
        fs.mkdirSync(packConsumer);
        fs.writeFileSync(path.join(packConsumer, "package.json"), `${JSON.stringify({ name: "policy-consumer", version: "1.0.0", private: true }, null, 2)}\n`);
        npm(["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], packConsumer);
        const server = await startAnalyzerServer({ packDir: path.join(packConsumer, "node_modules", "fargate-web-policy"), via: "runner" });
        times.policyPack = seconds(start);
        try {
            start = process.hrtime.bigint();
            const config = readStackConfig(consumer, "dev");
            const example = await runProgram({ program: path.join(consumer, "index.ts"), project: config.project, stack: "dev", config: config.config, secretKeys: config.secretKeys, cwd: consumer });
            const policyConfig = policyConfigOf("dev");
            const workspace = await evaluatePack(pack, example.resources, policyConfig);
            const real = await serverDiagnostics(server, example.resources, policyConfig);
            times.judge = seconds(start);
            assert.ok(real.length > 0, "no diagnostics at all: the comparison would prove nothing");
            assert.deepEqual(lines(real), lines(workspace.diagnostics));
            assert.deepEqual(real.filter(d => d.enforcementLevel === "mandatory"), []);
        } finally {
            server.stop();
        }
    });
});

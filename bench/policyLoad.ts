/**
 * How long the Pulumi CLI waits for the policy pack to start, printed as JSON (run: `npm run bench:policy`).
 * Each way is started as the CLI starts a Node.js pack: Pulumi's policy runner
 * (`@pulumi/pulumi/cmd/run-policy-pack`, which registers ts-node with `typeCheck: true`) in the pack's folder,
 * timed until the analyzer prints its gRPC port; runs alternate between the ways, medians reported.
 *
 * - typescript: `policy/index.ts`, type-checked by the runner (what a pack whose `main` is TypeScript costs).
 * - compiled: `policy/bin/index.js` (`main`) in this checkout, where the runner finds TypeScript 5 and ts-node.
 * - installed: the packed pack installed into an empty folder (no TypeScript there: the runner registers its
 *   vendored TypeScript 3.8, which never compiles anything). Skipped with `--no-install`.
 * - floor: `node -e "require('@pulumi/policy')"`, the SDKs every pack loads.
 *
 * Not a test: numbers depend on the machine, so they go into notes (the README), never into assertions.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const POLICY_DIR = path.join(ROOT, "policy");
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Seconds from spawning `args` in `cwd` until it prints a line on stdout (the analyzer's port). */
function untilPort(args: string[], cwd: string): Promise<number> {
    const start = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, args, { cwd });
        let stderr = "";
        child.stderr.on("data", chunk => (stderr += chunk));
        child.on("exit", code => reject(new Error(`${args.join(" ")} exited (${code}): ${stderr}`)));
        child.stdout.once("data", () => {
            const seconds = Number(process.hrtime.bigint() - start) / 1e9;
            child.removeAllListeners("exit");
            child.kill("SIGKILL");
            resolve(seconds);
        });
    });
}

function run(command: string, args: string[], cwd: string): string {
    const result = spawnSync(command, args, { cwd, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
    return result.stdout;
}

/** The packed pack installed into an empty folder under `tmp`; its folder. */
function installPacked(tmp: string): string {
    const { filename } = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", tmp], POLICY_DIR))[0];
    const consumer = path.join(tmp, "consumer");
    fs.mkdirSync(consumer);
    fs.writeFileSync(path.join(consumer, "package.json"), '{ "name": "policy-consumer", "version": "1.0.0", "private": true }\n');
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", path.join(tmp, filename)], consumer);
    return path.join(consumer, "node_modules", "fargate-web-policy");
}

async function main() {
    run(process.execPath, [require.resolve("typescript/bin/tsc", { paths: [ROOT] }), "-p", path.join(POLICY_DIR, "tsconfig.build.json")], ROOT);
    const runner = (dir: string) => require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [dir] });
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "policy-load-"));
    try {
        const ways: Record<string, () => Promise<number>> = {
            typescript: () => untilPort([runner(POLICY_DIR), "127.0.0.1:0", "index.ts"], POLICY_DIR),
            compiled: () => untilPort([runner(POLICY_DIR), "127.0.0.1:0", "."], POLICY_DIR),
            floor: () => untilPort(["-e", "require('@pulumi/policy'); console.log('loaded')"], POLICY_DIR),
        };
        if (!process.argv.includes("--no-install")) {
            const installed = installPacked(tmp);
            ways.installed = () => untilPort([runner(installed), "127.0.0.1:0", "."], installed);
        }
        const times: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map(way => [way, []]));
        for (let i = 0; i < RUNS; i++) {
            for (const [way, once] of Object.entries(ways)) times[way].push(await once());
        }
        const result = Object.fromEntries(Object.entries(times).map(([way, xs]) => [way, { medianSeconds: Number(median(xs).toFixed(3)), runs: xs.map(x => Number(x.toFixed(3))) }]));
        console.log(JSON.stringify({ node: process.versions.node, cpus: os.cpus().length, loadAverage: os.loadavg().map(x => Number(x.toFixed(1))), ...result }, null, 2));
    } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
    }
}

main().catch(error => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
});

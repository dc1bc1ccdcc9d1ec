/**
 * Packing and installing this repository's packages as a user gets them, for the slow tier's tests: npm run
 * as a process, what `npm pack --json` reports, and the policy pack packed once per process.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_DIR } from "./stacks";

/** Runs `command` in `cwd`; its stdout, or an error with its output. */
export function run(command: string, args: string[], cwd: string): string {
    const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
}

/** Runs npm in `cwd`; its stdout, or an error with its output. */
export const npm = (args: string[], cwd: string): string => run("npm", args, cwd);

/** Seconds since `start` (`process.hrtime.bigint()`). */
export const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

/** What `npm pack --json` reports of a tarball. */
export interface Packed {
    readonly filename: string;
    readonly size: number;
    readonly unpackedSize: number;
    readonly files: ReadonlyArray<{ path: string }>;
}

/** The policy package's folder. */
export const POLICY_DIR = path.join(PROJECT_DIR, "policy");

let policyPacking: Promise<{ packed: Packed; tarball: string; seconds: number }> | undefined;

/**
 * `npm pack` of `policy/` (which builds the compiled pack first), once per process, into a folder of its own
 * that lives as long as the process (tests that use it clean up their own folders at different times): its
 * report, the tarball's path and the time it took.
 */
export function packPolicyPack() {
    policyPacking ??= (async () => {
        const destination = fs.mkdtempSync(path.join(os.tmpdir(), "fargate-web-policy-tarball-"));
        process.once("exit", () => fs.rmSync(destination, { recursive: true, force: true }));
        const start = process.hrtime.bigint();
        const packed: Packed = JSON.parse(npm(["pack", "--json", "--pack-destination", destination], POLICY_DIR))[0];
        return { packed, tarball: path.join(destination, packed.filename), seconds: seconds(start) };
    })();
    return policyPacking;
}

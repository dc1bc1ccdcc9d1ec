/**
 * `npm run check` as a real process: what `npm run check --` runs (the precompiled entry under plain Node),
 * bounded in time.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { PROJECT_DIR } from "./stacks";

/** What a run printed and how it exited. */
export interface CheckResult {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs the check with `args` from the project folder; rejects after 90 s. */
export function spawnCheck(...args: string[]): Promise<CheckResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(PROJECT_DIR, "tools", "run-check.js"), ...args], { cwd: PROJECT_DIR });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", chunk => (stdout += chunk));
        child.stderr.on("data", chunk => (stderr += chunk));
        const timer = setTimeout(() => {
            child.kill("SIGKILL");
            reject(new Error(`check ${args.join(" ")} did not finish in 90 s`));
        }, 90_000);
        child.on("close", code => {
            clearTimeout(timer);
            resolve({ code, stdout, stderr });
        });
    });
}

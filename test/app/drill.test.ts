import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";

// app/ is plain JavaScript outside the TypeScript project, so describe the slice the tests use.
interface Drill {
    fault: "5xx" | "slow" | "unhealthy";
    percent?: number;
    delayMs?: number;
}
interface DrillModule {
    drillFromEnv(env: Record<string, string | undefined>): Drill | undefined;
    drillEffect(drill: Drill | undefined, n: number): { status?: number; delayMs?: number } | undefined;
    MAX_DELAY_MS: number;
}
interface App {
    server: http.Server;
    shutdown(): Promise<number>;
}

const APP_DIR = path.resolve(__dirname, "../../app");
/* eslint-disable @typescript-eslint/no-require-imports -- app/ is plain JavaScript outside the TypeScript project */
const { drillFromEnv, drillEffect, MAX_DELAY_MS } = require(path.join(APP_DIR, "drill.js")) as DrillModule;
const { createServer } = require(path.join(APP_DIR, "server.js")) as { createServer(options: { drill?: Drill; log?: () => void }): App };
/* eslint-enable @typescript-eslint/no-require-imports */

async function serve(drill: Drill | undefined): Promise<{ port: number; app: App }> {
    const app = createServer({ drill, log: () => undefined });
    await new Promise<void>(resolve => app.server.listen(0, "127.0.0.1", resolve));
    return { port: (app.server.address() as net.AddressInfo).port, app };
}

function get(port: number, urlPath: string): Promise<{ status: number; body: string; ms: number }> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
        http.get({ host: "127.0.0.1", port, path: urlPath, agent: false }, res => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (c: string) => (body += c));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body, ms: Date.now() - started }));
        }).on("error", reject);
    });
}

describe("rollout drill (app/drill.js)", () => {
    describe("drillFromEnv", () => {
        it("GIVEN nothing set THEN there is no drill", () => {
            assert.equal(drillFromEnv({}), undefined);
            assert.equal(drillFromEnv({ DRILL_FAULT: "" }), undefined);
        });

        it("GIVEN each fault THEN its defaults: 50 % of requests, 3000 ms, a failing /health", () => {
            assert.deepEqual(drillFromEnv({ DRILL_FAULT: "5xx" }), { fault: "5xx", percent: 50, delayMs: undefined });
            assert.deepEqual(drillFromEnv({ DRILL_FAULT: "slow" }), { fault: "slow", percent: undefined, delayMs: 3000 });
            assert.deepEqual(drillFromEnv({ DRILL_FAULT: "unhealthy" }), { fault: "unhealthy", percent: undefined, delayMs: undefined });
            assert.deepEqual(drillFromEnv({ DRILL_FAULT: "5xx", DRILL_FAULT_PERCENT: "100" }), { fault: "5xx", percent: 100, delayMs: undefined });
            assert.deepEqual(drillFromEnv({ DRILL_FAULT: "slow", DRILL_DELAY_MS: "2500" }), { fault: "slow", percent: undefined, delayMs: 2500 });
        });

        it("GIVEN an unknown fault, a share or delay out of range, or a setting without a fault THEN it names the variable and what it accepts", () => {
            assert.throws(() => drillFromEnv({ DRILL_FAULT: "500" }), { message: 'DRILL_FAULT must be one of 5xx, slow, unhealthy, got "500"' });
            assert.throws(() => drillFromEnv({ DRILL_FAULT: "5XX" }), { message: 'DRILL_FAULT must be one of 5xx, slow, unhealthy, got "5XX"' });
            for (const bad of ["0", "101", "12.5", "half"]) {
                assert.throws(() => drillFromEnv({ DRILL_FAULT: "5xx", DRILL_FAULT_PERCENT: bad }), { message: `DRILL_FAULT_PERCENT must be an integer between 1 and 100, got ${JSON.stringify(bad)}` });
            }
            assert.throws(() => drillFromEnv({ DRILL_FAULT: "slow", DRILL_DELAY_MS: "60000" }), { message: `DRILL_DELAY_MS must be an integer between 1 and ${MAX_DELAY_MS}, got "60000"` });
            assert.throws(() => drillFromEnv({ DRILL_FAULT_PERCENT: "20" }), { message: "DRILL_FAULT_PERCENT is set but DRILL_FAULT is not; set DRILL_FAULT to 5xx, slow, unhealthy" });
        });
    });

    describe("drillEffect", () => {
        for (const percent of [1, 5, 20, 50, 99, 100]) {
            it(`GIVEN ${percent} % THEN exactly ${percent} of every 100 requests answer 500, spread evenly`, () => {
                const failed = Array.from({ length: 300 }, (_, n) => drillEffect({ fault: "5xx", percent }, n)?.status === 500);
                for (let block = 0; block < 3; block++) {
                    assert.equal(failed.slice(block * 100, block * 100 + 100).filter(Boolean).length, percent);
                }
                // Evenly: no run of failures longer than one when under half fail.
                if (percent <= 50) assert.ok(!failed.some((f, i) => f && failed[i + 1]), "two failures in a row");
            });
        }

        it("GIVEN slow THEN every request waits the delay; GIVEN unhealthy or no drill THEN requests are untouched", () => {
            assert.deepEqual(drillEffect({ fault: "slow", delayMs: 700 }, 0), { delayMs: 700 });
            assert.equal(drillEffect({ fault: "unhealthy" }, 0), undefined);
            assert.equal(drillEffect(undefined, 0), undefined);
        });
    });

    describe("the server under a drill", function () {
        this.timeout(10_000);
        const running: App[] = [];
        afterEach(async () => {
            for (const app of running.splice(0)) await app.shutdown();
        });

        it("GIVEN 5xx at 50 % THEN / alternates 200 and 500 while /health stays 200, so the deployment reaches the alarms", async () => {
            const { port, app } = await serve({ fault: "5xx", percent: 50 });
            running.push(app);
            const statuses: number[] = [];
            for (let i = 0; i < 6; i++) {
                statuses.push((await get(port, "/")).status);
                assert.equal((await get(port, "/health")).status, 200);
            }
            assert.deepEqual(statuses, [200, 500, 200, 500, 200, 500]);
            const [next, after] = [await get(port, "/"), await get(port, "/")];
            assert.deepEqual([next.status, JSON.parse(next.body)], [200, { message: "Hello from web", service: "web" }]);
            assert.deepEqual([after.status, JSON.parse(after.body)], [500, { error: "drill: injected failure" }]);
        });

        it("GIVEN slow THEN / answers after the delay and /health at once", async () => {
            const { port, app } = await serve({ fault: "slow", delayMs: 400 });
            running.push(app);
            const root = await get(port, "/");
            assert.equal(root.status, 200);
            assert.ok(root.ms >= 380, `answered after ${root.ms} ms`);
            const health = await get(port, "/health");
            assert.equal(health.status, 200);
            assert.ok(health.ms < 380, `health answered after ${health.ms} ms`);
        });

        it("GIVEN unhealthy THEN /health answers 503 while / still works: the circuit breaker's case", async () => {
            const { port, app } = await serve({ fault: "unhealthy" });
            running.push(app);
            assert.deepEqual(await get(port, "/health").then(r => [r.status, JSON.parse(r.body)]), [503, { status: "drill: unhealthy" }]);
            assert.equal((await get(port, "/")).status, 200);
        });

        it("GIVEN DRILL_FAULT in the environment THEN the process logs the drill at startup; a bad value stops it naming the variable", async () => {
            const run = (env: Record<string, string>) =>
                new Promise<{ code: number | null; lines: Record<string, unknown>[] }>(resolve => {
                    const child = spawn(process.execPath, ["server.js"], { cwd: APP_DIR, env: { PATH: process.env.PATH ?? "", PORT: "0", ...env }, stdio: ["ignore", "pipe", "pipe"] });
                    let out = "";
                    child.stdout.setEncoding("utf8");
                    child.stdout.on("data", (c: string) => {
                        out += c;
                        if (out.includes("drill_enabled")) child.kill("SIGTERM");
                    });
                    child.once("close", code => resolve({ code, lines: out.trim().split("\n").filter(Boolean).map(l => JSON.parse(l) as Record<string, unknown>) }));
                });
            const ok = await run({ DRILL_FAULT: "5xx", DRILL_FAULT_PERCENT: "20" });
            const enabled = ok.lines.find(l => l.event === "drill_enabled")!;
            assert.deepEqual([enabled.fault, enabled.percent, "delayMs" in enabled], ["5xx", 20, false]);
            const bad = await run({ DRILL_FAULT: "slowly" });
            assert.equal(bad.code, 1);
            assert.deepEqual([bad.lines[0].event, bad.lines[0].error], ["startup_failed", 'DRILL_FAULT must be one of 5xx, slow, unhealthy, got "slowly"']);
        });
    });
});

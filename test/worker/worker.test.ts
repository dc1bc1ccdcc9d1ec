import assert from "node:assert/strict";
import { ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { appEnvironment } from "../../components/appEnvironment";

// worker/ is plain JavaScript outside the TypeScript project, so describe the slice the tests use.
type Log = (event: string, fields: Record<string, unknown>) => void;
interface WorkerModule {
  createWorker(options: { unit: (signal: AbortSignal) => Promise<Record<string, unknown>>; intervalMs: number; shutdownTimeoutMs: number; heartbeatFile: string; log?: Log }): {
    start(): Promise<void>;
    stop(signal?: string): Promise<number>;
    unitsDone(): number;
  };
  settingsFrom(env: Record<string, string>): Record<string, unknown>;
}
interface HealthcheckModule {
  staleness(file: string, maxAgeSeconds: number, now?: number): string | undefined;
  maxAgeFrom(env: Record<string, string>): number | Error;
  DEFAULT_MAX_AGE_SECONDS: number;
}
interface AwsModule {
  signRequest(request: { method: string; url: string; headers?: Record<string, string>; body?: string; region: string; service: string; credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }; now?: Date }): Record<string, string>;
  credentialsFrom(env: Record<string, string>): (signal?: AbortSignal) => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string }>;
}

const WORKER_DIR = path.resolve(__dirname, "../../worker");
const WORKER_JS = path.join(WORKER_DIR, "worker.js");
const HEALTHCHECK_JS = path.join(WORKER_DIR, "healthcheck.js");
/* eslint-disable @typescript-eslint/no-require-imports -- worker/ is plain JavaScript outside the TypeScript project */
const { createWorker, settingsFrom } = require(WORKER_JS) as WorkerModule;
const { staleness, maxAgeFrom, DEFAULT_MAX_AGE_SECONDS } = require(HEALTHCHECK_JS) as HealthcheckModule;
const { signRequest, credentialsFrom } = require(path.join(WORKER_DIR, "aws.js")) as AwsModule;
/* eslint-enable @typescript-eslint/no-require-imports */

interface LogLine {
  event: string;
  [key: string]: unknown;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const children: ChildProcess[] = [];
let tmp: string;

interface Spawned {
  logs: LogLine[];
  stderr: () => string;
  child: ChildProcess;
  /** Resolves with the first log line of `event` (the `nth` one, from 1). */
  waitForLog(event: string, nth?: number): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnNode(script: string, env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, [script], { cwd: WORKER_DIR, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const logs: LogLine[] = [];
  const waiters: Array<() => void> = [];
  let buffer = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (line.trim() !== "") logs.push(JSON.parse(line) as LogLine);
      waiters.splice(0).forEach(wake => wake());
    }
  });
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve =>
    child.once("close", (code, signal) => {
      resolve({ code, signal });
      waiters.splice(0).forEach(wake => wake());
    }),
  );
  async function waitForLog(event: string, nth = 1): Promise<LogLine> {
    const found = async () => {
      for (;;) {
        const line = logs.filter(l => l.event === event)[nth - 1];
        if (line) return line;
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited before logging "${event}"; stderr: ${stderr}`);
        await new Promise<void>(wake => waiters.push(wake));
      }
    };
    return withTimeout(found(), 3000, `log event "${event}" #${nth}`);
  }
  return { logs, stderr: () => stderr, child, waitForLog, exited };
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port));
  });
}

const events = (logs: readonly LogLine[]) => logs.map(l => l.event);

describe("fargate-web-worker (worker/)", function () {
  this.timeout(5000);

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "worker-test-"));
  });

  afterEach(() => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe("worker.js as a process", () => {
    it("GIVEN the loop running THEN it does a unit per interval, touches its heartbeat, and on SIGTERM between units exits 0 at once", async () => {
      const heartbeat = path.join(tmp, "heartbeat");
      const proc = spawnNode(WORKER_JS, { WORK_INTERVAL_MS: "20", WORK_DURATION_MS: "5", HEARTBEAT_FILE: heartbeat });
      await proc.waitForLog("unit_end", 2);
      assert.equal(staleness(heartbeat, 1), undefined, "the heartbeat is fresh");
      const sent = Date.now();
      proc.child.kill("SIGTERM");
      const exit = await withTimeout(proc.exited, 2000, "exit after SIGTERM");
      assert.deepEqual(exit, { code: 0, signal: null });
      // Between units there is nothing to finish: only process exit stands between SIGTERM and the end.
      assert.ok(Date.now() - sent < 1500, `stopped ${Date.now() - sent} ms after SIGTERM`);
      assert.deepEqual(events(proc.logs).slice(-2), ["shutdown_begin", "shutdown_end"]);
      assert.equal(proc.logs[0].event, "startup");
      assert.equal(proc.stderr(), "");
    });

    it("GIVEN many units back to back THEN nothing piles up (no listener-leak warning) and it still stops cleanly", async () => {
      const proc = spawnNode(WORKER_JS, { WORK_INTERVAL_MS: "0", WORK_DURATION_MS: "0", HEARTBEAT_FILE: path.join(tmp, "hb") });
      await proc.waitForLog("unit_end", 50);
      proc.child.kill("SIGTERM");
      assert.deepEqual(await withTimeout(proc.exited, 2000, "exit"), { code: 0, signal: null });
      assert.equal(proc.stderr(), "");
    });

    it("GIVEN SIGTERM during a unit THEN the unit finishes, then it exits 0, well within SHUTDOWN_TIMEOUT_SECONDS", async () => {
      const proc = spawnNode(WORKER_JS, { WORK_INTERVAL_MS: "1000", WORK_DURATION_MS: "300", SHUTDOWN_TIMEOUT_SECONDS: "2", HEARTBEAT_FILE: path.join(tmp, "hb") });
      await proc.waitForLog("unit_begin");
      const sent = Date.now();
      proc.child.kill("SIGTERM");
      const begin = await proc.waitForLog("shutdown_begin");
      assert.deepEqual([begin.unitInProgress, begin.timeoutMs], [true, 2000]);
      assert.deepEqual(await withTimeout(proc.exited, 3000, "exit after the unit"), { code: 0, signal: null });
      const elapsed = Date.now() - sent;
      assert.deepEqual(events(proc.logs), ["startup", "unit_begin", "shutdown_begin", "unit_end", "shutdown_end"]);
      assert.ok(elapsed >= 150 && elapsed < 1000, `exited ${elapsed} ms after SIGTERM; the unit had up to 300 ms left`);
    });

    for (const [name, value, allowed] of [
      ["WORK_INTERVAL_MS", "soon", "0 and 3600000"],
      ["WORK_DURATION_MS", "-1", "0 and 3600000"],
      ["SHUTDOWN_TIMEOUT_SECONDS", "121", "1 and 120"],
      ["QUEUE_WAIT_SECONDS", "21", "0 and 20"],
    ]) {
      it(`GIVEN ${name}=${value} THEN it refuses to start, naming the variable and its range`, async () => {
        const proc = spawnNode(WORKER_JS, { [name]: value, HEARTBEAT_FILE: path.join(tmp, "hb") });
        assert.equal((await withTimeout(proc.exited, 2000, "exit")).code, 1);
        assert.deepEqual([proc.logs[0]?.event, proc.logs[0]?.error], ["startup_failed", `${name} must be an integer between ${allowed}, got ${JSON.stringify(value)}`]);
      });
    }

    it("GIVEN a queue URL that is not https, or no credentials THEN it refuses to start and says which", async () => {
      const plain = spawnNode(WORKER_JS, { QUEUE_URL: "http://sqs.us-east-1.amazonaws.com/123456789012/jobs", AWS_ACCESS_KEY_ID: "a", AWS_SECRET_ACCESS_KEY: "b" });
      const bare = spawnNode(WORKER_JS, { QUEUE_URL: "https://sqs.us-east-1.amazonaws.com/123456789012/jobs" });
      await Promise.all([plain.exited, bare.exited]);
      assert.equal(plain.logs[0]?.error, 'QUEUE_URL must be an https URL, got "http://sqs.us-east-1.amazonaws.com/123456789012/jobs"');
      assert.match(String(bare.logs[0]?.error), /^no AWS credentials: the task needs a task role \(ECS then sets AWS_CONTAINER_CREDENTIALS_RELATIVE_URI\)/);
    });

    it("accepts every SHUTDOWN_TIMEOUT_SECONDS the task definition can set (and ignores PORT)", () => {
      for (let stop = 2; stop <= 120; stop++) {
        const settings = settingsFrom(appEnvironment(8080, stop));
        assert.ok(Number(settings.shutdownTimeoutMs) < stop * 1000, `stopTimeout ${stop}`);
      }
    });
  });

  describe("the loop in-process", () => {
    it("GIVEN a unit that outlasts the shutdown budget THEN stop() gives up at the deadline with 1", async () => {
      let release!: () => void;
      const endless = new Promise<Record<string, unknown>>(resolve => (release = () => resolve({})));
      const logs: LogLine[] = [];
      const worker = createWorker({ unit: () => endless, intervalMs: 10, shutdownTimeoutMs: 100, heartbeatFile: path.join(tmp, "hb"), log: (event, fields) => logs.push({ event, ...fields }) });
      void worker.start();
      await new Promise(resolve => setTimeout(resolve, 10));
      const started = Date.now();
      assert.equal(await withTimeout(worker.stop("SIGTERM"), 1000, "stop"), 1);
      assert.ok(Date.now() - started >= 90, "gave up before its deadline");
      release();
      await new Promise(resolve => setImmediate(resolve));
      assert.deepEqual(events(logs), ["unit_begin", "shutdown_begin", "shutdown_timeout", "unit_end"]);
    });

    it("GIVEN a unit that fails THEN the failure is logged and the loop goes on", async () => {
      const logs: LogLine[] = [];
      let calls = 0;
      const worker = createWorker({
        unit: async () => {
          calls++;
          if (calls === 1) throw new Error("queue unreachable");
          return {};
        },
        intervalMs: 5,
        shutdownTimeoutMs: 1000,
        heartbeatFile: path.join(tmp, "hb"),
        log: (event, fields) => logs.push({ event, ...fields }),
      });
      void worker.start();
      await withTimeout((async () => { while (worker.unitsDone() < 2) await new Promise(r => setTimeout(r, 5)); })(), 1000, "two units");
      assert.equal(await worker.stop(), 0);
      assert.deepEqual(logs.find(l => l.event === "unit_failed"), { event: "unit_failed", error: "queue unreachable" });
    });

    it("GIVEN a heartbeat file it cannot write THEN it says so and keeps working (the health check then fails)", async () => {
      const logs: LogLine[] = [];
      const worker = createWorker({ unit: async () => ({}), intervalMs: 5, shutdownTimeoutMs: 1000, heartbeatFile: path.join(tmp, "missing", "hb"), log: (event, fields) => logs.push({ event, ...fields }) });
      void worker.start();
      await withTimeout((async () => { while (worker.unitsDone() < 1) await new Promise(r => setTimeout(r, 5)); })(), 1000, "a unit");
      await worker.stop();
      assert.equal(logs[0].event, "heartbeat_failed");
      assert.match(String(logs[0].error), /ENOENT/);
    });
  });

  describe("SQS", () => {
    const CREDENTIALS = { AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", AWS_SESSION_TOKEN: "session-token" };

    it("signs as AWS Signature Version 4 does (AWS's published IAM ListUsers example)", () => {
      const headers = signRequest({
        method: "GET",
        url: "https://iam.amazonaws.com/?Version=2010-05-08&Action=ListUsers",
        headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" },
        region: "us-east-1",
        service: "iam",
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
        now: new Date("2015-08-30T12:36:00Z"),
      });
      assert.equal(
        headers.Authorization,
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
      );
      assert.equal(headers["X-Amz-Date"], "20150830T123600Z");
    });

    it("GIVEN a queue THEN a unit takes one message, handles it and deletes it; SIGTERM during a long poll abandons the wait and exits 0", async () => {
      const calls: Array<{ target: string; body: Record<string, unknown>; headers: http.IncomingHttpHeaders }> = [];
      const held: http.ServerResponse[] = [];
      const sqs = http.createServer((req, res) => {
        let text = "";
        req.on("data", (chunk: Buffer) => (text += chunk.toString()));
        req.on("end", () => {
          const target = String(req.headers["x-amz-target"]);
          calls.push({ target, body: JSON.parse(text) as Record<string, unknown>, headers: req.headers });
          const receives = calls.filter(c => c.target === "AmazonSQS.ReceiveMessage").length;
          if (target === "AmazonSQS.ReceiveMessage" && receives > 1) return void held.push(res); // a long poll with nothing to give
          res.setHeader("Content-Type", "application/x-amz-json-1.0");
          res.end(target === "AmazonSQS.ReceiveMessage" ? JSON.stringify({ Messages: [{ MessageId: "m-1", ReceiptHandle: "rh-1", Body: "{}" }] }) : "{}");
        });
      });
      const port = await listen(sqs);
      try {
        const queueUrl = `http://127.0.0.1:${port}/123456789012/jobs`;
        const proc = spawnNode(WORKER_JS, { QUEUE_URL: queueUrl, AWS_REGION: "eu-west-1", WORK_INTERVAL_MS: "0", WORK_DURATION_MS: "0", HEARTBEAT_FILE: path.join(tmp, "hb"), ...CREDENTIALS });
        const done = await proc.waitForLog("unit_end");
        assert.deepEqual([done.received, done.messageId], [1, "m-1"]);
        await withTimeout((async () => { while (held.length === 0) await new Promise(r => setTimeout(r, 5)); })(), 2000, "the second long poll");
        const sent = Date.now();
        proc.child.kill("SIGTERM");
        assert.deepEqual(await withTimeout(proc.exited, 2000, "exit"), { code: 0, signal: null });
        assert.ok(Date.now() - sent < 1500, "the long poll (20 s) was abandoned, not waited out");
        assert.deepEqual(calls.map(c => c.target), ["AmazonSQS.ReceiveMessage", "AmazonSQS.DeleteMessage", "AmazonSQS.ReceiveMessage"]);
        assert.deepEqual(calls[0].body, { QueueUrl: queueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 20 });
        assert.deepEqual(calls[1].body, { QueueUrl: queueUrl, ReceiptHandle: "rh-1" });
        assert.equal(calls[0].headers["content-type"], "application/x-amz-json-1.0");
        assert.equal(calls[0].headers["x-amz-security-token"], "session-token");
        assert.match(String(calls[0].headers.authorization), /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/sqs\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$/);
      } finally {
        held.forEach(res => res.destroy());
        sqs.closeAllConnections();
        sqs.close();
      }
    });

    it("GIVEN the task role's container credentials endpoint THEN credentials come from it, with its token, once until they near expiry", async () => {
      const requests: http.IncomingHttpHeaders[] = [];
      const agent = http.createServer((req, res) => {
        requests.push(req.headers);
        res.end(JSON.stringify({ AccessKeyId: "ASIA1", SecretAccessKey: "s", Token: "t", Expiration: new Date(Date.now() + 3_600_000).toISOString() }));
      });
      const port = await listen(agent);
      try {
        const credentials = credentialsFrom({ AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://127.0.0.1:${port}/v2/credentials/x`, AWS_CONTAINER_AUTHORIZATION_TOKEN: "agent-token" });
        assert.deepEqual(await credentials(), { accessKeyId: "ASIA1", secretAccessKey: "s", sessionToken: "t" });
        await credentials();
        assert.equal(requests.length, 1);
        assert.equal(requests[0].authorization, "agent-token");
      } finally {
        agent.closeAllConnections();
        agent.close();
      }
    });
  });

  describe("healthcheck.js", () => {
    it("GIVEN a fresh, a stale and a missing heartbeat THEN healthy, then each unhealthy with the reason", () => {
      const file = path.join(tmp, "hb");
      fs.writeFileSync(file, "1\n");
      const now = Date.now();
      assert.equal(staleness(file, 60, now), undefined);
      fs.utimesSync(file, new Date(now - 75_000), new Date(now - 75_000));
      assert.equal(staleness(file, 60, now), `heartbeat ${file} is 75 s old, over 60 s`);
      assert.equal(staleness(path.join(tmp, "none"), 60, now), `no heartbeat at ${path.join(tmp, "none")} (ENOENT)`);
    });

    it("GIVEN HEARTBEAT_MAX_AGE_SECONDS THEN a whole number of seconds is the limit and anything else is named", () => {
      assert.equal(maxAgeFrom({}), DEFAULT_MAX_AGE_SECONDS);
      assert.equal(maxAgeFrom({ HEARTBEAT_MAX_AGE_SECONDS: "90" }), 90);
      for (const bad of ["", "0", "1.5", "60s", "-1"]) {
        const result = maxAgeFrom({ HEARTBEAT_MAX_AGE_SECONDS: bad });
        assert.ok(result instanceof Error, bad);
        assert.equal(result.message, `HEARTBEAT_MAX_AGE_SECONDS is ${JSON.stringify(bad)}; expected a whole number of seconds, at least 1`);
      }
    });

    it("GIVEN the probe as a process THEN exit 0 on a fresh heartbeat, 1 with the reason on a stale one", async () => {
      const file = path.join(tmp, "hb");
      fs.writeFileSync(file, "1\n");
      const fresh = spawnNode(HEALTHCHECK_JS, { HEARTBEAT_FILE: file });
      assert.equal((await withTimeout(fresh.exited, 2000, "probe")).code, 0);
      const old = new Date(Date.now() - 120_000);
      fs.utimesSync(file, old, old);
      const stale = spawnNode(HEALTHCHECK_JS, { HEARTBEAT_FILE: file, HEARTBEAT_MAX_AGE_SECONDS: "60" });
      assert.equal((await withTimeout(stale.exited, 2000, "probe")).code, 1);
      assert.match(stale.stderr(), /^unhealthy: heartbeat .* is 12\d s old, over 60 s\n$/);
    });
  });

  describe("Dockerfile", () => {
    const dockerfile = fs.readFileSync(path.join(WORKER_DIR, "Dockerfile"), "utf8");
    const instructions = dockerfile.split("\n").filter(l => l.trim() !== "" && !l.startsWith("#"));

    it("uses the app's pinned base image, in every stage", () => {
      const from = (text: string) => [...text.matchAll(/^FROM\s+(node:\S+)/gm)].map(m => m[1]);
      const app = from(fs.readFileSync(path.resolve(WORKER_DIR, "../app/Dockerfile"), "utf8"));
      assert.deepEqual(from(dockerfile), app);
      assert.ok(app.length > 0);
    });

    it("runs as the non-root node user with /tmp declared a volume after it is made writable, exposes no port, and probes the heartbeat", () => {
      const index = (pattern: RegExp) => instructions.findIndex(l => pattern.test(l));
      assert.ok(index(/^RUN chown node:node \/tmp && chmod 1777 \/tmp$/) >= 0 && index(/^RUN chown/) < index(/^VOLUME \["\/tmp"\]$/));
      assert.equal(instructions.filter(l => l.startsWith("USER ")).at(-1), "USER node");
      assert.equal(index(/^EXPOSE/), -1);
      assert.match(dockerfile, /^HEALTHCHECK .* CMD \["node", "healthcheck\.js"\]$/m);
      assert.match(dockerfile, /^CMD \["node", "worker\.js"\]$/m);
    });

    it("copies every file the worker loads", () => {
      const copied = /^COPY package\.json (.*\bworker\.js.*) \.\/$/m.exec(dockerfile)![1].split(" ");
      const required = new Set<string>();
      const visit = (file: string) => {
        if (required.has(file)) return;
        required.add(file);
        for (const m of fs.readFileSync(path.join(WORKER_DIR, file), "utf8").matchAll(/require\('\.\/([\w-]+)'\)/g)) visit(`${m[1]}.js`);
      };
      ["worker.js", "healthcheck.js"].forEach(visit);
      assert.deepEqual([...required].sort(), [...copied].sort());
    });
  });
});

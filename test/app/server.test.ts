import assert from "node:assert/strict";
import { ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { appEnvironment } from "../../components/appEnvironment";

// app/ is plain JavaScript outside the TypeScript project, so describe the slice the tests use.
type Next = () => void;
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next: Next) => void;
interface App {
  server: http.Server;
  shutdown(signal?: string): Promise<number>;
  isDraining(): boolean;
}
interface AppModule {
  createServer(options?: {
    handler?: Handler;
    serviceName?: string;
    shutdownTimeoutMs?: number;
    log?: (event: string, fields: Record<string, unknown>) => void;
  }): App;
}

const APP_DIR = path.resolve(__dirname, "../../app");
const SERVER_JS = path.join(APP_DIR, "server.js");
const HEALTHCHECK_JS = path.join(APP_DIR, "healthcheck.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- app/ is plain JavaScript outside the TypeScript project
const { createServer } = require(SERVER_JS) as AppModule;

interface LogLine {
  event: string;
  [key: string]: unknown;
}
interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string | (() => string)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const describe = () => (typeof what === "function" ? what() : what);
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${describe()}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", resolve);
  });
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** GET over a fresh connection, or over `agent` to behave like a keep-alive client such as an ALB. */
function get(port: number, urlPath: string, agent: http.Agent | false = false, timeoutMs = 5000): Promise<Response> {
  return withTimeout(
    new Promise<Response>((resolve, reject) => {
      // agent: false sends "Connection: close" and never shares sockets between tests.
      const req = http.get({ host: "127.0.0.1", port, path: urlPath, agent }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`GET ${urlPath} timed out`)));
    }),
    timeoutMs + 1000,
    `GET ${urlPath}`,
  );
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port));
  });
}

// ---- child processes -------------------------------------------------------------------------

interface Spawned {
  child: ChildProcess;
  logs: LogLine[];
  stderr: () => string;
  waitForLog(event: string, timeoutMs?: number): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];

function spawnNode(script: string, env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, [script], {
    cwd: APP_DIR,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);

  const logs: LogLine[] = [];
  const waiters: Array<() => void> = [];
  let stdoutBuffer = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (chunk: string) => {
    stdoutBuffer += chunk;
    let newline: number;
    while ((newline = stdoutBuffer.indexOf("\n")) >= 0) {
      const line = stdoutBuffer.slice(0, newline);
      stdoutBuffer = stdoutBuffer.slice(newline + 1);
      if (line.trim() === "") continue;
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        logs.push({ event: "<not JSON>", line });
      }
      waiters.splice(0).forEach((wake) => wake());
    }
  });
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => (stderr += chunk));

  // "close" rather than "exit": it waits for stdout to be fully read, so no log line is missed.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("close", (code, signal) => {
      resolve({ code, signal });
      waiters.splice(0).forEach((wake) => wake());
    });
  });

  async function waitForLog(event: string, timeoutMs = 10_000): Promise<LogLine> {
    const found = async (): Promise<LogLine> => {
      for (;;) {
        const line = logs.find((l) => l.event === event);
        if (line) return line;
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(`process exited before logging "${event}"; stderr: ${stderr}`);
        }
        await new Promise<void>((wake) => waiters.push(wake));
      }
    };
    return withTimeout(found(), timeoutMs, () => `log event "${event}" (stderr: ${stderr || "empty"})`);
  }

  return { child, logs, stderr: () => stderr, waitForLog, exited };
}

async function startServerProcess(): Promise<Spawned & { port: number }> {
  const port = await freePort();
  const proc = spawnNode(SERVER_JS, { PORT: String(port), SERVICE_NAME: "test-svc" });
  const startup = await proc.waitForLog("startup");
  assert.equal(startup.port, port);
  return { ...proc, port };
}

// ---- tests -------------------------------------------------------------------------------------

describe("fargate-web-app (app/)", function () {
  afterEach(function killChildren() {
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  });

  describe("server.js as a process", function () {
    this.timeout(20_000);

    it("serves /health and /, 404s unknown paths, and exits 0 on SIGTERM", async () => {
      const proc = await startServerProcess();

      const health = await get(proc.port, "/health");
      assert.equal(health.status, 200);
      assert.equal(health.body, '{"status":"ok"}');
      assert.match(String(health.headers["content-type"]), /^application\/json/);

      const root = await get(proc.port, "/");
      assert.equal(root.status, 200);
      assert.equal(JSON.parse(root.body).service, "test-svc");

      const missing = await get(proc.port, "/nope");
      assert.equal(missing.status, 404);
      assert.deepEqual(JSON.parse(missing.body), { error: "not found" });

      proc.child.kill("SIGTERM");
      const exit = await withTimeout(proc.exited, 5000, "exit after SIGTERM");
      assert.deepEqual(exit, { code: 0, signal: null });
      const events = proc.logs.map((l) => l.event);
      assert.deepEqual(events, ["startup", "shutdown_begin", "shutdown_end"]);
      assert.equal(proc.logs[1].signal, "SIGTERM");
      assert.equal(proc.stderr(), "");
    });

    it("exits 0 on SIGINT", async () => {
      const proc = await startServerProcess();
      proc.child.kill("SIGINT");
      assert.deepEqual(await withTimeout(proc.exited, 5000, "exit after SIGINT"), { code: 0, signal: null });
    });

    it("refuses to start with an invalid PORT", async () => {
      const proc = spawnNode(SERVER_JS, { PORT: "not-a-port" });
      assert.equal((await withTimeout(proc.exited, 5000, "exit")).code, 1);
      assert.equal(proc.logs[0]?.event, "startup_failed");
    });

    it("drains for the SHUTDOWN_TIMEOUT_SECONDS the task sets, then gives up with exit 1", async () => {
      const port = await freePort();
      const proc = spawnNode(SERVER_JS, { PORT: String(port), SHUTDOWN_TIMEOUT_SECONDS: "1" });
      await proc.waitForLog("startup");
      // A request whose headers never finish keeps its connection busy, so only the deadline ends the drain.
      const socket = net.connect(port, "127.0.0.1");
      await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
      socket.write("GET /health HTTP/1.1\r\nHost: x\r\n");
      const started = Date.now();
      proc.child.kill("SIGTERM");
      const begin = await proc.waitForLog("shutdown_begin");
      assert.equal(begin.timeoutMs, 1000);
      const exit = await withTimeout(proc.exited, 5000, "exit after the drain deadline");
      socket.destroy();
      assert.deepEqual(exit, { code: 1, signal: null });
      assert.ok(proc.logs.some((l) => l.event === "shutdown_timeout"));
      const elapsed = Date.now() - started;
      assert.ok(elapsed >= 900 && elapsed < 4000, `drain ended after ${elapsed} ms`);
    });

    it("without SHUTDOWN_TIMEOUT_SECONDS (docker run) drains for 25 s at most", async () => {
      const proc = await startServerProcess();
      proc.child.kill("SIGTERM");
      assert.equal((await proc.waitForLog("shutdown_begin")).timeoutMs, 25_000);
    });

    for (const bad of ["0", "121", "2.5", "ten", "-3"]) {
      it(`refuses to start with SHUTDOWN_TIMEOUT_SECONDS=${bad}, naming the variable and its range`, async () => {
        const proc = spawnNode(SERVER_JS, { PORT: String(await freePort()), SHUTDOWN_TIMEOUT_SECONDS: bad });
        assert.equal((await withTimeout(proc.exited, 5000, "exit")).code, 1);
        assert.equal(proc.logs[0]?.event, "startup_failed");
        assert.equal(proc.logs[0]?.error, `SHUTDOWN_TIMEOUT_SECONDS must be an integer between 1 and 120, got ${JSON.stringify(bad)}`);
      });
    }

    it("accepts every PORT and SHUTDOWN_TIMEOUT_SECONDS the task definition can set", () => {
      // The program's side of the contract: containerPort 1024..65535, stopTimeoutSeconds 2..120.
      for (let stop = 2; stop <= 120; stop++) {
        const env = appEnvironment(65535, stop);
        const seconds = Number(env.SHUTDOWN_TIMEOUT_SECONDS);
        assert.ok(Number.isInteger(seconds) && seconds >= 1 && seconds <= 120 && seconds < stop, `stopTimeout ${stop} gives ${seconds}`);
      }
      assert.equal(appEnvironment(1024, 30).PORT, "1024");
    });
  });

  describe("server.js graceful drain (in-process)", function () {
    this.timeout(15_000);

    let app: App | undefined;
    let keepAlive: http.Agent;
    const timers: NodeJS.Timeout[] = [];
    const clientSockets: net.Socket[] = [];

    beforeEach(() => {
      keepAlive = new http.Agent({ keepAlive: true });
    });

    afterEach(async () => {
      keepAlive.destroy();
      timers.splice(0).forEach(clearTimeout);
      clientSockets.splice(0).forEach((s) => s.destroy());
      if (app) {
        app.server.closeAllConnections();
        if (app.server.listening) await new Promise<void>((resolve) => app!.server.close(() => resolve()));
        app = undefined;
      }
    });

    /** Server with a test-only /slow route; `arrived` resolves once /slow is being handled. */
    function slowApp(options: { delayMs: number | null; shutdownTimeoutMs?: number }) {
      const logs: LogLine[] = [];
      let markArrived!: () => void;
      const arrived = new Promise<void>((resolve) => (markArrived = resolve));
      app = createServer({
        serviceName: "drain-test",
        shutdownTimeoutMs: options.shutdownTimeoutMs,
        log: (event, fields) => logs.push({ event, ...fields }),
        handler(req, res, next) {
          if (req.url !== "/slow") return next();
          markArrived();
          if (options.delayMs === null) return; // never answers
          timers.push(
            setTimeout(() => {
              res.writeHead(200, { "Content-Type": "application/json" });
              res.end('{"slow":"done"}');
            }, options.delayMs),
          );
        },
      });
      return { app, logs, arrived };
    }

    it("finishes an in-flight request, refuses new connections, then resolves 0", async () => {
      const { app, logs, arrived } = slowApp({ delayMs: 500 });
      const port = await listen(app.server);

      const inFlight = get(port, "/slow", keepAlive);
      await withTimeout(arrived, 5000, "slow request to reach the handler");

      const drained = app.shutdown("SIGTERM");
      assert.equal(app.isDraining(), true);
      assert.equal(app.shutdown("SIGTERM"), drained, "shutdown is idempotent");

      // The listener is closed at once, so a new connection is refused (a 503 would also stop an LB).
      const late = await get(port, "/health").then(
        (res) => res,
        (err: NodeJS.ErrnoException) => err,
      );
      if (late instanceof Error) assert.equal(late.code, "ECONNREFUSED");
      else assert.equal(late.status, 503);

      const res = await inFlight;
      assert.equal(res.status, 200);
      assert.equal(res.body, '{"slow":"done"}');
      assert.equal(res.headers.connection, "close", "draining tells keep-alive clients to reconnect elsewhere");

      assert.equal(await withTimeout(drained, 5000, "drain to finish"), 0);
      assert.equal(app.server.listening, false);
      assert.deepEqual(
        logs.map((l) => l.event),
        ["shutdown_begin", "shutdown_end"],
      );
      assert.equal(logs[0].inFlight, 1);
    });

    it("closes a keep-alive connection whose response headers went out before draining", async () => {
      app = createServer({
        log: () => undefined,
        handler(req, res, next) {
          if (req.url !== "/stream") return next();
          res.writeHead(200, { "Content-Type": "text/plain" });
          res.write("a");
          timers.push(setTimeout(() => res.end("b"), 200));
        },
      });
      const port = await listen(app.server);

      let headersArrived!: () => void;
      const streaming = new Promise<void>((resolve) => (headersArrived = resolve));
      const done = new Promise<Response>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port, path: "/stream", agent: keepAlive }, (res) => {
            headersArrived();
            let text = "";
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => (text += chunk));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
            res.on("error", reject);
          })
          .on("error", reject);
      });
      await withTimeout(streaming, 5000, "response headers");

      const drained = app.shutdown("SIGTERM");
      const res = await withTimeout(done, 5000, "streamed response");
      assert.equal(res.headers.connection, "keep-alive", "headers were sent before draining began");
      assert.equal(res.body, "ab");
      // Unless the server drops the socket once the response ends, close() waits for the 65 s keep-alive timeout.
      assert.equal(await withTimeout(drained, 5000, "drain to finish"), 0);
    });

    it("answers /health with 503 on a connection already mid-request when draining began", async () => {
      const { app } = slowApp({ delayMs: 0 });
      let serverSide: net.Socket | undefined;
      app.server.on("connection", (socket: net.Socket) => (serverSide = socket));
      const port = await listen(app.server);

      const client = net.connect(port, "127.0.0.1");
      clientSockets.push(client);
      let raw = "";
      client.setEncoding("utf8");
      client.on("data", (chunk: string) => (raw += chunk));
      const closed = new Promise<void>((resolve) => client.once("close", () => resolve()));
      await withTimeout(new Promise((resolve) => client.once("connect", resolve)), 5000, "connect");

      // Headers without the final blank line: the connection is busy, so draining must not drop it.
      client.write("GET /health HTTP/1.1\r\nHost: localhost\r\n");
      await withTimeout(
        (async () => {
          while (!serverSide || serverSide.bytesRead === 0) await new Promise((r) => setTimeout(r, 5));
        })(),
        5000,
        "server to read the partial request",
      );

      const drained = app.shutdown("SIGTERM");
      client.write("\r\n");
      await withTimeout(closed, 5000, "server to close the connection");

      assert.match(raw, /^HTTP\/1\.1 503 /);
      assert.match(raw, /\r\nConnection: close\r\n/i);
      assert.ok(raw.endsWith('\r\n\r\n{"status":"draining"}'), raw);
      assert.equal(await withTimeout(drained, 5000, "drain to finish"), 0);
    });

    it("force-closes connections and resolves 1 when the drain deadline passes", async () => {
      const { app, logs, arrived } = slowApp({ delayMs: null, shutdownTimeoutMs: 200 });
      const port = await listen(app.server);

      const stuck = get(port, "/slow").then(
        () => assert.fail("a request that never completes cannot succeed"),
        (err: NodeJS.ErrnoException) => err,
      );
      await withTimeout(arrived, 5000, "slow request to reach the handler");

      assert.equal(await withTimeout(app.shutdown("SIGTERM"), 5000, "drain deadline"), 1);
      const err = await stuck;
      assert.ok(err instanceof Error);
      assert.equal(err.code, "ECONNRESET");
      assert.deepEqual(
        logs.map((l) => l.event),
        ["shutdown_begin", "shutdown_timeout", "shutdown_end"],
      );
    });

    it("turns a throwing handler into a 500 and keeps serving", async () => {
      const logs: LogLine[] = [];
      app = createServer({
        log: (event, fields) => logs.push({ event, ...fields }),
        handler(req, _res, next) {
          if (req.url === "/boom") throw new Error("boom");
          next();
        },
      });
      const port = await listen(app.server);

      const res = await get(port, "/boom");
      assert.equal(res.status, 500);
      assert.deepEqual(JSON.parse(res.body), { error: "internal error" });
      assert.equal(logs[0]?.event, "request_error");
      assert.equal((await get(port, "/health")).status, 200);
    });
  });

  describe("healthcheck.js", function () {
    this.timeout(20_000);

    async function runHealthcheck(port: number): Promise<{ code: number | null; stderr: string }> {
      const proc = spawnNode(HEALTHCHECK_JS, { PORT: String(port) });
      const { code } = await withTimeout(proc.exited, 10_000, "healthcheck.js to exit");
      return { code, stderr: proc.stderr() };
    }

    it("exits 0 against a running server", async () => {
      const proc = await startServerProcess();
      assert.equal((await runHealthcheck(proc.port)).code, 0);
    });

    it("exits 1 when nothing listens", async () => {
      const result = await runHealthcheck(await freePort());
      assert.equal(result.code, 1);
      assert.match(result.stderr, /ECONNREFUSED/);
    });

    it("exits 1 on a non-200 answer and when the server never answers", async () => {
      const fake = http.createServer((req, res) => {
        if (req.url === "/health") {
          res.statusCode = 500;
          res.end();
        }
      });
      const hanging = http.createServer(() => {
        /* never responds: healthcheck.js must give up on its own after 3 s */
      });
      try {
        const code500 = await runHealthcheck(await listen(fake));
        assert.equal(code500.code, 1);
        assert.match(code500.stderr, /500/);

        const startedAt = Date.now();
        const hung = await runHealthcheck(await listen(hanging));
        assert.equal(hung.code, 1);
        assert.match(hung.stderr, /no response/);
        assert.ok(Date.now() - startedAt < 9000, "gave up within its deadline");
      } finally {
        for (const server of [fake, hanging]) {
          server.closeAllConnections();
          if (server.listening) server.close();
        }
      }
    });
  });
});

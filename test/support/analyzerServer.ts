/**
 * The policy pack's real analyzer server, started in its own process with the pack's folder as working
 * directory (where the CLI starts it, and where `PolicyPack` reads the version it reports), which prints its
 * gRPC port, and a client for the RPCs the CLI calls during a preview. Tests use it to hold the offline engine
 * to the real one.
 */
import * as grpc from "@grpc/grpc-js";
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import { normaliseForEngine } from "../../harness/serialisation";
import { RecordedResource } from "../../harness/types";

/* eslint-disable @typescript-eslint/no-require-imports -- generated protobuf modules without typings for these paths */
const { AnalyzerClient } = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
const analyzerProto = require("@pulumi/pulumi/proto/analyzer_pb");
const { Empty } = require("google-protobuf/google/protobuf/empty_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
/* eslint-enable @typescript-eslint/no-require-imports */

const LEVELS = ["advisory", "mandatory", "disabled", "remediate"] as const;

/** A diagnostic as the server returns it. */
export interface ServerDiagnostic {
    readonly policyName: string;
    readonly message: string;
    readonly enforcementLevel: (typeof LEVELS)[number];
}

/** A running analyzer server and its client. */
export interface AnalyzerServer {
    info(): Promise<{ name: string; version: string; policies: string[] }>;
    /** What the CLI sends before analysing: each policy's resolved level and config (defaults filled). */
    configure(config: Record<string, { enforcementLevel: (typeof LEVELS)[number]; properties: Record<string, unknown> }>): Promise<void>;
    analyze(resource: RecordedResource, props: Record<string, unknown>): Promise<ServerDiagnostic[]>;
    analyzeStack(resources: ReadonlyArray<{ resource: RecordedResource; props: Record<string, unknown> }>): Promise<ServerDiagnostic[]>;
    stop(): void;
}

const call = <T>(fn: (cb: (err: grpc.ServiceError | null, res: T) => void) => void): Promise<T> =>
    new Promise((resolve, reject) => fn((err, res) => (err ? reject(err) : resolve(res))));

function options(resource: RecordedResource) {
    const opts = new analyzerProto.AnalyzerResourceOptions();
    opts.setProtect(resource.opts.protect);
    opts.setIgnorechangesList(resource.opts.ignoreChanges);
    opts.setAdditionalsecretoutputsList(resource.opts.additionalSecretOutputs);
    if (resource.parent) opts.setParent(resource.parent);
    return opts;
}

const diagnostics = (response: any): ServerDiagnostic[] =>
    response.getDiagnosticsList().map((d: any) => ({ policyName: d.getPolicyname(), message: d.getMessage(), enforcementLevel: LEVELS[d.getEnforcementlevel()] }));

/** Which entry of the pack runs, and how. */
export type PackLaunch =
    /** `index.ts` through ts-node without type-checking, with the project's tsconfig (the workspace's tests). */
    | { readonly packDir: string; readonly via: "typescript"; readonly tsconfig: string }
    /**
     * Exactly as the Pulumi CLI starts a Node.js pack: Pulumi's policy runner (`@pulumi/pulumi/cmd/run-policy-pack`,
     * resolved from the pack's folder) with the engine's address and the program `.`, which loads the package's
     * `main`, in the pack's folder (`NewPolicyAnalyzer` in pulumi/pulumi `sdk/go/common/resource/plugin/analyzer_plugin.go`).
     */
    | { readonly packDir: string; readonly via: "runner" };

function spawnPack(launch: PackLaunch): ChildProcess {
    if (launch.via === "typescript") {
        return spawn(process.execPath, ["-r", "ts-node/register", path.join(launch.packDir, "index.ts")], {
            cwd: launch.packDir,
            env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true", TS_NODE_PROJECT: launch.tsconfig },
        });
    }
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [launch.packDir] });
    // No engine listens at this address: the runner only logs to it, and the pack's RPCs come from this client.
    return spawn(process.execPath, [runner, "127.0.0.1:0", "."], { cwd: launch.packDir, env: process.env });
}

/** Starts the pack in a child process and connects to the port it prints. */
export function startAnalyzerServer(launch: PackLaunch): Promise<AnalyzerServer> {
    const child = spawnPack(launch);
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill("SIGKILL");
            reject(new Error("the analyzer server printed no port within 60 s"));
        }, 60_000);
        let stderr = "";
        child.stderr?.on("data", chunk => (stderr += chunk));
        child.on("exit", code => reject(new Error(`the analyzer server exited (${code}): ${stderr}`)));
        child.stdout?.once("data", chunk => {
            clearTimeout(timer);
            const port = String(chunk).trim();
            const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
            resolve({
                info: async () => {
                    const info: any = await call(cb => client.getAnalyzerInfo(new Empty(), cb));
                    return { name: info.getName(), version: info.getVersion(), policies: info.getPoliciesList().map((p: any) => p.getName()) };
                },
                configure: async config => {
                    const request = new analyzerProto.ConfigureAnalyzerRequest();
                    const map = request.getPolicyconfigMap();
                    for (const [name, entry] of Object.entries(config)) {
                        const policyConfig = new analyzerProto.PolicyConfig();
                        policyConfig.setEnforcementlevel(LEVELS.indexOf(entry.enforcementLevel));
                        policyConfig.setProperties(Struct.fromJavaScript(entry.properties));
                        map.set(name, policyConfig);
                    }
                    await call(cb => client.configure(request, cb));
                },
                analyze: async (resource, props) => {
                    const request = new analyzerProto.AnalyzeRequest();
                    request.setType(resource.type);
                    request.setUrn(resource.urn);
                    request.setName(resource.name);
                    request.setProperties(Struct.fromJavaScript(normaliseForEngine(props)));
                    request.setOptions(options(resource));
                    return diagnostics(await call(cb => client.analyze(request, cb)));
                },
                analyzeStack: async resources => {
                    const request = new analyzerProto.AnalyzeStackRequest();
                    request.setResourcesList(
                        resources.map(({ resource, props }) => {
                            const r = new analyzerProto.AnalyzerResource();
                            r.setType(resource.type);
                            r.setUrn(resource.urn);
                            r.setName(resource.name);
                            r.setProperties(Struct.fromJavaScript(normaliseForEngine(props)));
                            r.setOptions(options(resource));
                            if (resource.parent) r.setParent(resource.parent);
                            r.setDependenciesList(resource.dependencies);
                            return r;
                        }),
                    );
                    return diagnostics(await call(cb => client.analyzeStack(request, cb)));
                },
                stop: () => {
                    child.removeAllListeners("exit");
                    client.close();
                    child.kill("SIGKILL");
                },
            });
        });
    });
}

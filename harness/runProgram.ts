/**
 * Runs a Pulumi TypeScript program under the SDK's mock runtime and records every registration as the
 * engine would see it (type, name, URN, parent, inputs, state, dependencies, options).
 */
import type * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { AliasMessage, aliasUrns } from "./aliases";
import { AwsMocks, AwsMocksOptions } from "./awsMocks";
import { ProgramError } from "./errors";
import { deferClosureModules } from "./lazyClosureModules";
import { skipPromiseStacks } from "./promiseStacks";
import { skipRegistrationStacks } from "./registrationStacks";
import { RecordedResource } from "./types";

/** What a run needs. */
export interface RunOptions {
    /**
     * Path of the program's entry module (e.g. `index.ts`), or a function that builds resources and returns
     * the stack outputs (for component tests).
     */
    readonly program: string | (() => Record<string, unknown> | void);
    readonly project: string;
    readonly stack: string;
    /** Full config keys (`project:key`, `aws:region`) to their text, as the engine passes them. */
    readonly config: Readonly<Record<string, string>>;
    /** Full keys set with `--secret`. */
    readonly secretKeys?: readonly string[];
    /** Run as `pulumi preview` (true) or `pulumi up` (false). @default true */
    readonly preview?: boolean;
    /** Organization for `pulumi.getOrganization()`. @default "organization" */
    readonly organization?: string;
    /**
     * Working directory while the program runs, as `pulumi` sets it (the project folder), so relative paths
     * such as `./www` resolve as they would there. @default the program's folder
     */
    readonly cwd?: string;
    /** The program is an ES module (`"type": "module"`): it is imported, not required. @default false */
    readonly esm?: boolean;
    /** Extra mock behaviour. */
    readonly mocks?: AwsMocksOptions;
}

/** What a run recorded. */
export interface ProgramRun {
    readonly project: string;
    readonly stack: string;
    /** URN of the stack resource every top-level resource belongs to. */
    readonly stackUrn: string;
    /** Every registration, in registration order. */
    readonly resources: RecordedResource[];
    /** The program's exports, resolved; secret outputs as `{secret: value}`. */
    readonly outputs: Record<string, unknown>;
}

export { ProgramError };

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getProvider(): string;
    getCustom(): boolean;
    getRemote(): boolean;
    getObject(): unknown;
    getProtect(): boolean | undefined;
    getRetainondelete(): boolean | undefined;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(cb: (v: { getUrnsList(): string[] }, k: string) => void): void };
    getIgnorechangesList(): string[];
    getAdditionalsecretoutputsList(): string[];
    getDeletebeforereplace(): boolean;
    getDeletebeforereplacedefined(): boolean;
    getCustomtimeouts(): { getCreate(): string; getUpdate(): string; getDelete(): string } | undefined;
    getAliasesList(): AliasMessage[];
}

const seconds = (duration: string | undefined): number => {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(duration ?? "");
    if (!match) return 0;
    const factor = { ms: 0.001, s: 1, m: 60, h: 3600 }[match[2] ?? "s"] ?? 1;
    return Number(match[1]) * factor;
};

/** Modules each program's last run loaded first: a program creates resources when its modules load. */
const loadedByProgram = new Map<string, string[]>();

/**
 * Loads a program afresh: the modules its previous run loaded (its own files, not node_modules) are
 * evaluated again; modules the caller had loaded before stay shared, so classes keep their identity.
 */
function loadProgram(program: string): Record<string, unknown> {
    for (const key of loadedByProgram.get(program) ?? []) {
        delete require.cache[key];
    }
    const before = new Set(Object.keys(require.cache));
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the program at a path known only at run time
        return require(program);
    } finally {
        loadedByProgram.set(
            program,
            Object.keys(require.cache).filter(k => !before.has(k) && !k.includes(`${path.sep}node_modules${path.sep}`)),
        );
    }
}

/** The parts of a Pulumi SDK the runner drives. */
interface Sdk {
    readonly pulumi: typeof pulumi;
    readonly settings: { getMonitor(): unknown };
}

/**
 * The Pulumi SDK the program itself loads. A program with its own node_modules has its own copy of
 * `@pulumi/pulumi`, whose runtime state is separate: mocks set on any other copy would never see its
 * resources.
 */
function sdkFor(programDir: string): Sdk {
    const root = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [programDir, __dirname] }));
    deferClosureModules(root);
    skipPromiseStacks(root);
    skipRegistrationStacks(root);
    /* eslint-disable @typescript-eslint/no-require-imports -- the program's own SDK copy, found at run time */
    return {
        pulumi: require(root),
        settings: require(path.join(root, "runtime", "settings")),
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
}

const STALLED = Symbol("stalled");

/**
 * `work`, or {@link STALLED} when the event loop drains before it settles: a registration waits on a value
 * that nothing will ever resolve (e.g. after a refused call), and Node would otherwise exit silently.
 */
function unlessStalled<T>(work: Promise<T>): Promise<T | typeof STALLED> {
    return new Promise((resolve, reject) => {
        const onIdle = () => resolve(STALLED);
        process.once("beforeExit", onIdle);
        work.then(
            value => {
                process.off("beforeExit", onIdle);
                resolve(value);
            },
            error => {
                process.off("beforeExit", onIdle);
                reject(error);
            },
        );
    });
}

/** Awaits an export: Outputs resolve to their value (secrets wrapped as `{secret}`), other values as is. */
async function resolveExport(pulumi: Sdk["pulumi"], value: unknown): Promise<unknown> {
    if (pulumi.Output.isInstance(value)) {
        const output = value as pulumi.Output<unknown> & { promise(): Promise<unknown>; isSecret: Promise<boolean> };
        const [resolved, secret] = await Promise.all([output.promise(), output.isSecret]);
        return secret ? { secret: resolved } : resolved;
    }
    return value;
}

/**
 * Runs `options.program` under mocks and returns what it registered. The program's errors (including an
 * invalid config) are rethrown as {@link ProgramError} with the original as `cause`.
 */
export async function runProgram(options: RunOptions): Promise<ProgramRun> {
    const region = options.config["aws:region"];
    const programPath = typeof options.program === "string" ? path.resolve(options.program) : undefined;
    const programDir = programPath && path.dirname(programPath);
    const mocks = new AwsMocks({ region, programDir, ...options.mocks });
    const resources: RecordedResource[] = [];
    const failures: unknown[] = [];
    const onRejection = (reason: unknown) => failures.push(reason);

    const sdk = sdkFor(typeof options.program === "string" ? path.dirname(path.resolve(options.program)) : __dirname);
    const { pulumi } = sdk;
    pulumi.runtime.setAllConfig({ ...options.config }, [...(options.secretKeys ?? [])]);
    await pulumi.runtime.setMocks(mocks, options.project, options.stack, options.preview ?? true, options.organization ?? "organization");
    const monitor = sdk.settings.getMonitor() as {
        registerResource(req: RegisterRequest, cb: (err: unknown, res?: { getUrn(): string; getId(): string; getObject(): { toJavaScript(): Record<string, unknown> } }) => void): Promise<void>;
        newUrn(parent: string, type: string, name: string): string;
    };
    const original = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) =>
        original(req, (err, response) => {
            if (!err && response) {
                resources.push(record(sdk, req, response.getUrn(), response.getId(), response.getObject().toJavaScript()));
            }
            callback(err, response);
        });

    const stackUrn = `urn:pulumi:${options.stack}::${options.project}::pulumi:pulumi:Stack::${options.project}-${options.stack}`;
    process.on("unhandledRejection", onRejection);
    const callerCwd = process.cwd();
    // Without an engine the SDK prints its log to the console, stack frames included; the runner reports
    // the failure itself, so the frames (the runtime's own code, not the program's mistake) are left out.
    const consoleError = console.error;
    console.error = (...args: unknown[]) => consoleError(...args.map(a => (typeof a === "string" ? a.replace(/\n\s+at .*/g, "") : a)));
    let exports: Record<string, unknown> = {};
    try {
        if (options.cwd ?? programDir) {
            process.chdir(options.cwd ?? programDir ?? callerCwd);
        }
        try {
            if (programPath !== undefined) {
                exports = options.esm ? await (await import("./loadEsm")).importEsmProgram(programPath) : loadProgram(programPath);
            } else {
                exports = (options.program as () => Record<string, unknown> | void)() ?? {};
            }
        } catch (e) {
            throw new ProgramError(e instanceof Error ? e.message : String(e), e);
        }
        const finished = await unlessStalled(pulumi.runtime.disconnect());
        // Let rejections raised while the last registrations settled reach the listener.
        await new Promise(resolve => setImmediate(resolve));
        if (mocks.refusedCalls.length > 0) {
            throw new ProgramError(mocks.refusedCalls[0], failures[0]);
        }
        if (finished === STALLED) {
            const cause = failures[0] instanceof Error ? failures[0].message : failures[0];
            throw new ProgramError(
                `the program never finished: it waits on values that can never resolve offline${cause ? ` (first failure: ${cause})` : ", such as a lookup or output the offline mocks do not fill"}`,
                failures[0],
            );
        }
        if (failures.length > 0) {
            const first = failures[0];
            throw new ProgramError(first instanceof Error ? first.message : String(first), first);
        }
        const outputs: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(exports)) {
            const resolved = await resolveExport(pulumi, value);
            // The SDK treats an output whose value is undefined as absent (serializeProperties, runtime/rpc.ts).
            if (resolved !== undefined) outputs[key] = resolved;
        }
        return { project: options.project, stack: options.stack, stackUrn, resources, outputs };
    } finally {
        process.chdir(callerCwd);
        console.error = consoleError;
        process.off("unhandledRejection", onRejection);
    }
}

function record(sdk: Sdk, req: RegisterRequest, urn: string, id: string, state: Record<string, unknown>): RecordedResource {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((v, k) => {
        propertyDependencies[k] = v.getUrnsList();
    });
    const timeouts = req.getCustomtimeouts();
    const parent = req.getParent() || undefined;
    return {
        type: req.getType(),
        name: req.getName(),
        urn,
        parent,
        provider: req.getProvider() || undefined,
        component: !req.getCustom(),
        remote: req.getRemote(),
        // The wire form, as the engine receives it: unknowns stay the sentinel string (deserialising would
        // turn them into the SDK's own unknown object, which no policy would recognise as unknown).
        inputs: (req.getObject() as { toJavaScript(): Record<string, unknown> }).toJavaScript(),
        state,
        id: id || undefined,
        dependencies: req.getDependenciesList(),
        propertyDependencies,
        opts: {
            protect: req.getProtect() ?? false,
            ignoreChanges: req.getIgnorechangesList(),
            aliases: aliasUrns(req.getAliasesList(), urn, req.getType(), req.getName(), parent),
            deleteBeforeReplace: req.getDeletebeforereplacedefined() ? req.getDeletebeforereplace() : undefined,
            additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
            customTimeouts: {
                createSeconds: seconds(timeouts?.getCreate()),
                updateSeconds: seconds(timeouts?.getUpdate()),
                deleteSeconds: seconds(timeouts?.getDelete()),
            },
            parent,
            retainOnDelete: req.getRetainondelete() ?? false,
        },
    };
}

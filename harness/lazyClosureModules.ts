/**
 * Loading `@pulumi/pulumi` loads its closure serializer eagerly, and with it TypeScript's compiler
 * (`typescript-shim`, from `runtime/closure/parseFunction.js`) and `@npmcli/arborist` (from
 * `runtime/closure/codePaths.js`): about a third of a second per process, for code that only runs when a
 * program serializes a JavaScript function (`aws.lambda.CallbackFunction`, `pulumi.runtime.serializeFunction`).
 * The harness puts a stand-in for each into the module cache before the SDK loads; the stand-in loads the
 * real module on first use, so a program that serializes a function still gets the real thing.
 *
 * This relies on SDK internals: those two modules' paths, that the closure code reads them only through
 * property access at call time, and that TypeScript's `__importStar` passes a module marked `__esModule`
 * through untouched. The harness tests hold each of these, so an SDK upgrade that changes them fails a
 * test instead of silently loading the modules again (or breaking function serialization).
 */
import Module from "module";
import * as path from "path";

const DEFERRED = Symbol.for("fargate-web.harness.deferredModule");

/** A stand-in whose first use loads the module at `file` and then forwards everything to it. */
function standIn(file: string): object {
    let real: Record<PropertyKey, unknown> | undefined;
    const load = (): Record<PropertyKey, unknown> => {
        if (real === undefined) {
            delete require.cache[file];
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- the deferred module, at the path the SDK asked for
            real = require(file) as Record<PropertyKey, unknown>;
        }
        return real;
    };
    return new Proxy(
        {},
        {
            get: (_target, key) => {
                if (key === DEFERRED) return real === undefined;
                // `__importStar` passes a module marked __esModule through as is, so asking does not load it.
                if (key === "__esModule" && real === undefined) return true;
                return Reflect.get(load(), key);
            },
            has: (_target, key) => Reflect.has(load(), key),
            ownKeys: () => Reflect.ownKeys(load()),
            getOwnPropertyDescriptor: (_target, key) => {
                const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
                return descriptor && { ...descriptor, configurable: true };
            },
        },
    );
}

/** Caches a stand-in for `file` unless the module is loaded already. */
function defer(file: string): void {
    if (require.cache[file]) return;
    const stub = new Module(file);
    stub.filename = file;
    stub.loaded = true;
    stub.exports = standIn(file);
    require.cache[file] = stub;
}

/** The files the SDK at `sdkRoot` would load for its closure serializer. */
export function closureModuleFiles(sdkRoot: string): { typescriptShim: string; arborist: string } {
    return {
        typescriptShim: require.resolve(path.join(sdkRoot, "typescript-shim")),
        arborist: require.resolve("@npmcli/arborist", { paths: [path.join(sdkRoot, "runtime", "closure")] }),
    };
}

/** True while `exports` is a stand-in whose module has not loaded yet. */
export const isDeferred = (exports: unknown): boolean => (exports as Record<PropertyKey, unknown> | undefined)?.[DEFERRED] === true;

/**
 * Defers the closure serializer's heavy modules for the SDK at `sdkRoot` (the folder of its package.json).
 * Call before that SDK loads; once it has loaded them, this changes nothing.
 */
export function deferClosureModules(sdkRoot: string): void {
    const files = closureModuleFiles(sdkRoot);
    defer(files.typescriptShim);
    defer(files.arborist);
}

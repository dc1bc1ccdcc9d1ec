/**
 * The Pulumi SDK's `debuggablePromise` (`runtime/debuggable.js`) stores `new Error().stack` on every
 * promise it tracks — several per resource and per property — and reads it only in the leak report printed
 * with `PULUMI_DEBUG_PROMISE_LEAKS` set. Formatting those stacks (source-mapped when ts-node has installed
 * source-map-support) is most of a program's run time under mocks. The SDK has no switch for it, so the
 * harness wraps the function to capture a stack without frames; the leak detection itself (candidates,
 * ids, the report at exit) is the SDK's own and unchanged. With `PULUMI_DEBUG_PROMISE_LEAKS` set, stacks
 * are kept in full.
 *
 * This relies on SDK internals: the module's exports `debuggablePromise` and `debugPromiseLeaks`, and
 * callers that reach the function through the module's exports at call time. The harness tests hold each
 * of these, so an SDK upgrade that changes them fails a test instead of silently slowing every run.
 */
import * as path from "path";

/** The parts of `runtime/debuggable.js` the wrapper uses. */
export interface DebuggableModule {
    debuggablePromise<T>(p: Promise<T>, ctx: unknown): Promise<T>;
    /** Set from `PULUMI_DEBUG_PROMISE_LEAKS` when the module loads. */
    debugPromiseLeaks: boolean;
}

const WRAPPED = Symbol.for("fargate-web.harness.promiseStacksSkipped");

/** The `runtime/debuggable` module of the SDK installed at `sdkRoot` (the folder of its package.json). */
export function debuggableModule(sdkRoot: string): DebuggableModule {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program's own SDK copy, found at run time
    return require(path.join(sdkRoot, "runtime", "debuggable"));
}

/**
 * Makes the SDK at `sdkRoot` record promises without stack frames (once per SDK copy). Throws if the
 * module no longer has the shape this relies on.
 */
export function skipPromiseStacks(sdkRoot: string): void {
    const debuggable = debuggableModule(sdkRoot) as DebuggableModule & { [WRAPPED]?: true };
    if (debuggable[WRAPPED]) {
        return;
    }
    const original = debuggable.debuggablePromise;
    if (typeof original !== "function" || typeof debuggable.debugPromiseLeaks !== "boolean") {
        throw new Error(`${sdkRoot}: runtime/debuggable no longer exports debuggablePromise and debugPromiseLeaks; revisit harness/promiseStacks.ts`);
    }
    debuggable.debuggablePromise = function debuggablePromise<T>(p: Promise<T>, ctx: unknown): Promise<T> {
        if (debuggable.debugPromiseLeaks) {
            return original(p, ctx);
        }
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            return original(p, ctx);
        } finally {
            Error.stackTraceLimit = limit;
        }
    };
    debuggable[WRAPPED] = true;
}

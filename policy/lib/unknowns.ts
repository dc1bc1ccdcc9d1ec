/**
 * Stack policies that look across many resources should not lose every finding because one value is not
 * known yet during preview. `peek` tells an unknown apart without throwing; `UnknownDeferral` lets a policy
 * check everything it can, then rethrow the first `UnknownValueError` so that the engine still adds its
 * advisory "can't run policy … during preview" for the part it could not check (nothing is guessed).
 */
import { PolicyResource, UnknownValueError } from "@pulumi/policy";
import { isUnknownSentinel } from "./goDecode";

/** How the engine's `unknownCheckingProxy` exposes the object it wraps (see `@pulumi/policy/proxy.js`). */
const PROXY_TARGET = "__getSpecialProxyTarget";

/** Marks a value that is not known yet (preview). */
export const UNKNOWN: unique symbol = Symbol("unknown");

/** `props[key]` without the proxy's throw: {@link UNKNOWN} when it is the engine's unknown sentinel. */
export function peek(props: Record<string, any>, key: string): unknown {
    const target = ((props as Record<string, unknown>)[PROXY_TARGET] ?? props) as Record<string, unknown>;
    const value = target[key];
    return isUnknownSentinel(value) ? UNKNOWN : value;
}

/** Collects the first `UnknownValueError` of many independent checks; see the module comment. */
export class UnknownDeferral {
    private first: UnknownValueError | undefined;

    /** Runs `check`; an `UnknownValueError` is remembered (and `undefined` returned), anything else rethrown. */
    run<T>(check: () => T): T | undefined {
        try {
            return check();
        } catch (e) {
            if (e instanceof UnknownValueError) {
                this.first ??= e;
                return undefined;
            }
            throw e;
        }
    }

    /** Rethrows the first deferred `UnknownValueError`, if any: call it after reporting what was known. */
    rethrow(): void {
        if (this.first) {
            throw this.first;
        }
    }
}

/**
 * The resource of `types` that `read()` names, found by `find`; when the reference is not known yet
 * (preview), the one resource of `types` that `holder`'s `property` depends on, else the one among all its
 * dependencies. When neither settles it, the `UnknownValueError` is rethrown: nothing is guessed.
 */
export function referencedResource(
    holder: PolicyResource,
    property: string,
    types: readonly string[],
    read: () => unknown,
    find: (reference: unknown) => PolicyResource | undefined,
): PolicyResource | undefined {
    try {
        return find(read());
    } catch (e) {
        if (!(e instanceof UnknownValueError)) {
            throw e;
        }
        const only = (candidates: readonly PolicyResource[] | undefined) => {
            const found = [...new Set((candidates ?? []).filter(r => types.includes(r.type)))];
            return found.length === 1 ? found[0] : undefined;
        };
        const resolved = only(holder.propertyDependencies?.[property]) ?? only(holder.dependencies);
        if (resolved === undefined) {
            throw e;
        }
        return resolved;
    }
}

/**
 * Hand-made recorded resources for policy tests: a compliant baseline per type, mutated one field per case.
 */
import { RecordedOptions, RecordedResource } from "./types";

const STACK_URN_PREFIX = "urn:pulumi:test::fixtures::";

/** Default options: what a plain `new aws.x.Y(name, args)` gets. */
export const defaultOptions = (): RecordedOptions => ({
    protect: false,
    ignoreChanges: [],
    aliases: [],
    additionalSecretOutputs: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    retainOnDelete: false,
});

/** A recorded custom resource with the given inputs; its state is its inputs plus an id. */
export function fixture(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    extra: { opts?: Partial<RecordedOptions>; state?: Record<string, unknown>; parent?: string; dependencies?: string[] } = {},
): RecordedResource {
    const urn = `${STACK_URN_PREFIX}${type}::${name}`;
    return {
        type,
        name,
        urn,
        parent: extra.parent,
        component: false,
        inputs,
        state: { ...inputs, id: `${name}-id`, ...extra.state },
        id: `${name}-id`,
        dependencies: extra.dependencies ?? [],
        propertyDependencies: {},
        opts: { ...defaultOptions(), ...extra.opts },
    };
}

/** Deep copy of `value` with the property at dotted `path` set (`undefined` deletes it). */
export function withPath<T>(value: T, path: string, next: unknown): T {
    const copy = structuredClone(value) as any;
    const keys = path.split(".");
    let cursor = copy;
    for (const key of keys.slice(0, -1)) {
        if (cursor[key] === undefined || cursor[key] === null || typeof cursor[key] !== "object") {
            cursor[key] = /^\d+$/.test(key) ? [] : {};
        }
        cursor = cursor[key];
    }
    const last = keys[keys.length - 1];
    if (next === undefined) {
        delete cursor[last];
    } else {
        cursor[last] = next;
    }
    return copy;
}

/**
 * Decodes a {@link GoJsonNode} into a struct the way Go's `encoding/json` fills a Go value, so a policy
 * sees what the AWS provider sends to the API:
 * - a key matches a struct field by exact name or, failing that, case-insensitively with Go's folding
 *   (`goFoldName`); keys that match no field are dropped; the result carries the canonical field names;
 * - each occurrence of a key decodes INTO the value already there: the last scalar wins, objects and maps
 *   merge, and arrays decode element-wise into the previous elements (Go reuses a slice's backing array),
 *   an empty array resets;
 * - `null` clears pointers, slices and maps, and leaves non-pointer fields (Go `int32`, enum strings) as
 *   they were;
 * - a value of the wrong JSON type (a string for a number, `1e3` or `80.0` for an integer, a number past
 *   int32) is an error: Go's `Unmarshal` reports the first one and the provider refuses the resource.
 * The engine's unknown sentinel is kept wherever it appears, so reading it still throws during preview.
 * Sources: go/src/encoding/json/decode.go (`object`, `array`, `literalStore`).
 */
import { GoJsonNode, goFoldName } from "./goJson";

/** A Go field type, as the decoder needs to know it. */
export type GoType =
    | { readonly kind: "string" | "bool" | "int"; readonly nonPointer?: boolean }
    | { readonly kind: "list"; readonly element: GoType }
    | { readonly kind: "map" }
    | { readonly kind: "struct"; readonly fields: Readonly<Record<string, GoType>> }
    /** A type whose shape is not modelled: kept as plain JSON (never read by a policy). */
    | { readonly kind: "any" };

export const goString: GoType = { kind: "string" };
export const goEnum: GoType = { kind: "string", nonPointer: true };
export const goBool: GoType = { kind: "bool" };
export const goInt: GoType = { kind: "int" };
export const goInt32Value: GoType = { kind: "int", nonPointer: true };
export const goMap: GoType = { kind: "map" };
export const goAny: GoType = { kind: "any" };
export const goList = (element: GoType): GoType => ({ kind: "list", element });
export const goStruct = (fields: Record<string, GoType>): GoType => ({ kind: "struct", fields });

/** The first decoding error, as Go reports it: where, what was given, what the field takes. */
export interface GoDecodeError {
    readonly path: string;
    readonly given: string;
    readonly expected: string;
}

const KIND_NAMES: Record<GoJsonNode["kind"], string> = {
    object: "an object",
    array: "an array",
    string: "a string",
    number: "a number",
    bool: "a boolean",
    null: "null",
};
const EXPECTED: Record<string, string> = {
    string: "a string",
    bool: "true or false",
    int: "a whole number (32-bit, no fraction or exponent)",
    list: "an array",
    map: "an object of strings",
    struct: "an object",
};

/** Backing arrays of decoded slices: Go decodes a repeated array into the elements it already holds. */
const backing = new WeakMap<unknown[], unknown[]>();

const foldIndex = new WeakMap<object, Map<string, string>>();
function fieldFor(fields: Readonly<Record<string, GoType>>, key: string): string | undefined {
    if (Object.prototype.hasOwnProperty.call(fields, key)) {
        return key;
    }
    let index = foldIndex.get(fields);
    if (!index) {
        index = new Map(Object.keys(fields).map(f => [goFoldName(f), f]));
        foldIndex.set(fields, index);
    }
    return index.get(goFoldName(key));
}

/**
 * The engine's sentinels for values unknown during preview (`@pulumi/policy/proxy.js`, internal there):
 * kept as they are wherever they appear, so that the proxy throws when a policy reads them.
 */
const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

/** True for one of the engine's unknown sentinels. */
export const isUnknownSentinel = (value: unknown): boolean => typeof value === "string" && UNKNOWN_SENTINELS.has(value);

/** Decodes JSON into Go values; see the module comment. */
export class GoDecoder {
    /** The first error met, if any (decoding goes on, as Go's does, but the provider would refuse). */
    error?: GoDecodeError;

    private fail(path: string, node: GoJsonNode, type: GoType): void {
        this.error ??= { path, given: node.kind === "number" && type.kind === "int" ? `the number ${node.text}` : KIND_NAMES[node.kind], expected: EXPECTED[type.kind] };
    }

    /** Decodes `node` into a value of `type`, on top of `existing` (the value the field already holds). */
    decode(node: GoJsonNode, type: GoType, existing: unknown, path: string): unknown {
        if (node.kind === "string" && UNKNOWN_SENTINELS.has(node.value)) {
            return node.value;
        }
        if (type.kind === "any") {
            return plain(node);
        }
        if (node.kind === "null") {
            return "nonPointer" in type && type.nonPointer ? existing : undefined;
        }
        switch (type.kind) {
            case "string":
                if (node.kind === "string") return node.value;
                break;
            case "bool":
                if (node.kind === "bool") return node.value;
                break;
            case "int":
                if (node.kind === "number" && /^-?\d+$/.test(node.text)) {
                    const n = Number(node.text);
                    if (n >= -2147483648 && n <= 2147483647) return n;
                }
                break;
            case "map":
                if (node.kind === "object") {
                    const out: Record<string, unknown> = isPlainObject(existing) ? { ...existing } : {};
                    for (const [key, value] of node.members) {
                        out[key] = this.decode(value, goString, undefined, `${path}["${key}"]`) ?? "";
                    }
                    return out;
                }
                break;
            case "struct":
                if (node.kind === "object") {
                    const out: Record<string, unknown> = isPlainObject(existing) ? { ...existing } : {};
                    for (const [key, value] of node.members) {
                        const field = fieldFor(type.fields, key);
                        if (field === undefined) {
                            continue;
                        }
                        const decoded = this.decode(value, type.fields[field], out[field], `${path}.${field}`);
                        if (decoded === undefined) {
                            delete out[field];
                        } else {
                            out[field] = decoded;
                        }
                    }
                    return out;
                }
                break;
            case "list":
                if (node.kind === "array") {
                    if (node.items.length === 0) {
                        return [];
                    }
                    const old = Array.isArray(existing) ? (backing.get(existing) ?? existing) : [];
                    const store = [...old];
                    node.items.forEach((item, i) => {
                        // Elements are Go values, not pointers: null leaves an element as it was.
                        store[i] = item.kind === "null" ? store[i] : this.decode(item, type.element, store[i], `${path}[${i}]`);
                    });
                    const out = store.slice(0, node.items.length);
                    backing.set(out, store);
                    return out;
                }
                break;
        }
        this.fail(path, node, type);
        return existing;
    }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A node as plain JSON (last duplicate wins), for parts the decoder does not model. */
export function plain(node: GoJsonNode): unknown {
    switch (node.kind) {
        case "object":
            return Object.fromEntries(node.members.map(([k, v]) => [k, plain(v)]));
        case "array":
            return node.items.map(plain);
        case "number":
            return Number(node.text);
        case "null":
            return null;
        default:
            return node.value;
    }
}

/**
 * True for a Go zero value of `type`: nothing set, or only non-pointer fields at their zero ("" or 0). The
 * provider drops zero elements from object arrays and refuses a zero container definition.
 */
export function isGoZero(value: unknown, type: GoType): boolean {
    if (value === undefined || value === null) {
        return true;
    }
    if (type.kind === "struct" && isPlainObject(value)) {
        return Object.entries(type.fields).every(([field, t]) => {
            const v = value[field];
            if (v === undefined) return true;
            if ("nonPointer" in t && t.nonPointer) return v === "" || v === 0;
            return false;
        });
    }
    return false;
}

/**
 * One-field mutations of a baseline: each field, and each field one or two levels down (also inside the
 * JSON documents that string fields carry: container definitions, IAM policies), set in turn to the unknown
 * sentinel, deleted, null, or a value of the wrong type.
 */
import { withPath } from "../../harness/fixtures";
import { UNKNOWN } from "../../harness/serialisation";

/** A mutated copy of a baseline, labelled with what changed. */
export interface Mutation {
    readonly label: string;
    readonly inputs: Record<string, unknown>;
}

/** Fields whose string value is a JSON document that policies parse. */
const JSON_FIELDS = ["containerDefinitions", "policy", "assumeRolePolicy"];

function wrongTypeFor(value: unknown): unknown {
    if (typeof value === "string") return 42;
    if (typeof value === "number") return "not-a-number";
    if (typeof value === "boolean") return "yes";
    if (Array.isArray(value)) return { not: "an array" };
    return "not-an-object";
}

/** Dotted paths: every key, then keys and first elements one and two levels down. */
function pathsOf(value: unknown, prefix = "", depth = 0): string[] {
    if (depth > 2 || value === null || typeof value !== "object") {
        return [];
    }
    const entries: [string, unknown][] = Array.isArray(value)
        ? value.length > 0
            ? [["0", value[0]]]
            : []
        : Object.entries(value as Record<string, unknown>);
    return entries.flatMap(([key, child]) => {
        const p = prefix ? `${prefix}.${key}` : key;
        return [p, ...pathsOf(child, p, depth + 1)];
    });
}

const getPath = (value: unknown, p: string): unknown =>
    p.split(".").reduce<any>((cursor, key) => (cursor === null || cursor === undefined ? undefined : cursor[key]), value);

const mutate = (value: Record<string, unknown>, rebuild: (v: unknown) => Record<string, unknown>, prefix = ""): Mutation[] =>
    pathsOf(value).flatMap(p => [
        { label: `${prefix}${p} = UNKNOWN`, inputs: rebuild(withPath(value, p, UNKNOWN)) },
        { label: `${prefix}${p} deleted`, inputs: rebuild(withPath(value, p, undefined)) },
        { label: `${prefix}${p} = null`, inputs: rebuild(withPath(value, p, null)) },
        { label: `${prefix}${p} wrong type`, inputs: rebuild(withPath(value, p, wrongTypeFor(getPath(value, p)))) },
    ]);

/** Every one-field mutation of `inputs`, including inside its JSON documents. */
export function mutationsOf(inputs: Record<string, unknown>): Mutation[] {
    const result = mutate(inputs, v => v as Record<string, unknown>);
    for (const field of JSON_FIELDS) {
        const raw = inputs[field];
        if (typeof raw !== "string") {
            continue;
        }
        const inner = JSON.parse(raw) as Record<string, unknown>;
        result.push(...mutate(inner, v => ({ ...inputs, [field]: JSON.stringify(v) }), `${field}→`));
        result.push({ label: `${field} not JSON`, inputs: { ...inputs, [field]: "{not json" } });
    }
    return result;
}

/**
 * What the Pulumi engine sends for an update of a resource with `ignoreChanges`, reproduced offline: each
 * ignored path of the new inputs is reset to the old inputs' value, and a path the old inputs do not hold
 * is deleted from the new ones. The mocks never diff against a previous state, so this is the only place a
 * test sees what an update would actually send.
 *
 * Sources (pulumi/pulumi):
 * - `pkg/resource/deploy/step_generator.go`, `processIgnoreChanges`: for every `ignoreChanges` entry,
 *   `ParsePropertyPath` then `path.Reset(oldInputs, ignoredInputs)`; a `false` from Reset fails the update
 *   with "cannot ignore changes to the following properties because one or more elements of the path are
 *   missing".
 * - `sdk/go/common/resource/properties_path.go`, `PropertyPath.reset`: at the leaf key, "If the path
 *   doesn't exist in old then we want to delete it from new"; on the way down, a key missing from both
 *   ends the walk (nothing to reset), a key in old but not in new is a path error, a key only in new is
 *   followed with old as null (so the leaf is then deleted); an index out of range of either array is a
 *   path error; `*` resets every element (objects: old's keys, and new's extra keys deleted).
 *   Secrets are unwrapped on the way; here inputs are plain JSON (`inputs()` unwraps them).
 */

/** One segment of a property path: a key, an array index, or `*`. */
export type PathSegment = string | number;

/**
 * Parses a Pulumi property path (`actions[0].forward.targetGroups`, `tags["a.b"]`, `items[*].name`) as
 * `ParsePropertyPath` does for the forms our programs use; throws on anything else.
 */
export function parsePropertyPath(path: string): PathSegment[] {
    const segments: PathSegment[] = [];
    const pattern = /(?:^|\.)([A-Za-z_$*][A-Za-z0-9_$]*|\*)|\[(\d+|\*|"(?:[^"\\]|\\.)*")\]/y;
    let at = 0;
    while (at < path.length) {
        pattern.lastIndex = at;
        const m = pattern.exec(path);
        if (m === null) throw new Error(`ignoreChanges path ${JSON.stringify(path)}: cannot parse at ${at}`);
        if (m[1] !== undefined) segments.push(m[1]);
        else if (/^\d+$/.test(m[2])) segments.push(Number(m[2]));
        else segments.push(m[2] === "*" ? "*" : (JSON.parse(m[2]) as string));
        at = pattern.lastIndex;
    }
    return segments;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** `PropertyPath.reset`: resets `path` in `next` (mutated) from `old`; false is the engine's path error. */
function reset(path: readonly PathSegment[], old: unknown, next: unknown): boolean {
    const [key, ...rest] = path;
    if (typeof key === "number") {
        if (rest.length === 0) {
            if (!Array.isArray(old) && !Array.isArray(next)) return true;
            if (!Array.isArray(old) || !Array.isArray(next)) return false;
            if (key >= old.length && key >= next.length) return true;
            if (key >= old.length || key >= next.length) return false;
            next[key] = old[key];
            return true;
        }
        if (!Array.isArray(old) || !Array.isArray(next)) return !Array.isArray(old) && !Array.isArray(next);
        if (key >= old.length || key >= next.length) return false;
        return reset(rest, old[key], next[key]);
    }
    if (key === "*") {
        if (rest.length === 0) {
            if (isObject(next)) {
                if (isObject(old)) {
                    for (const k of Object.keys(next)) if (!(k in old)) delete next[k];
                    Object.assign(next, old);
                }
                return true;
            }
            if (Array.isArray(next)) {
                if (Array.isArray(old)) {
                    if (old.length !== next.length) return false;
                    old.forEach((v, i) => (next[i] = v));
                }
                return true;
            }
            return false;
        }
        if (isObject(old) && isObject(next)) return Object.keys(old).every(k => next[k] !== undefined && reset(rest, old[k], next[k]));
        if (Array.isArray(old) && Array.isArray(next)) return old.length === next.length && old.every((v, i) => reset(rest, v, next[i]));
        return false;
    }
    if (rest.length === 0) {
        if (isObject(old) && old[key] !== undefined) {
            if (!isObject(next)) return false;
            next[key] = old[key];
        } else if (isObject(next)) {
            // "If the path doesn't exist in old then we want to delete it from new."
            delete next[key];
        }
        return true;
    }
    if (!isObject(old) || !isObject(next)) return !isObject(old) && !isObject(next);
    // An input left undefined is not sent to the engine: absent.
    const hasOld = old[key] !== undefined;
    const hasNew = next[key] !== undefined;
    if (hasOld && !hasNew) return false;
    if (!hasOld && !hasNew) return true;
    return reset(rest, old[key], next[key]);
}

/** The inputs an update sends, and the `ignoreChanges` entries the engine would refuse. */
export interface IgnoredInputs {
    readonly inputs: Record<string, unknown>;
    readonly pathErrors: string[];
}

/** `processIgnoreChanges`: `next` with every path of `ignoreChanges` reset from `old`, on a copy. */
export function applyIgnoreChanges(old: Record<string, unknown>, next: Record<string, unknown>, ignoreChanges: readonly string[]): IgnoredInputs {
    const inputs = structuredClone(next);
    const pathErrors = ignoreChanges.filter(path => !reset(parsePropertyPath(path), old, inputs));
    return { inputs, pathErrors };
}

/** Dotted paths of every value `before` holds (leaves, and empty objects and arrays) that `after` lacks. */
export function droppedPaths(before: unknown, after: unknown, path = ""): string[] {
    const join = (k: string | number) => (typeof k === "number" ? `${path}[${k}]` : path ? `${path}.${k}` : k);
    if (Array.isArray(before)) {
        if (!Array.isArray(after)) return [path];
        return before.flatMap((v, i) => (i < after.length ? droppedPaths(v, after[i], join(i)) : [join(i)]));
    }
    if (isObject(before)) {
        if (!isObject(after)) return [path];
        return Object.entries(before).flatMap(([k, v]) => (v === undefined ? [] : k in after && after[k] !== undefined ? droppedPaths(v, after[k], join(k)) : [join(k)]));
    }
    return [];
}

/**
 * Pulumi's `ignoreChanges` property paths (`actions[0].forward`, `actions[*].forward.targetGroups`,
 * `defaultActions`, `tags["Name"]`, `*`), read into segments, and the test "this ignored path covers that
 * property". A path covers every property beneath it; `[*]` (and a bare `*`) stands for any key or index.
 * https://www.pulumi.com/docs/iac/concepts/options/ignorechanges/
 */

/** The segments of a property path; undefined when it cannot be read. */
export function pathSegments(path: string): string[] | undefined {
    const segments: string[] = [];
    const token = /\s*(?:([A-Za-z_$][\w$-]*)|\[(\d+|\*)\]|\["((?:[^"\\]|\\.)*)"\]|(\*))\s*(\.)?/y;
    let at = 0;
    while (at < path.length) {
        token.lastIndex = at;
        const m = token.exec(path);
        if (!m) {
            return undefined;
        }
        segments.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
        at = token.lastIndex;
    }
    return segments.length > 0 ? segments : undefined;
}

/** True when ignoring `ignored` also ignores the property at `path`. */
export function pathCovers(ignored: string, path: string): boolean {
    const a = pathSegments(ignored);
    const b = pathSegments(path);
    if (a === undefined || b === undefined || a.length > b.length) {
        return false;
    }
    return a.every((s, i) => s === "*" || s === b[i]);
}

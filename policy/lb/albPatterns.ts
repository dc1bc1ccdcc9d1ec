/**
 * ALB wildcard patterns (listener-rule `hostHeader`, `pathPattern`, `httpHeader` values): `*` matches any
 * run of characters (none included), `?` exactly one; path patterns compare case-sensitively, host names
 * case-insensitively. Source: Elastic Load Balancing API Reference, `PathPatternConditionConfig` and
 * `HostHeaderConditionConfig` ("The comparison is case sensitive" / "case insensitive"; "* (matches 0 or
 * more characters) and ? (matches exactly 1 character)"),
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_HostHeaderConditionConfig.html.
 */

/** True when the ALB pattern matches `text` (what a request's path or host would be). */
export function patternMatches(pattern: string, text: string, caseInsensitive: boolean): boolean {
    const p = caseInsensitive ? pattern.toLowerCase() : pattern;
    const t = caseInsensitive ? text.toLowerCase() : text;
    const memo = new Map<number, boolean>();
    const go = (i: number, j: number): boolean => {
        const key = i * (t.length + 1) + j;
        const cached = memo.get(key);
        if (cached !== undefined) {
            return cached;
        }
        let result: boolean;
        if (i === p.length) {
            result = j === t.length;
        } else if (p[i] === "*") {
            result = go(i + 1, j) || (j < t.length && go(i, j + 1));
        } else {
            result = j < t.length && (p[i] === "?" || p[i] === t[j]) && go(i + 1, j + 1);
        }
        memo.set(key, result);
        return result;
    };
    return go(0, 0);
}

/**
 * True when pattern `a` provably matches every text that pattern `b` matches. `b`'s wildcards are read
 * as symbols: `a`'s `*` may absorb any of `b`'s characters and wildcards, `a`'s `?` one literal or `?` of
 * `b`, a literal only the same literal. Whatever `b`'s wildcards then stand for, `a` matches too, so a
 * `true` is always right; a `false` may miss an inclusion that needs reasoning across wildcards (e.g. `*?`
 * against `?*`), which makes the rules built on it report only provable shadowing.
 */
export function patternCovers(a: string, b: string, caseInsensitive: boolean): boolean {
    const p = caseInsensitive ? a.toLowerCase() : a;
    const q = caseInsensitive ? b.toLowerCase() : b;
    // Literal text before `a`'s first wildcard and after its last must start and end `b` as is: most pairs
    // of routes differ there, and this decides them without the search.
    const first = p.search(/[*?]/);
    if (first === -1) {
        return p === q;
    }
    const tail = p.length - 1 - Math.max(p.lastIndexOf("*"), p.lastIndexOf("?"));
    if (!q.startsWith(p.slice(0, first)) || !q.endsWith(p.slice(p.length - tail)) || first + tail > q.length) {
        return false;
    }
    const memo = new Map<number, boolean>();
    const go = (i: number, j: number): boolean => {
        const key = i * (q.length + 1) + j;
        const cached = memo.get(key);
        if (cached !== undefined) {
            return cached;
        }
        let result: boolean;
        if (i === p.length) {
            result = j === q.length;
        } else if (p[i] === "*") {
            result = go(i + 1, j) || (j < q.length && go(i, j + 1));
        } else if (p[i] === "?") {
            result = j < q.length && q[j] !== "*" && go(i + 1, j + 1);
        } else {
            result = j < q.length && q[j] === p[i] && go(i + 1, j + 1);
        }
        memo.set(key, result);
        return result;
    };
    return go(0, 0);
}

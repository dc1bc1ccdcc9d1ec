/**
 * JSON read the way Go's `encoding/json` reads it, for documents the AWS provider decodes into Go structs
 * (`containerDefinitions`). `JSON.parse` differs from Go in what reaches the struct:
 * - object members are kept in order with their duplicates (Go decodes each in turn into the same field,
 *   so the last wins and nested objects merge);
 * - a lone UTF-16 surrogate, escaped (`\ud800`) or raw, becomes U+FFFD, as Go's decoder (and the UTF-8
 *   encoding of the gRPC wire) make it;
 * - numbers keep their source text, since Go refuses `1e3` or `80.0` for an integer field.
 *
 * The grammar is RFC 8259's, which both decoders enforce. Sources: go/src/encoding/json/decode.go
 * (`unquote`, `array`, `object`), go/src/encoding/json/fold.go (`foldName`).
 */

/** A parsed JSON value with its members in source order, duplicates kept. */
export type GoJsonNode =
    | { readonly kind: "object"; readonly members: readonly (readonly [string, GoJsonNode])[] }
    | { readonly kind: "array"; readonly items: readonly GoJsonNode[] }
    | { readonly kind: "string"; readonly value: string }
    | { readonly kind: "number"; readonly text: string }
    | { readonly kind: "bool"; readonly value: boolean }
    | { readonly kind: "null" };

/** Thrown by {@link parseGoJson} with a message that says where the text stops being JSON. */
export class GoJsonSyntaxError extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Replaces every lone surrogate of `s` with U+FFFD (Go's `utf8.RuneError`). */
export const replaceLoneSurrogates = (s: string): string => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

/** Parses `text` as one JSON value, as Go's decoder does; throws {@link GoJsonSyntaxError} for text that is not JSON. */
export function parseGoJson(text: string): GoJsonNode {
    const values = parseGoJsonStream(text);
    if (values.length !== 1) {
        throw new GoJsonSyntaxError(values.length === 0 ? "unexpected end of JSON input" : "unexpected text after the JSON value");
    }
    return values[0];
}

/**
 * Parses `text` as a stream of JSON values, as a Go `json.Decoder` read in a loop until EOF does (the
 * provider's `tfjson.DecodeFromString`): values follow one another with optional whitespace between them.
 */
export function parseGoJsonStream(text: string): GoJsonNode[] {
    let pos = 0;
    const fail = (what: string): never => {
        throw new GoJsonSyntaxError(pos >= text.length ? `unexpected end of JSON input (${what})` : `${what} at position ${pos}`);
    };
    const skip = () => {
        while (pos < text.length && (text[pos] === " " || text[pos] === "\t" || text[pos] === "\n" || text[pos] === "\r")) {
            pos++;
        }
    };
    const str = (): string => {
        pos++; // opening quote
        let out = "";
        for (;;) {
            if (pos >= text.length) {
                fail("unterminated string");
            }
            const c = text[pos];
            if (c === '"') {
                pos++;
                return replaceLoneSurrogates(out);
            }
            if (c.charCodeAt(0) < 0x20) {
                fail("control character in string");
            }
            if (c !== "\\") {
                out += c;
                pos++;
                continue;
            }
            const e = text[pos + 1];
            const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
            if (e !== undefined && simple[e] !== undefined) {
                out += simple[e];
                pos += 2;
            } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
                out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
                pos += 6;
            } else {
                fail("invalid escape in string");
            }
        }
    };
    const value = (): GoJsonNode => {
        skip();
        const c = text[pos];
        if (c === "{") {
            pos++;
            const members: [string, GoJsonNode][] = [];
            skip();
            if (text[pos] === "}") {
                pos++;
                return { kind: "object", members };
            }
            for (;;) {
                skip();
                if (text[pos] !== '"') {
                    fail("expected a string key");
                }
                const key = str();
                skip();
                if (text[pos] !== ":") {
                    fail('expected ":"');
                }
                pos++;
                members.push([key, value()]);
                skip();
                if (text[pos] === ",") {
                    pos++;
                } else if (text[pos] === "}") {
                    pos++;
                    return { kind: "object", members };
                } else {
                    fail('expected "," or "}"');
                }
            }
        }
        if (c === "[") {
            pos++;
            const items: GoJsonNode[] = [];
            skip();
            if (text[pos] === "]") {
                pos++;
                return { kind: "array", items };
            }
            for (;;) {
                items.push(value());
                skip();
                if (text[pos] === ",") {
                    pos++;
                } else if (text[pos] === "]") {
                    pos++;
                    return { kind: "array", items };
                } else {
                    fail('expected "," or "]"');
                }
            }
        }
        if (c === '"') {
            return { kind: "string", value: str() };
        }
        for (const [word, node] of [["true", { kind: "bool", value: true }], ["false", { kind: "bool", value: false }], ["null", { kind: "null" }]] as const) {
            if (text.startsWith(word, pos)) {
                pos += word.length;
                return node;
            }
        }
        NUMBER.lastIndex = pos;
        const m = NUMBER.exec(text);
        if (m) {
            pos += m[0].length;
            return { kind: "number", text: m[0] };
        }
        return fail("unexpected character");
    };
    const values: GoJsonNode[] = [];
    skip();
    while (pos < text.length) {
        values.push(value());
        skip();
    }
    return values;
}

/** A JavaScript value (as a program or the engine passes it) as a node; undefined members are dropped. */
export function nodeOfValue(value: unknown): GoJsonNode {
    if (value === null || value === undefined) {
        return { kind: "null" };
    }
    if (Array.isArray(value)) {
        return { kind: "array", items: (value as unknown[]).map(nodeOfValue) };
    }
    switch (typeof value) {
        case "string":
            return { kind: "string", value: replaceLoneSurrogates(value) };
        case "number":
            return { kind: "number", text: String(value) };
        case "boolean":
            return { kind: "bool", value };
        case "object":
            return {
                kind: "object",
                members: Object.entries(value as Record<string, unknown>)
                    .filter(([, v]) => v !== undefined)
                    .map(([k, v]) => [replaceLoneSurrogates(k), nodeOfValue(v)] as const),
            };
        default:
            return { kind: "null" };
    }
}

/**
 * Non-ASCII characters that Go folds onto an ASCII letter: `foldName` maps each rune to
 * `unicode.ToUpper(unicode.ToLower(r))`, which takes the Kelvin sign to K, long s to S, and dotted
 * capital I and dotless small i to I.
 */
const NON_ASCII_FOLDS: Record<string, string> = { "\u212a": "K", "\u017f": "S", "\u0130": "I", "\u0131": "I" };

/** Go's folded form of a struct-field key: two keys match a field case-insensitively when these are equal. */
export function goFoldName(name: string): string {
    let out = "";
    for (const ch of name) {
        out += ch.charCodeAt(0) < 0x80 ? ch.toUpperCase() : (NON_ASCII_FOLDS[ch] ?? ch);
    }
    return out;
}

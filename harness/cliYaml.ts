/**
 * How the Pulumi CLI (3.219 to 3.248) turns a stack file's YAML into config values, from the scalar's
 * source text. Pure.
 *
 * The CLI decodes `Pulumi.<stack>.yaml` with gopkg.in/yaml.v3 into Go values, then pulumi/pulumi
 * `sdk/go/common/resource/config` (`object.go` `unmarshalObject`, `MarshalString`) keeps strings as text and
 * writes everything else as JSON. So `port: 0x1F` reaches the program as "31", `port: 08080` as "8080"
 * (not an octal number, so a float), `when: 2024-01-01` as "2024-01-01 00:00:00 +0000 UTC", and
 * `key: ~` as "" (yaml.v3 never calls `Value.UnmarshalYAML` for a null node, so the value stays empty).
 * The npm `yaml` package reads YAML 1.2 differently (`0777` is 777 there, 511 in yaml.v3), so it is used
 * here only for the syntax tree, parsed with the failsafe schema, and every scalar is resolved below.
 */
import { Alias, Document, isAlias, isMap, isScalar, isSeq, LineCounter, Node, parseDocument, Scalar } from "yaml";

/** A value as the CLI holds it after decoding; `secure` is an encrypted (`--secret`) value. */
export type CliValue =
    | { readonly kind: "null" }
    | { readonly kind: "bool"; readonly value: boolean }
    | { readonly kind: "int"; readonly value: bigint }
    | { readonly kind: "float"; readonly value: number }
    | { readonly kind: "string"; readonly value: string }
    | { readonly kind: "secure"; readonly ciphertext: string }
    | { readonly kind: "list"; readonly items: readonly CliValue[] }
    | { readonly kind: "map"; readonly entries: ReadonlyMap<string, CliValue> };

/** YAML the CLI cannot load; `line` is 1-based. */
export class CliYamlError extends Error {
    constructor(
        message: string,
        readonly line?: number,
    ) {
        super(message);
        this.name = "CliYamlError";
    }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const TAG = "tag:yaml.org,2002:";

const NULLS = new Set(["", "~", "null", "Null", "NULL"]);
const TRUES = new Set(["true", "True", "TRUE"]);
const FALSES = new Set(["false", "False", "FALSE"]);
const SPECIAL_FLOATS: Record<string, number> = {
    ".nan": NaN, ".NaN": NaN, ".NAN": NaN,
    ".inf": Infinity, ".Inf": Infinity, ".INF": Infinity, "+.inf": Infinity, "+.Inf": Infinity, "+.INF": Infinity,
    "-.inf": -Infinity, "-.Inf": -Infinity, "-.INF": -Infinity,
};
/** yaml.v3 `resolve.go` `yamlStyleFloat`. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/**
 * Go's `strconv.ParseInt(s, base, 64)` / `ParseUint`; base 0 reads 0x, 0o, 0b and a leading 0 (octal).
 * Undefined when Go returns an error (syntax or range).
 */
export function goParseInt(text: string, base: 0 | 2 | 8 | 10, unsigned = false): bigint | undefined {
    let s = text;
    let negative = false;
    if (!unsigned && (s.startsWith("+") || s.startsWith("-"))) {
        negative = s.startsWith("-");
        s = s.slice(1);
    }
    let radix: number = base;
    if (base === 0) {
        radix = 10;
        if (/^0[xX]/.test(s)) [radix, s] = [16, s.slice(2)];
        else if (/^0[oO]/.test(s)) [radix, s] = [8, s.slice(2)];
        else if (/^0[bB]/.test(s)) [radix, s] = [2, s.slice(2)];
        else if (s.length > 1 && s.startsWith("0")) [radix, s] = [8, s.slice(1)];
    }
    const digits = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[radix]!;
    if (!digits.test(s)) {
        return undefined;
    }
    const prefix = { 2: "0b", 8: "0o", 10: "", 16: "0x" }[radix]!;
    const magnitude = BigInt(`${prefix}${s}`);
    const value = negative ? -magnitude : magnitude;
    const [min, max] = unsigned ? [0n, UINT64_MAX] : [INT64_MIN, INT64_MAX];
    return value < min || value > max ? undefined : value;
}

/** Go's `strconv.ParseFloat(s, 64)` for the decimal forms yaml.v3 lets through; undefined on error or overflow. */
function goParseFloat(text: string): number | undefined {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) {
        return undefined;
    }
    const value = Number(text);
    // Go reports overflow (±Inf) as an error; yaml.v3 then keeps the text as a string.
    return Number.isFinite(value) ? value : undefined;
}

/** yaml.v3 `resolve.go` `parseTimestamp`, rendered as Go's `time.Time.String()` (pulumi's `unmarshalObject`). */
function resolveTimestamp(text: string): string | { offset: true } | undefined {
    if (!/^\d{4}-/.test(text)) {
        return undefined;
    }
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?)?$/.exec(text);
    if (!match) {
        return undefined;
    }
    const [, year, month, day, separator, hour, minute, second, fraction, zone] = match;
    // Layouts: "2006-1-2T15:4:5.999999999Z07:00" (and lower-case t) need a zone; "2006-1-2 15:4:5.999999999" has none.
    if (separator !== undefined && (separator === " ") !== (zone === undefined)) {
        return undefined;
    }
    const [y, mo, d] = [Number(year), Number(month), Number(day)];
    const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || Number(hour ?? 0) > 23 || Number(minute ?? 0) > 59 || Number(second ?? 0) > 59) {
        return undefined;
    }
    if (zone !== undefined && zone !== "Z") {
        // Go names the zone after the local one when the offset matches it: the text depends on the machine.
        return { offset: true };
    }
    const two = (n: string | undefined) => (n ?? "0").padStart(2, "0");
    const nanos = (fraction ?? "").slice(0, 9).replace(/0+$/, "");
    return `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}:${two(second)}${nanos ? `.${nanos}` : ""} +0000 UTC`;
}

const intValue = (value: bigint): CliValue => ({ kind: "int", value });

/**
 * yaml.v3 `resolve(tag, in)` followed by `decoder.scalar` into an `interface{}`: the Go value a scalar
 * becomes. `tag` is the short tag ("" when none, "!!int", "!custom").
 */
export function resolveScalar(text: string, tag: string, quotedOrBlock: boolean): CliValue {
    // Node.indicatedString: !!str, or a quoted or block scalar without a tag (or with the bare "!").
    if (tag === "!!str" || ((tag === "" || tag === "!") && quotedOrBlock)) {
        return { kind: "string", value: text };
    }
    if (tag === "!!binary") {
        return { kind: "string", value: decodeBase64(text) };
    }
    if (!["", "!!bool", "!!int", "!!float", "!!null", "!!timestamp"].includes(tag)) {
        // Not resolvable: yaml.v3 hands the text over unchanged.
        return { kind: "string", value: text };
    }
    const [resolvedTag, value] = resolvePlain(text, tag);
    if (tag === "" || tag === resolvedTag) {
        return value;
    }
    if (tag === "!!float" && value.kind === "int") {
        return { kind: "float", value: Number(value.value) };
    }
    throw new CliYamlError(`cannot decode ${resolvedTag} \`${text}\` as a ${tag}`);
}

function resolvePlain(text: string, tag: string): [string, CliValue] {
    const first = text[0] ?? "";
    const hint = text === "" ? "M" : /[+-]/.test(first) ? "S" : /\d/.test(first) ? "D" : /[yYnNtTfFoO~]/.test(first) ? "M" : first === "." ? "." : "";
    if (hint === "") {
        return ["!!str", { kind: "string", value: text }];
    }
    if (NULLS.has(text)) return ["!!null", { kind: "null" }];
    if (TRUES.has(text)) return ["!!bool", { kind: "bool", value: true }];
    if (FALSES.has(text)) return ["!!bool", { kind: "bool", value: false }];
    if (text in SPECIAL_FLOATS) return ["!!float", { kind: "float", value: SPECIAL_FLOATS[text] }];
    if (hint === ".") {
        const value = goParseFloat(text);
        return value === undefined ? ["!!str", { kind: "string", value: text }] : ["!!float", { kind: "float", value }];
    }
    if (hint === "D" || hint === "S") {
        if (tag === "" || tag === "!!timestamp") {
            const timestamp = resolveTimestamp(text);
            if (typeof timestamp === "object") {
                throw new CliYamlError(
                    `the timestamp \`${text}\` has a numeric offset; the CLI renders it in the time zone of the machine it runs on. Quote it to keep it as text`,
                );
            }
            if (timestamp !== undefined) return ["!!timestamp", { kind: "string", value: timestamp }];
        }
        const plain = text.replace(/_/g, "");
        const asInt = goParseInt(plain, 0) ?? goParseInt(plain, 0, true);
        if (asInt !== undefined) return ["!!int", intValue(asInt)];
        if (YAML_STYLE_FLOAT.test(plain)) {
            const value = goParseFloat(plain);
            if (value !== undefined) return ["!!float", { kind: "float", value }];
        }
        // The explicit 0b/-0b and 0o/-0o branches of resolve.go accept nothing base 0 did not already.
    }
    return ["!!str", { kind: "string", value: text }];
}

/** Go's `base64.StdEncoding.DecodeString` (padding required; line breaks ignored). */
function decodeBase64(text: string): string {
    const compact = text.replace(/[\r\n]/g, "");
    if (!/^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) {
        throw new CliYamlError("!!binary value contains invalid base64 data");
    }
    return Buffer.from(compact, "base64").toString("utf8");
}

/** Go's `fmt.Sprintf("%v", v)` of a decoded map key (pulumi's `unmarshalObject` for `map[any]any`). */
function keyText(value: CliValue): string {
    switch (value.kind) {
        case "null":
            return "<nil>";
        case "bool":
        case "int":
        case "string":
            return String(value.value);
        case "float":
            return formatG(value.value);
        default:
            throw new CliYamlError("a map key must be a scalar");
    }
}

/** Go's `strconv.FormatFloat(v, 'g', -1, 64)`, what `%v` prints for a float64. */
function formatG(value: number): string {
    if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf";
    if (value === 0) return Object.is(value, -0) ? "-0" : "0";
    const [mantissa, exponent] = value.toExponential().split("e");
    const exp = Number(exponent);
    // With the shortest precision Go switches to exponent form below 1e-4 and from 1e6 on.
    if (exp < -4 || exp >= 6) {
        return `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
    }
    return String(value);
}

/** Reads the syntax tree of one YAML document into CLI values. */
export class CliYamlReader {
    private readonly lines = new LineCounter();
    readonly document: Document;

    constructor(text: string) {
        this.document = parseDocument(text, { schema: "failsafe", uniqueKeys: false, lineCounter: this.lines, prettyErrors: false });
        const error = this.document.errors[0];
        if (error) {
            throw new CliYamlError(error.message.split("\n")[0], error.linePos?.[0].line);
        }
    }

    /** 1-based line of a node, for messages. */
    lineOf(node: Node | null | undefined): number | undefined {
        return node?.range ? this.lines.linePos(node.range[0]).line : undefined;
    }

    /** The node an alias points at (yaml.v3 decodes the anchored node again). */
    target(node: unknown): unknown {
        if (isAlias(node)) {
            const resolved = (node as Alias).resolve(this.document);
            if (resolved === undefined) {
                throw new CliYamlError(`unknown anchor '${(node as Alias).source}' referenced`, this.lineOf(node as Alias));
            }
            return resolved;
        }
        return node;
    }

    /** The Go value yaml.v3 decodes a node into (`interface{}` target), with secure maps recognised. */
    decode(node: unknown): CliValue {
        const target = this.target(node);
        if (target === null || target === undefined) {
            return { kind: "null" };
        }
        if (isScalar(target)) {
            return this.scalar(target);
        }
        if (isSeq(target)) {
            return { kind: "list", items: target.items.map(item => this.decode(item)) };
        }
        if (isMap(target)) {
            const entries = this.mapEntries(target as unknown as Node);
            // config/object.go isSecureValue: a map whose only key is "secure", with a string value.
            const secure = entries.get("secure");
            if (entries.size === 1 && secure?.kind === "string") {
                return { kind: "secure", ciphertext: secure.value };
            }
            return { kind: "map", entries };
        }
        throw new CliYamlError("unsupported YAML node", this.lineOf(target as Node));
    }

    /**
     * A mapping's entries with keys as text, merge keys (`<<`) applied the way yaml.v3 `decoder.mapping`
     * and `decoder.merge` do: explicit keys win over merged ones, and earlier merged maps over later ones.
     * Duplicate keys are refused as yaml.v3 refuses them.
     */
    mapEntries(node: Node, keyOf: (key: unknown) => string = key => keyText(this.decode(key))): Map<string, CliValue> {
        const map = this.target(node) as { items: Array<{ key: unknown; value: unknown }> };
        const seen = new Map<string, number | undefined>();
        const explicit = new Map<string, CliValue>();
        const merges: unknown[] = [];
        for (const { key, value } of map.items) {
            const raw = isScalar(key) ? String((key as Scalar).source ?? (key as Scalar).value) : JSON.stringify(key);
            if (seen.has(raw)) {
                throw new CliYamlError(`mapping key "${raw}" already defined at line ${seen.get(raw)}`, this.lineOf(key as Node));
            }
            seen.set(raw, this.lineOf(key as Node));
            if (isScalar(key) && (key as Scalar).type === "PLAIN" && ((key as Scalar).tag === undefined || (key as Scalar).tag === `${TAG}merge`) && raw === "<<") {
                merges.push(value);
                continue;
            }
            explicit.set(keyOf(key), this.decode(value));
        }
        const result = new Map(explicit);
        for (const merge of merges) {
            const target = this.target(merge);
            const sources = isSeq(target) ? target.items.map(item => this.target(item)) : [target];
            for (const source of sources) {
                if (!isMap(source)) {
                    throw new CliYamlError("map merge requires map or sequence of maps as the value", this.lineOf(source as Node));
                }
                for (const [k, v] of this.mapEntries(source as unknown as Node, keyOf)) {
                    if (!result.has(k)) result.set(k, v);
                }
            }
        }
        return result;
    }

    private scalar(node: Scalar): CliValue {
        const tag = node.tag === undefined ? "" : node.tag.startsWith(TAG) ? `!!${node.tag.slice(TAG.length)}` : node.tag;
        const text = typeof node.value === "string" ? node.value : String(node.source ?? "");
        try {
            return resolveScalar(text, tag, node.type !== "PLAIN");
        } catch (e) {
            throw new CliYamlError((e as Error).message, this.lineOf(node));
        }
    }
}

/** Go's `encoding/json` text of a float64; NaN and ±Inf are an error there. */
function jsonFloat(value: number): string {
    if (!Number.isFinite(value)) {
        throw new CliYamlError(`json: unsupported value: ${formatG(value)}`);
    }
    // Go and ECMAScript agree on the shortest digits and on when to switch to exponent form (1e-6, 1e21);
    // Go writes negative zero as -0.
    return Object.is(value, -0) ? "-0" : String(value);
}

/**
 * The JSON text Go's `encoding/json` writes for a decoded value: map keys sorted, integers exact.
 * `secret` renders an encrypted leaf (the CLI writes the decrypted plaintext there).
 */
export function goJson(value: CliValue, secret: (ciphertext: string) => string, nested = false): string {
    switch (value.kind) {
        case "null":
            return "null";
        case "bool":
            return String(value.value);
        case "int":
            // Inside an object the CLI re-reads its JSON with UseNumber: an integer beyond int64 becomes a float.
            return nested && value.value > INT64_MAX ? jsonFloat(Number(value.value)) : String(value.value);
        case "float":
            return jsonFloat(value.value);
        case "string":
            return JSON.stringify(value.value);
        case "secure":
            return JSON.stringify(secret(value.ciphertext));
        case "list":
            return `[${value.items.map(item => goJson(item, secret, true)).join(",")}]`;
        case "map":
            return `{${[...value.entries.keys()]
                .sort(compareBytes)
                .map(k => `${JSON.stringify(k)}:${goJson(value.entries.get(k)!, secret, true)}`)
                .join(",")}}`;
    }
}

/** Go sorts map keys by their UTF-8 bytes. */
function compareBytes(a: string, b: string): number {
    return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/**
 * The text a top-level config value reaches the program as (`config.Value.Value` after `MarshalString`):
 * strings as they are, scalars as JSON, lists and maps as JSON objects (`object: true`).
 */
export function configText(value: CliValue, secret: (ciphertext: string) => string): { text: string; object: boolean } {
    switch (value.kind) {
        case "string":
            return { text: value.value, object: false };
        case "secure":
            return { text: secret(value.ciphertext), object: false };
        case "list":
        case "map":
            return { text: goJson(value, secret), object: true };
        case "null":
            // yaml.v3 never calls Value.UnmarshalYAML for a null node (decode.go `prepare`): the value stays empty.
            return { text: "", object: false };
        default:
            return { text: goJson(value, secret), object: false };
    }
}

/**
 * The text of a value `Pulumi.yaml` declares as a default or value (workspace/config.go `createConfigValue`):
 * a scalar through Go's `fmt.Sprintf("%v")` (so 1e6 becomes "1e+06"), a list or map as JSON.
 */
export function projectValueText(value: CliValue, secret: (ciphertext: string) => string): string {
    switch (value.kind) {
        case "float":
            return formatG(value.value);
        case "list":
        case "map":
        case "secure":
            return configText(value, secret).text;
        default:
            return keyText(value);
    }
}

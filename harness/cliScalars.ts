/**
 * How yaml.v3 (go-yaml/yaml v3.0.1, the decoder the Pulumi CLI uses) resolves one scalar from its source
 * text into a Go value (`resolve.go` `resolve`, `decode.go` `decoder.scalar`), and the Go number parsing it
 * relies on. Pure.
 */
import { CliValue, CliYamlError } from "./cliValue";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

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

/**
 * A config value as the Pulumi CLI holds it after decoding YAML, and the texts the CLI makes of it. Pure.
 *
 * Sources: pulumi/pulumi `sdk/go/common/resource/config/object.go` (`unmarshalObject`, `MarshalString`),
 * `value.go` (`Value.Value`), `sdk/go/common/workspace/config.go` (`createConfigValue`); Go's
 * `encoding/json` and `fmt` for the text of numbers.
 */

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

const INT64_MAX = 2n ** 63n - 1n;

/** Go's `fmt.Sprintf("%v", v)` of a decoded map key (pulumi's `unmarshalObject` for `map[any]any`). */
export function keyText(value: CliValue): string {
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


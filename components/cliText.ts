/**
 * The text forms the Pulumi CLI accepts for typed config keys, so that the program reads a value exactly as
 * the CLI validated it. Pure.
 *
 * pulumi/pulumi `sdk/go/common/workspace/project.go` `ValidateConfigValue` (3.219 to 3.248) checks the text
 * of a non-object value: an integer key takes what Go's `strconv.Atoi` parses, a boolean key the literal
 * "true" or "false" (YAML's True/TRUE reach it as "true", written by `encoding/json`).
 */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Go's `strconv.Atoi` on a 64-bit machine: an optional sign and decimal digits (leading zeros allowed, no
 * spaces, underscores or prefixes), within int64. Undefined where Atoi returns an error.
 */
export function atoi(text: string): bigint | undefined {
    if (!/^[+-]?[0-9]+$/.test(text)) {
        return undefined;
    }
    const value = BigInt(text.replace(/^\+/, ""));
    return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

/** The boolean of a config text the CLI accepts for a boolean key; undefined for any other text. */
export function cliBoolean(text: string): boolean | undefined {
    return text === "true" ? true : text === "false" ? false : undefined;
}

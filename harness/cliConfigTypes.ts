/**
 * The Pulumi CLI's type check of stack config against the types `Pulumi.yaml` declares, and the messages
 * the offline check gives for what it refuses. Pure.
 *
 * Sources, pulumi/pulumi 3.219 to 3.248 (the code is the same across that range):
 * - `sdk/go/common/workspace/project.go` `ValidateConfigValue`: the rule per type.
 * - `sdk/go/common/workspace/config.go` `validateStackConfigValue`: a non-object value is checked as its
 *   text, an object (list or map) as `json.Unmarshal` of its JSON text (so numbers are float64); a key
 *   declared `secret: true` must hold an encrypted value; `mergeConfig`: a project key with neither default
 *   nor stack value is missing.
 * - `sdk/go/common/workspace/project.go` `Project.Validate`: a default must itself be of the declared type.
 */
import { atoi, cliBoolean } from "../components/cliText";
import { CliValue } from "./cliValue";

/** A declared item type (`items:` of an array). */
export interface ItemsType {
    readonly type: string;
    readonly items?: ItemsType;
}

/** One key as `Pulumi.yaml` declares it. */
export interface ConfigTypeDeclaration {
    readonly type?: string;
    readonly items?: ItemsType;
    readonly default?: CliValue;
    readonly value?: CliValue;
    readonly secret: boolean;
}

/** A value whose content cannot be known offline (an encrypted leaf): every check passes it. */
const UNKNOWN = Symbol("encrypted");
type Content = string | number | boolean | null | typeof UNKNOWN | Content[] | { [key: string]: Content };

/**
 * What `ValidateConfigValue` receives for a value: the text of a scalar (`MarshalString`), or the JSON of a
 * list or map read back by `json.Unmarshal` (numbers as float64).
 */
export function contentOf(value: CliValue, topLevel = true): Content {
    switch (value.kind) {
        case "secure":
            return UNKNOWN;
        case "list":
            return value.items.map(item => contentOf(item, false));
        case "map":
            return Object.fromEntries([...value.entries].map(([k, v]) => [k, contentOf(v, false)]));
        case "null":
            // A top-level null is an empty string (yaml.v3 leaves the Value zero); inside JSON it is null.
            return topLevel ? "" : null;
        case "string":
            return value.value;
        case "bool":
            return topLevel ? String(value.value) : value.value;
        case "int":
            return topLevel ? String(value.value) : Number(value.value);
        case "float":
            return topLevel ? (Object.is(value.value, -0) ? "-0" : String(value.value)) : value.value;
    }
}

/** Go `Project.Validate` sees a default as decoded from YAML: ints as int, not as text. */
export function defaultContentOf(value: CliValue): Content {
    switch (value.kind) {
        case "int":
        case "float":
            return Number(value.value);
        case "bool":
            return value.value;
        case "null":
            return null;
        default:
            return contentOf(value);
    }
}

/** `ValidateConfigValue(typeName, itemsType, value)`. */
export function validateConfigValue(type: string, items: ItemsType | undefined, content: Content): boolean {
    if (content === UNKNOWN) {
        return true;
    }
    if (type === "string") {
        return typeof content === "string";
    }
    if (type === "integer") {
        if (typeof content === "number") {
            return content === Math.trunc(content);
        }
        return typeof content === "string" && atoi(content) !== undefined;
    }
    if (type === "boolean") {
        return typeof content === "boolean" || (typeof content === "string" && cliBoolean(content) !== undefined);
    }
    if (type === "object") {
        return content !== null && typeof content === "object" && !Array.isArray(content);
    }
    if (!Array.isArray(content) || items === undefined) {
        return false;
    }
    return content.every(item => validateConfigValue(items.type, items.items, item));
}

/** `InferFullTypeName`: "array<integer>" for a list of integers. */
export function fullTypeName(type: string, items?: ItemsType): string {
    return items ? `array<${fullTypeName(items.type, items.items)}>` : type;
}

/** What a declared type accepts, in words. */
export function allowedFor(type: string, items?: ItemsType): string {
    switch (type) {
        case "string":
            return "expected text (a list or a map is not text)";
        case "integer":
            return "expected a whole number: digits with an optional sign (8080, +5, 007) or a YAML integer (0x1F, 0o17, 1e3)";
        case "boolean":
            return "expected true or false (YAML also reads True/TRUE and False/FALSE; yes, no, on and off are text)";
        case "object":
            return "expected a map of NAME: value";
        default:
            return items ? `expected a list of ${fullTypeName(items.type, items.items)}` : `"${type}" is not a config type the CLI knows`;
    }
}

/** A value for a message: scalars as written (JSON-quoted text), lists and maps by their kind only. */
export function describeValue(value: CliValue): string {
    switch (value.kind) {
        case "string":
            return JSON.stringify(value.value);
        case "null":
            return "empty (the CLI passes an empty string)";
        case "int":
        case "bool":
            return String(value.value);
        case "float":
            return Number.isFinite(value.value) ? String(value.value) : "a non-finite number";
        case "secure":
            return "[secret]";
        case "list":
            return `a list of ${value.items.length} ${value.items.length === 1 ? "item" : "items"}`;
        case "map":
            return "a map";
    }
}

/** A value's kind, for keys whose values are never shown. */
export function describeKind(value: CliValue): string {
    switch (value.kind) {
        case "string":
            return "text";
        case "null":
            return "empty";
        case "int":
            return "an integer";
        case "float":
            return "a number";
        case "bool":
            return "a boolean";
        case "secure":
            return "[secret]";
        case "list":
        case "map":
            return describeValue(value);
    }
}

/** Whether a value holds an encrypted leaf (`config.object.Secure`). */
export function isSecure(value: CliValue): boolean {
    switch (value.kind) {
        case "secure":
            return true;
        case "list":
            return value.items.some(isSecure);
        case "map":
            return [...value.entries.values()].some(isSecure);
        default:
            return false;
    }
}

/** Paths of the encrypted leaves of a value, in `pulumi config --path` notation (`key.NAME`, `key[0]`). */
export function securePaths(key: string, value: CliValue): string[] {
    switch (value.kind) {
        case "secure":
            return [key];
        case "list":
            return value.items.flatMap((item, i) => securePaths(`${key}[${i}]`, item));
        case "map":
            return [...value.entries].flatMap(([name, v]) => securePaths(/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? `${key}.${name}` : `${key}[${JSON.stringify(name)}]`, v));
        default:
            return [];
    }
}

/**
 * The problem the CLI has with a stack value of a declared key, or undefined when it accepts it. Values of
 * lists, maps and keys declared `secret`, and encrypted values, are never shown: they may hold secrets.
 */
export function stackValueProblem(stack: string, key: string, declaration: ConfigTypeDeclaration, value: CliValue, text: string): string | undefined {
    if (declaration.secret && !isSecure(value)) {
        return `${key} is not encrypted, but Pulumi.yaml declares it secret; set it with "pulumi config set --secret ${key.split(":")[1]} <value>" (the CLI refuses: "Stack '${stack}' with configuration key '${key}' must be encrypted as it's secret")`;
    }
    // A value encrypted as a whole decrypts to text, never to a list or a map, whatever the plaintext.
    if (value.kind === "secure" && (declaration.type === "object" || declaration.type === "array")) {
        const typeName = fullTypeName(declaration.type, declaration.items);
        return `${key} is encrypted as a whole, which the CLI reads as text; ${allowedFor(declaration.type, declaration.items)}: set each entry with "pulumi config set --secret --path '${key.split(":")[1]}.NAME' <value>" (the CLI refuses: "Stack '${stack}' with configuration key '${key}' must be of type '${typeName}'")`;
    }
    // A scalar is judged by the text the CLI made of it, a list or map by its JSON read back.
    const content = value.kind === "list" || value.kind === "map" || value.kind === "secure" ? contentOf(value) : text;
    if (declaration.type === undefined || validateConfigValue(declaration.type, declaration.items, content)) {
        return undefined;
    }
    const structured = declaration.type === "object" || declaration.type === "array" || declaration.secret;
    const shown = structured ? describeKind(value) : describeValue(value);
    const typeName = fullTypeName(declaration.type, declaration.items);
    return `${key} is ${shown}; ${allowedFor(declaration.type, declaration.items)} (the CLI refuses: "Stack '${stack}' with configuration key '${key}' must be of type '${typeName}'")`;
}

/**
 * Builds the config a stack's program receives, from `Pulumi.yaml` and `Pulumi.<stack>.yaml`, the way the
 * Pulumi CLI does (3.219 to 3.248): each YAML scalar resolved from its source text as yaml.v3 resolves it
 * (`cliYaml.ts`), stack values over the project's declared defaults, keys namespaced by the project,
 * structured values as JSON text, and every value checked against the type `Pulumi.yaml` declares with the
 * CLI's own rules (`cliConfigTypes.ts`). What the CLI refuses is refused here, every problem at once, each
 * naming its key. Encrypted values cannot be decrypted offline; each becomes a placeholder and its key is
 * marked secret, so the program still sees a secret.
 */
import * as fs from "fs";
import * as path from "path";
import { isMap, isScalar, Node, Scalar } from "yaml";
import { ConfigTypeDeclaration, defaultContentOf, fullTypeName, isSecure, ItemsType, securePaths, stackValueProblem, validateConfigValue } from "./cliConfigTypes";
import { CliValue, CliYamlError, CliYamlReader, configText, projectValueText } from "./cliYaml";

/** The text every encrypted (`secure:`) value is replaced with offline. */
export const SECRET_PLACEHOLDER = "offline-placeholder-for-a-secret-value";

/** A stack's config as the engine hands it to the program. */
export interface StackConfig {
    readonly project: string;
    readonly stack: string;
    /** Full keys to text. */
    readonly config: Record<string, string>;
    readonly secretKeys: string[];
    /**
     * Every value set with `--secret`, as a path (`project:key`, `project:key.NAME`, `project:key[0]`). The
     * engine tells a program only which keys hold a secret; reading the file tells which entries do.
     */
    readonly securePaths: string[];
}

/** A config file that cannot be used; the message names the file and, per problem, the key. */
export class ConfigFileError extends Error {
    constructor(
        readonly file: string,
        message: string,
        readonly problems: readonly string[] = [message],
    ) {
        super(`${file}: ${message}`);
        this.name = "ConfigFileError";
    }

    /** One error listing every problem of a file. */
    static of(file: string, problems: readonly string[]): ConfigFileError {
        const message =
            problems.length === 1
                ? problems[0]
                : `${problems.length} problems:\n${problems.map(p => `  - ${p}`).join("\n")}`;
        return new ConfigFileError(file, message, problems);
    }
}

function readYaml(file: string): CliYamlReader {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        throw new ConfigFileError(file, "cannot be read");
    }
    return readYamlText(file, text);
}

function readYamlText(file: string, text: string): CliYamlReader {
    try {
        return new CliYamlReader(text);
    } catch (e) {
        const line = (e as CliYamlError).line;
        throw new ConfigFileError(file, `is not valid YAML${line ? ` (line ${line})` : ""}: ${(e as Error).message}`);
    }
}

/** The mapping under `field` of a document's top-level mapping; undefined when absent or null. */
function section(reader: CliYamlReader, file: string, field: string): Node | undefined {
    const root = reader.document.contents;
    if (root === null || (isScalar(root) && reader.decode(root).kind === "null")) {
        return undefined;
    }
    if (!isMap(root)) {
        throw new ConfigFileError(file, "must be a map of settings");
    }
    const pair = root.items.find(p => isScalar(p.key) && (p.key as Scalar).value === field);
    const node = reader.target(pair?.value) as Node | null | undefined;
    if (node === undefined || node === null || (isScalar(node) && reader.decode(node).kind === "null")) {
        return undefined;
    }
    if (!isMap(node)) {
        throw new ConfigFileError(file, `"${field}" must be a map of keys to values`);
    }
    return node;
}

const fullKey = (project: string, key: string): string => (key.includes(":") ? key : `${project}:${key}`);

/** A top-level key of a config map: yaml.v3 decodes it into a Go string, i.e. its text as written. */
const keyText = (key: unknown): string => (isScalar(key) ? String((key as Scalar).value ?? "") : "");

function itemsOf(value: CliValue | undefined): ItemsType | undefined {
    if (value?.kind !== "map") return undefined;
    const type = value.entries.get("type");
    return type?.kind === "string" ? { type: type.value, items: itemsOf(value.entries.get("items")) } : undefined;
}

/** A project file as read: its name and its declared keys (full names). */
export interface ProjectDeclarations {
    readonly name: string;
    readonly declarations: ReadonlyMap<string, ConfigTypeDeclaration>;
}

/**
 * Projects already read, by file and text: the result depends on nothing else, and reading `Pulumi.yaml`
 * with the CLI's YAML rules is most of the work of reading a small stack file (property tests read
 * thousands). A changed file has a new text, so it is read again.
 */
const projects = new Map<string, ProjectDeclarations>();

/** The project's name and its declared keys (full names), from `Pulumi.yaml`. */
export function readProject(projectDir: string): ProjectDeclarations {
    const file = path.join(projectDir, "Pulumi.yaml");
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        throw new ConfigFileError(file, "cannot be read");
    }
    const memo = `${file}\0${text}`;
    const known = projects.get(memo);
    if (known) {
        return known;
    }
    const project = readProjectText(file, text);
    if (projects.size >= 16) {
        // Bounded: a test that writes many project files keeps only the latest few.
        projects.delete(projects.keys().next().value!);
    }
    projects.set(memo, project);
    return project;
}

function readProjectText(file: string, text: string): ProjectDeclarations {
    const reader = readYamlText(file, text);
    try {
        const root = reader.decode(reader.document.contents);
        const name = root.kind === "map" ? root.entries.get("name") : undefined;
        if (name?.kind !== "string" || name.value === "") {
            throw new ConfigFileError(file, "has no project name");
        }
        const declarations = new Map<string, ConfigTypeDeclaration>();
        const config = section(reader, file, "config");
        const problems: string[] = [];
        for (const [key, declared] of config ? reader.mapEntries(config, keyText) : []) {
            const full = fullKey(name.value, key);
            const namespaced = full.startsWith(`${name.value}:`);
            // project.go RewriteShorthandConfigValues: a scalar or list is a default (project keys) or a value.
            const declaration: ConfigTypeDeclaration =
                declared.kind === "map"
                    ? {
                          type: declared.entries.get("type")?.kind === "string" ? (declared.entries.get("type") as { value: string }).value : undefined,
                          items: itemsOf(declared.entries.get("items")),
                          default: declared.entries.get("default"),
                          value: declared.entries.get("value"),
                          secret: declared.entries.get("secret")?.kind === "bool" && (declared.entries.get("secret") as { value: boolean }).value,
                      }
                    : namespaced
                      ? { default: declared, secret: false }
                      : { value: declared, secret: false };
            // Project.Validate: a default must be of the declared type.
            if (declaration.type !== undefined && declaration.default !== undefined && declaration.default.kind !== "null" && !validateConfigValue(declaration.type, declaration.items, defaultContentOf(declaration.default))) {
                problems.push(`The default value specified for configuration key '${full}' is not of the expected type '${fullTypeName(declaration.type, declaration.items)}'`);
            }
            declarations.set(full, declaration);
        }
        if (problems.length > 0) {
            throw ConfigFileError.of(file, problems);
        }
        return { name: name.value, declarations };
    } catch (e) {
        if (e instanceof CliYamlError) {
            throw new ConfigFileError(file, `${e.line ? `line ${e.line}: ` : ""}${e.message}`);
        }
        throw e;
    }
}

/**
 * The config of `stack`: `Pulumi.yaml` defaults overlaid by `configFile` (default `Pulumi.<stack>.yaml`
 * beside `Pulumi.yaml`, which may be absent; a named file must exist).
 * @throws ConfigFileError listing every value the CLI would refuse, by key.
 */
export function readStackConfig(projectDir: string, stack: string, configFile?: string): StackConfig {
    const { config, file, problems } = inspectStackConfig(projectDir, stack, configFile);
    if (problems.length > 0) {
        throw ConfigFileError.of(file, problems);
    }
    return config;
}

/** What `readStackConfig` reads, with the CLI's refusals listed rather than thrown (refused keys are left out). */
export interface StackConfigInspection {
    readonly file: string;
    readonly config: StackConfig;
    readonly problems: string[];
    /** Full keys whose values the CLI refuses. */
    readonly refusedKeys: string[];
}

/**
 * Like `readStackConfig`, but returns the CLI's refusals so that a caller can add its own checks and report
 * every problem at once. Throws only for a file that cannot be read at all.
 */
export function inspectStackConfig(projectDir: string, stack: string, configFile?: string): StackConfigInspection {
    const project = readProject(projectDir);
    const file = configFile ?? path.join(projectDir, `Pulumi.${stack}.yaml`);
    // A stack without a config file is valid: it runs on the project's defaults.
    const reader = configFile === undefined && !fs.existsSync(file) ? undefined : readYaml(file);
    const problems: string[] = [];
    const refusedKeys: string[] = [];
    const values = new Map<string, CliValue>();
    let node: Node | undefined;
    try {
        node = reader && section(reader, file, "config");
    } catch (e) {
        throw e instanceof CliYamlError ? new ConfigFileError(file, `${e.line ? `line ${e.line}: ` : ""}${e.message}`) : e;
    }
    if (reader && node) {
        let entries: Map<string, CliValue>;
        try {
            entries = reader.mapEntries(node, keyText);
        } catch (e) {
            if (!(e instanceof CliYamlError)) throw e;
            // The CLI stops at this; go on key by key, so that every other problem is reported too.
            entries = decodeEachKey(reader, node, problems, refusedKeys);
            if (!problems.length) {
                problems.push(`${e.line ? `line ${e.line}: ` : ""}the CLI cannot read this file (${e.message})`);
            }
        }
        for (const [key, value] of entries) {
            if (!key.includes(":")) {
                problems.push(`key "${key}" has no namespace; write "${project.name}:${key}"`);
                continue;
            }
            values.set(key, value);
        }
    }

    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    const secure: string[] = [];
    const missing: string[] = [];
    // mergeConfig: a stack value wins; otherwise the project's default or value (createConfigValue).
    const merged = new Map<string, { value: CliValue; fromProject: boolean }>();
    for (const [key, declaration] of project.declarations) {
        const value = declaration.default ?? declaration.value;
        if (value !== undefined && value.kind !== "null") {
            merged.set(key, { value, fromProject: true });
        } else if (!values.has(key) && key.startsWith(`${project.name}:`)) {
            missing.push(key);
        }
    }
    for (const [key, value] of values) merged.set(key, { value, fromProject: false });
    for (const [key, { value, fromProject }] of merged) {
        let text: string;
        try {
            text = fromProject ? projectValueText(value, () => SECRET_PLACEHOLDER) : configText(value, () => SECRET_PLACEHOLDER).text;
        } catch (e) {
            problems.push(`${key}: the CLI cannot read this value (${(e as Error).message})`);
            refusedKeys.push(key);
            continue;
        }
        config[key] = text;
        if (isSecure(value)) {
            secretKeys.push(key);
            secure.push(...securePaths(key, value));
        }
        const declaration = project.declarations.get(key);
        const problem = declaration && stackValueProblem(stack, key, declaration, value, text);
        if (problem) {
            problems.push(problem);
            refusedKeys.push(key);
            delete config[key];
        }
    }
    if (missing.length > 0) {
        problems.push(`${missing.join(", ")}: no value and no default (the CLI refuses: "Stack '${stack}' is missing configuration ${missing.length === 1 ? "value" : "values"}")`);
    }
    return { file, config: { project: project.name, stack, config, secretKeys, securePaths: secure }, problems, refusedKeys };
}

/** The config map's values one key at a time (merge keys left out), each value the CLI cannot read named by its key. */
function decodeEachKey(reader: CliYamlReader, node: Node, problems: string[], refusedKeys: string[]): Map<string, CliValue> {
    const entries = new Map<string, CliValue>();
    for (const pair of (node as unknown as { items: Array<{ key: unknown; value: unknown }> }).items) {
        const key = keyText(pair.key);
        try {
            entries.set(key, reader.decode(pair.value));
        } catch (e) {
            if (!(e instanceof CliYamlError)) throw e;
            problems.push(`${key}: the CLI cannot read this value (${e.message})`);
            refusedKeys.push(key);
        }
    }
    return entries;
}

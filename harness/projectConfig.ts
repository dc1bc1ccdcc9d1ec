/**
 * Builds the config a stack's program receives, from `Pulumi.yaml` and `Pulumi.<stack>.yaml`, the way the
 * CLI does: stack values over the project's declared defaults, keys namespaced by the project, structured
 * values as JSON text. Encrypted values cannot be decrypted offline; each becomes a placeholder and its
 * key is marked secret, so the program still sees a secret.
 */
import * as fs from "fs";
import * as path from "path";
import { parseYaml } from "./yamlCache";

/** The text every encrypted (`secure:`) value is replaced with offline. */
export const SECRET_PLACEHOLDER = "offline-placeholder-for-a-secret-value";

/** A stack's config as the engine hands it to the program. */
export interface StackConfig {
    readonly project: string;
    readonly stack: string;
    /** Full keys to text. */
    readonly config: Record<string, string>;
    readonly secretKeys: string[];
}

/** A config file that cannot be used; the message names the file and the key. */
export class ConfigFileError extends Error {
    constructor(
        readonly file: string,
        message: string,
    ) {
        super(`${file}: ${message}`);
        this.name = "ConfigFileError";
    }
}

function readYaml(file: string): any {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        throw new ConfigFileError(file, "cannot be read");
    }
    try {
        return parseYaml(text) ?? {};
    } catch (e) {
        throw new ConfigFileError(file, `is not valid YAML (${(e as Error).message.split("\n")[0]})`);
    }
}

/** Replaces `{secure: …}` leaves with the placeholder; true when any was found. */
function stripSecure(value: unknown): { value: unknown; secret: boolean } {
    if (Array.isArray(value)) {
        const items = value.map(stripSecure);
        return { value: items.map(i => i.value), secret: items.some(i => i.secret) };
    }
    if (value !== null && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (Object.keys(record).length === 1 && typeof record.secure === "string") {
            return { value: SECRET_PLACEHOLDER, secret: true };
        }
        let secret = false;
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(record)) {
            const stripped = stripSecure(v);
            out[k] = stripped.value;
            secret ||= stripped.secret;
        }
        return { value: out, secret };
    }
    return { value, secret: false };
}

const asText = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

const fullKey = (project: string, key: string): string => (key.includes(":") ? key : `${project}:${key}`);

/** The project's name and the defaults it declares, from `Pulumi.yaml`. */
export function readProject(projectDir: string): { name: string; defaults: Record<string, unknown> } {
    const file = path.join(projectDir, "Pulumi.yaml");
    const doc = readYaml(file);
    if (typeof doc.name !== "string" || doc.name === "") {
        throw new ConfigFileError(file, "has no project name");
    }
    const defaults: Record<string, unknown> = {};
    for (const [key, declaration] of Object.entries<any>(doc.config ?? {})) {
        const value = declaration !== null && typeof declaration === "object" && !Array.isArray(declaration) ? declaration.default : declaration;
        if (value !== undefined) {
            defaults[fullKey(doc.name, key)] = value;
        }
    }
    return { name: doc.name, defaults };
}

/**
 * The config of `stack`: `Pulumi.yaml` defaults overlaid by `configFile` (default `Pulumi.<stack>.yaml`
 * beside `Pulumi.yaml`, which may be absent; a named file must exist).
 */
export function readStackConfig(projectDir: string, stack: string, configFile?: string): StackConfig {
    const project = readProject(projectDir);
    const file = configFile ?? path.join(projectDir, `Pulumi.${stack}.yaml`);
    // A stack without a config file is valid: it runs on the project's defaults.
    const doc = configFile === undefined && !fs.existsSync(file) ? {} : readYaml(file);
    if (doc.config !== undefined && (doc.config === null || typeof doc.config !== "object" || Array.isArray(doc.config))) {
        throw new ConfigFileError(file, `"config" must be a map of keys to values`);
    }
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, value] of Object.entries(project.defaults)) {
        config[key] = asText(value);
    }
    for (const [key, raw] of Object.entries<unknown>(doc.config ?? {})) {
        if (!key.includes(":")) {
            throw new ConfigFileError(file, `key "${key}" has no namespace; write "${project.name}:${key}"`);
        }
        const { value, secret } = stripSecure(raw);
        config[key] = asText(value);
        if (secret) {
            secretKeys.push(key);
        }
    }
    return { project: project.name, stack, config, secretKeys };
}

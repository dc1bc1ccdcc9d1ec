/**
 * Reads one entry of `services` with the checks of the flat keys (`Reader`). Pure.
 */
import { atoi, cliBoolean } from "./cliText";
import { CONFIG_KEYS, ConfigKey } from "./configKeys";
import { entryPath, Reader, show } from "./configReader";
import { RawStackConfig } from "./stackSettings";

/**
 * Reads one entry of `services`: a key the entry sets is read from it (as the CLI stores it with
 * `pulumi config set --path 'services.NAME.key'`: typed YAML, or text) and named
 * `<project>:services.NAME.key`; a key it does not set takes the stack-wide value, and a problem the
 * stack-wide key already has is not repeated.
 */
export class ServiceReader extends Reader {
    constructor(
        private readonly stackWide: Reader,
        raw: RawStackConfig,
        readonly service: string,
        private readonly entry: Readonly<Record<string, unknown>>,
    ) {
        super(raw, stackWide.problems);
    }

    /** The entry's own config path, without the project: `services.NAME`. */
    get entryPath(): string {
        return entryPath("services", this.service);
    }

    /** A field of the entry by its full path, for messages: `<project>:services.NAME.field`. */
    path(field: string): string {
        return `${this.raw.project}:${this.entryPath}.${field}`;
    }

    override full(key: ConfigKey): string {
        return this.path(key);
    }

    /** The fields the entry sets. */
    fields(): string[] {
        return Object.keys(this.entry);
    }

    /** Whether the entry sets a field (a key or a service-only field). */
    has(field: string): boolean {
        return Object.prototype.hasOwnProperty.call(this.entry, field);
    }

    /** A field's value as the entry holds it. */
    field(field: string): unknown {
        return this.entry[field];
    }

    /** A service-only field's value as messages show it: never a value set with --secret. */
    shownField(field: string, value: unknown): string {
        return this.isSecretPath(field) ? "[secret]" : show(value);
    }

    override cliPath(key: ConfigKey): string {
        return `${this.entryPath}.${key}`;
    }

    override owns(key: ConfigKey): boolean {
        return this.has(key);
    }

    /**
     * Whether a value under the entry was set with `--secret`: judged by path when the stack file was read;
     * otherwise the engine says only that `services` holds a secret somewhere, and then all of it counts.
     */
    isSecretPath(field: string): boolean {
        const full = `${this.raw.project}:${this.entryPath}.${field}`;
        const paths = this.raw.securePaths;
        if (paths === undefined) {
            return this.raw.secretKeys.includes(`${this.raw.project}:services`);
        }
        return paths.some(p => p === full || p.startsWith(`${full}.`) || p.startsWith(`${full}[`) || full.startsWith(`${p}.`));
    }

    override knowsSecretValues(key: ConfigKey): boolean {
        return !this.owns(key) || this.raw.securePaths !== undefined;
    }

    override isSecret(key: ConfigKey): boolean {
        return this.owns(key) ? this.isSecretPath(key) : this.stackWide.isSecret(key);
    }

    /** Whether the key's value had a problem: the entry's own, or the stack-wide one it inherits. */
    override wasReported(key: ConfigKey): boolean {
        return super.wasReported(key) || (!this.owns(key) && this.stackWide.wasReported(key));
    }

    protected override note(key: ConfigKey, message: string): void {
        if (!this.owns(key) && this.stackWide.wasReported(key)) {
            return;
        }
        super.note(key, message);
    }

    protected override origin(key: ConfigKey): string {
        return this.owns(key) ? "" : ` (from ${this.stackWide.full(key)})`;
    }

    protected override parsed(key: ConfigKey): unknown {
        if (!this.owns(key)) {
            return this.stackWide.resolvedValue(key);
        }
        return fromEntry(CONFIG_KEYS[key].type, this.entry[key]);
    }
}

/**
 * A value inside an object-valued key as the loader reads it: YAML types arrive as JSON types, and text
 * is read as the CLI reads a flat key's text, so `cpu: 512` and `cpu: "512"` mean the same.
 */
export function fromEntry(type: string, value: unknown): unknown {
    if (type === "string" && (typeof value === "number" || typeof value === "boolean")) {
        return String(value);
    }
    if (type === "integer" && typeof value === "string") {
        const parsed = atoi(value);
        return parsed === undefined ? value : Number(parsed);
    }
    if (type === "boolean" && typeof value === "string") {
        return cliBoolean(value) ?? value;
    }
    return value;
}

/**
 * Reads declared config keys from raw config text, recording a problem per bad value. Pure.
 */
import { atoi, cliBoolean } from "./cliText";
import { CONFIG_KEYS, ConfigKey, declarationOf } from "./configKeys";
import { describeChoices } from "./fargateSizes";
import { RawStackConfig } from "./stackSettings";

/** Environment variable names ECS accepts. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A value as it appears in messages: JSON, so strings show their quotes. */
export const show = (value: unknown): string => JSON.stringify(value);
const quoted = (values: readonly string[]) => describeChoices(values.map(v => show(v)));

/** Reads declared keys, recording a problem (and returning the default) for each bad value. */
export class Reader {
    readonly problems: string[] = [];

    constructor(private readonly raw: RawStackConfig) {}

    full(key: ConfigKey): string {
        return `${this.raw.project}:${key}`;
    }

    /** Records a bad value; the value of a key set with --secret, or of a key that may hold secrets, is never printed. */
    report(key: ConfigKey, given: unknown, allowed: string): void {
        this.problems.push(`${this.full(key)} is ${this.shown(key, given)}; ${allowed}`);
    }

    /**
     * Records a value the prod profile does not allow, naming the profile's key first:
     * `<project>:environment is prod but <project>:deletionProtection is false; …`.
     */
    reportProd(key: ConfigKey, given: unknown, allowed: string): void {
        this.problems.push(`${this.full("environment")} is prod but ${this.full(key)} is ${this.shown(key, given)}; ${allowed}`);
    }

    /** A value as messages show it: never the value of a secret or of a key whose values may be secrets. */
    private shown(key: ConfigKey, given: unknown): string {
        if (this.isSecret(key) || declarationOf(key).secrecy === "required") {
            return "[secret]";
        }
        return declarationOf(key).secrecy === "hidden" ? "[not shown]" : show(given);
    }

    /** Records a bad NAME inside an object-valued key: names are not secret, so they are always shown. */
    reportName(key: ConfigKey, name: string, allowed: string): void {
        this.problems.push(`${this.full(key)} has ${show(name)}; ${allowed}`);
    }

    /** How many problems have been recorded so far: lets a check skip values that already failed. */
    get count(): number {
        return this.problems.length;
    }

    isSecret(key: ConfigKey): boolean {
        return this.raw.secretKeys.includes(this.full(key));
    }

    private text(key: ConfigKey): string | undefined {
        return this.raw.values[this.full(key)];
    }

    private parsed(key: ConfigKey): unknown {
        const text = this.text(key);
        if (text === undefined) {
            return CONFIG_KEYS[key].default;
        }
        const type = CONFIG_KEYS[key].type;
        if (type === "string") {
            return text;
        }
        // The texts the CLI accepts for these types (cliText.ts); anything else stays text and is reported.
        if (type === "integer") {
            const value = atoi(text);
            return value === undefined ? text : Number(value);
        }
        if (type === "boolean") {
            return cliBoolean(text) ?? text;
        }
        try {
            return JSON.parse(text);
        } catch {
            return text;
        }
    }

    string(key: ConfigKey, check?: (value: string) => string | undefined): string {
        const value = this.parsed(key);
        const fallback = CONFIG_KEYS[key].default as string;
        if (typeof value !== "string") {
            this.report(key, value, "expected a string");
            return fallback;
        }
        const problem = value === "" && fallback === "" ? undefined : check?.(value);
        if (problem) {
            this.report(key, value, problem);
            return fallback;
        }
        return value;
    }

    optionalString(key: ConfigKey, check: (value: string) => string | undefined): string | undefined {
        return this.string(key, check) || undefined;
    }

    oneOf<T extends string>(key: ConfigKey, allowed: readonly T[]): T {
        return this.string(key, v => ((allowed as readonly string[]).includes(v) ? undefined : `allowed: ${quoted(allowed)}`)) as T;
    }

    integer(key: ConfigKey, min: number, max: number, why = ""): number {
        const value = this.parsed(key);
        if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
            this.report(key, value, `expected an integer from ${min} to ${max}${why}`);
            return CONFIG_KEYS[key].default as number;
        }
        return value;
    }

    boolean(key: ConfigKey): boolean {
        const value = this.parsed(key);
        if (typeof value !== "boolean") {
            this.report(key, value, "expected true or false");
            return CONFIG_KEYS[key].default as boolean;
        }
        return value;
    }

    stringArray(key: ConfigKey): string[] {
        const value = this.parsed(key);
        if (!Array.isArray(value) || value.length === 0 || !value.every(v => typeof v === "string" && v.trim() !== "")) {
            this.report(key, value, "expected a non-empty list of strings");
            return [...(CONFIG_KEYS[key].default as readonly string[])];
        }
        return value;
    }

    record(key: ConfigKey): Record<string, unknown> {
        const value = this.parsed(key);
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
            this.report(key, value, "expected an object of NAME: value");
            return {};
        }
        return value as Record<string, unknown>;
    }
}

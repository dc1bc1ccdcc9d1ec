/**
 * Reads declared config keys, recording a problem per bad value. A `Reader` reads the stack-wide (flat)
 * keys from raw config text; its subclass `ServiceReader` (serviceReader.ts) reads one entry of
 * `services`. Both apply the same checks, with the range the key table declares. Pure.
 */
import { atoi, cliBoolean } from "./cliText";
import { ChoiceKey, ChoiceOf, CONFIG_KEYS, ConfigKey, declarationOf } from "./configKeys";
import { describeChoices } from "./fargateSizes";
import { RawStackConfig } from "./stackSettings";

/** Environment variable names ECS accepts. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A value as it appears in messages: JSON, so strings show their quotes. */
export const show = (value: unknown): string => JSON.stringify(value);
const quoted = (values: readonly string[]) => describeChoices(values.map(v => show(v)));

/** Allowed values as messages list them: every value when there are many (a retention table), else "a, b or c". */
export const describeAllowed = (values: readonly (string | number)[]): string =>
    values.length > 12 ? values.join(", ") : typeof values[0] === "string" ? quoted(values as string[]) : describeChoices(values);

/**
 * The path of an entry under a config path, as the CLI records secure paths (`key.NAME`, or `key["NA.ME"]`
 * for a name that is not an identifier); mirrors the harness's reading of stack files.
 */
export const entryPath = (parent: string, name: string): string =>
    /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? `${parent}.${name}` : `${parent}[${JSON.stringify(name)}]`;

/** Reads the stack-wide keys, recording a problem (and returning the default) for each bad value. */
export class Reader {
    readonly problems: string[];
    private readonly resolved = new Map<ConfigKey, unknown>();
    private readonly reported = new Set<ConfigKey>();

    constructor(
        protected readonly raw: RawStackConfig,
        problems: string[] = [],
    ) {
        this.problems = problems;
    }

    get project(): string {
        return this.raw.project;
    }

    /** The key's full name in messages: `<project>:key`. */
    full(key: ConfigKey): string {
        return `${this.raw.project}:${key}`;
    }

    /** The key's path for `pulumi config set --path`. */
    cliPath(key: ConfigKey): string {
        return key;
    }

    /** Whether this reader's source sets the key itself (the flat keys are always read here). */
    owns(_key: ConfigKey): boolean {
        return true;
    }

    /** Records a bad value; the value of a key set with --secret, or of a key that may hold secrets, is never printed. */
    report(key: ConfigKey, given: unknown, allowed: string): void {
        this.note(key, `${this.full(key)} is ${this.shown(key, given)}${this.origin(key)}; ${allowed}`);
    }

    /**
     * Records a bad value inside a list- or object-valued key, at `at` after its path (`[0].stages[1]`);
     * `hiddenAllowed` says what is allowed without quoting the value, for a value that is never shown.
     */
    reportAt(key: ConfigKey, at: string, given: unknown, allowed: string, hiddenAllowed = allowed): void {
        const shown = given === undefined ? "not set" : this.shown(key, given);
        const hidden = given !== undefined && shown !== show(given);
        this.note(key, `${this.full(key)}${at} is ${shown}${this.origin(key)}; ${hidden ? hiddenAllowed : allowed}`);
    }

    /**
     * Records a value the prod profile does not allow, naming the profile's key first:
     * `<project>:environment is prod but <project>:deletionProtection is false; …`.
     */
    reportProd(key: ConfigKey, given: unknown, allowed: string): void {
        this.note(key, `${this.raw.project}:environment is prod but ${this.full(key)} is ${this.shown(key, given)}${this.origin(key)}; ${allowed}`);
    }

    /** Records a bad NAME inside an object-valued key: names are not secret, so they are always shown. */
    reportName(key: ConfigKey, name: string, allowed: string): void {
        this.note(key, `${this.full(key)} has ${show(name)}${this.origin(key)}; ${allowed}`);
    }

    /**
     * Records a problem that several keys cause together; a service reports it only when its entry sets
     * one of them (otherwise the stack-wide keys already gave the same result).
     */
    reportAbout(keys: readonly ConfigKey[], message: string): void {
        if (keys.some(k => this.owns(k))) {
            this.problems.push(message);
        }
    }

    /** How many problems have been recorded so far: lets a check skip values that already failed. */
    get count(): number {
        return this.problems.length;
    }

    isSecret(key: ConfigKey): boolean {
        return this.raw.secretKeys.includes(this.full(key));
    }

    /**
     * Whether a key's value set with --secret can be told from a plain one: always for a flat key (the
     * engine marks each key); under `services` only with the stack file's paths.
     */
    knowsSecretValues(_key: ConfigKey): boolean {
        return true;
    }

    /** Whether a problem was recorded for the key: a service that inherits the value does not repeat it. */
    wasReported(key: ConfigKey): boolean {
        return this.reported.has(key);
    }

    /** The value an accessor returned for the key (the default when it was bad), for services that inherit it. */
    resolvedValue(key: ConfigKey): unknown {
        return this.resolved.has(key) ? this.resolved.get(key) : CONFIG_KEYS[key].default;
    }

    protected note(key: ConfigKey, message: string): void {
        this.reported.add(key);
        this.problems.push(message);
    }

    /** Where an inherited value comes from, for messages; the flat keys are their own source. */
    protected origin(_key: ConfigKey): string {
        return "";
    }

    /** A value as messages show it: never the value of a secret or of a key whose values may be secrets. */
    protected shown(key: ConfigKey, given: unknown): string {
        if (this.isSecret(key) || declarationOf(key).secrecy === "required") {
            return "[secret]";
        }
        return declarationOf(key).secrecy === "hidden" ? "[not shown]" : show(given);
    }

    /** The key's value before checks: parsed from the CLI's text, or the declared default. */
    protected parsed(key: ConfigKey): unknown {
        const text = this.raw.values[this.full(key)];
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

    /** The key's value as set, before any check (the default when unset). */
    rawValue(key: ConfigKey): unknown {
        return this.parsed(key);
    }

    private keep<T>(key: ConfigKey, value: T): T {
        this.resolved.set(key, value);
        return value;
    }

    string(key: ConfigKey, check?: (value: string) => string | undefined): string {
        const value = this.parsed(key);
        const fallback = CONFIG_KEYS[key].default as string;
        if (typeof value !== "string") {
            this.report(key, value, "expected a string");
            return this.keep(key, fallback);
        }
        const problem = value === "" && fallback === "" ? undefined : check?.(value);
        if (problem) {
            this.report(key, value, problem);
            return this.keep(key, fallback);
        }
        return this.keep(key, value);
    }

    optionalString(key: ConfigKey, check: (value: string) => string | undefined): string | undefined {
        return this.string(key, check) || undefined;
    }

    /** A string among the key's declared `allowed` values. */
    oneOf<K extends ChoiceKey>(key: K): ChoiceOf<K> {
        const allowed = declarationOf(key).allowed as readonly string[];
        return this.string(key, v => (allowed.includes(v) ? undefined : `allowed: ${describeAllowed(allowed)}`)) as ChoiceOf<K>;
    }

    /** An integer within the key's declared `min`/`max` and, when declared, among its `allowed` values. */
    integer(key: ConfigKey): number {
        const { min, max, rangeReason, allowed } = declarationOf(key);
        if (min === undefined || max === undefined) {
            throw new Error(`the key table declares no range for ${key}`);
        }
        const value = this.parsed(key);
        const fallback = CONFIG_KEYS[key].default as number;
        if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
            this.report(key, value, `expected an integer from ${min} to ${max}${rangeReason ?? ""}`);
            return this.keep(key, fallback);
        }
        if (allowed !== undefined && !allowed.includes(value)) {
            this.report(key, value, `allowed: ${describeAllowed(allowed)}`);
            return this.keep(key, fallback);
        }
        return this.keep(key, value);
    }

    boolean(key: ConfigKey): boolean {
        const value = this.parsed(key);
        if (typeof value !== "boolean") {
            this.report(key, value, "expected true or false");
            return this.keep(key, CONFIG_KEYS[key].default as boolean);
        }
        return this.keep(key, value);
    }

    stringArray(key: ConfigKey): string[] {
        const value = this.parsed(key);
        if (!Array.isArray(value) || value.length === 0 || !value.every(v => typeof v === "string" && v.trim() !== "")) {
            this.report(key, value, "expected a non-empty list of strings");
            return this.keep(key, [...(CONFIG_KEYS[key].default as readonly string[])]);
        }
        return this.keep(key, value);
    }

    /** A list of any items (the caller judges them); anything else is reported and the default returned. */
    list(key: ConfigKey): unknown[] {
        const value = this.parsed(key);
        if (!Array.isArray(value)) {
            this.report(key, value, "expected a list");
            return this.keep(key, [...(CONFIG_KEYS[key].default as readonly unknown[])]);
        }
        return this.keep(key, value);
    }

    record(key: ConfigKey): Record<string, unknown> {
        const value = this.parsed(key);
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
            this.report(key, value, "expected an object of NAME: value");
            return this.keep(key, {});
        }
        return this.keep(key, value as Record<string, unknown>);
    }
}

/**
 * Secret hygiene of config, by key: keys whose values are published in plain text refuse values set with
 * `--secret`, and keys that hold secret values refuse entries that were not. Pure.
 */
import { Reader } from "./configReader";
import { CONFIG_KEYS, ConfigKey, declarationOf } from "./configKeys";
import { RawStackConfig } from "./stackSettings";

/** Where a key's values end up in plain text, for the message; the fallback fits any other key. */
const PUBLISHED_AS: Partial<Record<ConfigKey, (r: Reader) => string>> = {
    containerEnvironment: r =>
        `environment variables are written in plain text into the task definition, where anyone who can describe it reads them; move the variable to ${r.full("secretValues")} (set with --secret) or ${r.full("secrets")} (by ARN)`,
    tags: () => "tags are plain text in AWS and in every bill; keep secrets out of them",
};

/** Paths a secret entry `name` of `full` may be recorded under (`key.NAME` or `key["NA.ME"]`). */
const entryPaths = (full: string, name: string): string[] => [`${full}.${name}`, `${full}[${JSON.stringify(name)}]`];

/** The entry names of the values under `full` set with `--secret` (the whole key as ""). */
function secureEntries(full: string, securePaths: readonly string[]): string[] {
    return securePaths
        .filter(p => p === full || p.startsWith(`${full}.`) || p.startsWith(`${full}[`))
        .map(p => p.slice(full.length).replace(/^\./, ""));
}

/**
 * Records a problem, never with a value, for each value set with `--secret` under a key that publishes its
 * values, and for each entry not set with `--secret` under a key that requires it. A `ServiceReader` judges
 * the keys its entry sets, by their paths under `services.NAME`.
 */
export function checkSecrecy(r: Reader, raw: RawStackConfig): void {
    for (const key of Object.keys(CONFIG_KEYS) as ConfigKey[]) {
        if (!r.owns(key)) {
            continue;
        }
        const secrecy = declarationOf(key).secrecy;
        const full = r.full(key);
        // Under `services` the engine tells only that some value is secret; without the file's paths a
        // plain entry beside a secret one cannot be told apart, so only the offline check judges it.
        if (secrecy === "forbidden" && r.isSecret(key) && r.knowsSecretValues(key)) {
            const why = (PUBLISHED_AS[key] ?? (() => "its values are published in plain text"))(r);
            const names = raw.securePaths === undefined ? [""] : secureEntries(full, raw.securePaths);
            for (const name of names.length > 0 ? names : [""]) {
                r.problems.push(`${full}${name ? ` has ${JSON.stringify(name)}` : " holds a value"} set with --secret; ${why}`);
            }
        }
        // Without the file's paths only the whole key can be judged; `secretValueMap` does that.
        if (secrecy === "required" && r.isSecret(key) && raw.securePaths !== undefined) {
            const securePaths = raw.securePaths;
            const value = r.rawValue(key);
            const names = value !== null && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
            for (const name of names) {
                if (!entryPaths(full, name).some(p => securePaths.includes(p))) {
                    r.reportName(key, name, `the value of ${name} is in plain text in the stack file; set it with "pulumi config set --secret --path '${r.cliPath(key)}.${name}' <value>"`);
                }
            }
        }
    }
}

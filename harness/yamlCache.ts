/**
 * `YAML.parse` with its results kept under `node_modules/.cache/fargate-web/yaml`, keyed by a hash of the
 * text and the parser's version: parsing `Pulumi.yaml` (and loading the parser) is a noticeable part of a
 * check, and the files rarely change. A result is kept only when JSON holds it exactly (a YAML `.inf`, for
 * one, would not survive); text that does not parse is never kept, so its error is raised every time.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { isDeepStrictEqual } from "util";

const CACHE_DIR = path.resolve(__dirname, "..", "node_modules", ".cache", "fargate-web", "yaml");

let parserVersion: string | undefined;

/** Where the result for `text` is kept. */
export function yamlCacheEntry(text: string): string {
    parserVersion ??= JSON.parse(fs.readFileSync(require.resolve("yaml/package.json"), "utf8")).version as string;
    return path.join(CACHE_DIR, `${createHash("sha256").update(`${parserVersion}\0${text}`).digest("hex")}.json`);
}

/** What `YAML.parse(text)` returns, from the cache when it holds it. */
export function parseYaml(text: string): unknown {
    const entry = yamlCacheEntry(text);
    try {
        return JSON.parse(fs.readFileSync(entry, "utf8"));
    } catch {
        // Not cached yet (or an unreadable entry): parse.
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when the cache cannot answer
    const YAML = require("yaml") as typeof import("yaml");
    const parsed: unknown = YAML.parse(text);
    const json = JSON.stringify(parsed);
    if (json !== undefined && isDeepStrictEqual(JSON.parse(json), parsed)) {
        try {
            fs.mkdirSync(CACHE_DIR, { recursive: true });
            const tmp = `${entry}.${process.pid}.tmp`;
            fs.writeFileSync(tmp, json);
            fs.renameSync(tmp, entry);
        } catch {
            // A cache that cannot be written only costs time.
        }
    }
    return parsed;
}

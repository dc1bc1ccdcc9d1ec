/**
 * How the Pulumi CLI (3.219 to 3.248) turns a stack file's YAML into config values, from the scalar's
 * source text. Pure.
 *
 * The CLI decodes `Pulumi.<stack>.yaml` with gopkg.in/yaml.v3 into Go values, then pulumi/pulumi
 * `sdk/go/common/resource/config` (`object.go` `unmarshalObject`, `MarshalString`) keeps strings as text and
 * writes everything else as JSON. So `port: 0x1F` reaches the program as "31", `port: 08080` as "8080"
 * (not an octal number, so a float), `when: 2024-01-01` as "2024-01-01 00:00:00 +0000 UTC", and
 * `key: ~` as "" (yaml.v3 never calls `Value.UnmarshalYAML` for a null node, so the value stays empty).
 * The npm `yaml` package reads YAML 1.2 differently (`0777` is 777 there, 511 in yaml.v3), so it is used
 * here only for the syntax tree, parsed with the failsafe schema; every scalar is resolved by `cliScalars.ts`.
 */
import { Alias, Document, isAlias, isMap, isScalar, isSeq, LineCounter, Node, parseAllDocuments, Scalar } from "yaml";
import { resolveScalar } from "./cliScalars";
import { CliValue, CliYamlError, keyText } from "./cliValue";

export { CliValue, CliYamlError, configText, goJson, projectValueText } from "./cliValue";

const TAG = "tag:yaml.org,2002:";

/** Reads the syntax tree of one YAML document into CLI values. */
export class CliYamlReader {
    private readonly lines = new LineCounter();
    readonly document: Document;

    constructor(text: string) {
        // yaml.v3's Unmarshal decodes the first document of a stream and ignores the rest.
        const documents = parseAllDocuments(text, { schema: "failsafe", uniqueKeys: false, lineCounter: this.lines, prettyErrors: false });
        const first = Array.isArray(documents) ? documents[0] : undefined;
        this.document = first ?? new Document(null);
        const error = first ? first.errors[0] : (documents as { errors: Array<{ message: string; linePos?: Array<{ line: number }> }> }).errors[0];
        if (error) {
            throw new CliYamlError(error.message.split("\n")[0], error.linePos?.[0].line);
        }
    }

    /** 1-based line of a node, for messages. */
    lineOf(node: Node | null | undefined): number | undefined {
        return node?.range ? this.lines.linePos(node.range[0]).line : undefined;
    }

    /** The node an alias points at (yaml.v3 decodes the anchored node again). */
    target(node: unknown): unknown {
        if (isAlias(node)) {
            const resolved = (node as Alias).resolve(this.document);
            if (resolved === undefined) {
                throw new CliYamlError(`unknown anchor '${(node as Alias).source}' referenced`, this.lineOf(node as Alias));
            }
            return resolved;
        }
        return node;
    }

    /** The Go value yaml.v3 decodes a node into (`interface{}` target), with secure maps recognised. */
    decode(node: unknown): CliValue {
        this.countDecode(isAlias(node));
        const target = this.target(node);
        if (target === null || target === undefined) {
            return { kind: "null" };
        }
        if (this.decoding.has(target)) {
            // yaml.v3 decode.go `alias`: an anchor may not contain an alias to itself.
            throw new CliYamlError(`anchor '${(target as Node & { anchor?: string }).anchor ?? ""}' value contains itself`, this.lineOf(target as Node));
        }
        this.decoding.add(target);
        this.aliasDepth += isAlias(node) ? 1 : 0;
        try {
            return this.decodeTarget(target);
        } finally {
            this.decoding.delete(target);
            this.aliasDepth -= isAlias(node) ? 1 : 0;
        }
    }

    private decodeCount = 0;
    private aliasCount = 0;
    private aliasDepth = 0;

    /** yaml.v3 decode.go `unmarshal` and `allowedAliasRatio`: refuses documents that expand aliases without bound. */
    private countDecode(alias: boolean): void {
        this.decodeCount++;
        if (this.aliasDepth > 0 || alias) {
            this.aliasCount++;
        }
        const [low, high] = [400_000, 4_000_000];
        const allowed = this.decodeCount <= low ? 0.99 : this.decodeCount >= high ? 0.1 : 0.99 - 0.89 * ((this.decodeCount - low) / (high - low));
        if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowed) {
            throw new CliYamlError("document contains excessive aliasing");
        }
    }

    /** Nodes being decoded, to refuse an alias inside its own anchor. */
    private readonly decoding = new Set<unknown>();

    private decodeTarget(target: unknown): CliValue {
        if (isScalar(target)) {
            return this.scalar(target);
        }
        if (isSeq(target)) {
            return { kind: "list", items: target.items.map(item => this.decode(item)) };
        }
        if (isMap(target)) {
            const entries = this.mapEntries(target as unknown as Node);
            // config/object.go isSecureValue: a map whose only key is "secure", with a string value.
            const secure = entries.get("secure");
            if (entries.size === 1 && secure?.kind === "string") {
                return { kind: "secure", ciphertext: secure.value };
            }
            return { kind: "map", entries };
        }
        throw new CliYamlError("unsupported YAML node", this.lineOf(target as Node));
    }

    /**
     * A mapping's entries with keys as text, merge keys (`<<`) applied the way yaml.v3 `decoder.mapping`
     * and `decoder.merge` do: explicit keys win over merged ones, and earlier merged maps over later ones.
     * Duplicate keys are refused as yaml.v3 refuses them.
     */
    mapEntries(node: Node, keyOf: (key: unknown) => string = key => keyText(this.decode(key))): Map<string, CliValue> {
        const map = this.target(node) as { items: Array<{ key: unknown; value: unknown }> };
        const seen = new Map<string, number | undefined>();
        const explicit = new Map<string, CliValue>();
        const merges: unknown[] = [];
        for (const { key, value } of map.items) {
            const raw = isScalar(key) ? String((key as Scalar).source ?? (key as Scalar).value) : JSON.stringify(key);
            if (seen.has(raw)) {
                throw new CliYamlError(`mapping key "${raw}" already defined at line ${seen.get(raw)}`, this.lineOf(key as Node));
            }
            seen.set(raw, this.lineOf(key as Node));
            if (isScalar(key) && (key as Scalar).type === "PLAIN" && ((key as Scalar).tag === undefined || (key as Scalar).tag === `${TAG}merge`) && raw === "<<") {
                merges.push(value);
                continue;
            }
            explicit.set(keyOf(key), this.decode(value));
        }
        const result = new Map(explicit);
        for (const merge of merges) {
            const target = this.target(merge);
            const sources = isSeq(target) ? target.items.map(item => this.target(item)) : [target];
            for (const source of sources) {
                if (this.decoding.has(source) || source === map) {
                    throw new CliYamlError(`anchor '${(source as Node & { anchor?: string }).anchor ?? ""}' value contains itself`, this.lineOf(source as Node));
                }
                if (!isMap(source)) {
                    throw new CliYamlError("map merge requires map or sequence of maps as the value", this.lineOf(source as Node));
                }
                for (const [k, v] of this.mapEntries(source as unknown as Node, keyOf)) {
                    if (!result.has(k)) result.set(k, v);
                }
            }
        }
        return result;
    }

    private scalar(node: Scalar): CliValue {
        const tag = node.tag === undefined ? "" : node.tag.startsWith(TAG) ? `!!${node.tag.slice(TAG.length)}` : node.tag;
        const text = typeof node.value === "string" ? node.value : String(node.source ?? "");
        try {
            return resolveScalar(text, tag, node.type !== undefined && node.type !== "PLAIN");
        } catch (e) {
            throw new CliYamlError((e as Error).message, this.lineOf(node));
        }
    }
}


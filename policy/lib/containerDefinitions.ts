/**
 * Defensive parsing of `aws.ecs.TaskDefinition.containerDefinitions`, a JSON string holding an array of
 * container definitions (ECS `ContainerDefinition` shape: `name`, `image`, `essential`, `portMappings`,
 * `environment`, `secrets`, `healthCheck`, `logConfiguration`, `user`, …).
 *
 * Usage:
 * ```ts
 * const parsed = parseContainerDefinitions(props.containerDefinitions);
 * if (!parsed.ok) return; // `ecs-task-definition-container-definitions-valid` reports parsed.reason
 * parsed.containers.forEach((c, i) => { … describeContainer(c, i) … });
 * ```
 *
 * - Never throws for malformed input: a value that is missing, not a string, not JSON, not an array, or
 *   has an element that is not an object gives `{ ok: false, reason }`, where `reason` completes the
 *   sentence "containerDefinitions …" (e.g. `is not valid JSON (Unexpected token …)`). Only the policy
 *   `ecs-task-definition-container-definitions-valid` reports it; the other policies skip the resource,
 *   so one typo produces one violation, not one per policy.
 * - It reads what the AWS provider sends, not what `JSON.parse` shows: the provider decodes the JSON with
 *   Go's `encoding/json` into aws-sdk-go-v2's `ContainerDefinition` (`./ecsContainerSchema`), so keys
 *   match fields case-insensitively (with Go's Unicode folding: `"Privileged"`, `"PRIVILEGED"`,
 *   `"privilegeD"` all set `privileged`), the last duplicate wins and nested objects merge, unknown keys
 *   are dropped, lone surrogates become U+FFFD, and zero elements of object arrays are dropped; text with
 *   several JSON values one after another is decoded value by value into the same containers, as the
 *   provider's `tfjson.DecodeFromString` loops a `json.Decoder` until EOF. Every
 *   container comes back with ECS's canonical field names only (`./goJson`, `./goDecode`). A value of the
 *   wrong JSON type (`"privileged": "true"`, `"containerPort": "8080"` or `80.0`) makes the provider
 *   refuse the task definition, so it is a malformed value here too (the reason names where, never the value).
 * - An array value (rather than a JSON string) is accepted as already parsed, and read the same way.
 * - The containers come wrapped in the engine's unknown-checking proxy: a value inside the JSON that is an
 *   unknown sentinel throws `UnknownValueError` when read, exactly like a top-level unknown property.
 * - Field values inside each container are NOT validated here: read them with `typeof`/`Array.isArray`
 *   guards (or `toNumber` from `./coerce`).
 */
import { unknownCheckingProxy } from "@pulumi/policy";
import { isRecord, toNumber } from "./coerce";
import { CONTAINER_DEFINITION, COMPACTED_ARRAYS } from "./ecsContainerSchema";
import { GoDecoder, GoType, goList, isGoZero, isUnknownSentinel } from "./goDecode";
import { GoJsonNode, nodeOfValue, parseGoJsonStream } from "./goJson";

const CONTAINER_LIST = goList(CONTAINER_DEFINITION);

/** One parsed container definition. Every field may be missing or of any type. */
export type ContainerDefinition = Record<string, any>;

/** The outcome of {@link parseContainerDefinitions}. */
export type ContainerDefinitionsResult =
    | { readonly ok: true; readonly containers: ContainerDefinition[] }
    | { readonly ok: false; readonly reason: string };

const nodeTypeName = (node: GoJsonNode): string =>
    node.kind === "null" ? "null" : node.kind === "array" ? "an array" : node.kind === "object" ? "an object" : `a ${node.kind === "bool" ? "boolean" : node.kind}`;

const typeName = (value: unknown): string =>
    value === null ? "null" : Array.isArray(value) ? "an array" : isRecord(value) ? "an object" : `a ${typeof value}`;

/** Parses a `containerDefinitions` value; see the module comment. */
export function parseContainerDefinitions(value: unknown): ContainerDefinitionsResult {
    let roots: GoJsonNode[];
    if (value === undefined || value === null) {
        return { ok: false, reason: "is missing" };
    }
    if (typeof value === "string") {
        try {
            roots = parseGoJsonStream(value);
        } catch (e) {
            const detail = e instanceof Error ? e.message : String(e);
            return { ok: false, reason: `is not valid JSON (${detail})` };
        }
        if (roots.length === 0) {
            return { ok: false, reason: "is not valid JSON (unexpected end of JSON input)" };
        }
    } else if (Array.isArray(value)) {
        roots = [nodeOfValue(value)];
    } else {
        return { ok: false, reason: `is ${typeName(value)}, not a JSON string` };
    }
    // The provider decodes every value of the stream into the same slice (`tfjson.DecodeFromString`), so a
    // second array after the first merges into its containers element by element.
    const decoder = new GoDecoder();
    let decoded: unknown[] = [];
    for (const root of roots) {
        if (root.kind === "null") {
            decoded = [];
            continue;
        }
        if (root.kind !== "array") {
            return { ok: false, reason: `is JSON for ${nodeTypeName(root)}, not an array of container definitions` };
        }
        for (let i = 0; i < root.items.length; i++) {
            const item = root.items[i];
            const unknown = item.kind === "string" && isUnknownSentinel(item.value);
            if (!unknown && item.kind !== "object" && !(item.kind === "null" && decoded[i] !== undefined)) {
                return { ok: false, reason: `has element ${i} that is ${nodeTypeName(item)}, not a container definition object` };
            }
        }
        decoded = decoder.decode(root, CONTAINER_LIST, decoded, "") as unknown[];
    }
    const containers: ContainerDefinition[] = [];
    for (let i = 0; i < decoded.length; i++) {
        const container = decoded[i] as ContainerDefinition;
        if (isUnknownSentinel(container)) {
            containers.push(container); // reading it throws UnknownValueError
            continue;
        }
        if (isGoZero(container, CONTAINER_DEFINITION)) {
            return { ok: false, reason: `has element ${i} with no field of an ECS container definition, which the AWS provider refuses` };
        }
        for (const field of COMPACTED_ARRAYS) {
            const list: unknown = container[field];
            const element = (CONTAINER_DEFINITION as { fields: Record<string, { element: GoType }> }).fields[field].element;
            if (Array.isArray(list)) {
                container[field] = list.filter(e => !isGoZero(e, element));
            }
        }
        containers.push(container);
    }
    if (decoder.error) {
        const { path, given, expected } = decoder.error;
        return { ok: false, reason: `has ${given} at ${path} where ECS takes ${expected}, which the AWS provider refuses` };
    }
    const proxied = unknownCheckingProxy(containers) as ContainerDefinition[];
    proxied.forEach(() => undefined); // an unknown element throws here, as reading it would
    return { ok: true, containers: proxied };
}

/** The container's name when it is a non-empty string. */
export const containerName = (container: ContainerDefinition): string | undefined =>
    typeof container.name === "string" && container.name !== "" ? container.name : undefined;

/** `Container "web"`, or `Container #2` (1-based) when the container has no usable name. */
export const describeContainer = (container: ContainerDefinition, index: number): string => {
    const name = containerName(container);
    return name !== undefined ? `Container "${name}"` : `Container #${index + 1}`;
};

/** ECS treats a container as essential unless it says `"essential": false`. */
export const isEssential = (container: ContainerDefinition): boolean => container.essential !== false;

/** One `portMappings` entry with numeric fields normalised (numbers or numeric strings); others dropped. */
export interface PortMapping {
    readonly containerPort?: number;
    readonly hostPort?: number;
    readonly protocol?: string;
}

/** The container's port mappings that are objects, with ports as numbers (undefined when not numeric). */
export function portMappings(container: ContainerDefinition): PortMapping[] {
    const raw = container.portMappings;
    if (!Array.isArray(raw)) {
        return [];
    }
    return (raw as unknown[]).filter(isRecord).map(m => ({
        containerPort: toNumber(m.containerPort),
        hostPort: toNumber(m.hostPort),
        protocol: typeof m.protocol === "string" ? m.protocol : undefined,
    }));
}

/** True when the task definition declares the Windows operating system family (Linux-only rules skip it). */
export function isWindowsTask(runtimePlatform: unknown): boolean {
    return (
        isRecord(runtimePlatform) &&
        typeof runtimePlatform.operatingSystemFamily === "string" &&
        runtimePlatform.operatingSystemFamily.toUpperCase().startsWith("WINDOWS")
    );
}

/** True when `requiresCompatibilities` includes FARGATE. */
export function requiresFargate(requiresCompatibilities: unknown): boolean {
    return (
        Array.isArray(requiresCompatibilities) &&
        (requiresCompatibilities as unknown[]).some(c => typeof c === "string" && c.toUpperCase() === "FARGATE")
    );
}

/**
 * A container `image` reference split into its tag (after the last path segment's ":", so a registry port
 * is not mistaken for one) and digest (after "@"), e.g. `repo:1.2@sha256:…` → `{ tag: "1.2", digest: "sha256:…" }`.
 */
export function imageReferenceParts(image: string): { tag?: string; digest?: string } {
    const at = image.indexOf("@");
    const digest = at >= 0 ? image.slice(at + 1) : undefined;
    const name = at >= 0 ? image.slice(0, at) : image;
    const lastSegment = name.slice(name.lastIndexOf("/") + 1);
    const colon = lastSegment.indexOf(":");
    return { tag: colon >= 0 ? lastSegment.slice(colon + 1) : undefined, digest };
}

/**
 * Calls `check` for each container of a task definition's well-formed `containerDefinitions`. Malformed
 * definitions are left to ecs-task-definition-container-definitions-valid, so that one typo gives one
 * violation, not one per container policy. With `skipWindows`, Windows tasks are skipped too (Linux-only
 * settings such as `user` and `readonlyRootFilesystem`).
 */
export function forEachContainer(
    props: Record<string, any>,
    check: (container: ContainerDefinition, index: number) => void,
    options: { readonly skipWindows?: boolean } = {},
): void {
    const parsed = parseContainerDefinitions(props.containerDefinitions);
    if (!parsed.ok || (options.skipWindows && isWindowsTask(props.runtimePlatform))) {
        return;
    }
    parsed.containers.forEach(check);
}

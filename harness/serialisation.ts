/**
 * Conversions between the SDK's wire form of resource inputs (what the mocks receive) and the forms the
 * policy engine and reports use. Wire form: secrets are `{[sigKey]: secretSig, value}`, output values
 * (inputs of remote components) are `{[sigKey]: outputSig, value?, secret?}`, resource references are
 * `{[sigKey]: resourceSig, urn}`, and values not known yet are the unknown sentinel.
 */
import * as rpc from "@pulumi/pulumi/runtime/rpc";

/** The sentinel the engine uses for a string (or any) value not known during preview. */
export const UNKNOWN = rpc.unknownValue;

const sigOf = (value: unknown): string | undefined =>
    value !== null && typeof value === "object" && !Array.isArray(value)
        ? ((value as Record<string, unknown>)[rpc.specialSigKey] as string | undefined)
        : undefined;

/** True when `value` is a serialised secret. */
export const isSecretValue = (value: unknown): boolean => sigOf(value) === rpc.specialSecretSig;

function walk(value: unknown, onSecret: (inner: unknown) => unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(v => walk(v, onSecret));
    }
    if (value === null || typeof value !== "object") {
        return value;
    }
    const record = value as Record<string, unknown>;
    switch (sigOf(value)) {
        case rpc.specialSecretSig:
            return onSecret(walk(record.value, onSecret));
        case rpc.specialOutputValueSig: {
            const inner = "value" in record ? walk(record.value, onSecret) : UNKNOWN;
            return record.secret ? onSecret(inner) : inner;
        }
        case rpc.specialResourceSig:
            return record.urn;
        case undefined:
            break;
        default:
            // Assets and archives keep their wire form; no policy here reads them.
            return value;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) {
        if (v !== undefined) {
            out[k] = walk(v, onSecret);
        }
    }
    return out;
}

/** Plain JSON as a policy sees it: secrets unwrapped (as `deserializeProperties(…, false)` does). */
export const normaliseForEngine = (value: unknown): unknown => walk(value, inner => inner);

/** Plain JSON for reports: every secret replaced by `"[secret]"`, like `pulumi preview --json`. */
export const redactSecrets = (value: unknown): unknown => walk(value, () => "[secret]");

/** Dotted paths of every secret inside `value` (e.g. `secretString`, `environment[0].value`). */
export function secretPaths(value: unknown, path = ""): string[] {
    if (isSecretValue(value)) {
        return [path || "(root)"];
    }
    if (Array.isArray(value)) {
        return value.flatMap((v, i) => secretPaths(v, `${path}[${i}]`));
    }
    if (value !== null && typeof value === "object") {
        return Object.entries(value).flatMap(([k, v]) => secretPaths(v, path ? `${path}.${k}` : k));
    }
    return [];
}

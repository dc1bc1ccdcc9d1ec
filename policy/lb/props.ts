/**
 * Small readers for resource inputs shared by the network group's policies (load balancing, ECR, EC2).
 * Inputs may be missing, null, of the wrong type or unknown; these helpers never throw except for the
 * `UnknownValueError` the proxy raises when an unknown value is read.
 */

export const isRecord = (value: unknown): value is Record<string, any> =>
    value !== null && typeof value === "object" && !Array.isArray(value);

/** Trimmed upper-case string, or undefined for anything that is not a non-empty string. */
export const upper = (value: unknown): string | undefined =>
    typeof value === "string" && value.trim() !== "" ? value.trim().toUpperCase() : undefined;

/** A finite number given as a number or a numeric string ("30"); undefined otherwise. */
export function toNumber(value: unknown): number | undefined {
    if (typeof value === "number") {
        return Number.isFinite(value) ? value : undefined;
    }
    if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
        return Number(value);
    }
    return undefined;
}

/** `"a", "b", "c"` for messages. */
export const quoteList = (values: readonly unknown[]): string => values.map(v => `"${String(v)}"`).join(", ");

/** Config values that should be strings, cleaned of anything that is not. */
export const stringList = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/**
 * The protocol a listener serves. AWS defaults an Application Load Balancer listener to HTTP; a
 * listener with neither protocol nor port belongs to a Gateway Load Balancer and has no protocol.
 */
export function listenerProtocol(props: Record<string, any>): string | undefined {
    const given = upper(props.protocol);
    if (given) {
        return given;
    }
    return props.port === undefined || props.port === null ? undefined : "HTTP";
}

/** Application Load Balancers: `loadBalancerType` unset (the AWS default) or "application". */
export function isApplicationLoadBalancer(props: Record<string, any>): boolean {
    const type = props.loadBalancerType;
    return type === undefined || type === null || upper(type) === "APPLICATION";
}

/** Internet-facing unless `internal` is exactly true (AWS defaults to internet-facing). */
export const isInternetFacing = (props: Record<string, any>): boolean => props.internal !== true;

// `@pulumi/policy` exposes the proxied object under this key (its `getSpecialProxyTarget`, not exported).
const PROXY_TARGET = "__getSpecialProxyTarget";

/**
 * A plain deep copy of proxied inputs for a remediation to return. Copying through the proxy would
 * read every field and fail on any value not known during preview; starting from the proxy's target
 * keeps those values unknown, which is what the engine expects back.
 */
export function plainCopy(props: Record<string, unknown>): Record<string, any> {
    const target = (props as Record<string, unknown>)[PROXY_TARGET];
    return structuredClone(isRecord(target) ? target : props) as Record<string, any>;
}

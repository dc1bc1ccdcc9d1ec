/**
 * Pure helpers for security-group checks: world-range detection (IPv4 and IPv6) and port ranges.
 * Values come straight from resource inputs, so every function accepts `unknown` and never throws.
 */

/** An inclusive range of TCP/UDP ports. */
export interface PortRange {
    readonly from: number;
    readonly to: number;
}

export const MIN_PORT = 0;
export const MAX_PORT = 65535;
export const ALL_PORTS: PortRange = { from: MIN_PORT, to: MAX_PORT };

const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f:.]*:[0-9a-f:.]*$/i;

function splitCidr(cidr: unknown): { address: string; prefix: number } | undefined {
    if (typeof cidr !== "string") {
        return undefined;
    }
    const match = /^\s*([^/\s]+)\s*\/\s*(\d{1,3})\s*$/.exec(cidr);
    return match ? { address: match[1], prefix: Number(match[2]) } : undefined;
}

/**
 * True for an IPv4 range that covers every address: a prefix length of 0 (`0.0.0.0/0`, and also
 * `10.0.0.0/0`, which AWS normalises to the same range).
 */
export function isWorldIpv4(cidr: unknown): boolean {
    const parts = splitCidr(cidr);
    return parts !== undefined && parts.prefix === 0 && IPV4.test(parts.address);
}

/** True for an IPv6 range that covers every address (`::/0`, `0::/0`, `0:0:0:0:0:0:0:0/0`…). */
export function isWorldIpv6(cidr: unknown): boolean {
    const parts = splitCidr(cidr);
    return parts !== undefined && parts.prefix === 0 && IPV6.test(parts.address);
}

/** True for any world range, IPv4 or IPv6. */
export const isWorldCidr = (cidr: unknown): boolean => isWorldIpv4(cidr) || isWorldIpv6(cidr);

/** A port given as a number or a numeric string ("443"); undefined for anything else. */
export function toPortNumber(value: unknown): number | undefined {
    const n = typeof value === "number" ? value : typeof value === "string" && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
    return Number.isInteger(n) ? n : undefined;
}

/**
 * The range a rule's `fromPort`/`toPort` describe. A missing or negative bound (AWS uses -1 for "all")
 * widens to the full range, so an under-specified rule is judged by the worst it could mean.
 */
export function portRange(fromPort: unknown, toPort: unknown): PortRange {
    const from = toPortNumber(fromPort);
    const to = toPortNumber(toPort);
    const lo = from === undefined || from < MIN_PORT ? MIN_PORT : Math.min(from, MAX_PORT);
    const hi = to === undefined || to < MIN_PORT ? MAX_PORT : Math.min(to, MAX_PORT);
    return lo <= hi ? { from: lo, to: hi } : { from: hi, to: lo };
}

export const coversAllPorts = (range: PortRange): boolean => range.from <= MIN_PORT && range.to >= MAX_PORT;

/** The ports of `ports` that `range` includes, in the order given, without duplicates. */
export function portsCovered(range: PortRange, ports: readonly number[]): number[] {
    return [...new Set(ports)].filter(p => p >= range.from && p <= range.to);
}

/** True when every port of `range` is one of `allowed`. */
export function rangeWithin(range: PortRange, allowed: readonly number[]): boolean {
    return portsCovered(range, allowed).length === range.to - range.from + 1;
}

/** "443" or "0-65535". */
export const formatRange = (range: PortRange): string =>
    range.from === range.to ? `${range.from}` : `${range.from}-${range.to}`;

/** Config values that should be port numbers, cleaned of anything that is not. */
export const portList = (value: unknown): number[] =>
    Array.isArray(value) ? value.map(toPortNumber).filter((p): p is number => p !== undefined) : [];

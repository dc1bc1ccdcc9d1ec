/**
 * Pure helpers for security-group checks: world-range detection (IPv4 and IPv6) and port ranges.
 * Values come straight from resource inputs, so every function accepts `unknown` and never throws. What a
 * CIDR covers, which ranges are not public and how many public addresses sources admit are facts the
 * program judges too (policy/facts/publicAddresses.ts); they are re-exported here for the policies.
 */
import { AddressRange, NOT_PUBLIC, parseCidr, publicAddressCount, V4_MAX, V6_MAX } from "../facts/publicAddresses";

export type { AddressRange };
export { parseCidr, publicAddressCount };

/** An inclusive range of TCP/UDP ports. */
export interface PortRange {
    readonly from: number;
    readonly to: number;
}

export const MIN_PORT = 0;
export const MAX_PORT = 65535;
export const ALL_PORTS: PortRange = { from: MIN_PORT, to: MAX_PORT };

/**
 * The address families (4, 6) whose every public address the CIDRs together cover (e.g. "0.0.0.0/1" +
 * "128.0.0.0/1", or "2000::/3"): such sources are the world, however they are split or trimmed of
 * non-public space (`NOT_PUBLIC`).
 */
export function coveredFamilies(cidrs: readonly unknown[]): (4 | 6)[] {
    const result: (4 | 6)[] = [];
    for (const family of [4, 6] as const) {
        const max = family === 4 ? V4_MAX : V6_MAX;
        const given = cidrs.map(parseCidr).filter((r): r is AddressRange => r !== undefined && r.family === family);
        if (given.length === 0) {
            continue;
        }
        const ranges = [...given, ...NOT_PUBLIC.map(parseCidr).filter((r): r is AddressRange => r !== undefined && r.family === family)]
            .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
        let next = 0n;
        for (const r of ranges) {
            if (r.start > next) break;
            if (r.end + 1n > next) next = r.end + 1n;
        }
        if (next > max) result.push(family);
    }
    return result;
}

/** True for an IPv4 range (or IPv4-mapped IPv6 range) that alone covers every IPv4 address. */
export function isWorldIpv4(cidr: unknown): boolean {
    const r = parseCidr(cidr);
    return r !== undefined && r.family === 4 && r.start === 0n && r.end === V4_MAX;
}

/** True for an IPv6 range that alone covers every IPv6 address (`::/0`, `0::/0`, `0:0:0:0:0:0:0:0/0`…). */
export function isWorldIpv6(cidr: unknown): boolean {
    const r = parseCidr(cidr);
    return r !== undefined && r.family === 6 && r.start === 0n && r.end === V6_MAX;
}

/** True for a range that alone covers every public IPv4 or IPv6 address (`coveredFamilies`): "0.0.0.0/0", "2000::/3", "::/1". */
export const isWorldCidr = (cidr: unknown): boolean => coveredFamilies([cidr]).length > 0;

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

/**
 * Ports a range may leave out and still count as "all ports": a rule for 1-65535, 0-65534 or 1024-65535
 * opens what an attacker needs just as 0-65535 does.
 */
export const NEARLY_ALL_PORTS_SLACK = 1024;

/** True when the range covers every port, or all but at most {@link NEARLY_ALL_PORTS_SLACK} of them. */
export const coversAllPorts = (range: PortRange): boolean => range.to - range.from + 1 >= MAX_PORT + 1 - NEARLY_ALL_PORTS_SLACK;

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

/** The number of addresses one prefix of `length` bits holds in `family`: 2^(32-length) or 2^(128-length). */
export const addressesOfPrefix = (family: 4 | 6, length: number): bigint => 1n << BigInt((family === 4 ? 32 : 128) - Math.max(0, Math.min(length, family === 4 ? 32 : 128)));

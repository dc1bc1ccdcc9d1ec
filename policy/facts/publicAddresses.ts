/**
 * Which IPv4 and IPv6 addresses are public, and how many of them CIDR sources admit together: what the
 * pack's listener and security-group checks (policy/lib/cidr.ts) and the program's test-traffic check
 * (components/testTraffic.ts) both count by. Pure, with no import.
 *
 * Sources: IANA IPv4 and IPv6 Special-Purpose Address Registries (entries not "Globally Reachable", RFC 6890
 * and successors); RFC 4291 (IPv6 global unicast is 2000::/3).
 */

/** An address range of one family, as inclusive integer bounds. */
export interface AddressRange {
    readonly family: 4 | 6;
    readonly start: bigint;
    readonly end: bigint;
}

/** The last IPv4 and IPv6 address, as numbers. */
export const V4_MAX = (1n << 32n) - 1n;
export const V6_MAX = (1n << 128n) - 1n;

function ipv4Value(text: string): bigint | undefined {
    const octets = text.split(".");
    if (octets.length !== 4 || !octets.every(o => /^\d{1,3}$/.test(o) && Number(o) <= 255)) {
        return undefined;
    }
    return octets.reduce((acc, o) => (acc << 8n) | BigInt(Number(o)), 0n);
}

function ipv6Value(text: string): bigint | undefined {
    let head = text;
    let tailV4: bigint | undefined;
    const lastColon = text.lastIndexOf(":");
    if (text.slice(lastColon + 1).includes(".")) {
        tailV4 = ipv4Value(text.slice(lastColon + 1));
        if (tailV4 === undefined) return undefined;
        head = `${text.slice(0, lastColon + 1)}0:0`;
    }
    const halves = head.split("::");
    if (halves.length > 2) return undefined;
    const groups = (h: string) => (h === "" ? [] : h.split(":"));
    const left = groups(halves[0]);
    const right = halves.length === 2 ? groups(halves[1]) : [];
    const missing = 8 - left.length - right.length;
    if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return undefined;
    const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...right];
    if (!all.every(g => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
    let value = all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
    if (tailV4 !== undefined) value = (value & ~V4_MAX) | tailV4;
    return value;
}

/**
 * The addresses a CIDR string covers, judged by meaning, not spelling: blanks anywhere ("0.0.0.0 / 0"),
 * leading zeros ("0.0.0.000/0"), host bits set ("10.1.2.3/0"), IPv6 in any compression or with an
 * embedded IPv4 tail. An IPv4-mapped IPv6 range (`::ffff:0:0/96` and longer prefixes) is the IPv4 range it
 * maps. Undefined for anything that is not a CIDR.
 */
export function parseCidr(cidr: unknown): AddressRange | undefined {
    if (typeof cidr !== "string") {
        return undefined;
    }
    const match = /^([^/]+)\/(\d{1,3})$/.exec(cidr.replace(/\s+/g, ""));
    if (!match) {
        return undefined;
    }
    const prefix = Number(match[2]);
    const v4 = ipv4Value(match[1]);
    if (v4 !== undefined) {
        if (prefix > 32) return undefined;
        const size = 1n << BigInt(32 - prefix);
        const start = v4 - (v4 % size);
        return { family: 4, start, end: start + size - 1n };
    }
    const v6 = ipv6Value(match[1]);
    if (v6 === undefined || prefix > 128) {
        return undefined;
    }
    const size = 1n << BigInt(128 - prefix);
    const start = v6 - (v6 % size);
    const end = start + size - 1n;
    const MAPPED = 0xffffn << 32n;
    if (prefix >= 96 && start >> 32n === 0xffffn) {
        return { family: 4, start: start - MAPPED, end: end - MAPPED };
    }
    return { family: 6, start, end };
}

/**
 * Ranges no internet client can come from or be reached at: IANA's special-purpose registries, entries not
 * "Globally Reachable" (RFC 6890 and successors: this network, RFC 1918, shared address space, loopback,
 * link-local, protocol assignments, documentation, benchmarking, multicast, reserved), and for IPv6
 * everything outside global unicast 2000::/3 (RFC 4291). Sources that leave out only these still admit the
 * whole internet ("1.0.0.0/8" … "128.0.0.0/1" without 0.0.0.0/8; "2000::/3"), so coverage ignores them.
 */
export const NOT_PUBLIC: readonly string[] = [
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
    "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3",
    "::/3", "4000::/2", "8000::/1",
];

/** Sorted, merged copies of `ranges` (all of one family). */
function mergedRanges(ranges: readonly AddressRange[]): AddressRange[] {
    const out: AddressRange[] = [];
    for (const r of [...ranges].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))) {
        const last = out[out.length - 1];
        if (last && r.start <= last.end + 1n) {
            out[out.length - 1] = { ...last, end: r.end > last.end ? r.end : last.end };
        } else {
            out.push(r);
        }
    }
    return out;
}

/**
 * How many public addresses of `family` the CIDRs together cover: their union, less the ranges no internet
 * client can come from (`NOT_PUBLIC`). Overlaps count once, so "10.0.0.0/8" adds nothing and
 * "0.0.0.0/1" + "128.0.0.0/1" count as the whole public IPv4 space. Strings that are not CIDRs are ignored
 * (callers decide what an unreadable source means).
 */
export function publicAddressCount(cidrs: readonly unknown[], family: 4 | 6): bigint {
    const given = mergedRanges(cidrs.map(parseCidr).filter((r): r is AddressRange => r !== undefined && r.family === family));
    const excluded = mergedRanges(NOT_PUBLIC.map(parseCidr).filter((r): r is AddressRange => r !== undefined && r.family === family));
    let count = 0n;
    for (const r of given) {
        count += r.end - r.start + 1n;
        for (const x of excluded) {
            const start = x.start > r.start ? x.start : r.start;
            const end = x.end < r.end ? x.end : r.end;
            if (start <= end) {
                count -= end - start + 1n;
            }
        }
    }
    return count;
}


/**
 * The widest public source test traffic may come from, as the prefix length whose addresses bound it: our
 * own bound, not AWS's (an organisation's own allocation, not a slice of the internet). The defaults of the
 * pack's ecs-service-test-listener-restricted and the loader's bound on `testTrafficCidrs`.
 */
export const TEST_TRAFFIC_WIDEST_PREFIX = { ipv4: 16, ipv6: 48 } as const;

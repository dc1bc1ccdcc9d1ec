/**
 * Where a blue/green, canary or linear deployment's test traffic may come from: the source CIDRs of the
 * test listener rule (`testTrafficCidrs`). Pure.
 *
 * Sources:
 * - ELB, Condition types for listener rules (`rule-condition-types.html`), "Source IP address conditions":
 *   a `source-ip` condition takes IPv4 or IPv6 addresses in CIDR format, no wildcards; up to three match
 *   evaluations per condition and five per rule (the rule's total is judged with the route's paths and hosts
 *   in `routing.ts`).
 * - The stack's load balancer is internet-facing with `ipAddressType: "ipv4"` (loadBalancer.ts): no IPv6
 *   client reaches it, so an IPv6 block would match nobody.
 *
 * Why the bounds (our own rule, not ECS's or ELB's): the test rule sends requests to a revision nobody
 * released yet, so it must stay reachable from your own networks only. The rule is the policy pack's
 * `ecs-service-test-listener-restricted`, judged here by key before anything deploys: the blocks together
 * may admit at most as many public addresses as one /16 holds (65,536: an organisation's own allocation,
 * not a slice of the internet), counted as the pack counts them (`policy/lib/cidr.ts` `publicAddressCount`,
 * which the program may not import: a test holds the two counts equal): the union, less what no internet
 * client comes from (`NOT_PUBLIC`). So no split of the world (0.0.0.0/1 + 128.0.0.0/1, /8s around the
 * private ranges, …) passes, and private blocks of any size do.
 */
import { hostBitsSet } from "./awsLimits";
import { VALUES_PER_CONDITION } from "./serviceSyntax";

/** A problem with one item of a list-valued key: where (`[1]`), what was given, and what is allowed. */
export interface ItemProblem {
    /** Appended to the key's path: `[1]`, `[0].stages[2]`. */
    readonly at: string;
    readonly given: unknown;
    readonly problem: string;
    /** The problem without anything taken from the value, for a value that is never shown (set with --secret). */
    readonly hidden?: string;
}

/** What is wrong with one value: `hidden` says it without quoting or deriving from the value. */
export interface ValueProblem {
    readonly problem: string;
    readonly hidden?: string;
}

/** Private blocks named in messages (the count leaves out these and every other range in `NOT_PUBLIC`). */
export const PRIVATE_BLOCKS: readonly string[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"];
/**
 * IPv4 ranges no internet client comes from (IANA special-purpose registry entries that are not globally
 * reachable: this network, RFC 1918, shared address space, loopback, link-local, protocol assignments,
 * documentation, benchmarking, multicast and reserved), as the pack lists them.
 */
export const NOT_PUBLIC: readonly string[] = [
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
    "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3",
];
/**
 * The prefix whose size bounds the public addresses test traffic may come from: the default `widestIpv4Prefix`
 * of the pack's ecs-service-test-listener-restricted (a test holds them equal).
 */
export const WIDEST_PUBLIC_PREFIX = 16;
const MAX_PUBLIC_ADDRESSES = 2 ** (32 - WIDEST_PUBLIC_PREFIX);
/** Source CIDRs one `source-ip` condition takes. */
export const MAX_TEST_CIDRS = VALUES_PER_CONDITION;

const CIDR = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\/(0|[1-9]\d?)$/;

/** An IPv4 block as numbers: first address and prefix length; undefined when the text is not one. */
export function parseCidr(text: string): { readonly first: number; readonly prefix: number } | undefined {
    const match = CIDR.exec(text);
    if (!match) return undefined;
    const octets = match.slice(1, 5).map(Number);
    const prefix = Number(match[5]);
    if (octets.some(o => o > 255) || prefix > 32) return undefined;
    return { first: octets.reduce((acc, o) => acc * 256 + o, 0), prefix };
}

const size = (prefix: number): number => 2 ** (32 - prefix);

/** Whether block `inner` lies inside block `outer` (both well-formed network addresses). */
export function cidrWithin(inner: string, outer: string): boolean {
    const a = parseCidr(inner);
    const b = parseCidr(outer);
    return a !== undefined && b !== undefined && a.prefix >= b.prefix && Math.floor(a.first / size(b.prefix)) === Math.floor(b.first / size(b.prefix));
}

const ALLOWED = `test traffic reaches a revision before it is released, so it may come only from your own networks: private blocks (${PRIVATE_BLOCKS.join(", ")}) and public ones of at most ${MAX_PUBLIC_ADDRESSES.toLocaleString("en-US")} addresses together (one /${WIDEST_PUBLIC_PREFIX})`;

/** Blocks as merged inclusive ranges of addresses, sorted. */
function mergedRanges(cidrs: readonly string[]): [number, number][] {
    const ranges = cidrs
        .map(parseCidr)
        .filter((c): c is { first: number; prefix: number } => c !== undefined)
        .map(c => [c.first - (c.first % size(c.prefix)), c.first - (c.first % size(c.prefix)) + size(c.prefix) - 1] as [number, number])
        .sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [start, end] of ranges) {
        const last = merged[merged.length - 1];
        if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
        else merged.push([start, end]);
    }
    return merged;
}

const EXCLUDED = mergedRanges(NOT_PUBLIC);

/** Public addresses the blocks admit together, as the pack counts them: the union, less `NOT_PUBLIC`. */
export function publicAddresses(cidrs: readonly string[]): number {
    let count = 0;
    for (const [start, end] of mergedRanges(cidrs)) {
        count += end - start + 1;
        for (const [xStart, xEnd] of EXCLUDED) {
            const from = Math.max(start, xStart);
            const to = Math.min(end, xEnd);
            if (from <= to) count -= to - from + 1;
        }
    }
    return count;
}

/** Why one text is not a source CIDR the test rule may take, or undefined. */
export function testCidrProblem(text: string): ValueProblem | undefined {
    if (text.includes(":")) {
        return { problem: "IPv6 blocks match nobody: the load balancer has IPv4 addresses only; give an IPv4 block such as 203.0.113.0/24" };
    }
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
        return { problem: `expected a CIDR block: write ${JSON.stringify(`${text}/32`)} for one address`, hidden: "expected a CIDR block: add /32 for one address" };
    }
    const cidr = parseCidr(text);
    if (!cidr) {
        return { problem: "expected an IPv4 CIDR block such as 203.0.113.0/24 (four numbers from 0 to 255 without leading zeros or spaces, and a prefix from 0 to 32)" };
    }
    const network = hostBitsSet(text);
    if (network) {
        return { problem: `host bits are set, so the block is ambiguous; write its network address ${network}`, hidden: "host bits are set, so the block is ambiguous; write its network address" };
    }
    if (cidr.prefix === 0) {
        return { problem: `that is the whole internet; ${ALLOWED}` };
    }
    const admitted = publicAddresses([text]);
    if (admitted > MAX_PUBLIC_ADDRESSES) {
        return { problem: `it admits ${admitted.toLocaleString("en-US")} public addresses; ${ALLOWED}`, hidden: `the block is too large; ${ALLOWED}` };
    }
    return undefined;
}

/**
 * The test rule's source CIDRs from a list as config holds it, with a problem per bad item: not text, not
 * an accepted block (testCidrProblem), listed twice or inside another listed block, and more than one
 * condition takes.
 */
export function readTestCidrs(items: readonly unknown[]): { cidrs: string[]; problems: ItemProblem[] } {
    const problems: ItemProblem[] = [];
    const cidrs: string[] = [];
    items.forEach((item, i) => {
        const at = `[${i}]`;
        if (typeof item !== "string") {
            problems.push({ at, given: item, problem: "expected an IPv4 CIDR block such as 203.0.113.0/24" });
            return;
        }
        const problem = testCidrProblem(item);
        if (problem) {
            problems.push({ at, given: item, ...problem });
            return;
        }
        const earlier = cidrs.findIndex(c => cidrWithin(item, c) || cidrWithin(c, item));
        if (earlier >= 0) {
            const other = cidrs[earlier];
            const index = items.indexOf(other);
            problems.push({
                at,
                given: item,
                problem: other === item ? `listed twice (also at [${index}])` : `overlaps ${other} at [${index}]; list each address once, as the larger block or the smaller ones`,
                hidden: other === item ? `listed twice (also at [${index}])` : `overlaps the block at [${index}]; list each address once, as the larger block or the smaller ones`,
            });
            return;
        }
        cidrs.push(item);
    });
    if (items.length > MAX_TEST_CIDRS) {
        problems.push({ at: "", given: items, problem: `holds ${items.length} blocks; one source-ip condition of a listener rule takes at most ${MAX_TEST_CIDRS} (ELB, condition types for listener rules)` });
        // Judged here once: the rule's total (routing.ts) would only repeat it.
        return { cidrs: [], problems };
    }
    const together = publicAddresses(cidrs);
    if (problems.length === 0 && together > MAX_PUBLIC_ADDRESSES) {
        problems.push({ at: "", given: items, problem: `together the blocks admit ${together.toLocaleString("en-US")} public addresses; ${ALLOWED}`, hidden: `together the blocks admit too many public addresses; ${ALLOWED}` });
    }
    return { cidrs, problems };
}

/**
 * What a set of security-group rules exposes to the world TOGETHER: CIDRs of several rules (or several
 * CIDRs of one rule) may cover the whole IPv4 or IPv6 space only jointly, e.g. 0.0.0.0/1 in one rule and
 * 128.0.0.0/1 in another. Port by port (per protocol), the sources of every rule that opens the port are
 * pooled and tested with `coveredFamilies`.
 */
import { MAX_PORT, MIN_PORT, PortRange, coveredFamilies } from "./cidr";
import { SecurityGroupRuleView } from "./securityGroupRules";

/** Ports of one protocol exposed to the world, and the rules whose sources were pooled. */
export interface Exposure {
    /** "tcp", "udp", "all" (every protocol) or another protocol name (ports do not apply). */
    readonly protocol: string;
    /** Exposed port ranges (TCP/UDP only). */
    readonly ranges: PortRange[];
    readonly rules: SecurityGroupRuleView[];
}

const portsOf = (rule: SecurityGroupRuleView): PortRange | undefined => (rule.protocol() === "all" ? { from: MIN_PORT, to: MAX_PORT } : rule.ports());

/** The world exposure of `rules` (all of one direction), pooled across rules. */
export function pooledExposure(rules: readonly SecurityGroupRuleView[]): Exposure[] {
    const withCidrs = rules.filter(r => r.cidrs().length > 0);
    const result: Exposure[] = [];
    const allRules = withCidrs.filter(r => r.protocol() === "all");
    if (allRules.length > 0 && coveredFamilies(allRules.flatMap(r => r.cidrs())).length > 0) {
        result.push({ protocol: "all", ranges: [{ from: MIN_PORT, to: MAX_PORT }], rules: allRules });
    }
    const protocols = new Set(withCidrs.map(r => r.protocol()).filter(p => p !== "all"));
    for (const protocol of ["tcp", "udp", ...[...protocols].filter(p => p !== "tcp" && p !== "udp")]) {
        const candidates = withCidrs.filter(r => r.protocol() === protocol || r.protocol() === "all");
        if (candidates.length === 0 || candidates.every(r => r.protocol() === "all")) {
            continue;
        }
        if (protocol !== "tcp" && protocol !== "udp") {
            if (coveredFamilies(candidates.flatMap(r => r.cidrs())).length > 0) {
                result.push({ protocol, ranges: [], rules: candidates });
            }
            continue;
        }
        const cuts = new Set<number>([MIN_PORT, MAX_PORT + 1]);
        for (const r of candidates) {
            const range = portsOf(r);
            if (range) {
                cuts.add(range.from);
                cuts.add(range.to + 1);
            }
        }
        const points = [...cuts].sort((a, b) => a - b);
        const ranges: PortRange[] = [];
        const used = new Set<SecurityGroupRuleView>();
        for (let i = 0; i + 1 < points.length; i++) {
            const from = points[i];
            const to = points[i + 1] - 1;
            const open = candidates.filter(r => {
                const range = portsOf(r);
                return range !== undefined && range.from <= from && range.to >= to;
            });
            if (open.length === 0 || coveredFamilies(open.flatMap(r => r.cidrs())).length === 0) {
                continue;
            }
            open.forEach(r => used.add(r));
            const last = ranges[ranges.length - 1];
            if (last && last.to + 1 === from) {
                ranges[ranges.length - 1] = { from: last.from, to };
            } else {
                ranges.push({ from, to });
            }
        }
        if (ranges.length > 0) {
            result.push({ protocol, ranges, rules: [...used] });
        }
    }
    return result;
}

/** True when `port` lies in one of `ranges`. */
export const inRanges = (ranges: readonly PortRange[], port: number): boolean => ranges.some(r => r.from <= port && port <= r.to);

/** Number of ports in `ranges` (disjoint). */
export const portCount = (ranges: readonly PortRange[]): number => ranges.reduce((n, r) => n + r.to - r.from + 1, 0);

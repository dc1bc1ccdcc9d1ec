import { StackValidationPolicy } from "@pulumi/policy";
import { MAX_PORT, NEARLY_ALL_PORTS_SLACK, PortRange, coversAllPorts, formatRange, portList } from "../lib/cidr";
import { asArray, isRecord, quoteList } from "../lib/coerce";
import { MANAGED_PREFIX_LIST, MANAGED_PREFIX_LIST_ENTRY } from "../lib/types";
import { Direction, RULE_BEARING_TYPES, SecurityGroupRuleView, STANDALONE_RULE_TYPES, securityGroupRules } from "../lib/securityGroupRules";
import { Exposure, pooledExposure } from "../lib/worldExposure";
import { DEFAULT_ADMIN_PORTS } from "./ec2-security-group-no-world-admin-ports";

const coversRange = (range: PortRange | undefined): boolean => range !== undefined && coversAllPorts(range);

interface Config {
    adminPorts: number[];
    authorizedPorts: number[];
}

interface Group {
    name: string;
    urn?: string;
    rules: SecurityGroupRuleView[];
    firstUrn: string;
}

/** Sorted, disjoint, non-adjacent ranges covering exactly the ports of `ranges`. */
function merged(ranges: readonly PortRange[]): PortRange[] {
    const out: PortRange[] = [];
    for (const r of [...ranges].sort((a, b) => a.from - b.from)) {
        const last = out[out.length - 1];
        if (last && r.from <= last.to + 1) out[out.length - 1] = { from: last.from, to: Math.max(last.to, r.to) };
        else out.push({ from: r.from, to: r.to });
    }
    return out;
}

/** Ports of `exposures` for `protocol`, with "all" exposures counting for every protocol, as merged ranges. */
function portRanges(exposures: readonly Exposure[], protocol: string): PortRange[] {
    return merged(exposures.filter(e => e.protocol === protocol || e.protocol === "all").flatMap(e => e.ranges));
}

/** The ports of `a` that are not in `b` (both merged), as merged ranges. */
function without(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
    const out: PortRange[] = [];
    for (const r of a) {
        let from = r.from;
        for (const cut of b) {
            if (cut.to < from || cut.from > r.to) continue;
            if (cut.from > from) out.push({ from, to: cut.from - 1 });
            from = Math.max(from, cut.to + 1);
        }
        if (from <= r.to) out.push({ from, to: r.to });
    }
    return out;
}

/** Single ports as merged ranges. */
const portsAsRanges = (ports: readonly number[]): PortRange[] => merged(ports.map(p => ({ from: p, to: p })));

const inRanges = (port: number, ranges: readonly PortRange[]): boolean => ranges.some(r => r.from <= port && port <= r.to);

const portCount = (ranges: readonly PortRange[]): number => ranges.reduce((n, r) => n + r.to - r.from + 1, 0);

/**
 * Catalog #31–#33, pooled. High. The resource policies `ec2-security-group-no-world-admin-ports`,
 * `…-world-ingress-authorized-ports` and `…-no-unrestricted-egress` judge each rule alone; this one pools
 * every rule of a security group — inline `ingress`/`egress` and the standalone `aws.ec2.SecurityGroupRule`
 * and `aws.vpc.SecurityGroupIngressRule`/`EgressRule` resources naming it by `securityGroupId` — and reports
 * traffic that only their sources TOGETHER open to the world (0.0.0.0/1 + 128.0.0.0/1, ::/1 + 8000::/1,
 * an IPv4-mapped ::ffff:0:0/96, a managed prefix list of the stack whose entries include the world …): admin ports or ports outside `authorizedPorts` on ingress, every port
 * (all but at most 1024) on egress. What a single rule already opens is left to the resource policies.
 */
export const ec2SecurityGroupPooledWorldExposure: StackValidationPolicy = {
    name: "ec2-security-group-pooled-world-exposure",
    description: "Security-group rules do not together open to the internet what no single rule may.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            adminPorts: { type: "array", items: { type: "integer" }, default: DEFAULT_ADMIN_PORTS, description: "Ports never reachable from the whole internet." },
            authorizedPorts: { type: "array", items: { type: "integer" }, default: [80, 443], description: "TCP/UDP ports that may be open to the whole internet." },
        },
    },
    validateStack: (args, reportViolation) => {
        const config = args.getConfig<Config>();
        const admin = portList(config.adminPorts);
        const authorized = portList(config.authorizedPorts);
        // Ports the world may reach on ingress: the authorized ones that are not admin ports.
        const worldAllowed = without(portsAsRanges(authorized), portsAsRanges(admin));
        // CIDRs of the stack's managed prefix lists (their entries inline, or ManagedPrefixListEntry resources).
        const prefixLists = new Map<string, string[]>();
        const addPrefix = (id: unknown, cidr: unknown) => {
            if (typeof id === "string" && typeof cidr === "string") prefixLists.set(id, [...(prefixLists.get(id) ?? []), cidr]);
        };
        for (const r of args.resources) {
            if (MANAGED_PREFIX_LIST.includes(r.type as never)) {
                asArray(r.props.entries).forEach(e => addPrefix(r.props.id, isRecord(e) ? e.cidr : undefined));
            } else if (MANAGED_PREFIX_LIST_ENTRY.includes(r.type as never)) {
                addPrefix(r.props.prefixListId, r.props.cidr);
            }
        }
        const withPrefixLists = (rule: SecurityGroupRuleView): SecurityGroupRuleView => {
            const ids = prefixLists.size > 0 ? rule.prefixListIds() : [];
            return ids.length === 0 ? rule : { ...rule, cidrs: () => [...rule.cidrs(), ...ids.flatMap(id => prefixLists.get(id) ?? [])] };
        };
        const groups = new Map<string, Group>();
        for (const r of args.resources) {
            if (!RULE_BEARING_TYPES.includes(r.type)) continue;
            const standalone = STANDALONE_RULE_TYPES.includes(r.type);
            const id: unknown = standalone ? r.props.securityGroupId : r.props.id;
            if (typeof id !== "string" || id === "") continue;
            const group = groups.get(id) ?? { name: id, rules: [], firstUrn: r.urn };
            if (!standalone) {
                group.name = r.name;
                group.urn = r.urn;
            }
            group.rules.push(...securityGroupRules(r.type, r.name, r.props).map(withPrefixLists));
            groups.set(id, group);
        }
        for (const group of groups.values()) {
            for (const direction of ["ingress", "egress"] as Direction[]) {
                const rules = group.rules.filter(r => r.direction === direction);
                if (rules.length < 1) continue;
                if (direction === "egress" && rules.some(r => r.worldPeers().length > 0 && (r.protocol() === "all" || coversRange(r.ports())))) {
                    continue; // a single rule already sends everything to the world: ec2-security-group-no-unrestricted-egress reports it
                }
                const pooled = pooledExposure(rules);
                // What the resource policies already see: rules with a single CIDR that is the world by itself.
                const alone = rules.filter(r => r.worldPeers().length > 0).flatMap(r => pooledExposure([r]));
                const problems: string[] = [];
                const contributors = new Set<SecurityGroupRuleView>();
                const aloneAll = direction === "ingress" && alone.some(e => e.protocol === "all");
                const adminExposed = new Set<number>();
                for (const e of pooled) {
                    if (e.protocol === "all") {
                        if (!aloneAll) {
                            problems.push("all traffic");
                            admin.forEach(p => adminExposed.add(p));
                            e.rules.forEach(r => contributors.add(r));
                        }
                        continue;
                    }
                    if (e.protocol !== "tcp" && e.protocol !== "udp") {
                        if (direction === "ingress" && !aloneAll && !alone.some(a => a.protocol === e.protocol)) {
                            problems.push(`protocol ${e.protocol}`);
                            e.rules.forEach(r => contributors.add(r));
                        }
                        continue;
                    }
                    const together = portRanges([e], e.protocol);
                    const single = direction === "ingress" ? portRanges(alone, e.protocol) : [];
                    const extra = without(together, single);
                    if (extra.length === 0) continue;
                    const bad =
                        direction === "ingress"
                            ? without(extra, worldAllowed)
                            : portCount(together) >= MAX_PORT + 1 - NEARLY_ALL_PORTS_SLACK
                              ? extra
                              : [];
                    if (bad.length > 0) {
                        admin.filter(p => inRanges(p, extra)).forEach(p => adminExposed.add(p));
                        const shown = bad.slice(0, 4).map(formatRange).join(", ") + (bad.length > 4 ? ` and ${bad.length - 4} more ranges` : "");
                        problems.push(`${e.protocol} ${shown}`);
                        e.rules.forEach(r => contributors.add(r));
                    }
                }
                if (problems.length === 0) continue;
                const sources = [...new Set([...contributors].flatMap(r => r.cidrs()))];
                const fix =
                    direction === "ingress"
                        ? `world ingress is limited to ${authorized.length > 0 ? `TCP/UDP ${quoteList(authorized)}` : "no port"}${adminExposed.size > 0 && direction === "ingress" ? `, never admin ports (here ${[...adminExposed].sort((a, b) => a - b).join(", ")})` : ""}; restrict the sources to the networks that need access, or to a security group`
                        : "limit egress to the ports the workload needs (e.g. tcp 443)";
                reportViolation(
                    `Security group "${group.name}" ${direction} rules ${[...contributors].map(r => r.label).join("; ")} together ${direction === "ingress" ? "admit" : "send"} ` +
                        `${problems.join(", ")} ${direction === "ingress" ? "from" : "to"} the world: their sources (${sources.join(", ")}) cover every public address, ` +
                        `which no single world CIDR of a rule shows; ${fix}.`,
                    group.urn ?? group.firstUrn,
                );
            }
        }
    },
};

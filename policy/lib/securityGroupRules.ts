/**
 * One shape for the three ways a program declares security-group rules:
 * - inline `ingress`/`egress` on `aws:ec2/securityGroup:SecurityGroup` (and `DefaultSecurityGroup`):
 *   `protocol`, `fromPort`, `toPort`, `cidrBlocks`, `ipv6CidrBlocks`, `securityGroups`, `self`, `description`;
 * - `aws:ec2/securityGroupRule:SecurityGroupRule`: `type` "ingress" | "egress", the same fields, plus
 *   `sourceSecurityGroupId` and `securityGroupId`;
 * - `aws:vpc/securityGroupIngressRule` / `EgressRule`: `ipProtocol`, `fromPort`, `toPort`, `cidrIpv4`,
 *   `cidrIpv6`, `referencedSecurityGroupId`, `prefixListId`, `securityGroupId`, `description`.
 *
 * Every field is read lazily: a policy asks only for what it needs, so a value that is unknown during
 * preview (say a referenced security group id) stops only the checks that depend on it.
 */
import { ALL_PORTS, PortRange, formatRange, isWorldCidr, portRange } from "./cidr";
import { DEFAULT_SECURITY_GROUP, SECURITY_GROUP, SECURITY_GROUP_RULE, SG_EGRESS_RULE, SG_INGRESS_RULE } from "./types";

export type Direction = "ingress" | "egress";
export type RuleForm = "inline" | "securityGroupRule" | "vpcRule";

/** Every type token that carries security-group rules. */
export const RULE_BEARING_TYPES: readonly string[] = [
    ...SECURITY_GROUP,
    ...DEFAULT_SECURITY_GROUP,
    ...SECURITY_GROUP_RULE,
    ...SG_INGRESS_RULE,
    ...SG_EGRESS_RULE,
];

/** Standalone rule resources (rules that are resources of their own). */
export const STANDALONE_RULE_TYPES: readonly string[] = [...SECURITY_GROUP_RULE, ...SG_INGRESS_RULE, ...SG_EGRESS_RULE];

/** A normalised rule. Methods read the underlying props on demand. */
export interface SecurityGroupRuleView {
    readonly direction: Direction;
    readonly form: RuleForm;
    /** How messages name the rule, e.g. `Security group "alb" ingress[0]` or `Ingress rule "alb-http"`. */
    readonly label: string;
    /** World ranges (IPv4 `/0`, IPv6 `/0`) among the rule's CIDR peers. */
    worldPeers(): string[];
    /** Every CIDR peer of the rule, IPv4 and IPv6 (for ranges that only together cover the world). */
    cidrs(): string[];
    /** Ids of the managed prefix lists the rule names as peers (`prefixListIds`, or a vpc rule's `prefixListId`). */
    prefixListIds(): string[];
    /** "all" (for "-1", "all" or unset), "tcp", "udp", "icmp", "icmpv6", or the lower-cased value given. */
    protocol(): string;
    /** The ports the rule opens: all of them for protocol "all", none (undefined) for ICMP and others. */
    ports(): PortRange | undefined;
    /** The raw description (may be missing or of any type). */
    description(): unknown;
    /** "tcp 22", "udp 0-65535", "all traffic", "protocol icmp". */
    traffic(): string;
}

/** `-1`/`all` → "all"; IANA numbers of the common protocols → their names. */
export function normaliseProtocol(value: unknown): string {
    const raw = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim().toLowerCase() : "";
    switch (raw) {
        case "":
        case "-1":
        case "all":
            return "all";
        case "6":
            return "tcp";
        case "17":
            return "udp";
        case "1":
            return "icmp";
        case "58":
            return "icmpv6";
        default:
            return raw;
    }
}

const strings = (value: unknown): string[] =>
    typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

function view(
    direction: Direction,
    form: RuleForm,
    label: string,
    rule: Record<string, any>,
    fields: { protocol: string; v4: string; v6: string; prefixLists: string },
): SecurityGroupRuleView {
    const protocol = () => normaliseProtocol(rule[fields.protocol]);
    const ports = (): PortRange | undefined => {
        const p = protocol();
        if (p === "all") {
            return ALL_PORTS;
        }
        return p === "tcp" || p === "udp" ? portRange(rule.fromPort, rule.toPort) : undefined;
    };
    return {
        direction,
        form,
        label,
        worldPeers: () => [...strings(rule[fields.v4]), ...strings(rule[fields.v6])].filter(isWorldCidr),
        cidrs: () => [...strings(rule[fields.v4]), ...strings(rule[fields.v6])],
        prefixListIds: () => strings(rule[fields.prefixLists]),
        protocol,
        ports,
        description: () => rule.description,
        traffic: () => {
            const p = protocol();
            const range = ports();
            return p === "all" ? "all traffic" : range ? `${p} ${formatRange(range)}` : `protocol ${p}`;
        },
    };
}

const INLINE = { protocol: "protocol", v4: "cidrBlocks", v6: "ipv6CidrBlocks", prefixLists: "prefixListIds" };
const VPC_RULE = { protocol: "ipProtocol", v4: "cidrIpv4", v6: "cidrIpv6", prefixLists: "prefixListId" };

const isRecord = (value: unknown): value is Record<string, any> =>
    value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * The rules a resource declares. `type`/`name` are the resource's type token and logical name; `props`
 * its (proxied) inputs. Returns [] for other types and for malformed rule lists.
 */
export function securityGroupRules(type: string, name: string, props: Record<string, any>): SecurityGroupRuleView[] {
    if (SECURITY_GROUP.includes(type as never) || DEFAULT_SECURITY_GROUP.includes(type as never)) {
        const owner = SECURITY_GROUP.includes(type as never) ? "Security group" : "Default security group";
        const out: SecurityGroupRuleView[] = [];
        for (const direction of ["ingress", "egress"] as const) {
            const list = props[direction];
            if (!Array.isArray(list)) {
                continue;
            }
            list.forEach((rule: unknown, i: number) => {
                if (isRecord(rule)) {
                    out.push(view(direction, "inline", `${owner} "${name}" ${direction}[${i}]`, rule, INLINE));
                }
            });
        }
        return out;
    }
    if (SECURITY_GROUP_RULE.includes(type as never)) {
        const direction = typeof props.type === "string" ? props.type.trim().toLowerCase() : undefined;
        if (direction !== "ingress" && direction !== "egress") {
            return [];
        }
        return [view(direction, "securityGroupRule", `Security group rule "${name}" (${direction})`, props, INLINE)];
    }
    if (SG_INGRESS_RULE.includes(type as never)) {
        return [view("ingress", "vpcRule", `Ingress rule "${name}"`, props, VPC_RULE)];
    }
    if (SG_EGRESS_RULE.includes(type as never)) {
        return [view("egress", "vpcRule", `Egress rule "${name}"`, props, VPC_RULE)];
    }
    return [];
}

/** True when an inline rule list is a non-empty array (an empty list manages no rules). */
export const hasInlineRules = (props: Record<string, any>): boolean =>
    (Array.isArray(props.ingress) && props.ingress.length > 0) || (Array.isArray(props.egress) && props.egress.length > 0);

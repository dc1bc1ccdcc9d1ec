/**
 * Who can reach a listener rule from the internet: through the rule's own source-ip condition, or through
 * its listener's load balancer (internal, or internet-facing behind security groups). Sources are judged
 * by how many public addresses they cover together (`publicAddressCount`), so a world range split in
 * halves (0.0.0.0/1 + 128.0.0.0/1), padded with private space or written as an IPv4-mapped IPv6 range
 * counts as what it is.
 */
import { PolicyResource } from "@pulumi/policy";
import { addressesOfPrefix, parseCidr, publicAddressCount, toPortNumber } from "./cidr";
import { asArray } from "./coerce";
import { resourcesOfType } from "./ecsStack";
import { securityGroupRules, RULE_BEARING_TYPES, STANDALONE_RULE_TYPES } from "./securityGroupRules";
import { LOAD_BALANCER } from "./types";
import { peek, referencedResource } from "./unknowns";

/** The widest source a restricted rule may admit: as many public addresses as one prefix of these lengths. */
export interface SourceLimits {
    readonly widestIpv4Prefix: number;
    readonly widestIpv6Prefix: number;
}

/** Why a set of sources is too wide, or undefined when it is within the limits. */
export function sourcesTooWide(cidrs: readonly string[], limits: SourceLimits): string | undefined {
    const unreadable = cidrs.filter(c => parseCidr(c) === undefined);
    if (unreadable.length > 0) {
        return `${unreadable.map(c => JSON.stringify(c)).join(", ")} ${unreadable.length > 1 ? "are" : "is"} not a CIDR`;
    }
    for (const [family, prefix] of [
        [4, limits.widestIpv4Prefix],
        [6, limits.widestIpv6Prefix],
    ] as const) {
        const count = publicAddressCount(cidrs, family);
        const allowed = addressesOfPrefix(family, prefix);
        if (count > allowed) {
            const everything = publicAddressCount([family === 4 ? "0.0.0.0/0" : "::/0"], family);
            const share = count >= everything ? "every public IPv" + family + " address" : `${count} public IPv${family} addresses`;
            return `together they admit ${share}, more than one /${prefix} holds (${allowed})`;
        }
    }
    return undefined;
}

/**
 * The source-ip restriction of a rule's conditions (read with `readConditions`): undefined when one
 * source-ip condition admits no more than the limits (ALB ANDs conditions, so one narrow one is enough),
 * else why not.
 */
export function sourceIpProblem(conditions: readonly { kind: string; values: string[] }[], limits: SourceLimits): string | undefined {
    const sourceIp = conditions.filter(c => c.kind === "source-ip");
    if (sourceIp.length === 0) {
        return "it has no source-ip condition";
    }
    const problems: string[] = [];
    for (const c of sourceIp) {
        const problem = sourcesTooWide(c.values, limits);
        if (problem === undefined) {
            return undefined;
        }
        problems.push(`its source-ip condition (${c.values.join(", ")}): ${problem}`);
    }
    return problems.join("; ");
}

/** The stack's resource named by `reference` (ARN, id or URN) among `types`. */
export function resourceNamed(resources: readonly PolicyResource[], types: readonly string[], reference: unknown): PolicyResource | undefined {
    if (typeof reference !== "string" || reference === "") {
        return undefined;
    }
    return resourcesOfType(resources, types).find(r => reference === r.urn || reference === peek(r.props, "arn") || reference === peek(r.props, "id"));
}

/** Ingress CIDRs of the stack's security group `id` that open tcp `port`; undefined when not provable (not in the stack, prefix lists). */
function ingressSources(resources: readonly PolicyResource[], id: string, port: number): string[] | undefined {
    let found = false;
    const cidrs: string[] = [];
    for (const r of resources) {
        if (!RULE_BEARING_TYPES.includes(r.type)) continue;
        const standalone = STANDALONE_RULE_TYPES.includes(r.type);
        const owner: unknown = standalone ? r.props.securityGroupId : r.props.id;
        if (owner !== id) continue;
        found ||= !standalone;
        for (const rule of securityGroupRules(r.type, r.name, r.props)) {
            const protocol = rule.protocol();
            const ports = rule.ports();
            if (rule.direction !== "ingress" || (protocol !== "all" && protocol !== "tcp") || ports === undefined || port < ports.from || port > ports.to) {
                continue;
            }
            if (rule.prefixListIds().length > 0) {
                return undefined; // a prefix list's entries are not judged here: nothing is proven
            }
            cidrs.push(...rule.cidrs());
        }
    }
    return found ? cidrs : undefined;
}

/**
 * Whether the internet is kept from `listener` by its load balancer: undefined when the load balancer is
 * internal, or internet-facing with security groups (all in the stack) whose sources for the listener's
 * port stay within the limits; else why not. Reading a value not known yet throws `UnknownValueError`.
 */
export function networkProblem(resources: readonly PolicyResource[], listener: PolicyResource, limits: SourceLimits): string | undefined {
    const lb = referencedResource(listener, "loadBalancerArn", LOAD_BALANCER, () => listener.props.loadBalancerArn, ref => resourceNamed(resources, LOAD_BALANCER, ref));
    if (!lb) {
        return `its load balancer (${String(peek(listener.props, "loadBalancerArn"))}) is not in this stack`;
    }
    if (lb.props.internal === true) {
        return undefined;
    }
    const label = `load balancer "${lb.name}" is internet-facing`;
    const port = toPortNumber(listener.props.port);
    const groups = asArray(lb.props.securityGroups).filter((g): g is string => typeof g === "string");
    if (port === undefined) {
        return `${label} and listener "${listener.name}" names no port`;
    }
    if (groups.length === 0) {
        return `${label} with no security group of its own`;
    }
    const sources: string[] = [];
    for (const id of groups) {
        const cidrs = ingressSources(resources, id, port);
        if (cidrs === undefined) {
            return `${label} and its security group ${id} is not in this stack or admits a prefix list on port ${port}`;
        }
        sources.push(...cidrs);
    }
    const problem = sourcesTooWide(sources, limits);
    return problem === undefined ? undefined : `${label} and its security groups admit port ${port} from ${sources.join(", ")}: ${problem}`;
}

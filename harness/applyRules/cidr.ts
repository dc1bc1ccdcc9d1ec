/**
 * CIDR blocks must name a network: EC2 refuses a block with host bits set (10.0.0.1/16), and the
 * provider's plan-time validation (`verify.ValidIPv4CIDRNetworkAddress`) refuses it before that.
 */
import { AWSX_VPC, SECURITY_GROUP_RULE, SG_EGRESS_RULE, SG_INGRESS_RULE, SUBNET, VPC } from "../../policy/facts/typeTokens";
import { INLINE_RULE_GROUPS } from "./descriptions";
import { knownStrings, objects } from "./read";
import { ApplyRule, Finding } from "./types";

/** The network address of an IPv4 or IPv6 CIDR block, or why it is not one; undefined for text that is no CIDR. */
export function networkOf(cidr: string): { network: string; hostBitsSet: boolean } | undefined {
    const [address, prefixText, ...rest] = cidr.split("/");
    if (rest.length > 0 || prefixText === undefined || !/^\d{1,3}$/.test(prefixText)) return undefined;
    const prefix = Number(prefixText);
    const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
    if (v4) {
        const octets = v4.slice(1).map(Number);
        if (octets.some(o => o > 255) || prefix > 32) return undefined;
        const value = octets.reduce((acc, o) => acc * 256n + BigInt(o), 0n);
        const masked = prefix === 0 ? 0n : (value >> BigInt(32 - prefix)) << BigInt(32 - prefix);
        const network = [24n, 16n, 8n, 0n].map(shift => String((masked >> shift) & 255n)).join(".");
        return { network: `${network}/${prefix}`, hostBitsSet: masked !== value };
    }
    const groups = ipv6Groups(address);
    if (!groups || prefix > 128) return undefined;
    const value = groups.reduce((acc, g) => (acc << 16n) + BigInt(g), 0n);
    const masked = prefix === 0 ? 0n : (value >> BigInt(128 - prefix)) << BigInt(128 - prefix);
    const out = Array.from({ length: 8 }, (_, i) => ((masked >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
    return { network: `${compressIpv6(out)}/${prefix}`, hostBitsSet: masked !== value };
}

function ipv6Groups(address: string): number[] | undefined {
    if (!/^[0-9a-fA-F:]+$/.test(address) || address.split("::").length > 2) return undefined;
    const [head, tail] = address.includes("::") ? address.split("::") : [address, undefined];
    const parse = (part: string) => (part === "" ? [] : part.split(":"));
    const left = parse(head);
    const right = tail === undefined ? [] : parse(tail);
    const missing = 8 - left.length - right.length;
    if ((tail === undefined && missing !== 0) || missing < 0) return undefined;
    const all = [...left, ...Array(tail === undefined ? 0 : missing).fill("0"), ...right];
    return all.every(g => /^[0-9a-fA-F]{1,4}$/.test(g)) ? all.map(g => parseInt(g, 16)) : undefined;
}

function compressIpv6(groups: string[]): string {
    let best = { start: -1, length: 0 };
    for (let i = 0; i < groups.length; ) {
        if (groups[i] !== "0") {
            i++;
            continue;
        }
        let j = i;
        while (j < groups.length && groups[j] === "0") j++;
        if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
        i = j;
    }
    if (best.start < 0) return groups.join(":");
    return `${groups.slice(0, best.start).join(":")}::${groups.slice(best.start + best.length).join(":")}`;
}

const judge = (path: string, value: unknown): Finding[] =>
    knownStrings(value, path).flatMap(({ path: at, value: cidr }) => {
        const parsed = networkOf(cidr);
        return parsed?.hostBitsSet ? [{ path: at, given: cidr, allowed: `a network address with no host bits set, e.g. ${parsed.network}` }] : [];
    });

export const ec2CidrNetworkAddress: ApplyRule = {
    id: "ec2-cidr-network-address",
    types: [...VPC, ...AWSX_VPC, ...SUBNET, ...INLINE_RULE_GROUPS, ...SECURITY_GROUP_RULE, ...SG_INGRESS_RULE, ...SG_EGRESS_RULE],
    aws: "CIDR blocks of VPCs, subnets and security-group rules must be network addresses (host bits zero)",
    source: "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/verify/validate.go",
    configKeys: ["vpcCidr"],
    check: r => {
        const i = r.inputs;
        if (INLINE_RULE_GROUPS.includes(r.type)) {
            return ["ingress", "egress"].flatMap(d => objects(i[d], d).flatMap(rule => [...judge(`${rule.path}.cidrBlocks`, rule.value.cidrBlocks), ...judge(`${rule.path}.ipv6CidrBlocks`, rule.value.ipv6CidrBlocks)]));
        }
        return [
            ...judge("cidrBlock", i.cidrBlock),
            ...judge("ipv6CidrBlock", i.ipv6CidrBlock),
            ...judge("cidrBlocks", i.cidrBlocks),
            ...judge("ipv6CidrBlocks", i.ipv6CidrBlocks),
            ...judge("cidrIpv4", i.cidrIpv4),
            ...judge("cidrIpv6", i.cidrIpv6),
        ];
    },
};

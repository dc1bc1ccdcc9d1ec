import * as assert from "node:assert/strict";
import { ec2SecurityGroupPooledWorldExposure as policy } from "../../../policy/ec2/ec2-security-group-pooled-world-exposure";
import { ec2SecurityGroupNoWorldAdminPorts } from "../../../policy/ec2/ec2-security-group-no-world-admin-ports";
import { fixture } from "../../../harness/fixtures";
import { baseline, evaluate, expectDetails } from "../lb/kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const SG = AWS_TYPES.ec2SecurityGroup;
const RULE = AWS_TYPES.ec2SecurityGroupRule;
const IN = AWS_TYPES.vpcSecurityGroupIngressRule;
const EG = AWS_TYPES.vpcSecurityGroupEgressRule;
const INGRESS_FIX = 'world ingress is limited to TCP/UDP 80 and 443, never admin ports (here 22); restrict the sources to the networks that need access, or to a security group.';

const tcp = (from: number, to: number, cidrBlocks: string[], ipv6CidrBlocks: string[] = []) => ({ protocol: "tcp", fromPort: from, toPort: to, cidrBlocks, ipv6CidrBlocks, description: "x" });
const vpcIn = (name: string, cidr: { cidrIpv4?: string; cidrIpv6?: string }, from = 22, to = 22, ipProtocol = "tcp") =>
    baseline(IN, name, { securityGroupId: "alb-id", ipProtocol, fromPort: from, toPort: to, cidrIpv4: undefined, ...cidr });

describe("ec2-security-group-pooled-world-exposure (catalog #31-#33 pooled, stack)", () => {
    it("GIVEN the baselines (world on 80/443 only; egress tcp 443) THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(SG, "alb"), baseline(IN, "http"), baseline(EG, "out"), baseline(RULE, "from-alb")], []);
    });

    it("GIVEN two standalone rules whose IPv4 halves together cover the world on port 22 THEN reported on the group, while each rule alone passes the resource policy", async () => {
        const resources = [
            baseline(SG, "alb", { ingress: undefined, egress: undefined }),
            vpcIn("ssh-low", { cidrIpv4: "0.0.0.0/1" }),
            vpcIn("ssh-high", { cidrIpv4: "128.0.0.0/1" }),
        ];
        const result = await expectDetails(policy, resources, [
            `Security group "alb" ingress rules Ingress rule "ssh-low"; Ingress rule "ssh-high" together admit tcp 22 from the world: their sources (0.0.0.0/1, 128.0.0.0/1) cover every public address, which no single world CIDR of a rule shows; ${INGRESS_FIX}`,
        ]);
        assert.equal(result.diagnostics[0].urn, resources[0].urn);
        assert.equal((await evaluate(ec2SecurityGroupNoWorldAdminPorts, resources)).diagnostics.length, 0);
    });

    it("GIVEN the IPv6 global unicast halves in one inline rule, and the IPv4 space split over an inline rule and an aws.ec2.SecurityGroupRule THEN each reported", async () => {
        await expectDetails(policy, [
            baseline(SG, "alb", { ingress: [tcp(22, 22, [], ["2000::/4", "3000::/4"])], egress: [] }),
        ], [
            `Security group "alb" ingress rules Security group "alb" ingress[0] together admit tcp 22 from the world: their sources (2000::/4, 3000::/4) cover every public address, which no single world CIDR of a rule shows; ${INGRESS_FIX}`,
        ]);
        const result = await evaluate(policy, [
            baseline(SG, "alb", { ingress: [tcp(0, 65535, ["0.0.0.0/2", "64.0.0.0/2"])], egress: [] }),
            baseline(RULE, "rest", { securityGroupId: "alb-id", type: "ingress", protocol: "6", fromPort: 20, toPort: 30, cidrBlocks: ["128.0.0.0/1"], sourceSecurityGroupId: undefined }),
        ]);
        assert.equal(result.diagnostics.length, 1);
        assert.match(result.diagnostics[0].detail, /together admit tcp 20-30 from the world/);
    });

    it("GIVEN IPv4-mapped IPv6 plus nothing else THEN left to the resource policies (a single rule covers the world)", async () => {
        await expectDetails(policy, [baseline(SG, "alb", { ingress: undefined, egress: undefined }), vpcIn("mapped", { cidrIpv6: "::ffff:0:0/96" })], []);
    });

    it("GIVEN 443 pooled from halves THEN authorised, not reported; 8443 is reported", async () => {
        await expectDetails(policy, [baseline(SG, "alb", { ingress: undefined, egress: undefined }), vpcIn("a", { cidrIpv4: "0.0.0.0/1" }, 443, 443), vpcIn("b", { cidrIpv4: "128.0.0.0/1" }, 443, 443)], []);
        const result = await evaluate(policy, [baseline(SG, "alb", { ingress: undefined, egress: undefined }), vpcIn("a", { cidrIpv4: "0.0.0.0/1" }, 8443, 8443), vpcIn("b", { cidrIpv4: "128.0.0.0/1" }, 8443, 8443)]);
        assert.equal(result.diagnostics.length, 1);
        assert.match(result.diagnostics[0].detail, /admit tcp 8443 from the world/);
    });

    it("GIVEN egress halves on all protocols, or tcp 1-65535 split over two rules THEN reported as unrestricted egress", async () => {
        const halves = [
            baseline(EG, "low", { securityGroupId: "alb-id", ipProtocol: "-1", fromPort: undefined, toPort: undefined, cidrIpv4: "0.0.0.0/1" }),
            baseline(EG, "high", { securityGroupId: "alb-id", ipProtocol: "-1", fromPort: undefined, toPort: undefined, cidrIpv4: "128.0.0.0/1" }),
        ];
        const r1 = await evaluate(policy, [baseline(SG, "alb", { ingress: undefined, egress: undefined }), ...halves]);
        assert.equal(r1.diagnostics.length, 1);
        assert.match(r1.diagnostics[0].detail, /together send all traffic to the world.*limit egress to the ports the workload needs/);
        const split = [
            baseline(EG, "lo", { securityGroupId: "alb-id", fromPort: 1, toPort: 32767, cidrIpv4: "0.0.0.0/0" }),
            baseline(EG, "hi", { securityGroupId: "alb-id", ipProtocol: "6", fromPort: 32768, toPort: 65535, cidrIpv4: "0.0.0.0/0" }),
        ];
        const r2 = await evaluate(policy, [baseline(SG, "alb", { ingress: undefined, egress: undefined }), ...split]);
        assert.equal(r2.diagnostics.length, 1);
        assert.match(r2.diagnostics[0].detail, /together send tcp 1-65535 to the world/);
    });

    it("GIVEN a rule naming a managed prefix list of the stack that holds 0.0.0.0/0 (inline entries or an entry resource) THEN reported", async () => {
        const list = fixture(AWS_TYPES.ec2ManagedPrefixList, "anywhere", { entries: [{ cidr: "10.0.0.0/8" }, { cidr: "0.0.0.0/0" }] }, { state: { id: "pl-1" } });
        const entry = fixture(AWS_TYPES.ec2ManagedPrefixListEntry, "all-v6", { prefixListId: "pl-2", cidr: "::/0" });
        for (const [pl, extra] of [["pl-1", list], ["pl-2", entry]] as const) {
            const result = await evaluate(policy, [
                baseline(SG, "alb", { ingress: undefined, egress: undefined }),
                extra,
                baseline(IN, "ssh", { securityGroupId: "alb-id", ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: undefined, prefixListId: pl }),
            ]);
            assert.equal(result.diagnostics.length, 1, pl);
            assert.match(result.diagnostics[0].detail, /Ingress rule "ssh" together admit tcp 22 from the world/);
        }
    });
});

import * as assert from "node:assert/strict";
import { unknownCheckingProxy, UnknownValueError } from "@pulumi/policy";
import { normaliseProtocol, securityGroupRules } from "../../../policy/lib/securityGroupRules";
import { UNKNOWN } from "../../../harness/serialisation";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const summary = (type: string, props: Record<string, unknown>) =>
    securityGroupRules(type, "x", unknownCheckingProxy(props) as Record<string, any>).map(r => ({
        direction: r.direction,
        form: r.form,
        label: r.label,
        world: r.worldPeers(),
        protocol: r.protocol(),
        ports: r.ports(),
        traffic: r.traffic(),
    }));

describe("policy/lib/securityGroupRules", () => {
    it("GIVEN protocol spellings THEN they normalise", () => {
        assert.deepEqual(
            ["-1", "all", "ALL", -1, "", undefined, "tcp", "6", 6, "TCP", "udp", "17", "icmp", "1", "icmpv6", "58", "50"].map(normaliseProtocol),
            ["all", "all", "all", "all", "all", "all", "tcp", "tcp", "tcp", "tcp", "udp", "udp", "icmp", "icmp", "icmpv6", "icmpv6", "50"],
        );
    });

    it("GIVEN inline ingress and egress THEN each element is a rule with its index", () => {
        assert.deepEqual(
            summary(AWS_TYPES.ec2SecurityGroup, {
                ingress: [{ protocol: "6", fromPort: "22", toPort: 22, cidrBlocks: ["10.0.0.0/8", "0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }, "junk"],
                egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: "0.0.0.0/0" }],
            }),
            [
                { direction: "ingress", form: "inline", label: 'Security group "x" ingress[0]', world: ["0.0.0.0/0", "::/0"], protocol: "tcp", ports: { from: 22, to: 22 }, traffic: "tcp 22" },
                { direction: "egress", form: "inline", label: 'Security group "x" egress[0]', world: ["0.0.0.0/0"], protocol: "all", ports: { from: 0, to: 65535 }, traffic: "all traffic" },
            ],
        );
    });

    it("GIVEN a default security group THEN its inline rules are labelled as such", () => {
        assert.equal(
            securityGroupRules(AWS_TYPES.ec2DefaultSecurityGroup, "d", { ingress: [{ protocol: "icmp" }] })[0].label,
            'Default security group "d" ingress[0]',
        );
    });

    it("GIVEN a SecurityGroupRule THEN its type decides the direction; an invalid type yields no rule", () => {
        assert.deepEqual(
            summary(AWS_TYPES.ec2SecurityGroupRule, { type: "Egress", protocol: "udp", fromPort: 53, toPort: 53, cidrBlocks: ["0.0.0.0/0"] }),
            [{ direction: "egress", form: "securityGroupRule", label: 'Security group rule "x" (egress)', world: ["0.0.0.0/0"], protocol: "udp", ports: { from: 53, to: 53 }, traffic: "udp 53" }],
        );
        assert.deepEqual(summary(AWS_TYPES.ec2SecurityGroupRule, { type: "sideways" }), []);
    });

    it("GIVEN vpc ingress/egress rules THEN ipProtocol -1 means all ports and icmp has none", () => {
        assert.deepEqual(
            summary(AWS_TYPES.vpcSecurityGroupIngressRule, { ipProtocol: "-1", fromPort: 80, toPort: 80, cidrIpv6: "::/0" }),
            [{ direction: "ingress", form: "vpcRule", label: 'Ingress rule "x"', world: ["::/0"], protocol: "all", ports: { from: 0, to: 65535 }, traffic: "all traffic" }],
        );
        assert.deepEqual(
            summary(AWS_TYPES.vpcSecurityGroupEgressRule, { ipProtocol: "icmp", fromPort: 8, toPort: 0, cidrIpv4: "10.0.0.0/16" }),
            [{ direction: "egress", form: "vpcRule", label: 'Egress rule "x"', world: [], protocol: "icmp", ports: undefined, traffic: "protocol icmp" }],
        );
    });

    it("GIVEN an unknown referenced security group THEN listing and world checks do not read it", () => {
        const rules = securityGroupRules(
            AWS_TYPES.vpcSecurityGroupIngressRule,
            "x",
            unknownCheckingProxy({ ipProtocol: "tcp", fromPort: 8080, toPort: 8080, referencedSecurityGroupId: UNKNOWN, securityGroupId: UNKNOWN }) as Record<string, any>,
        );
        assert.deepEqual(rules[0].worldPeers(), []);
    });

    it("GIVEN an unknown CIDR list THEN reading it raises UnknownValueError", () => {
        const rules = securityGroupRules(AWS_TYPES.ec2SecurityGroup, "x", unknownCheckingProxy({ ingress: [{ cidrBlocks: UNKNOWN }] }) as Record<string, any>);
        assert.throws(() => rules[0].worldPeers(), UnknownValueError);
    });

    it("GIVEN other types or malformed lists THEN there are no rules", () => {
        assert.deepEqual(securityGroupRules(AWS_TYPES.ec2Vpc, "x", {}), []);
        assert.deepEqual(securityGroupRules(AWS_TYPES.ec2SecurityGroup, "x", { ingress: "all", egress: null }), []);
    });
});

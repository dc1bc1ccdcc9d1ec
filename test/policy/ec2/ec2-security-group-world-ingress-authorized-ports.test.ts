import { ec2SecurityGroupWorldIngressAuthorizedPorts as policy } from "../../../policy/ec2/ec2-security-group-world-ingress-authorized-ports";
import { baseline, expectDetails } from "../lb/kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const SG = AWS_TYPES.ec2SecurityGroup;
const DSG = AWS_TYPES.ec2DefaultSecurityGroup;
const RULE = AWS_TYPES.ec2SecurityGroupRule;
const IN = AWS_TYPES.vpcSecurityGroupIngressRule;
const LIMIT = "world ingress is limited to TCP/UDP ports 80, 443: narrow the rule to those ports or restrict its source.";
const worldRule = { type: "ingress", sourceSecurityGroupId: undefined, cidrBlocks: ["0.0.0.0/0"] };

describe("ec2-security-group-world-ingress-authorized-ports (catalog #32)", () => {
    it("GIVEN world ingress on 443 (IPv4 and IPv6) and 80 THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(SG, "alb"), baseline(IN, "http"), baseline(RULE, "from-alb")], []);
    });

    it("GIVEN UDP 443 from the world THEN it is authorised too", async () => {
        await expectDetails(policy, [baseline(IN, "quic", { ipProtocol: "udp", fromPort: 443, toPort: 443 })], []);
    });

    it("GIVEN the container port open to the world (vpc rule) THEN it is reported (mandatory)", async () => {
        await expectDetails(policy, [baseline(IN, "app", { fromPort: 8080, toPort: 8080 })], [
            `Ingress rule "app" allows tcp 8080 from the world (0.0.0.0/0); ${LIMIT}`,
        ]);
    });

    it('GIVEN ipProtocol "-1" from ::/0 THEN all traffic is reported', async () => {
        await expectDetails(policy, [baseline(IN, "any", { ipProtocol: "-1", cidrIpv4: undefined, cidrIpv6: "::/0" })], [
            `Ingress rule "any" allows all traffic from the world (::/0); ${LIMIT}`,
        ]);
    });

    it('GIVEN a SecurityGroupRule with protocol "all", and one on 0-65535 THEN both are reported', async () => {
        await expectDetails(policy, [
            baseline(RULE, "all", { ...worldRule, protocol: "all", fromPort: 0, toPort: 0 }),
            baseline(RULE, "wide", { ...worldRule, protocol: "tcp", fromPort: 0, toPort: 65535 }),
        ], [
            `Security group rule "all" (ingress) allows all traffic from the world (0.0.0.0/0); ${LIMIT}`,
            `Security group rule "wide" (ingress) allows tcp 0-65535 from the world (0.0.0.0/0); ${LIMIT}`,
        ]);
    });

    it("GIVEN an inline range 80-443 THEN the ports between are not authorised", async () => {
        await expectDetails(policy, [baseline(SG, "alb", { ingress: [{ protocol: "tcp", fromPort: 80, toPort: 443, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"], description: "web" }] })], [
            `Security group "alb" ingress[0] allows tcp 80-443 from the world (0.0.0.0/0, ::/0); ${LIMIT}`,
        ]);
    });

    it("GIVEN ICMP from the world on a default security group THEN it is reported", async () => {
        await expectDetails(policy, [baseline(DSG, "default", { ingress: [{ protocol: "icmp", fromPort: -1, toPort: -1, cidrBlocks: ["0.0.0.0/0"] }] })], [
            `Default security group "default" ingress[0] allows protocol icmp from the world (0.0.0.0/0); ${LIMIT}`,
        ]);
    });

    it("GIVEN egress to the world on any port, or ingress from a private range THEN nothing is reported", async () => {
        await expectDetails(policy, [
            baseline(SG, "egress", { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }),
            baseline(IN, "vpc", { fromPort: 0, toPort: 65535, cidrIpv4: "10.0.0.0/16" }),
        ], []);
    });

    it("GIVEN authorizedPorts [443] in config THEN port 80 is reported with the narrower limit", async () => {
        await expectDetails(policy, [baseline(SG, "alb"), baseline(IN, "http")], [
            'Ingress rule "http" allows tcp 80 from the world (0.0.0.0/0); world ingress is limited to TCP/UDP port 443: narrow the rule to those ports or restrict its source.',
        ], { [policy.name]: { authorizedPorts: [443] } });
    });
});

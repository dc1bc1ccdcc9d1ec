import { ec2SecurityGroupNoWorldAdminPorts as policy } from "../../../policy/ec2/ec2-security-group-no-world-admin-ports";
import { baseline, expectDetails } from "../lb/kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const SG = AWS_TYPES.ec2SecurityGroup;
const DSG = AWS_TYPES.ec2DefaultSecurityGroup;
const RULE = AWS_TYPES.ec2SecurityGroupRule;
const IN = AWS_TYPES.vpcSecurityGroupIngressRule;
const EG = AWS_TYPES.vpcSecurityGroupEgressRule;
const FIX = "allow only a known CIDR or a security group, or reach hosts through SSM Session Manager.";
const ALL_ADMIN = "21, 22, 23, 1433, 1521, 2375, 2376, 3306, 3389, 5432, 5601, 6379, 9200, 11211, 27017";
const ssh = { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "SSH" };

describe("ec2-security-group-no-world-admin-ports (catalog #31)", () => {
    it("GIVEN the baseline group, rule and vpc rules (world only on 80/443 or from a group) THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(SG, "alb"), baseline(RULE, "from-alb"), baseline(IN, "http"), baseline(EG, "https-out")], []);
    });

    it("GIVEN inline SSH from 0.0.0.0/0 THEN it is reported (mandatory)", async () => {
        await expectDetails(policy, [baseline(SG, "bastion", { ingress: [ssh] })], [
            `Security group "bastion" ingress[0] opens admin port 22 (tcp 22) to the world (0.0.0.0/0); ${FIX}`,
        ]);
    });

    it("GIVEN RDP from ::/0 only THEN IPv6 is caught", async () => {
        await expectDetails(policy, [baseline(SG, "win", { ingress: [{ protocol: "tcp", fromPort: 3389, toPort: 3389, ipv6CidrBlocks: ["::/0"] }] })], [
            `Security group "win" ingress[0] opens admin port 3389 (tcp 3389) to the world (::/0); ${FIX}`,
        ]);
    });

    it("GIVEN SSH from the IPv6 global unicast block 2000::/3 (every public IPv6 address) THEN it is the world", async () => {
        await expectDetails(policy, [baseline(IN, "v6", { fromPort: 22, toPort: 22, cidrIpv4: undefined, cidrIpv6: "2000::/3" })], [
            `Ingress rule "v6" opens admin port 22 (tcp 22) to the world (2000::/3); ${FIX}`,
        ]);
    });

    it("GIVEN a vpc ingress rule whose range covers two database ports THEN both are named, sorted", async () => {
        await expectDetails(policy, [baseline(IN, "range", { fromPort: 3000, toPort: 3400, cidrIpv4: undefined, cidrIpv6: "::/0" })], [
            `Ingress rule "range" opens admin ports 3306, 3389 (tcp 3000-3400) to the world (::/0); ${FIX}`,
        ]);
    });

    it('GIVEN ipProtocol "-1" from the world THEN every admin port is named', async () => {
        await expectDetails(policy, [baseline(IN, "any", { ipProtocol: "-1", fromPort: undefined, toPort: undefined })], [
            `Ingress rule "any" opens admin ports ${ALL_ADMIN} (all traffic) to the world (0.0.0.0/0); ${FIX}`,
        ]);
    });

    it('GIVEN a SecurityGroupRule with protocol "6" and ports as strings THEN it is read', async () => {
        await expectDetails(policy, [baseline(RULE, "pg", { protocol: "6", fromPort: "5432", toPort: "5432", sourceSecurityGroupId: undefined, cidrBlocks: ["0.0.0.0/0"] })], [
            `Security group rule "pg" (ingress) opens admin port 5432 (tcp 5432) to the world (0.0.0.0/0); ${FIX}`,
        ]);
    });

    it("GIVEN a default security group with SSH from the world THEN it is reported", async () => {
        await expectDetails(policy, [baseline(DSG, "default", { ingress: [ssh] })], [
            `Default security group "default" ingress[0] opens admin port 22 (tcp 22) to the world (0.0.0.0/0); ${FIX}`,
        ]);
    });

    it("GIVEN a TCP rule without ports from the world THEN it is judged as all ports", async () => {
        await expectDetails(policy, [baseline(RULE, "open", { type: "ingress", protocol: "tcp", fromPort: undefined, toPort: undefined, sourceSecurityGroupId: undefined, cidrBlocks: ["0.0.0.0/0"] })], [
            `Security group rule "open" (ingress) opens admin ports ${ALL_ADMIN} (tcp 0-65535) to the world (0.0.0.0/0); ${FIX}`,
        ]);
    });

    it("GIVEN SSH from a private range, SSH egress to the world, or ICMP from the world THEN nothing is reported", async () => {
        await expectDetails(policy, [
            baseline(SG, "private", { ingress: [{ ...ssh, cidrBlocks: ["10.0.0.0/8"] }] }),
            baseline(SG, "egress", { egress: [ssh] }),
            baseline(IN, "ping", { ipProtocol: "icmp", fromPort: 8, toPort: 0 }),
            baseline(RULE, "egress-rule", { type: "egress", fromPort: 22, toPort: 22, sourceSecurityGroupId: undefined, cidrBlocks: ["0.0.0.0/0"] }),
        ], []);
    });

    it("GIVEN adminPorts in config THEN they replace the defaults", async () => {
        await expectDetails(policy, [baseline(SG, "alb"), baseline(SG, "app", { ingress: [{ ...ssh, fromPort: 8080, toPort: 8080 }] })], [
            `Security group "app" ingress[0] opens admin port 8080 (tcp 8080) to the world (0.0.0.0/0); ${FIX}`,
        ], { [policy.name]: { adminPorts: [8080] } });
    });

    describe("evasion: the world spelled otherwise", () => {
        for (const [field, cidr] of [["cidrIpv4", "0.0.0.000/0"], ["cidrIpv4", " 0.0.0.0 / 0 "], ["cidrIpv4", "10.1.2.3/0"], ["cidrIpv6", "::ffff:0:0/96"], ["cidrIpv6", "0000::/0"]] as const) {
            it(`GIVEN SSH from ${JSON.stringify(cidr)} as ${field} THEN reported`, async () => {
                await expectDetails(policy, [baseline(IN, "ssh", { ipProtocol: "6", fromPort: 22, toPort: 22, cidrIpv4: undefined, [field]: cidr })], [
                    `Ingress rule "ssh" opens admin port 22 (tcp 22) to the world (${cidr}); ${FIX}`,
                ]);
            });
        }
    });
});

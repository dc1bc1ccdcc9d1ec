import { ec2SecurityGroupNoUnrestrictedEgress as policy } from "../../../policy/ec2/ec2-security-group-no-unrestricted-egress";
import { baseline, expectDetails } from "../lb/kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const SG = AWS_TYPES.ec2SecurityGroup;
const RULE = AWS_TYPES.ec2SecurityGroupRule;
const IN = AWS_TYPES.vpcSecurityGroupIngressRule;
const EG = AWS_TYPES.vpcSecurityGroupEgressRule;
const LIMIT = "limit egress to the ports the workload needs (e.g. tcp 443).";

describe("ec2-security-group-no-unrestricted-egress (catalog #33)", () => {
    it("GIVEN egress to the VPC on 8080 and to the world on 443 (the program's shapes) THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(SG, "alb"), baseline(EG, "https-out"), baseline(RULE, "from-alb")], []);
    });

    it('GIVEN inline egress "-1" to 0.0.0.0/0 (the provider\'s usual allow-all) THEN it is reported (mandatory)', async () => {
        await expectDetails(policy, [baseline(SG, "task", { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] })], [
            `Security group "task" egress[0] allows all traffic to the world (0.0.0.0/0); ${LIMIT}`,
        ]);
    });

    it('GIVEN a vpc egress rule "-1" to ::/0 THEN IPv6 is caught', async () => {
        await expectDetails(policy, [baseline(EG, "all-v6", { ipProtocol: "-1", fromPort: undefined, toPort: undefined, cidrIpv4: undefined, cidrIpv6: "::/0" })], [
            `Egress rule "all-v6" allows all traffic to the world (::/0); ${LIMIT}`,
        ]);
    });

    it("GIVEN a SecurityGroupRule egress on TCP 0-65535 or protocol \"all\" THEN it is reported", async () => {
        await expectDetails(policy, [
            baseline(RULE, "tcp-all", { type: "egress", protocol: "tcp", fromPort: "0", toPort: "65535", sourceSecurityGroupId: undefined, cidrBlocks: ["0.0.0.0/0"] }),
            baseline(RULE, "all", { type: "egress", protocol: "all", fromPort: 0, toPort: 0, sourceSecurityGroupId: undefined, ipv6CidrBlocks: ["::/0"] }),
        ], [
            `Security group rule "tcp-all" (egress) allows tcp 0-65535 to the world (0.0.0.0/0); ${LIMIT}`,
            `Security group rule "all" (egress) allows all traffic to the world (::/0); ${LIMIT}`,
        ]);
    });

    it("GIVEN all traffic to the VPC CIDR, ICMP to the world, or all-traffic ingress THEN nothing is reported", async () => {
        await expectDetails(policy, [
            baseline(EG, "vpc", { ipProtocol: "-1", cidrIpv4: "10.0.0.0/16" }),
            baseline(EG, "ping", { ipProtocol: "icmp", fromPort: 8, toPort: 0 }),
            baseline(IN, "in", { ipProtocol: "-1" }),
        ], []);
    });

    describe("evasion: nearly every port, the world spelled otherwise", () => {
        for (const [from, to] of [[1, 65535], [0, 65534], [1024, 65535]]) {
            it(`GIVEN tcp ${from}-${to} to 0.0.0.000/0 THEN reported as all ports`, async () => {
                await expectDetails(policy, [baseline(EG, "out", { ipProtocol: "tcp", fromPort: from, toPort: to, cidrIpv4: "0.0.0.000/0" })], [
                    `Egress rule "out" allows tcp ${from}-${to} to the world (0.0.0.000/0); ${LIMIT}`,
                ]);
            });
        }
    });
});

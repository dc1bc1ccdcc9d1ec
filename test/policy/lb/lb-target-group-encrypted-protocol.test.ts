import { lbTargetGroupEncryptedProtocol as policy } from "../../../policy/lb/lb-target-group-encrypted-protocol";
import { baseline, expectDetails } from "./kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbTargetGroup;
const ALB = AWS_TYPES.albTargetGroup;

describe("lb-target-group-encrypted-protocol (catalog #15, target side)", () => {
    it("GIVEN HTTPS and TLS target groups THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "https"), baseline(ALB, "tls", { protocol: "TLS" })], []);
    });

    it("GIVEN the program's HTTP target group THEN an advisory names the plaintext hop", async () => {
        await expectDetails(policy, [baseline(LB, "web", { protocol: "HTTP" })], [
            'Target group "web" sends plaintext HTTP to its targets; use protocol "HTTPS" (the targets must then serve TLS).',
        ]);
    });

    it("GIVEN TCP and UDP target groups (alias) THEN each is reported with its fix", async () => {
        await expectDetails(policy, [baseline(ALB, "tcp", { protocol: "tcp" }), baseline(ALB, "udp", { protocol: "UDP" })], [
            'Target group "tcp" sends plaintext TCP to its targets; use protocol "TLS" (the targets must then serve TLS).',
            'Target group "udp" sends plaintext UDP to its targets; encrypt in the application, since the load balancer cannot re-encrypt UDP.',
        ]);
    });

    it("GIVEN a lambda target group (no protocol) or GENEVE THEN it does not apply", async () => {
        await expectDetails(policy, [baseline(LB, "fn", { protocol: undefined, targetType: "lambda" }), baseline(LB, "gw", { protocol: "GENEVE" })], []);
    });
});

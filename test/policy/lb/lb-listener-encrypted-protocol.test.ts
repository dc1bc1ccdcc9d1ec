import { lbListenerEncryptedProtocol as policy } from "../../../policy/lb/lb-listener-encrypted-protocol";
import { baseline, expectDetails } from "./kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbListener;
const ALB = AWS_TYPES.albListener;

describe("lb-listener-encrypted-protocol (catalog #15, listener side)", () => {
    it("GIVEN HTTPS and redirecting HTTP listeners THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "https"), baseline(ALB, "http")], []);
    });

    it("GIVEN a TLS listener THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "tls", { protocol: "TLS" })], []);
    });

    it("GIVEN a plain HTTP forwarding listener THEN it is left to lb-listener-http-redirects-to-https", async () => {
        await expectDetails(policy, [baseline(ALB, "http", { defaultActions: [{ type: "forward" }] })], []);
    });

    it("GIVEN a TCP listener THEN it is reported with the TLS fix", async () => {
        await expectDetails(policy, [baseline(LB, "nlb", { protocol: "TCP", sslPolicy: undefined, certificateArn: undefined })], [
            'Listener "nlb" (TCP) accepts unencrypted connections; switch protocol to "TLS" with an ACM certificateArn and a modern sslPolicy.',
        ]);
    });

    it("GIVEN UDP and TCP_UDP listeners (aws:alb alias, lower case) THEN each is reported", async () => {
        const fix = "the load balancer cannot encrypt UDP, so encrypt in the application (DTLS/QUIC) or serve the traffic over TLS";
        await expectDetails(policy, [baseline(ALB, "udp", { protocol: "udp" }), baseline(LB, "both", { protocol: "TCP_UDP" })], [
            `Listener "udp" (UDP) accepts unencrypted connections; ${fix}.`,
            `Listener "both" (TCP_UDP) accepts unencrypted connections; ${fix}.`,
        ]);
    });
});

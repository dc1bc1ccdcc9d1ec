import { lbListenerModernTlsPolicy as policy, DEFAULT_ALLOWED_SSL_POLICIES } from "../../../policy/lb/lb-listener-modern-tls-policy";
import { baseline, expectDetails } from "./kit";

const LB = "aws:lb/listener:Listener";
const ALB = "aws:alb/listener:Listener";
// Written out, not derived from the policy's own list, so that a change to either shows here.
const LIST =
    '"ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS13-1-3-2021-06", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06", ' +
    '"ELBSecurityPolicy-FS-1-2-Res-2020-10" or "ELBSecurityPolicy-FS-1-2-Res-2019-08"';

describe("lb-listener-modern-tls-policy (catalog #16)", () => {
    it("GIVEN the HTTPS listener with TLS13-1-2-2021-06 and an HTTP redirect listener THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "https"), baseline(ALB, "http")], []);
    });

    it("GIVEN every default allowed policy THEN nothing is reported", async () => {
        await expectDetails(policy, DEFAULT_ALLOWED_SSL_POLICIES.map((p, i) => baseline(LB, `l${i}`, { sslPolicy: p })), []);
    });

    it("GIVEN an HTTPS listener without sslPolicy THEN the AWS default 2016-08 is reported (mandatory)", async () => {
        await expectDetails(policy, [baseline(LB, "https", { sslPolicy: undefined })], [
            `Listener "https" (HTTPS) has no sslPolicy, so AWS applies "ELBSecurityPolicy-2016-08", which accepts TLS 1.0; set sslPolicy to one of ${LIST}.`,
        ]);
    });

    it("GIVEN an old policy on a TLS listener (alias) THEN it is reported", async () => {
        await expectDetails(policy, [baseline(ALB, "tls", { protocol: "TLS", port: 443, sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" })], [
            `Listener "tls" (TLS) uses sslPolicy "ELBSecurityPolicy-TLS-1-1-2017-01"; set it to one of ${LIST}.`,
        ]);
    });

    it("GIVEN a config allow-list THEN only its policies pass", async () => {
        await expectDetails(policy, [baseline(LB, "https")], [
            'Listener "https" (HTTPS) uses sslPolicy "ELBSecurityPolicy-TLS13-1-2-2021-06"; set it to one of "ELBSecurityPolicy-TLS13-1-3-2021-06".',
        ], { [policy.name]: { allowedPolicies: ["ELBSecurityPolicy-TLS13-1-3-2021-06"] } });
    });

    it("GIVEN an empty or non-string sslPolicy THEN it counts as missing", async () => {
        const missing = `Listener "https" (HTTPS) has no sslPolicy, so AWS applies "ELBSecurityPolicy-2016-08", which accepts TLS 1.0; set sslPolicy to one of ${LIST}.`;
        await expectDetails(policy, [baseline(LB, "https", { sslPolicy: "" })], [missing]);
        await expectDetails(policy, [baseline(LB, "https", { sslPolicy: 7 })], [missing]);
    });

    it("GIVEN HTTP or TCP listeners THEN it does not apply", async () => {
        await expectDetails(policy, [baseline(LB, "tcp", { protocol: "TCP", sslPolicy: undefined })], []);
    });
});

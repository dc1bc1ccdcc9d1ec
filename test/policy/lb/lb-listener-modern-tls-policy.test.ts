import { lbListenerModernTlsPolicy as policy } from "../../../policy/lb/lb-listener-modern-tls-policy";
import { baseline, expectDetails } from "./kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbListener;
const ALB = AWS_TYPES.albListener;
// Written out, not derived from the policy's own list, so that a change to either shows here.
const LIST =
    'a policy of the families "ELBSecurityPolicy-TLS13-1-2[-Res][-FIPS][-PQ]-<date>", "ELBSecurityPolicy-TLS13-1-3[-FIPS][-PQ]-<date>" ' +
    'or "ELBSecurityPolicy-FS-1-2-Res-<date>" (e.g. "ELBSecurityPolicy-TLS13-1-2-2021-06")';
// Names as AWS publishes them (ELB user guides, "Security policies"), FIPS and post-quantum variants among them.
const MODERN = [
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09",
    "ELBSecurityPolicy-FS-1-2-Res-2020-10",
    "ELBSecurityPolicy-FS-1-2-Res-2019-08",
];
const LEGACY = [
    "ELBSecurityPolicy-2016-08",
    "ELBSecurityPolicy-TLS13-1-0-2021-06",
    "ELBSecurityPolicy-TLS13-1-1-2021-06",
    "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04",
    "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09",
    "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04",
    "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
    "ELBSecurityPolicy-FS-2018-06",
    "ELBSecurityPolicy-TLS13-1-2-2021-06-extra",
];

describe("lb-listener-modern-tls-policy (catalog #16)", () => {
    it("GIVEN the HTTPS listener with TLS13-1-2-2021-06 and an HTTP redirect listener THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "https"), baseline(ALB, "http")], []);
    });

    it("GIVEN every modern family member, FIPS and PQ variants included THEN nothing is reported", async () => {
        await expectDetails(policy, MODERN.map((p, i) => baseline(LB, `l${i}`, { sslPolicy: p })), []);
    });

    it("GIVEN policies that accept TLS 1.0/1.1 or extend the cipher list THEN each is reported", async () => {
        await expectDetails(
            policy,
            LEGACY.map((p, i) => baseline(LB, `l${i}`, { sslPolicy: p })),
            LEGACY.map((p, i) => `Listener "l${i}" (HTTPS) uses sslPolicy "${p}"; set it to ${LIST}.`),
        );
    });

    it("GIVEN an HTTPS listener without sslPolicy THEN the AWS default 2016-08 is reported (mandatory)", async () => {
        await expectDetails(policy, [baseline(LB, "https", { sslPolicy: undefined })], [
            `Listener "https" (HTTPS) has no sslPolicy, so AWS applies "ELBSecurityPolicy-2016-08", which accepts TLS 1.0; set sslPolicy to ${LIST}.`,
        ]);
    });

    it("GIVEN an old policy on a TLS listener (alias) THEN it is reported", async () => {
        await expectDetails(policy, [baseline(ALB, "tls", { protocol: "TLS", port: 443, sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" })], [
            `Listener "tls" (TLS) uses sslPolicy "ELBSecurityPolicy-TLS-1-1-2017-01"; set it to ${LIST}.`,
        ]);
    });

    it("GIVEN a config allow-list THEN only its policies pass", async () => {
        await expectDetails(policy, [baseline(LB, "https")], [
            'Listener "https" (HTTPS) uses sslPolicy "ELBSecurityPolicy-TLS13-1-2-2021-06"; set it to one of "ELBSecurityPolicy-TLS13-1-3-2021-06".',
        ], { [policy.name]: { allowedPolicies: ["ELBSecurityPolicy-TLS13-1-3-2021-06"] } });
    });

    it("GIVEN an empty or non-string sslPolicy THEN it counts as missing", async () => {
        const missing = `Listener "https" (HTTPS) has no sslPolicy, so AWS applies "ELBSecurityPolicy-2016-08", which accepts TLS 1.0; set sslPolicy to ${LIST}.`;
        await expectDetails(policy, [baseline(LB, "https", { sslPolicy: "" })], [missing]);
        await expectDetails(policy, [baseline(LB, "https", { sslPolicy: 7 })], [missing]);
    });

    it("GIVEN HTTP or TCP listeners THEN it does not apply", async () => {
        await expectDetails(policy, [baseline(LB, "tcp", { protocol: "TCP", sslPolicy: undefined })], []);
    });
});

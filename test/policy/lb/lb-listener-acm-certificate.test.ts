import { lbListenerAcmCertificate as policy } from "../../../policy/lb/lb-listener-acm-certificate";
import { baseline, expectDetails } from "./kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const LB = AWS_TYPES.lbListener;
const ALB = AWS_TYPES.albListener;
const CERT = AWS_TYPES.lbListenerCertificate;
const IAM_CERT = "arn:aws:iam::123456789012:server-certificate/web";

describe("lb-listener-acm-certificate (catalog #17)", () => {
    it("GIVEN the HTTPS listener, an HTTP redirect listener and an extra ACM certificate THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LB, "https"), baseline(ALB, "http"), baseline(CERT, "extra")], []);
    });

    it("GIVEN an HTTPS listener without certificateArn THEN it is reported", async () => {
        await expectDetails(policy, [baseline(LB, "https", { certificateArn: undefined })], [
            'Listener "https" (HTTPS) has no certificateArn; request a certificate from ACM and set certificateArn to its ARN.',
        ]);
    });

    it("GIVEN an IAM server certificate on a TLS listener (alias) THEN it is reported", async () => {
        await expectDetails(policy, [baseline(ALB, "tls", { protocol: "TLS", certificateArn: IAM_CERT })], [
            `Listener "tls" (TLS) uses certificate "${IAM_CERT}", which is not from ACM; use an ACM certificate (arn:aws:acm:…) so it renews automatically.`,
        ]);
    });

    it("GIVEN an extra listener certificate from IAM (both aliases) THEN it is reported", async () => {
        await expectDetails(
            policy,
            [
                baseline(CERT, "extra", { certificateArn: IAM_CERT }),
                baseline(AWS_TYPES.albListenerCertificate, "alias", { certificateArn: IAM_CERT }),
            ],
            [
                `Listener certificate "extra" uses certificate "${IAM_CERT}", which is not from ACM; use an ACM certificate (arn:aws:acm:…) so it renews automatically.`,
                `Listener certificate "alias" uses certificate "${IAM_CERT}", which is not from ACM; use an ACM certificate (arn:aws:acm:…) so it renews automatically.`,
            ],
        );
    });

    it("GIVEN a GovCloud ACM ARN THEN it is accepted", async () => {
        await expectDetails(policy, [baseline(LB, "https", { certificateArn: "arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/abc" })], []);
    });

    it("GIVEN a non-string certificateArn THEN it counts as missing", async () => {
        await expectDetails(policy, [baseline(LB, "https", { certificateArn: ["x"] })], [
            'Listener "https" (HTTPS) has no certificateArn; request a certificate from ACM and set certificateArn to its ARN.',
        ]);
    });
});

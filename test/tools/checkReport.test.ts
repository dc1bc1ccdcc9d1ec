/**
 * The check's text report: apply-time errors in their own section, and in the closing verdict.
 */
import * as assert from "node:assert/strict";
import { checkCoverage } from "../../tools/checkCoverage";
import { CheckReport, formatReport } from "../../tools/checkReport";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const report = (applyErrors: CheckReport["applyErrors"], mandatory = 0): CheckReport => ({
    stack: "dev",
    project: "p",
    resources: [],
    violations: Array.from({ length: mandatory }, () => ({ policy: "x", enforcementLevel: "mandatory" as const, message: "m", description: "d" })),
    applyErrors,
    cost: { monthlyUsd: 1, monthlyUsdMax: 1, currency: "USD", region: "us-east-1", items: [], unpriced: [], notes: [] },
    rollout: { secondsPerWave: 60, waves: 1, notes: [], warnings: [] },
    coverage: checkCoverage([], []),
});

const ERROR = {
    rule: "ec2-security-group-rule-description",
    urn: "urn:pulumi:dev::p::aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule::web-egress",
    type: AWS_TYPES.vpcSecurityGroupEgressRule,
    name: "web-egress",
    path: "description",
    given: "[secret]",
    allowed: "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*",
    source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpRange.html",
};

describe("check report text", () => {
    it("GIVEN an apply-time error THEN it has its own section with where, what was given, what is allowed and the source, and fails the check", () => {
        const text = formatReport(report([ERROR]));
        assert.match(text, /^Apply-time errors \(AWS would refuse these at pulumi up\): 1$/m);
        assert.ok(
            text.includes(
                [
                    "  [error] ec2-security-group-rule-description (aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule web-egress)",
                    "      description: [secret]",
                    "      allowed: letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*",
                    "      source: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpRange.html",
                ].join("\n"),
            ),
            text,
        );
        assert.match(text, /^FAILED: 1 apply-time error\(s\)\.$/m);
        assert.match(text, /^Policy violations, mandatory: 0$/m);
    });

    it("GIVEN mandatory violations and apply-time errors THEN the verdict counts both; neither THEN it passes", () => {
        assert.match(formatReport(report([ERROR, ERROR], 3)), /^FAILED: 3 mandatory policy violation\(s\), 2 apply-time error\(s\)\.$/m);
        assert.match(formatReport(report([])), /^PASSED: no mandatory policy violation\.$/m);
    });
});

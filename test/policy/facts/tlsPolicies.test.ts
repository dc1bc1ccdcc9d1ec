import { strict as assert } from "node:assert";
import { AWS_DEFAULT_SSL_POLICY, isModernSslPolicy, MODERN_SSL_POLICY_FAMILIES, RECOMMENDED_TLS_POLICY } from "../../../policy/facts/tlsPolicies";

// Which published names each family admits is tested with the policy that reads them:
// test/policy/lb/lb-listener-modern-tls-policy.test.ts.
describe("facts: ELB TLS security policies", () => {
    it("GIVEN the policy the program's listeners use THEN it is of a modern family", () => {
        assert.ok(isModernSslPolicy(RECOMMENDED_TLS_POLICY));
    });

    it("GIVEN what AWS applies to a listener that names no policy THEN it is not modern (it accepts TLS 1.0)", () => {
        assert.equal(AWS_DEFAULT_SSL_POLICY, "ELBSecurityPolicy-2016-08");
        assert.equal(isModernSslPolicy(AWS_DEFAULT_SSL_POLICY), false);
    });

    it("GIVEN the family shapes for messages THEN one per family, each with a <date>", () => {
        assert.equal(MODERN_SSL_POLICY_FAMILIES.length, 3);
        assert.ok(MODERN_SSL_POLICY_FAMILIES.every(f => f.startsWith("ELBSecurityPolicy-") && f.endsWith("-<date>")));
    });
});

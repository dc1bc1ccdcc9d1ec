import * as assert from "node:assert/strict";
import { ecsServiceConnectTls as policy } from "../../../policy/ecs/ecs-service-connect-tls";
import { pack } from "../../../policy/pack";
import { fixture, withPath } from "../../../harness/fixtures";
import { validatePolicyConfig } from "../../../harness/policyEngine";
import { ACCOUNT, REGION, SERVICE, assertViolations, baseline, evaluate } from "../baselines/ecs";

const PCA_ARN = `arn:aws:acm-pca:${REGION}:${ACCOUNT}:certificate-authority/12345678-1234-1234-1234-123456789012`;
const connect = {
    enabled: true,
    namespace: `arn:aws:servicediscovery:${REGION}:${ACCOUNT}:namespace/ns-abc`,
    logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web", "awslogs-region": REGION, "awslogs-stream-prefix": "connect" } },
    services: [
        {
            portName: "http",
            discoveryName: "web",
            clientAlias: [{ port: 8080, dnsName: "web" }],
            tls: { issuerCertAuthority: { awsPcaAuthorityArn: PCA_ARN }, roleArn: `arn:aws:iam::${ACCOUNT}:role/web-connect-tls` },
        },
    ],
};
const service = (path?: string, value?: unknown) =>
    fixture(SERVICE, "web", { ...baseline(SERVICE), serviceConnectConfiguration: path ? withPath(connect, path, value) : structuredClone(connect) });
const REQUIRE = { [policy.name]: { enforcementLevel: "mandatory" as const, requireTls: true } };
const FIX = "set tls.issuerCertAuthority.awsPcaAuthorityArn to an AWS Private CA (and tls.roleArn to a role ECS may use with it).";

describe("ecs-service-connect-tls", () => {
    it("GIVEN every published endpoint with TLS from a Private CA, a client-only or disabled configuration, or none THEN nothing is reported", async () => {
        const result = await evaluate(policy, [service(), service("services", undefined), service("enabled", false), fixture(SERVICE, "plain", baseline(SERVICE))], REQUIRE);
        assertViolations(result, policy.name, "mandatory", []);
    });

    it("GIVEN an endpoint without tls THEN it is reported, also when enabled is the string \"TRUE\"", async () => {
        for (const enabled of [true, "TRUE", " true "]) {
            const result = await evaluate(policy, [withPath(service("services.0.tls", undefined), "inputs.serviceConnectConfiguration.enabled", enabled)], REQUIRE);
            assertViolations(result, policy.name, "mandatory", [
                `serviceConnectConfiguration.services[0] ("http") has no tls, so traffic between services travels unencrypted; ${FIX}`,
            ]);
        }
    });

    it("GIVEN tls without an issuing authority, or with an empty ARN THEN it is reported", async () => {
        for (const tls of [{}, { issuerCertAuthority: {} }, { issuerCertAuthority: { awsPcaAuthorityArn: " " } }, { kmsKey: "k" }]) {
            const result = await evaluate(policy, [service("services.0.tls", tls)], REQUIRE);
            assertViolations(result, policy.name, "mandatory", [
                `serviceConnectConfiguration.services[0] ("http").tls names no issuing certificate authority, which ECS refuses; ${FIX}`,
            ]);
        }
    });

    it("GIVEN an issuing authority that is not a Private CA ARN (an ACM certificate) THEN it is reported", async () => {
        const acm = `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/0b7e1c2a`;
        const result = await evaluate(policy, [service("services.0.tls.issuerCertAuthority.awsPcaAuthorityArn", acm)], REQUIRE);
        assertViolations(result, policy.name, "mandatory", [
            `serviceConnectConfiguration.services[0] ("http").tls.issuerCertAuthority.awsPcaAuthorityArn "${acm}" is not an AWS Private CA ARN (arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>); ${FIX}`,
        ]);
    });

    it("GIVEN requireTls false (the dev config) THEN an endpoint without tls is not reported", async () => {
        const result = await evaluate(policy, [service("services.0.tls", undefined)], { [policy.name]: { enforcementLevel: "advisory", requireTls: false } });
        assertViolations(result, policy.name, "advisory", []);
    });

    it("GIVEN no config THEN TLS is required by default (advisory)", async () => {
        const result = await evaluate(policy, [service("services.0.tls", undefined)]);
        assertViolations(result, policy.name, "advisory", [`serviceConnectConfiguration.services[0] ("http") has no tls, so traffic between services travels unencrypted; ${FIX}`]);
    });

    it("GIVEN a policy config with requireTls of the wrong type or an unknown key THEN the pack's config validation refuses it", () => {
        assert.throws(() => validatePolicyConfig(pack, { [policy.name]: { requireTls: "yes" } }), /requireTls/);
        assert.throws(() => validatePolicyConfig(pack, { [policy.name]: { requireTLS: true } }), /requireTLS/);
    });
});

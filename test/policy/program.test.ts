/**
 * The pack over real programs, through the offline harness: this project's stacks with their policy
 * configs pass with no mandatory violation, and a deliberately bad program gets each expected one.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { evaluatePack, EvaluationResult, mandatory } from "../../harness/policyEngine";
import { readStackConfig } from "../../harness/projectConfig";
import { runProgram } from "../../harness/runProgram";
import { pack } from "../../policy/pack";
import { PROJECT_DIR, runStack } from "../support/stacks";

const policyConfig = (stack: string) => JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", `${stack}.json`), "utf8"));
/** The README's "Advisories this project accepts" table: each policy named in a row to the stacks it is accepted for. */
function acceptedAdvisories(): Map<string, string[]> {
    const readme = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");
    const section = readme.split(/^### Advisories this project accepts$/m)[1]?.split(/^#{1,3} /m)[0] ?? "";
    const rows = section.split("\n").filter(line => line.startsWith("| `"));
    assert.ok(rows.length > 0, "README has no accepted-advisories table");
    const accepted = new Map<string, string[]>();
    for (const row of rows) {
        const [names, stacks] = row.split("|").slice(1, 3);
        for (const [, name] of names.matchAll(/`([a-z0-9-]+)`/g)) {
            accepted.set(name, stacks.split(",").map(s => s.trim()));
        }
    }
    return accepted;
}

const summary = (result: EvaluationResult) => result.diagnostics.map(d => `${d.enforcementLevel} ${d.policyName} ${d.urn?.split("::").pop()}`).sort();

describe("the pack over this project's stacks", () => {
    it("GIVEN dev with policy/config/dev.json THEN no mandatory violation, and only the accepted advisories", async () => {
        const result = await evaluatePack(pack, (await runStack("dev")).resources, policyConfig("dev"));
        assert.deepEqual(mandatory(result), []);
        assert.deepEqual(summary(result), [
            "advisory ecs-service-minimum-capacity web-service",
            "advisory ecs-service-minimum-capacity worker-service",
            "advisory ecs-service-no-public-ip web-service",
            "advisory ecs-service-no-public-ip worker-service",
            "advisory lb-listener-http-redirects-to-https web-http",
            "advisory lb-load-balancer-access-logs web-alb",
            "advisory lb-load-balancer-deletion-protection web-alb",
            "advisory lb-load-balancer-waf-attached web-alb",
            "advisory lb-target-group-encrypted-protocol web-tg",
            "advisory logs-log-group-kms-encryption web-flow-logs",
            "advisory logs-log-group-kms-encryption web-logs",
            "advisory logs-log-group-kms-encryption worker-logs",
        ]);
    });

    for (const stack of ["dev", "prod"]) {
        it(`GIVEN ${stack} THEN every advisory it gets is one the README's "Advisories this project accepts" table lists for ${stack}`, async () => {
            const accepted = acceptedAdvisories();
            const result = await evaluatePack(pack, (await runStack(stack)).resources, policyConfig(stack));
            const advisories = [...new Set(result.diagnostics.filter(d => d.enforcementLevel === "advisory").map(d => d.policyName))];
            assert.ok(advisories.length > 0, `${stack} has no advisory to judge`);
            const unlisted = advisories.filter(name => !(accepted.get(name) ?? []).includes(stack));
            assert.deepEqual(unlisted, [], `advisories of ${stack} the README does not accept for it: ${unlisted.join(", ")}`);
        });
    }

    it("GIVEN prod with policy/config/prod.json THEN no mandatory violation, and only the accepted advisories", async () => {
        const result = await evaluatePack(pack, (await runStack("prod")).resources, policyConfig("prod"));
        assert.deepEqual(mandatory(result), []);
        assert.deepEqual(summary(result), [
            "advisory lb-load-balancer-waf-attached web-alb",
            // Blue/green's alternate target group, like the primary, speaks HTTP inside the VPC.
            "advisory lb-target-group-encrypted-protocol web-alt",
            "advisory lb-target-group-encrypted-protocol web-tg",
            "advisory logs-log-group-kms-encryption web-flow-logs",
            "advisory logs-log-group-kms-encryption web-logs",
        ]);
    });

    it("GIVEN the dev stack judged by the prod config THEN the production rules fail it", async () => {
        const result = await evaluatePack(pack, (await runStack("dev")).resources, policyConfig("prod"));
        const failed = new Set(mandatory(result).map(d => d.policyName));
        for (const name of ["ecs-service-no-public-ip", "ecs-service-minimum-capacity", "lb-load-balancer-deletion-protection", "lb-load-balancer-access-logs", "lb-listener-http-redirects-to-https", "logs-log-group-retention", "scaling-target-capacity-bounds"]) {
            assert.ok(failed.has(name), `${name} did not fail dev under the prod config`);
        }
    });
});

describe("the pack over a deliberately bad program", () => {
    let result: EvaluationResult;
    before(async () => {
        const dir = path.join(PROJECT_DIR, "test", "fixtures", "programs", "bad");
        const config = readStackConfig(dir, "test");
        const run = await runProgram({ program: path.join(dir, "index.ts"), ...config });
        result = await evaluatePack(pack, run.resources);
    });

    const expectations: Array<[string, string, RegExp]> = [
        ["plaintext DATABASE_URL", "ecs-task-definition-no-plaintext-secrets", /DATABASE_URL/],
        ["a target group without health check", "lb-target-group-health-check", /bad-tg/],
        ["a security group open to the world on the container port", "ec2-security-group-world-ingress-authorized-ports", /8080/],
        ["a MUTABLE repository", "ecr-repository-immutable-tags", /MUTABLE|IMMUTABLE/],
        ["a service without circuit breaker", "ecs-service-deployment-circuit-breaker", /deploymentCircuitBreaker/],
    ];
    for (const [what, policy, detail] of expectations) {
        it(`GIVEN ${what} THEN ${policy} reports it as mandatory`, () => {
            const found = result.diagnostics.filter(d => d.policyName === policy);
            assert.equal(found.length, 1, `${policy}: ${JSON.stringify(found.map(d => d.detail))}`);
            assert.equal(found[0].enforcementLevel, "mandatory");
            assert.match(found[0].detail, detail);
        });
    }

    it("THEN the secret value is never echoed", () => {
        assert.ok(result.diagnostics.every(d => !d.message.includes("hunter2")));
    });
});

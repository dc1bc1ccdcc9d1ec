/**
 * The platform version as the loader, the program, the pack and the cost model see it together.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { FARGATE_PLATFORM_VERSIONS } from "../../components/platformVersion";
import { estimateMonthlyCost } from "../../estimates";
import { evaluatePack, mandatory } from "../../harness/policyEngine";
import { pack } from "../../policy/pack";
import { inputs, named, ofType, PROJECT_DIR, runStack } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const P = "fargate-web";
const policyConfig = (stack: string) => JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", `${stack}.json`), "utf8"));
const LATEST_POLICY = "ecs-service-fargate-latest-platform";

describe("platform version: loader, program, pack and cost model agree", () => {
    it("GIVEN dev pinned to 1.4.0 THEN every service runs it and the pack only advises LATEST, for each", async () => {
        const run = await runStack("dev", { values: { [`${P}:platformVersion`]: "1.4.0" } });
        // The stack-wide key reaches both of dev's services.
        assert.deepEqual(ofType(run, AWS_TYPES.ecsService).map(s => `${s.name} ${inputs(s).platformVersion}`).sort(), ["web-service 1.4.0", "worker-service 1.4.0"]);
        const result = await evaluatePack(pack, run.resources, policyConfig("dev"));
        assert.deepEqual(mandatory(result), []);
        assert.deepEqual(
            result.diagnostics
                .filter(d => d.policyName === LATEST_POLICY)
                .map(d => `${d.urn?.split("::").at(-1)} ${d.enforcementLevel}`)
                .sort(),
            ["web-service advisory", "worker-service advisory"],
        );
    });

    it("GIVEN prod THEN the pack makes LATEST mandatory, and the loader accepts no other version there", async () => {
        const level = policyConfig("prod")[LATEST_POLICY];
        assert.equal(typeof level === "string" ? level : level.enforcementLevel, "mandatory");
        for (const version of FARGATE_PLATFORM_VERSIONS.filter(v => v !== "LATEST")) {
            await assert.rejects(runStack("prod", { values: { [`${P}:platformVersion`]: version } }), (e: Error) => {
                assert.ok(
                    e.message.includes(`(1 problem):\n  - ${P}:environment is prod but ${P}:platformVersion is "${version}"; prod runs on "LATEST" (the platform with current patches); pin a version in dev only`),
                    e.message,
                );
                return true;
            });
        }
    });

    it("GIVEN dev on ARM64 Spot (LATEST) THEN it is accepted and the cost model prices ARM64 Spot", async () => {
        const run = await runStack("dev", { values: { [`${P}:cpuArchitecture`]: "ARM64" } });
        for (const service of ["web", "worker"]) {
            assert.deepEqual(inputs(named(run, AWS_TYPES.ecsTaskDefinition, `${service}-task`)).runtimePlatform.cpuArchitecture, "ARM64");
            assert.deepEqual(inputs(named(run, AWS_TYPES.ecsService, `${service}-service`)).capacityProviderStrategies.map((s: any) => s.capacityProvider), ["FARGATE_SPOT"]);
        }
        const items = estimateMonthlyCost(run.resources).items.map(i => i.item);
        assert.ok(items.some(i => /Spot/i.test(i) && /ARM|Graviton/i.test(i)), items.join("; "));
    });

    it("GIVEN dev on ARM64 pinned to 1.3.0 THEN the loader refuses it before any resource, naming all three keys", async () => {
        await assert.rejects(runStack("dev", { values: { [`${P}:cpuArchitecture`]: "ARM64", [`${P}:platformVersion`]: "1.3.0" } }), (e: Error) => {
            assert.ok(
                e.message.includes(
                    `(1 problem):\n  - ${P}:platformVersion is "1.3.0", but ${P}:cpuArchitecture ARM64 on ${P}:capacityProvider FARGATE_SPOT needs platform version 1.4.0 or later; set ${P}:platformVersion to "LATEST" or "1.4.0"`,
                ),
                e.message,
            );
            return true;
        });
    });
});

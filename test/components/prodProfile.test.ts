/**
 * The loader's prod bounds follow `policy/config/prod.json`: the loader is loaded afresh over a changed
 * copy of the file, and each changed number or level moves the rule it owns, with no other file touched.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import Module from "node:module";
import * as path from "node:path";
import { readStackConfig } from "../../harness/projectConfig";
import { largestMinimum, mandatoryInProd, PROD_MANDATES, PROD_PROFILE } from "../../components/prodProfile";
import { pack } from "../../policy/pack";
import { PROJECT_DIR } from "../support/stacks";

const P = "fargate-web";
const PROD_JSON = path.join(PROJECT_DIR, "policy", "config", "prod.json");
const COMPONENTS = path.join(PROJECT_DIR, "components") + path.sep;
type Loader = typeof import("../../components/stackConfig");

/** The config loader as it loads when prod.json holds `prodJson`; the module cache is restored after. */
function loaderOver(prodJson: Record<string, unknown>): Loader {
    const saved = { ...require.cache };
    const fake = new Module(PROD_JSON);
    fake.filename = PROD_JSON;
    fake.loaded = true;
    fake.exports = prodJson;
    for (const id of Object.keys(require.cache)) if (id.startsWith(COMPONENTS)) delete require.cache[id];
    require.cache[PROD_JSON] = fake;
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the loader, over the changed prod.json
        return require("../../components/stackConfig") as Loader;
    } finally {
        for (const id of Object.keys(require.cache)) if (!(id in saved)) delete require.cache[id];
        Object.assign(require.cache, saved);
    }
}

/** The problems the loader finds in the prod stack's config with `values` changed. */
function prodProblems(loader: Loader, values: Record<string, string | undefined>): readonly string[] {
    const base = readStackConfig(PROJECT_DIR, "prod");
    const merged: Record<string, string> = { ...base.config };
    for (const [key, value] of Object.entries(values)) {
        if (value === undefined) delete merged[key];
        else merged[key] = value;
    }
    try {
        loader.parseStackConfig({ project: base.project, stack: "prod", values: merged, secretKeys: base.secretKeys });
    } catch (e) {
        return (e as { problems: readonly string[] }).problems;
    }
    return [];
}

const prodJson = (): Record<string, any> => JSON.parse(fs.readFileSync(PROD_JSON, "utf8"));

describe("prod profile: the loader's prod bounds derive from policy/config/prod.json", () => {
    it("GIVEN prod.json as it is THEN a fresh loader agrees with the loaded one (the harness swaps nothing else)", () => {
        const loader = loaderOver(prodJson());
        assert.deepEqual(prodProblems(loader, {}), []);
        assert.deepEqual(prodProblems(loader, { [`${P}:minCapacity`]: "1", [`${P}:desiredCount`]: "1" }), [
            `${P}:environment is prod but ${P}:minCapacity is 1; prod runs at least 2 tasks (scaling-target-capacity-bounds)`,
        ]);
    });

    it("WHEN a copy of prod.json raises or lowers a number THEN the loader's bound moves with it", () => {
        const changed = prodJson();
        changed["scaling-target-capacity-bounds"] = { ...changed["scaling-target-capacity-bounds"], minimumCapacity: 3, maximumCapacity: 4 };
        changed["logs-log-group-retention"] = { ...changed["logs-log-group-retention"], minimumRetentionDays: 731 };
        changed["lb-target-group-deregistration-delay"] = { ...changed["lb-target-group-deregistration-delay"], maximumDeregistrationDelaySeconds: 10 };
        changed["lb-target-group-health-check-timings"] = { ...changed["lb-target-group-health-check-timings"], maximumTimeToHealthySeconds: 300 };
        const loader = loaderOver(changed);
        const found = prodProblems(loader, {
            [`${P}:minCapacity`]: "2",
            [`${P}:desiredCount`]: "2",
            [`${P}:maxCapacity`]: "5",
            [`${P}:logRetentionDays`]: "365",
            [`${P}:deregistrationDelaySeconds`]: "30",
            [`${P}:healthCheckIntervalSeconds`]: "30",
            [`${P}:healthyThreshold`]: "10",
        });
        assert.deepEqual(found, [
            `${P}:environment is prod but ${P}:minCapacity is 2; prod runs at least 3 tasks (scaling-target-capacity-bounds)`,
            `${P}:environment is prod but ${P}:maxCapacity is 5; prod scales to at most 4 tasks (scaling-target-capacity-bounds)`,
            `${P}:environment is prod but ${P}:logRetentionDays is 365; prod keeps logs at least 731 days (logs-log-group-retention)`,
            `${P}:environment is prod but ${P}:deregistrationDelaySeconds is 30; prod rollouts drain in at most 10 s (lb-target-group-deregistration-delay)`,
        ]);
        // 30 s × 10 = 300 s was over the file's 90 s; the copy allows 300.
        assert.deepEqual(prodProblems(loaderOver(prodJson()), { [`${P}:healthCheckIntervalSeconds`]: "30", [`${P}:healthyThreshold`]: "10" }).length, 1);
    });

    it("WHEN the service's own minimum is the stricter THEN minCapacity keeps it, named by that policy", () => {
        const changed = prodJson();
        changed["ecs-service-minimum-capacity"] = { ...changed["ecs-service-minimum-capacity"], minimumCapacity: 3 };
        assert.deepEqual(prodProblems(loaderOver(changed), { [`${P}:minCapacity`]: "2", [`${P}:desiredCount`]: "2" }), [
            `${P}:environment is prod but ${P}:minCapacity is 2; prod runs at least 3 tasks (ecs-service-minimum-capacity)`,
        ]);
        assert.deepEqual(largestMinimum({ value: 2, policy: "a" }, { value: 2, policy: "b" }), { value: 2, policy: "a" });
    });

    it("WHEN a copy of prod.json makes a policy advisory THEN the loader stops enforcing the key it owns", () => {
        const offending = {
            [`${P}:platformVersion`]: "1.4.0",
            [`${P}:accessLogs`]: "false",
            [`${P}:deletionProtection`]: "false",
            [`${P}:certificateArn`]: undefined,
            [`${P}:domainName`]: undefined,
            [`${P}:hostedZoneId`]: undefined,
        };
        const keys = (found: readonly string[]) => found.map(p => /but (\S+) is/.exec(p)?.[1]);
        assert.deepEqual(keys(prodProblems(loaderOver(prodJson()), offending)), [
            `${P}:platformVersion`,
            `${P}:accessLogs`,
            `${P}:certificateArn`,
            `${P}:deletionProtection`,
        ]);
        const relaxed = prodJson();
        for (const policy of ["ecs-service-fargate-latest-platform", "lb-load-balancer-access-logs", "lb-load-balancer-deletion-protection", "lb-listener-http-redirects-to-https", "lb-listener-encrypted-protocol"]) {
            relaxed[policy] = "advisory";
        }
        assert.deepEqual(prodProblems(loaderOver(relaxed), offending), []);
    });

    it("WHEN a copy of prod.json makes Service Connect TLS advisory THEN services may join Service Connect without a Private CA", () => {
        const services = { [`${P}:services`]: JSON.stringify({ web: { kind: "web", serviceConnect: true } }) };
        assert.deepEqual(prodProblems(loaderOver(prodJson()), services), [
            `${P}:environment is prod but ${P}:serviceConnectCertificateAuthorityArn is ""; prod encrypts traffic between services (ecs-service-connect-tls), and web joins Service Connect; set it to your Private CA's ARN`,
        ]);
        const relaxed = prodJson();
        relaxed["ecs-service-connect-tls"] = "advisory";
        assert.deepEqual(prodProblems(loaderOver(relaxed), services), []);
    });

    it("GIVEN the rules the loader takes from prod.json THEN each names a mandatory policy of the pack", () => {
        const names = new Set(pack.policies.map(p => p.name));
        for (const bound of Object.values(PROD_PROFILE)) assert.ok(names.has(bound.policy) && mandatoryInProd(bound.policy), bound.policy);
        assert.deepEqual(Object.values(PROD_MANDATES), [true, true, true, true, true]);
    });
});

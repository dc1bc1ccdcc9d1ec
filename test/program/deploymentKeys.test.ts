/**
 * The deployment keys end to end: config as the CLI hands it to `index.ts`, through the loader, to the
 * ECS service, listener rules and roles the components create, judged by the environment's pack.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { evaluatePack, mandatory } from "../../harness/policyEngine";
import { ProgramRun } from "../../harness/runProgram";
import { AWS_TYPES } from "../../policy/facts/typeTokens";
import { pack } from "../../policy/pack";
import { inputs, named, PROJECT_DIR, runStack } from "../support/stacks";

const P = "fargate-web";
const LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:smoke-test:live";
const SERVICES = {
    web: { kind: "web", deploymentStrategy: "blueGreen", bakeTimeMinutes: 15 },
    api: {
        kind: "web",
        paths: ["/api/*"],
        deploymentStrategy: "canary",
        canaryPercent: 20,
        testTrafficCidrs: ["203.0.113.0/24", "10.0.0.0/8"],
        lifecycleHooks: [
            { stages: ["TEST_TRAFFIC_SHIFT"], lambdaArn: LAMBDA },
            { stages: ["POST_TEST_TRAFFIC_SHIFT"], pauseMinutes: "30", onTimeout: "CONTINUE" },
        ],
    },
    worker: { kind: "worker", appPath: "./worker" },
};
const policyConfig = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", "dev.json"), "utf8"));

describe("the deployment keys through index.ts (dev under mocks)", () => {
    let run: ProgramRun;
    before(async () => {
        run = await runStack("dev", { values: { [`${P}:services`]: JSON.stringify(SERVICES) } });
    });

    it("THEN each web service's ECS deploymentConfiguration carries its keys, and the worker stays rolling", () => {
        const web = inputs(named(run, AWS_TYPES.ecsService, "web-service")).deploymentConfiguration;
        assert.equal(web.strategy, "BLUE_GREEN");
        assert.equal(String(web.bakeTimeInMinutes), "15");
        const api = inputs(named(run, AWS_TYPES.ecsService, "api-service")).deploymentConfiguration;
        assert.equal(api.strategy, "CANARY");
        assert.equal(api.canaryConfiguration.canaryPercent, 20);
        assert.deepEqual(
            api.lifecycleHooks.map((h: Record<string, any>) => [h.targetType, h.lifecycleStages, h.hookTargetArn ?? h.timeoutConfiguration?.action]),
            [
                ["AWS_LAMBDA", ["TEST_TRAFFIC_SHIFT"], LAMBDA],
                ["PAUSE", ["POST_TEST_TRAFFIC_SHIFT"], "CONTINUE"],
            ],
        );
        assert.equal(inputs(named(run, AWS_TYPES.ecsService, "worker-service")).deploymentConfiguration?.strategy ?? "ROLLING", "ROLLING");
    });

    it("THEN the api's test rule admits the header from exactly its CIDRs", () => {
        const conditions: Record<string, any>[] = inputs(named(run, AWS_TYPES.lbListenerRule, "api-test-rule")).conditions;
        assert.deepEqual(conditions.find(c => c.sourceIp)?.sourceIp.values, ["203.0.113.0/24", "10.0.0.0/8"]);
        assert.deepEqual(conditions.find(c => c.httpHeader)?.httpHeader, { httpHeaderName: "X-Deployment-Test", values: ["api"] });
    });

    it("THEN the dev pack finds no mandatory violation", async () => {
        assert.deepEqual(mandatory(await evaluatePack(pack, run.resources, policyConfig)), []);
    });
});

/**
 * The program (index.ts) under mocks with the `services` key as the CLI hands it over, read from the fixture
 * stack files: the loader's settings drive the stack's composition end to end.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { readStackConfig } from "../../harness/projectConfig";
import { evaluatePack, mandatory } from "../../harness/policyEngine";
import { ProgramRun } from "../../harness/runProgram";
import { pack } from "../../policy/pack";
import { inputs, ofType, one, PROJECT_DIR, runStack } from "../support/stacks";

const P = "fargate-web";
const FIXTURES = path.join(PROJECT_DIR, "test", "fixtures", "stacks");

/** Runs the dev stack with the `services` value of a fixture stack file, marked secret as the engine marks it. */
function runWithFixture(name: string): Promise<ProgramRun> {
    const fixture = readStackConfig(PROJECT_DIR, "dev", path.join(FIXTURES, `Pulumi.${name}.yaml`));
    const key = `${P}:services`;
    const value = fixture.config[key];
    return fixture.secretKeys.includes(key) ? runStack("dev", { secrets: { [key]: value } }) : runStack("dev", { values: { [key]: value } });
}

describe("the program with the services key (fixture stack files)", () => {
    describe("GIVEN web on the default action and a worker", () => {
        let stack: ProgramRun;
        before(async () => {
            stack = await runWithFixture("twoServices");
        });

        it("THEN one load balancer and one cluster serve both, and only the web service has a target group", () => {
            assert.equal(ofType(stack, "aws:lb/loadBalancer:LoadBalancer").length, 1);
            assert.equal(ofType(stack, "aws:ecs/cluster:Cluster").length, 1);
            assert.deepEqual(ofType(stack, "fargate-web:ecs:FargateService").map(r => r.name), ["web", "worker"]);
            assert.deepEqual(ofType(stack, "aws:lb/targetGroup:TargetGroup").map(r => r.name), ["web-tg"]);
            assert.equal(ofType(stack, "aws:lb/listenerRule:ListenerRule").length, 0);
        });

        it("THEN the worker scales on its queue metric and not on requests", () => {
            const policies = ofType(stack, "aws:appautoscaling/policy:Policy").map(p => p.name).sort();
            assert.ok(policies.includes("worker-metric") && !policies.includes("worker-requests"), policies.join(", "));
        });

        it("THEN the dev policy pack finds no mandatory violation", async () => {
            const policyConfig = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", "dev.json"), "utf8"));
            assert.deepEqual(mandatory(await evaluatePack(pack, stack.resources, policyConfig)), []);
        });
    });

    describe("GIVEN web, an api on /api/* and a worker it calls, with a secret value under the api", () => {
        let stack: ProgramRun;
        before(async () => {
            stack = await runWithFixture("pathSplit");
        });

        it("THEN the api gets a listener rule on /api/* with the derived priority, and its own size", () => {
            const rule = inputs(one(stack, "aws:lb/listenerRule:ListenerRule"));
            assert.deepEqual([rule.priority, rule.conditions], [10, [{ pathPattern: { values: ["/api/*"] } }]]);
            const families = Object.fromEntries(ofType(stack, "aws:ecs/taskDefinition:TaskDefinition").map(r => [inputs(r).family, [inputs(r).cpu, inputs(r).memory]]));
            assert.deepEqual(families, { "dev-api": ["512", "1024"], "dev-web": ["256", "512"], "dev-worker": ["256", "512"] });
        });

        it("THEN the api's secret value becomes a secret of the api only", () => {
            const secrets = ofType(stack, "aws:secretsmanager/secret:Secret").map(r => r.name);
            assert.equal(secrets.length, 1, secrets.join(", "));
            assert.match(secrets[0], /^api-/);
        });
    });
});

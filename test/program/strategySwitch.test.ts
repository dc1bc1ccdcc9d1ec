/**
 * Switching a deployed service's strategy is an update of a running stack: the dev stack with a routed
 * service `api` (`/api/*`) run as rolling, then blue/green or canary, then rolling again, each update
 * judged as the engine would apply it (`test/support/stackUpdate.ts`: `ignoreChanges` reset from the old
 * inputs, new rules created before old ones are deleted). The mocks alone never diff two runs.
 */
import { strict as assert } from "node:assert";
import { FORWARD_TARGET_GROUPS_PATH } from "../../components/deploymentRules";
import { readStackConfig } from "../../harness/projectConfig";
import { ProgramRun } from "../../harness/runProgram";
import { AWS_TYPES } from "../../policy/facts/typeTokens";
import { applyIgnoreChanges, droppedPaths, parsePropertyPath } from "../support/ignoreChanges";
import { updateProblems } from "../support/stackUpdate";
import { inputs, one, PROJECT_DIR, runStack, state } from "../support/stacks";

const SERVICES = "fargate-web:services";
const TEST_CIDRS = ["203.0.113.0/24"];

/** The dev stack with `api` (`/api/*`, priority 10 derived) deploying with `deployment` keys. */
const devWithApi = (deployment: Record<string, unknown>): Promise<ProgramRun> => {
    const services = JSON.parse(readStackConfig(PROJECT_DIR, "dev").config[SERVICES]);
    return runStack("dev", { values: { [SERVICES]: JSON.stringify({ ...services, api: { kind: "web", paths: ["/api/*"], ...deployment } }) } });
};

const rule = (run: ProgramRun, name: string) => one(run, AWS_TYPES.lbListenerRule, name);
const has = (run: ProgramRun, name: string) => run.resources.some(r => r.type === AWS_TYPES.lbListenerRule && r.name === name);

describe("ignoreChanges as the engine applies it on update (test/support/ignoreChanges.ts)", () => {
    const rolling = { actions: [{ type: "forward", targetGroupArn: "blue" }] };
    const weighted = { actions: [{ type: "forward", forward: { targetGroups: [{ arn: "blue", weight: 100 }, { arn: "green", weight: 0 }] } }] };

    it("GIVEN a path the old inputs hold THEN the new inputs take the old value", () => {
        const moved = { actions: [{ type: "forward", forward: { targetGroups: [{ arn: "blue", weight: 0 }, { arn: "green", weight: 100 }] } }] };
        assert.deepEqual(applyIgnoreChanges(moved, weighted, [FORWARD_TARGET_GROUPS_PATH]), { inputs: moved, pathErrors: [] });
    });

    it("GIVEN a path the old inputs lack THEN it is deleted from the new ones: a rolling rule turned weighted loses its target groups", () => {
        const sent = applyIgnoreChanges(rolling, weighted, [FORWARD_TARGET_GROUPS_PATH]);
        assert.deepEqual(sent, { inputs: { actions: [{ type: "forward", forward: {} }] }, pathErrors: [] });
        assert.deepEqual(droppedPaths(weighted, sent.inputs), ["actions[0].forward.targetGroups"]);
    });

    it("GIVEN a key old holds and new lacks on the way, or an index only one array has THEN the engine refuses the path", () => {
        assert.deepEqual(applyIgnoreChanges({ a: { b: 1 } }, { c: 1 }, ["a.b"]).pathErrors, ["a.b"]);
        assert.deepEqual(applyIgnoreChanges({ a: [1] }, { a: [1, 2] }, ["a[1]"]).pathErrors, ["a[1]"]);
        assert.deepEqual(applyIgnoreChanges({}, { c: 1 }, ["a.b"]), { inputs: { c: 1 }, pathErrors: [] });
    });

    it("GIVEN wildcards and quoted keys THEN every element is reset and the path parses as Pulumi spells it", () => {
        assert.deepEqual(parsePropertyPath('tags["a.b"].items[*].name'), ["tags", "a.b", "items", "*", "name"]);
        assert.deepEqual(applyIgnoreChanges({ xs: [{ n: 1 }, { n: 2 }] }, { xs: [{ n: 3 }, { n: 4 }] }, ["xs[*].n"]).inputs, { xs: [{ n: 1 }, { n: 2 }] });
        assert.deepEqual(applyIgnoreChanges({ m: { a: 1 } }, { m: { a: 2, b: 3 } }, ["m.*"]).inputs, { m: { a: 1 } });
    });
});

describe("a routed service switching strategy on the dev stack (index.ts under mocks)", () => {
    let rolling: ProgramRun;
    let blueGreen: ProgramRun;
    let canary: ProgramRun;
    before(async () => {
        rolling = await devWithApi({});
        blueGreen = await devWithApi({ deploymentStrategy: "blueGreen", testTrafficCidrs: TEST_CIDRS });
        canary = await devWithApi({ deploymentStrategy: "canary" });
    });

    it("GIVEN rolling THEN api's rule is the plain forward at its route's priority, ignoring nothing, as before any strategy existed", () => {
        const r = rule(rolling, "api-rule");
        assert.equal(r.parent, one(rolling, "fargate-web:lb:ServiceRoute", "api").urn);
        assert.ok(r.urn.endsWith("$aws:lb/listenerRule:ListenerRule::api-rule"), r.urn);
        assert.deepEqual(
            { ...inputs(r), listenerArn: undefined, tags: undefined },
            {
                listenerArn: undefined,
                tags: undefined,
                priority: 10,
                actions: [{ type: "forward", targetGroupArn: state(one(rolling, AWS_TYPES.lbTargetGroup, "api-tg")).arn }],
                conditions: [{ pathPattern: { values: ["/api/*"] } }],
            },
        );
        assert.deepEqual(r.opts.ignoreChanges, []);
        assert.equal(has(rolling, "api-prod-rule"), false);
    });

    for (const [strategy, shifted] of [["blueGreen", () => blueGreen], ["canary", () => canary]] as const) {
        it(`GIVEN rolling WHEN api switches to ${strategy} THEN the update sends every input the program sets, and no new rule takes a priority an old one holds`, () => {
            assert.deepEqual(updateProblems(rolling, shifted()), []);
        });

        it(`GIVEN ${strategy} WHEN api switches back to rolling THEN likewise, and api-rule comes back at its route's priority`, () => {
            assert.deepEqual(updateProblems(shifted(), rolling), []);
            assert.equal(has(shifted(), "api-rule"), false);
            assert.equal(inputs(rule(rolling, "api-rule")).priority, 10);
        });

        it(`GIVEN ${strategy} THEN api's production rule is a new one on the route's conditions, winning over the route's priority, and ECS shifts through it`, () => {
            const prod = rule(shifted(), "api-prod-rule");
            const own = inputs(rule(rolling, "api-rule"));
            assert.equal(prod.parent, one(shifted(), "fargate-web:lb:ServiceRoute", "api").urn);
            assert.deepEqual(inputs(prod).conditions, own.conditions);
            assert.equal(inputs(prod).listenerArn, own.listenerArn);
            assert.equal(inputs(prod).priority, 9);
            assert.deepEqual(prod.opts.ignoreChanges, [FORWARD_TARGET_GROUPS_PATH]);
            const lb = inputs(one(shifted(), AWS_TYPES.ecsService, "api-service")).loadBalancers[0];
            assert.equal(lb.advancedConfiguration.productionListenerRule, state(prod).arn);
            assert.ok(one(shifted(), AWS_TYPES.ecsService, "api-service").dependencies.includes(prod.urn));
        });
    }

    it("GIVEN blueGreen with test traffic THEN the test rule wins over the production rule, and web, still rolling, gets no catch-all", () => {
        assert.equal(inputs(rule(blueGreen, "api-test-rule")).priority, 8);
        assert.equal(inputs(one(blueGreen, AWS_TYPES.ecsService, "api-service")).loadBalancers[0].advancedConfiguration.testListenerRule, state(rule(blueGreen, "api-test-rule")).arn);
        assert.equal(has(canary, "api-test-rule"), false);
        assert.equal(has(blueGreen, "web-prod-rule"), false);
    });

    it("GIVEN a production rule at its route's own priority THEN the update is refused: api-rule still holds it when the new rule is created", () => {
        const clash: ProgramRun = {
            ...blueGreen,
            resources: blueGreen.resources.map(r => (r.name === "api-prod-rule" ? { ...r, inputs: { ...r.inputs, priority: 10 } } : r)),
        };
        assert.deepEqual(updateProblems(rolling, clash), ["api-prod-rule: created at priority 10, which api-rule still holds"]);
    });

    it("GIVEN blueGreen WHEN it switches to canary THEN the update keeps the rules and sends every input", () => {
        assert.deepEqual(updateProblems(blueGreen, canary), []);
        assert.equal(rule(blueGreen, "api-prod-rule").urn, rule(canary, "api-prod-rule").urn);
    });

    it("GIVEN prod as committed (its one service, the listener's default, blue/green) and as rolling THEN switching either way sends every input too", async () => {
        const prod = await runStack("prod");
        const prodRolling = await runStack("prod", { values: { "fargate-web:deploymentStrategy": undefined, "fargate-web:testTrafficCidrs": undefined } });
        assert.deepEqual([has(prod, "web-prod-rule"), has(prodRolling, "web-prod-rule")], [true, false]);
        assert.deepEqual(updateProblems(prodRolling, prod), []);
        assert.deepEqual(updateProblems(prod, prodRolling), []);
    });
});

import * as assert from "node:assert/strict";
import { fixture } from "../../../harness/fixtures";
import { UNKNOWN } from "../../../harness/serialisation";
import { RecordedResource } from "../../../harness/types";
import { ecsServiceTrafficRulesIgnoreChanges as policy } from "../../../policy/ecs/ecs-service-traffic-rules-ignore-changes";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";
import { pathCovers, pathSegments } from "../../../policy/lib/ignoreChanges";
import { ACCOUNT, REGION, TARGET_GROUP_ARN, assertViolations, evaluate, resourceOf, SERVICE } from "../baselines/ecs";

const NAME = "ecs-service-traffic-rules-ignore-changes";
const ELB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}`;
const ALTERNATE = `${ELB}:targetgroup/web-alt/fedcba9876543210`;
const LISTENER_ARN = `${ELB}:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2`;
const PRODUCTION_RULE = `${ELB}:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/1a2b3c4d5e6f7081`;
const TEST_RULE = `${ELB}:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9f8e7d6c5b4a3921`;

const weighted = [{ type: "forward", forward: { targetGroups: [{ arn: TARGET_GROUP_ARN, weight: 100 }, { arn: ALTERNATE, weight: 0 }] } }];
const rule = (name: string, arn: string, ignoreChanges: string[], actions: unknown[] = weighted, type: string = AWS_TYPES.lbListenerRule) =>
    fixture(type, name, { listenerArn: LISTENER_ARN, priority: name === "web-test" ? 1 : 2, conditions: [{ pathPattern: { values: ["/*"] } }], actions }, { state: { arn }, opts: { ignoreChanges } });
const service = (strategy: string | null = "BLUE_GREEN", advanced: Record<string, unknown> = {}, extra: Partial<RecordedResource> = {}) => ({
    ...resourceOf(SERVICE, "web", {
        deploymentConfiguration: strategy === null ? undefined : { strategy },
        loadBalancers: [
            {
                targetGroupArn: TARGET_GROUP_ARN,
                containerName: "web",
                containerPort: 8080,
                advancedConfiguration: { alternateTargetGroupArn: ALTERNATE, productionListenerRule: PRODUCTION_RULE, testListenerRule: TEST_RULE, roleArn: `arn:aws:iam::${ACCOUNT}:role/infra`, ...advanced },
            },
        ],
    }),
    ...extra,
});
const missing = (kind: string, name: string, field: string, ignored: string, path: string) =>
    `${kind} "${name}" is where service "web" shifts traffic (${field}), but its ignoreChanges (${ignored}) does not cover ${path}: ECS rewrites it during every deployment, ` +
    `and the next pulumi up would write the program's value back and send traffic to the old revision's target group; add "${path}" to the resource's ignoreChanges.`;
const PROD_FIELD = "loadBalancers[0].advancedConfiguration.productionListenerRule";
const TEST_FIELD = "loadBalancers[0].advancedConfiguration.testListenerRule";

describe(NAME, () => {
    it("GIVEN the production and test rules ignoring their forward's target groups (or a wider path, or every weight) THEN no violation", async () => {
        for (const ignored of [["actions[0].forward"], ["actions[0].forward.targetGroups"], ["actions"], ["actions[*].forward"], ["actions[0].forward.targetGroups[*].weight"], ['["actions"][0]["forward"]'], ["*"]]) {
            const result = await evaluate(policy, [rule("web-production", PRODUCTION_RULE, ignored), rule("web-test", TEST_RULE, ignored, weighted, AWS_TYPES.albListenerRule), service()]);
            assertViolations(result, NAME, "mandatory", []);
        }
        const perWeight = ["actions[0].forward.targetGroups[0].weight", "actions[0].forward.targetGroups[1].weight"];
        assertViolations(await evaluate(policy, [rule("web-production", PRODUCTION_RULE, perWeight), rule("web-test", TEST_RULE, perWeight), service()]), NAME, "mandatory", []);
    });

    it("GIVEN rules without ignoreChanges THEN each is reported, on the rule", async () => {
        const prod = rule("web-production", PRODUCTION_RULE, []);
        const result = await evaluate(policy, [prod, rule("web-test", TEST_RULE, []), service()]);
        assertViolations(result, NAME, "mandatory", [
            missing("Listener rule", "web-production", PROD_FIELD, "none", "actions[0].forward.targetGroups"),
            missing("Listener rule", "web-test", TEST_FIELD, "none", "actions[0].forward.targetGroups"),
        ]);
        assert.equal(result.diagnostics[0].urn, prod.urn);
    });

    it("GIVEN ignoreChanges that miss the rewritten field (another property, one weight of two, the wrong action, a sibling) THEN reported", async () => {
        for (const ignored of [["tags"], ["actions[0].forward.targetGroups[0].weight"], ["actions[1]"], ["actions[0].forward.stickiness"], ["conditions"], ["action"]]) {
            const result = await evaluate(policy, [rule("web-production", PRODUCTION_RULE, ignored), rule("web-test", TEST_RULE, ["actions"]), service()]);
            assertViolations(result, NAME, "mandatory", [missing("Listener rule", "web-production", PROD_FIELD, ignored.map(p => JSON.stringify(p)).join(", "), "actions[0].forward.targetGroups")]);
        }
    });

    it("GIVEN a plain targetGroupArn forward THEN only ignoring the whole action covers it (ECS turns it into a weighted forward)", async () => {
        const plain = [{ type: "forward", targetGroupArn: TARGET_GROUP_ARN }];
        assertViolations(await evaluate(policy, [rule("web-production", PRODUCTION_RULE, ["actions[0]"], plain), service("CANARY", { testListenerRule: undefined })]), NAME, "mandatory", []);
        assertViolations(await evaluate(policy, [rule("web-production", PRODUCTION_RULE, ["actions[0].targetGroupArn"], plain), service("CANARY", { testListenerRule: undefined })]), NAME, "mandatory", [
            missing("Listener rule", "web-production", PROD_FIELD, '"actions[0].targetGroupArn"', "actions[0]"),
        ]);
    });

    it("GIVEN a rolling service, a strategy ECS refuses, or rules outside the stack THEN nothing to check", async () => {
        for (const strategy of ["ROLLING", null, "blue_green"]) {
            assertViolations(await evaluate(policy, [rule("web-production", PRODUCTION_RULE, []), service(strategy)]), NAME, "mandatory", []);
        }
        assertViolations(await evaluate(policy, [service("LINEAR")]), NAME, "mandatory", []);
    });

    it("GIVEN an NLB's production listener THEN its defaultActions are judged", async () => {
        const listener = fixture(AWS_TYPES.lbListener, "tcp", { port: 443, protocol: "TLS", defaultActions: weighted }, { state: { arn: LISTENER_ARN } });
        assertViolations(await evaluate(policy, [listener, service("BLUE_GREEN", { productionListenerRule: LISTENER_ARN, testListenerRule: undefined })]), NAME, "mandatory", [
            missing("Listener", "tcp", PROD_FIELD, "none", "defaultActions[0].forward.targetGroups"),
        ]);
    });

    it("GIVEN rule ARNs not known yet THEN every rule the service's load balancers depend on is judged; none THEN the engine notes it could not run", async () => {
        const prod = rule("web-production", PRODUCTION_RULE, ["actions[0].forward"]);
        const test = rule("web-test", TEST_RULE, []);
        const pending = service("BLUE_GREEN", { productionListenerRule: UNKNOWN, testListenerRule: UNKNOWN }, { propertyDependencies: { loadBalancers: [prod.urn, test.urn] } });
        const result = await evaluate(policy, [prod, test, pending]);
        assertViolations(result, NAME, "mandatory", [missing("Listener rule", "web-test", `${PROD_FIELD} (not known yet; depended on)`, "none", "actions[0].forward.targetGroups")]);
        const unresolved = await evaluate(policy, [prod, test, service("BLUE_GREEN", { productionListenerRule: UNKNOWN, testListenerRule: undefined })]);
        assert.equal(unresolved.diagnostics.length, 1);
        assert.match(unresolved.diagnostics[0].message, /can't run policy/);
    });

    it("GIVEN property paths THEN they are read as Pulumi writes them", () => {
        assert.deepEqual(pathSegments('actions[0].forward["targetGroups"][*].weight'), ["actions", "0", "forward", "targetGroups", "*", "weight"]);
        assert.equal(pathSegments("actions[0"), undefined);
        assert.equal(pathCovers("actions[*]", "actions[3].forward"), true);
        assert.equal(pathCovers("actions[0].forward", "actions[0]"), false);
        assert.equal(pathCovers("act", "actions"), false);
    });
});

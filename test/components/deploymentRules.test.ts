/**
 * The listener rules of blue/green, canary and linear services, as pure functions: priorities, conditions,
 * the starting weights and the property path ECS rewrites.
 */
import { strict as assert } from "node:assert";
import type * as aws from "@pulumi/aws";
import fc from "fast-check";
import {
    CATCH_ALL_PRIORITY,
    FORWARD_TARGET_GROUPS_PATH,
    planShiftRules,
    ShiftedRoute,
    shiftRuleProblems,
    testRuleConditions,
    weightedForward,
} from "../../components/deploymentRules";
import { DeploymentSettings, ROLLING } from "../../components/deploymentSettings";
import { ALB_RULE_LIMITS, planRouting } from "../../components/routing";

const blueGreen = (cidrs?: string[]): DeploymentSettings => ({ strategy: "blueGreen", bakeTimeMinutes: 10, hooks: [], ...(cidrs ? { testTraffic: { cidrs } } : {}) });
const route = (name: string, priority: number | undefined, deployment?: DeploymentSettings, paths = [`/${name}/*`]): ShiftedRoute => ({
    name,
    priority,
    paths: priority === undefined ? [] : paths,
    hosts: [],
    deployment,
});

describe("deployment rules (pure)", () => {
    it("GIVEN rolling routes THEN there is nothing to plan", () => {
        assert.deepEqual(planShiftRules("LoadBalancer shop", [route("web", undefined), route("api", 10, ROLLING), route("admin", 20)], 2, 3), []);
    });

    it("GIVEN the default route blue/green with test traffic THEN a catch-all production rule at 50000 and the test rule just ahead of it", () => {
        assert.deepEqual(planShiftRules("LoadBalancer shop", [route("web", undefined, blueGreen(["203.0.113.0/24"])), route("api", 10)], 1, 2), [
            { name: "web", productionPriority: CATCH_ALL_PRIORITY, catchAll: true, testPriority: 49999 },
        ]);
    });

    it("GIVEN routed services THEN each production rule keeps its route priority and each test rule takes the highest free one below it, never a multiple of 10", () => {
        const plan = planShiftRules(
            "LoadBalancer shop",
            [route("api", 10, blueGreen(["10.0.0.0/8"])), route("admin", 20, blueGreen(["10.0.0.0/8"])), route("docs", 19), route("blog", 30, blueGreen())],
            4,
            4,
        );
        assert.deepEqual(plan, [
            { name: "api", productionPriority: 10, catchAll: false, testPriority: 9 },
            // 19 is docs' production rule: the test rule of admin goes one lower.
            { name: "admin", productionPriority: 20, catchAll: false, testPriority: 18 },
            { name: "blog", productionPriority: 30, catchAll: false, testPriority: undefined },
        ]);
    });

    it("GIVEN a route at priority 1 with test traffic THEN it is refused with the way out", () => {
        assert.throws(
            () => planShiftRules("LoadBalancer shop", [route("api", 1, blueGreen(["10.0.0.0/8"]))], 1, 1),
            /^Error: LoadBalancer shop: api has test traffic, whose rule must come before its production rule at priority 1, but no free priority is left below it; give the route a higher priority\.$/,
        );
    });

    it("GIVEN a blue/green default route while another route holds 50000 THEN it is refused naming both", () => {
        assert.deepEqual(shiftRuleProblems([route("web", undefined, blueGreen()), route("api", 50000)], 1, 2), [
            "web is the listener's default and deploys blueGreen, which needs a catch-all rule at priority 50000, but api holds that priority; give api a lower one",
        ]);
    });

    it("GIVEN more test CIDRs than a rule's five condition values allow THEN the count is named", () => {
        const problems = shiftRuleProblems([route("api", 10, blueGreen(["10.0.0.0/8", "10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"]))], 1, 1);
        assert.deepEqual(problems, [
            "the test listener rule of api would hold 6 condition values (1 paths and hosts, the X-Deployment-Test header, 4 CIDRs); ELB allows 5 per rule (quota condition-values-per-alb-rule), so give fewer test CIDRs",
        ]);
        // The default route's test rule has no path: four CIDRs fit.
        assert.deepEqual(shiftRuleProblems([route("web", undefined, blueGreen(["10.0.0.0/8", "10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"]))], 0, 1), []);
    });

    it("GIVEN the rules or target groups the extra ones would push over ELB's quotas THEN both are named", () => {
        const problems = shiftRuleProblems([route("web", undefined, blueGreen(["10.0.0.0/8"]))], 99, 100);
        assert.equal(problems.length, 2);
        assert.match(problems[0], /^99 route rules and 2 production and test rules of blue\/green, canary and linear services make 101; ELB allows 100 rules/);
        assert.match(problems[1], /^100 target groups and 1 alternate ones make 101; ELB allows 100 per Application Load Balancer/);
    });

    it("PROPERTY: with routing's derived priorities, every production and test priority is unique, within 1..50000, and each test rule wins over its own production rule", () => {
        fc.assert(
            fc.property(
                fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 12 }),
                fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
                fc.array(fc.option(fc.integer({ min: 2, max: 200 }), { nil: undefined }), { minLength: 12, maxLength: 12 }),
                (names, withTest, given) => {
                    const requests = names.map((name, i) => ({ name, paths: [`/${name}/*`], hosts: [], priority: given[i] }));
                    if (new Set(requests.flatMap(r => (r.priority === undefined ? [] : [r.priority]))).size !== requests.filter(r => r.priority !== undefined).length) return;
                    const plan = planRouting("LoadBalancer p", [{ name: "default", paths: [], hosts: [] }, ...requests]);
                    const routes: ShiftedRoute[] = [
                        { name: "default", paths: [], hosts: [], deployment: blueGreen(["10.0.0.0/8"]) },
                        ...plan.rules.map((r, i) => ({ ...r, deployment: blueGreen(withTest[i] ? ["10.0.0.0/8"] : undefined) })),
                    ];
                    let shift;
                    try {
                        shift = planShiftRules("LoadBalancer p", routes, plan.rules.length, routes.length);
                    } catch (e) {
                        // Only a route whose given priority leaves no room below is refused.
                        assert.match(String(e), /no free priority is left below it/);
                        return;
                    }
                    const all = [...plan.rules.map(r => r.priority), CATCH_ALL_PRIORITY, ...shift.flatMap(s => (s.testPriority === undefined ? [] : [s.testPriority]))];
                    assert.equal(new Set(all).size, all.length, JSON.stringify(all));
                    for (const p of all) assert.ok(Number.isInteger(p) && p >= ALB_RULE_LIMITS.minPriority && p <= ALB_RULE_LIMITS.maxPriority);
                    for (const s of shift) if (s.testPriority !== undefined) assert.ok(s.testPriority < s.productionPriority);
                },
            ),
        );
    });

    it("GIVEN a test rule THEN it matches the route, the header naming the service and only the given CIDRs", () => {
        assert.deepEqual(testRuleConditions("api", ["/api/*"], ["api.example.com"], ["203.0.113.0/24"]), [
            { pathPattern: { values: ["/api/*"] } },
            { hostHeader: { values: ["api.example.com"] } },
            { httpHeader: { httpHeaderName: "X-Deployment-Test", values: ["api"] } },
            { sourceIp: { values: ["203.0.113.0/24"] } },
        ]);
    });

    it("GIVEN the two groups THEN the forward starts with everything on the primary and nothing on the alternate", () => {
        assert.deepEqual(weightedForward("blue", "green"), [{ type: "forward", forward: { targetGroups: [{ arn: "blue", weight: 100 }, { arn: "green", weight: 0 }] } }]);
    });

    it("GIVEN the ignoreChanges path THEN each segment names an input property of aws.lb.ListenerRule, down to the list of weighted groups", () => {
        // Compile-time: misspell a segment and tsc fails.
        const segments: [keyof aws.lb.ListenerRuleArgs, 0, keyof aws.types.input.lb.ListenerRuleAction, keyof aws.types.input.lb.ListenerRuleActionForward] = [
            "actions",
            0,
            "forward",
            "targetGroups",
        ];
        assert.equal(FORWARD_TARGET_GROUPS_PATH, `${segments[0]}[${segments[1]}].${segments[2]}.${segments[3]}`);
        // And below it sit exactly the weights ECS moves, in the actions both rules are given.
        const actions = weightedForward("blue", "green");
        const at = (actions[0].forward as Record<string, unknown>)[segments[3]] as { arn: string; weight: number }[];
        assert.deepEqual(at.map(g => Object.keys(g).sort()), [["arn", "weight"], ["arn", "weight"]]);
    });
});

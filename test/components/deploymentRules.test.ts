/**
 * The listener rules of blue/green, canary and linear services, as pure functions: priorities, conditions,
 * the starting weights and the property path ECS rewrites.
 */
import { strict as assert } from "node:assert";
import type * as aws from "@pulumi/aws";
import fc from "fast-check";
import {
    deploymentRulesOf,
    CATCH_ALL_PRIORITY,
    FORWARD_TARGET_GROUPS_PATH,
    planShiftRules,
    ShiftedRoute,
    shiftRuleProblems,
    testRuleConditions,
    weightedForward,
} from "../../components/deploymentRules";
import { DeploymentSettings, ROLLING } from "../../components/deploymentSettings";
import { LoadBalancerRoute, resolveLoadBalancerArgs } from "../../components/loadBalancerArgs";
import { ALB_RULE_LIMITS, planRouting } from "../../components/routing";

const NETWORK = { vpcId: "vpc-0123", vpcCidrBlock: "10.0.0.0/16", subnetIds: ["subnet-a", "subnet-b"] };

const blueGreen = (cidrs?: string[]): DeploymentSettings => ({ strategy: "blueGreen", bakeTimeMinutes: 10, hooks: [], ...(cidrs ? { testTraffic: { cidrs } } : {}) });
const route = (name: string, priority: number | undefined, deployment?: DeploymentSettings, paths = [`/${name}/*`]): ShiftedRoute => ({
    name,
    priority,
    paths: priority === undefined ? [] : paths,
    hosts: [],
    deployment,
});

describe("deployment rules (pure)", () => {
    it("GIVEN a deployment THEN the rules routing counts: none for rolling, a production rule, and a test rule with CIDRs", () => {
        assert.equal(deploymentRulesOf(undefined), undefined);
        assert.equal(deploymentRulesOf(ROLLING), undefined);
        assert.deepEqual(deploymentRulesOf({ strategy: "blueGreen" }), { testCidrs: [] });
        assert.deepEqual(deploymentRulesOf({ strategy: "canary", testTraffic: { cidrs: ["10.0.0.0/8"] } }), { testCidrs: ["10.0.0.0/8"] });
    });

    it("GIVEN rolling routes THEN there is nothing to plan", () => {
        assert.deepEqual(planShiftRules("LoadBalancer shop", [route("web", undefined), route("api", 10, ROLLING), route("admin", 20)]), []);
    });

    it("GIVEN the default route blue/green with test traffic THEN a catch-all production rule at 50000 and the test rule just ahead of it", () => {
        assert.deepEqual(planShiftRules("LoadBalancer shop", [route("web", undefined, blueGreen(["203.0.113.0/24"])), route("api", 10)]), [
            { name: "web", productionPriority: CATCH_ALL_PRIORITY, catchAll: true, testPriority: 49999 },
        ]);
    });

    it("GIVEN routed services THEN each production rule takes the highest priority below its route's, and each test rule the next one, never a multiple of 10", () => {
        const plan = planShiftRules(
            "LoadBalancer shop",
            [route("api", 10, blueGreen(["10.0.0.0/8"])), route("admin", 20, blueGreen(["10.0.0.0/8"])), route("docs", 17), route("blog", 30, blueGreen()), route("shop", 40)],
        );
        assert.deepEqual(plan, [
            // 10 stays free for api-rule: it exists until the production rule is in place, and again after going back to rolling.
            { name: "api", productionPriority: 9, catchAll: false, testPriority: 8 },
            { name: "admin", productionPriority: 19, catchAll: false, testPriority: 18 },
            { name: "blog", productionPriority: 29, catchAll: false, testPriority: undefined },
        ]);
    });

    it("GIVEN the routes' own priorities THEN a shifted route's rules never leave its place among the other routes", () => {
        // docs at 19 leaves admin (20) no priority between them: admin's rules must not win over docs.
        assert.throws(
            () => planShiftRules("LoadBalancer shop", [route("docs", 19), route("admin", 20, blueGreen())]),
            /^Error: LoadBalancer shop: admin deploys blueGreen, so its production rule must come after route docs at priority 19 and before its own priority 20, at priorities that are not multiples of 10, but none is left there; give admin a larger priority or docs a smaller one\.$/,
        );
        // 11 and 12 are the only ones left between docs (10) and admin (13): both rules fit.
        assert.deepEqual(planShiftRules("LoadBalancer shop", [route("docs", 10), route("admin", 13, blueGreen(["10.0.0.0/8"]))]), [
            { name: "admin", productionPriority: 12, catchAll: false, testPriority: 11 },
        ]);
        // The default route's test rule comes after every route too.
        assert.throws(
            () => planShiftRules("LoadBalancer shop", [route("web", undefined, blueGreen(["10.0.0.0/8"])), route("api", 49999)]),
            /^Error: LoadBalancer shop: web deploys blueGreen, so its test rule must come after route api at priority 49999 and before its catch-all rule at priority 50000, at priorities that are not multiples of 10, but none is left there; give api a smaller priority\.$/,
        );
    });

    it("GIVEN a route at priority 1, or 2 with test traffic THEN it is refused with the way out", () => {
        assert.throws(
            () => planShiftRules("LoadBalancer shop", [route("api", 1, blueGreen())]),
            /^Error: LoadBalancer shop: api deploys blueGreen, so its production rule must come before its own priority 1, at priorities that are not multiples of 10, but none is left there; give api a larger priority\.$/,
        );
        assert.doesNotThrow(() => planShiftRules("LoadBalancer shop", [route("api", 2, blueGreen())]));
        assert.throws(
            () => planShiftRules("LoadBalancer shop", [route("api", 2, blueGreen(["10.0.0.0/8"]))]),
            /^Error: LoadBalancer shop: api deploys blueGreen, so its production and test rules must come before its own priority 2, at priorities that are not multiples of 10, but none is left there; give api a larger priority\.$/,
        );
    });

    it("GIVEN a blue/green default route while another route holds 50000 THEN it is refused naming both", () => {
        assert.deepEqual(shiftRuleProblems([route("web", undefined, blueGreen()), route("api", 50000)]), [
            "web is the listener's default and deploys blueGreen, which needs a catch-all rule at priority 50000, but api holds that priority; give api a lower one",
        ]);
    });

    it("GIVEN more test CIDRs than a rule's five condition values allow, or rules and target groups over ELB's quotas THEN the LoadBalancer refuses them through routing's one count", () => {
        const cidrs = ["10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16"];
        const routes = (n: number, deployment?: DeploymentSettings): LoadBalancerRoute[] => Array.from({ length: n }, (_, i) => ({ name: `s${i}`, port: 8080, paths: [`/s${i}/*`], deployment }));
        assert.throws(
            () => resolveLoadBalancerArgs("shop", { ...NETWORK, routes: [{ name: "api", port: 8080, paths: ["/api/*"], hosts: ["api.example.com"], deployment: blueGreen(cidrs) }] }),
            /^Error: LoadBalancer shop: routes\.api\.deployment\.testTraffic\.cidrs has 3 blocks; with the route's 2 paths and hosts and the X-Deployment-Test header, the test listener rule would hold 6 condition values and ELB allows 5 per rule \(quota condition-values-per-alb-rule\): list fewer blocks or paths and hosts\.$/,
        );
        // The default route's test rule has no path: three CIDRs fit (the most one source-ip condition takes).
        assert.doesNotThrow(() => resolveLoadBalancerArgs("shop", { ...NETWORK, targetPort: 8080, defaultDeployment: blueGreen(cidrs) }));
        assert.throws(
            () => resolveLoadBalancerArgs("shop", { ...NETWORK, targetPort: 8080, defaultDeployment: blueGreen(["10.0.0.0/8"]), routes: routes(99) }),
            (e: Error) =>
                e.message.includes("99 routes need a listener rule each and their blue/green, canary and linear deployments 2 more; ELB allows 100 rules per Application Load Balancer") &&
                e.message.includes("100 routed services need a target group each, and 1 of them an alternate one for their deployments; ELB allows 100 per Application Load Balancer"),
        );
        assert.doesNotThrow(() => resolveLoadBalancerArgs("shop", { ...NETWORK, routes: routes(50, blueGreen()) }));
        assert.throws(() => resolveLoadBalancerArgs("shop", { ...NETWORK, routes: [...routes(50, blueGreen()), { name: "extra", port: 8080, paths: ["/extra/*"] }] }), /51 routed services need a target group each, and 50 of them an alternate one/);
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
                        shift = planShiftRules("LoadBalancer p", routes);
                    } catch (e) {
                        // Only a route whose given priority leaves no room below it is refused.
                        assert.match(String(e), /at priorities that are not multiples of 10, but none is left there/);
                        return;
                    }
                    // While switching, the routes' own rules and the shifted rules all exist at once.
                    const all = [...plan.rules.map(r => r.priority), ...shift.flatMap(s => [s.productionPriority, ...(s.testPriority === undefined ? [] : [s.testPriority])])];
                    assert.equal(new Set(all).size, all.length, JSON.stringify(all));
                    for (const p of all) assert.ok(Number.isInteger(p) && p >= ALB_RULE_LIMITS.minPriority && p <= ALB_RULE_LIMITS.maxPriority);
                    // Each test rule wins over its production rule, and both keep the route's place: after the route before it.
                    const own = [...plan.rules.map(r => [r.name, r.priority] as const), ["default", CATCH_ALL_PRIORITY + 1] as const];
                    for (const s of shift) {
                        const priority = own.find(([name]) => name === s.name)![1];
                        const before = Math.max(0, ...plan.rules.map(r => r.priority).filter(p => p < priority));
                        const rules = [s.productionPriority, ...(s.testPriority === undefined ? [] : [s.testPriority])];
                        if (s.testPriority !== undefined) assert.ok(s.testPriority < s.productionPriority);
                        for (const p of rules) assert.ok(p > before && (s.catchAll || (p < priority && p % 10 !== 0)), JSON.stringify({ s, before, priority }));
                    }
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

/**
 * The listener rules of a service that ECS deploys blue/green, canary or linear: which priority each rule
 * takes, what its conditions are, how its forward action starts out, and the one property path ECS rewrites.
 * Pure: {@link LoadBalancer} and {@link ServiceRoute} call it before anything is registered.
 *
 * Sources:
 * - ECS "Application Load Balancer resources for blue/green, linear, and canary deployments"
 *   (`alb-resources-for-blue-green.html`): two target groups of the same settings, a production listener
 *   rule and an optional test listener rule; listener rules that mix forward with other actions fail.
 * - The ECS API `AdvancedConfiguration` (`productionListenerRule`: a listener *rule* for an Application Load
 *   Balancer, a listener only for a Network Load Balancer).
 * - How ECS rewrites the rules: it sets the forward action's target-group weights on every traffic shift
 *   (hashicorp/terraform-provider-aws `internal/service/ecs/service_test.go`, `blueGreenDeploymentBase`:
 *   both rules forward to {primary: 100, alternate: 0} and ignore `action[0].forward[0].target_group`; the
 *   AWS sample aws-samples/sample-amazon-ecs-blue-green-deployment-patterns starts both at 100/0 too).
 * - `CreateRule`: priority 1 to 50000, unique per listener. ELB's quotas on rules, target groups and
 *   condition values are judged in `routing.ts` (`routingProblems`), for these rules too.
 */
import { DeploymentSettings, TEST_TRAFFIC_HEADER } from "./deploymentSettings";
import { ALB_RULE_LIMITS, PRIORITY_STEP, RouteRequest } from "./routing";

/**
 * The `ignoreChanges` path of both rules: the forward action's target groups, whose weights ECS rewrites on
 * every shift. It is the narrowest path that works: the provider keeps `target_group` as a Terraform *set*
 * whose element hash includes the weight, so a changed weight is a removed element plus an added one, and
 * a path below it (`targetGroups[*].weight`) is not honoured: pulumi/pulumi-terraform-bridge
 * `pkg/tfbridge/ignore_changes_test.go` ("SetNestedFieldWildcard": "FIXME: ignoreChanges ignored!"),
 * pulumi/pulumi-aws#5771 and #5798 (weights reverted despite `...targetGroups[*].weight`), and
 * hashicorp/terraform-provider-aws#43905 (a set element's `weight` cannot be addressed; the provider's own
 * blue/green tests ignore the whole `target_group`). The target group ARNs in it are the service's two
 * groups, which ECS keeps; nothing else of the rule is ignored.
 */
export const FORWARD_TARGET_GROUPS_PATH = "actions[0].forward.targetGroups";

/** The production rule of a service that is the listener's default action: the last rule ELB evaluates. */
export const CATCH_ALL_PRIORITY = ALB_RULE_LIMITS.maxPriority;

/** The path pattern that matches every request: the catch-all rule's only condition. */
export const CATCH_ALL_PATH = "/*";

/** Whether `deployment` makes ECS shift traffic between two target groups (anything but rolling). */
export const shiftsTraffic = <D extends Pick<DeploymentSettings, "strategy">>(deployment: D | undefined): deployment is D =>
    deployment !== undefined && deployment.strategy !== "rolling";

/** What routing.ts counts of a route's deployment: for a traffic-shifting one, its test rule's CIDRs (none: no test rule). */
export const deploymentRulesOf = (deployment: Pick<DeploymentSettings, "strategy" | "testTraffic"> | undefined): RouteRequest["deploymentRules"] =>
    shiftsTraffic(deployment) ? { testCidrs: deployment.testTraffic?.cidrs ?? [] } : undefined;

/** One routed service as the rules planner sees it. */
export interface ShiftedRoute {
    readonly name: string;
    /** Its route's priority from the routing plan; undefined for the listener's default route. */
    readonly priority?: number;
    readonly paths: readonly string[];
    readonly hosts: readonly string[];
    /** Its deployment (what the rules depend on); rolling or undefined needs no rule of its own. */
    readonly deployment?: Pick<DeploymentSettings, "strategy" | "testTraffic">;
}

/** The rules of one service that ECS shifts traffic for. */
export interface ShiftRules {
    readonly name: string;
    /**
     * The production rule's priority: just ahead of the route's own priority (see {@link planShiftRules}), or
     * {@link CATCH_ALL_PRIORITY} for the default route.
     */
    readonly productionPriority: number;
    /** True when the production rule is the catch-all added for the listener's default route. */
    readonly catchAll: boolean;
    /** The test rule's priority (just ahead of the production rule); undefined without test traffic. */
    readonly testPriority?: number;
}

/** A problem with the rules of one route that shifts traffic: the route, and the rest of the sentence. */
export interface ShiftRuleProblem {
    readonly route: string;
    readonly problem: string;
}

/** The default route's catch-all rule at {@link CATCH_ALL_PRIORITY} when another route holds that priority. */
function catchAllProblems(routes: readonly ShiftedRoute[]): ShiftRuleProblem[] {
    const holder = routes.find(o => o.priority === CATCH_ALL_PRIORITY)?.name;
    return routes
        .filter(r => shiftsTraffic(r.deployment) && r.priority === undefined && holder !== undefined)
        .map(r => ({
            route: r.name,
            problem: `is the listener's default and deploys ${r.deployment!.strategy}, which needs a catch-all rule at priority ${CATCH_ALL_PRIORITY}, but ${holder} holds that priority; give ${holder} a lower one`,
        }));
}

/**
 * Every problem with the priorities of the routes that shift traffic, each naming the route; empty when
 * they fit. How many rules and target groups they add, and the condition values of a test rule, are judged
 * with every other ELB limit by `routingProblems` (routing.ts), from each route's `deploymentRules`.
 */
export const shiftRuleProblems = (routes: readonly ShiftedRoute[]): string[] => placeShiftRules(routes).problems.map(p => `${p.route} ${p.problem}`);

/**
 * The rules of every route that shifts traffic, or an error naming `owner` and every problem.
 *
 * A routed service's production rule is a rule of its own (`<name>-prod-rule`), never its rolling rule
 * (`<name>-rule`) rewritten: `ignoreChanges` resets the forward target groups to their old value, and the
 * rolling rule has none, so the engine would delete them from the update and the provider would refuse the
 * rule (pulumi/pulumi `sdk/go/common/resource/properties_path.go`, `Reset`). A new rule is created while
 * the rolling one still holds the route's priority, and the old one is deleted only once the program has
 * registered everything (pulumi/pulumi `pkg/resource/deploy/step_generator.go`, `GenerateDeletes`: the
 * resources the program no longer registers), so the production rule takes another priority that wins over
 * the route's: requests keep being served by one of the two, which forward alike, through the switch.
 * Going back to rolling creates `<name>-rule` again at the route's priority, free because the production
 * rule holds another.
 *
 * Both the production rule and the test rule, which must win over it, keep the route's place among the
 * other routes: the production rule takes the highest priority below the route's own, the test rule the
 * next one below, both above the route before it and neither a multiple of {@link PRIORITY_STEP} (where
 * derived route priorities land, so a route added later never moves them). The default route's production
 * rule is the catch-all, served last; its test rule comes after every route.
 */
export function planShiftRules(owner: string, routes: readonly ShiftedRoute[]): ShiftRules[] {
    const placed = placeShiftRules(routes);
    const problems = placed.problems.map(p => `${p.route} ${p.problem}`);
    if (problems.length > 0) {
        throw new Error(problems.length === 1 ? `${owner}: ${problems[0]}.` : `${owner}: ${problems.length} listener rule problems:\n${problems.map(p => `  - ${p}`).join("\n")}`);
    }
    return placed.rules;
}

/** {@link planShiftRules} without throwing: the rules that fit and the problems of those that do not. */
export function placeShiftRules(routes: readonly ShiftedRoute[]): { rules: ShiftRules[]; problems: ShiftRuleProblem[] } {
    const problems = catchAllProblems(routes);
    const routePriorities = routes.flatMap(r => (r.priority === undefined ? [] : [r.priority]));
    const rules: ShiftRules[] = [];
    for (const route of routes.filter(r => shiftsTraffic(r.deployment))) {
        const testTraffic = (route.deployment!.testTraffic?.cidrs.length ?? 0) > 0;
        const ceiling = route.priority ?? CATCH_ALL_PRIORITY;
        const floor = Math.max(ALB_RULE_LIMITS.minPriority - 1, ...routePriorities.filter(p => p < ceiling));
        const free = freePriorities(ceiling, floor, (route.priority === undefined ? 0 : 1) + (testTraffic ? 1 : 0));
        if (free === undefined) {
            const needed = route.priority === undefined ? "its test rule" : testTraffic ? "its production and test rules" : "its production rule";
            const below = routes.find(r => r.priority === floor)?.name;
            const after = below === undefined ? "" : `after route ${below} at priority ${floor} and `;
            const before = route.priority === undefined ? `its catch-all rule at priority ${CATCH_ALL_PRIORITY}` : `its own priority ${route.priority}`;
            // The default route's gap is never empty unless a route sits just below the catch-all.
            const wayOut =
                route.priority === undefined ? `give ${below} a smaller priority` : `give ${route.name} a larger priority${below === undefined ? "" : ` or ${below} a smaller one`}`;
            problems.push({
                route: route.name,
                problem: `deploys ${route.deployment!.strategy}, so ${needed} must come ${after}before ${before}, at priorities that are not multiples of ${PRIORITY_STEP}, but none is left there; ${wayOut}`,
            });
            continue;
        }
        const productionPriority = route.priority === undefined ? CATCH_ALL_PRIORITY : free[0];
        const testPriority = testTraffic ? free[free.length - 1] : undefined;
        rules.push({ name: route.name, productionPriority, catchAll: route.priority === undefined, testPriority });
    }
    return { rules: rules.sort((a, b) => a.productionPriority - b.productionPriority), problems };
}

/**
 * The `count` highest priorities below `ceiling` and above `floor` that are not multiples of
 * {@link PRIORITY_STEP}, highest first; undefined when fewer lie there. Every route's rules lie between
 * it and the route before it, so no two routes' rules ever meet.
 */
function freePriorities(ceiling: number, floor: number, count: number): number[] | undefined {
    const free: number[] = [];
    for (let p = ceiling - 1; p > floor && free.length < count; p--) {
        if (p % PRIORITY_STEP !== 0) free.push(p);
    }
    return free.length === count ? free : undefined;
}

/** A listener-rule condition as `aws.lb.ListenerRule` takes it. */
export interface RuleCondition {
    readonly pathPattern?: { readonly values: string[] };
    readonly hostHeader?: { readonly values: string[] };
    readonly httpHeader?: { readonly httpHeaderName: string; readonly values: string[] };
    readonly sourceIp?: { readonly values: string[] };
}

/** A route's own conditions: its paths and hosts; none for the listener's default route. */
export const routeConditions = (paths: readonly string[], hosts: readonly string[]): RuleCondition[] => [
    ...(paths.length > 0 ? [{ pathPattern: { values: [...paths] } }] : []),
    ...(hosts.length > 0 ? [{ hostHeader: { values: [...hosts] } }] : []),
];

/** The catch-all production rule's condition: every path (a rule needs at least one condition). */
export const catchAllConditions = (): RuleCondition[] => [{ pathPattern: { values: [CATCH_ALL_PATH] } }];

/**
 * The test rule's conditions: the route's own, the header `X-Deployment-Test: <service>`, and the source
 * CIDRs, so test traffic reaches the new revision only when asked for and only from those networks.
 */
export const testRuleConditions = (service: string, paths: readonly string[], hosts: readonly string[], cidrs: readonly string[]): RuleCondition[] => [
    ...routeConditions(paths, hosts),
    { httpHeader: { httpHeaderName: TEST_TRAFFIC_HEADER, values: [service] } },
    { sourceIp: { values: [...cidrs] } },
];

/**
 * The forward action both rules start with: everything to the primary group, nothing to the alternate.
 * ECS moves the weights from here on (see {@link FORWARD_TARGET_GROUPS_PATH}).
 */
export function weightedForward<T>(primaryArn: T, alternateArn: T) {
    return [{ type: "forward", forward: { targetGroups: [{ arn: primaryArn, weight: 100 }, { arn: alternateArn, weight: 0 }] } }];
}

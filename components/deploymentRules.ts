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
import { ALB_RULE_LIMITS, PRIORITY_STEP } from "./routing";

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
export const shiftsTraffic = (deployment: DeploymentSettings | undefined): deployment is DeploymentSettings =>
    deployment !== undefined && deployment.strategy !== "rolling";

/** One routed service as the rules planner sees it. */
export interface ShiftedRoute {
    readonly name: string;
    /** Its production rule's priority from the routing plan; undefined for the listener's default route. */
    readonly priority?: number;
    readonly paths: readonly string[];
    readonly hosts: readonly string[];
    /** Its deployment; rolling or undefined needs no rule of its own. */
    readonly deployment?: DeploymentSettings;
}

/** The rules of one service that ECS shifts traffic for. */
export interface ShiftRules {
    readonly name: string;
    /** The production rule's priority: the route's own, or {@link CATCH_ALL_PRIORITY} for the default route. */
    readonly productionPriority: number;
    /** True when the production rule is the catch-all added for the listener's default route. */
    readonly catchAll: boolean;
    /** The test rule's priority (just ahead of the production rule); undefined without test traffic. */
    readonly testPriority?: number;
}

/**
 * Every problem with the priorities of the routes that shift traffic, each naming the route; empty when
 * they fit. How many rules and target groups they add, and the condition values of a test rule, are judged
 * with every other ELB limit by `routingProblems` (routing.ts), from each route's `deploymentRules`.
 */
export function shiftRuleProblems(routes: readonly ShiftedRoute[]): string[] {
    const problems: string[] = [];
    const holder = routes.find(o => o.priority === CATCH_ALL_PRIORITY)?.name;
    for (const r of routes.filter(r => shiftsTraffic(r.deployment))) {
        if (r.priority === undefined && holder !== undefined) {
            problems.push(`${r.name} is the listener's default and deploys ${r.deployment!.strategy}, which needs a catch-all rule at priority ${CATCH_ALL_PRIORITY}, but ${holder} holds that priority; give ${holder} a lower one`);
        }
    }
    return problems;
}

/**
 * The rules of every route that shifts traffic, or an error naming `owner` and every problem. A test rule
 * must win over its production rule, so it takes the highest free priority below it that is not a multiple
 * of {@link PRIORITY_STEP} (those are where derived route priorities land, so a route added later never
 * moves a test rule); routes are served in priority order, the default route last.
 */
export function planShiftRules(owner: string, routes: readonly ShiftedRoute[]): ShiftRules[] {
    const problems = shiftRuleProblems(routes);
    const taken = new Set(routes.flatMap(r => (r.priority === undefined ? [] : [r.priority])));
    const shifted = routes
        .filter(r => shiftsTraffic(r.deployment))
        .map(r => ({ route: r, productionPriority: r.priority ?? CATCH_ALL_PRIORITY }))
        .sort((a, b) => a.productionPriority - b.productionPriority);
    for (const s of shifted) taken.add(s.productionPriority);
    const planned: ShiftRules[] = [];
    for (const { route, productionPriority } of shifted) {
        let testPriority: number | undefined;
        if ((route.deployment!.testTraffic?.cidrs.length ?? 0) > 0) {
            let candidate = productionPriority - 1;
            while (candidate >= ALB_RULE_LIMITS.minPriority && (taken.has(candidate) || candidate % PRIORITY_STEP === 0)) candidate--;
            if (candidate < ALB_RULE_LIMITS.minPriority) {
                problems.push(
                    `${route.name} has test traffic, whose rule must come before its production rule at priority ${productionPriority}, but no free priority is left below it; give the route a higher priority`,
                );
            } else {
                testPriority = candidate;
                taken.add(candidate);
            }
        }
        planned.push({ name: route.name, productionPriority, catchAll: route.priority === undefined, testPriority });
    }
    if (problems.length > 0) {
        throw new Error(problems.length === 1 ? `${owner}: ${problems[0]}.` : `${owner}: ${problems.length} listener rule problems:\n${problems.map(p => `  - ${p}`).join("\n")}`);
    }
    return planned;
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

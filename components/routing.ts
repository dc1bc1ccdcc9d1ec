/**
 * How the load balancer routes to several services: which route is the listener's default action, which
 * become listener rules, with what priority, and every limit ELB enforces only when the rule is created.
 * Pure: the loader and {@link LoadBalancer} call it before anything is registered. It is the one owner of
 * ELB's limits and of how many rules and target groups a route (and its deployment) adds.
 *
 * Sources (Elastic Load Balancing, Application Load Balancer guide and API reference):
 * - Quotas for your Application Load Balancers (`load-balancer-limits.html`, "Rules"): 100 rules per
 *   Application Load Balancer not counting default rules, 5 condition values per rule, 5 condition
 *   wildcards per rule, 5 matching evaluations per rule; 100 target groups per Application Load Balancer.
 * - Condition types for listener rules (`rule-condition-types.html`): at most one `host-header` and one
 *   `path-pattern` condition per rule. A path pattern is case-sensitive, up to 128 characters, of A-Z, a-z,
 *   0-9, `_ - . $ / ~ " ' @ : +`, `&` and the wildcards `*` (0 or more characters) and `?` (exactly one).
 *   A host name is not case-sensitive, up to 128 characters, of A-Z, a-z, 0-9, `- _ .` and `*`, `?`; it
 *   holds at least one `.` and only letters after the last `.` (`add-rule.html`).
 * - `CreateRule` (API reference): priority 1 to 50000, unique per listener.
 * - A blue/green, canary or linear deployment (deploymentSettings.ts) adds rules: ECS shifts production
 *   traffic through a listener rule of its own (a route on the default action gets a catch-all one) and test traffic
 *   through a test rule carrying the route's conditions, the test header and the `source-ip` CIDRs; and an
 *   alternate target group (ECS developer guide, alb-resources-for-blue-green.html).
 */
import { TEST_TRAFFIC_HEADER } from "./deploymentSettings";

/** ELB's limits on listener rules, with the quota names `DescribeAccountLimits` reports. */
export const ALB_RULE_LIMITS = {
    /** `rules-per-application-load-balancer`, not counting default rules. */
    rulesPerLoadBalancer: 100,
    /** `target-groups-per-application-load-balancer`: one per routed service here. */
    targetGroupsPerLoadBalancer: 100,
    /** `condition-values-per-alb-rule`: path patterns and host names of one rule together. */
    conditionValuesPerRule: 5,
    /** Values of one path-pattern, host-header or source-ip condition (condition types for listener rules). */
    valuesPerCondition: 3,
    /** `condition-wildcards-per-alb-rule`: `*` and `?` across the rule's values. */
    wildcardsPerRule: 5,
    /** Characters of one path pattern or host name. */
    valueLength: 128,
    minPriority: 1,
    maxPriority: 50000,
} as const;

/** Gap between derived priorities, so a rule can later be placed between two without renumbering. */
export const PRIORITY_STEP = 10;

/** One service's route as asked for. Neither paths nor hosts: the listener's default action. */
export interface RouteRequest {
    /** The service's name; also orders routes of equal specificity. */
    readonly name: string;
    /** Path patterns (`/api/*`); with `hosts`, both must match. */
    readonly paths: readonly string[];
    /** Host names (`api.example.com`, `*.example.com`). */
    readonly hosts: readonly string[];
    /** Listener-rule priority; derived when unset. */
    readonly priority?: number;
    /** Set for a blue/green, canary or linear deployment: its test rule's source CIDRs (none: no test rule). */
    readonly deploymentRules?: { readonly testCidrs: readonly string[] };
}

/** A route that becomes a listener rule, with its final priority. */
export interface PlannedRule {
    readonly name: string;
    readonly paths: readonly string[];
    readonly hosts: readonly string[];
    readonly priority: number;
    /** Whether the priority was derived rather than given. */
    readonly derived: boolean;
}

/** The listener's routing: the default service (if any) and the rules, in priority order. */
export interface RoutingPlan {
    /** Name of the route the listener's default action forwards to; none means a fixed 404. */
    readonly defaultRoute?: string;
    readonly rules: readonly PlannedRule[];
}

/** The listener rules a route adds: its own unless it is the default action, and those of its deployment. */
export const listenerRuleCount = (r: RouteRequest): number => (isDefaultRoute(r) ? 0 : 1) + deploymentRuleCount(r);

/**
 * The rules a blue/green, canary or linear deployment adds to its route's own: its production rule (on the
 * default action a catch-all one) and, with test CIDRs, its test rule. A routed service's production rule
 * takes the place of the route's own rule, but both exist while the service switches strategy, either way
 * (the new rule is created before the old one is deleted; see `planShiftRules` in deploymentRules.ts), so
 * the route's own rule counts too: a stack within the limit can switch its services to and from rolling.
 */
export const deploymentRuleCount = (r: RouteRequest): number => (r.deploymentRules ? 1 + (r.deploymentRules.testCidrs.length > 0 ? 1 : 0) : 0);

/** The target groups a route needs: its own, and an alternate one for a deployment that shifts traffic. */
export const targetGroupCount = (r: RouteRequest): number => (r.deploymentRules ? 2 : 1);

/** Condition values of a route's test rule: its paths and hosts, the test header's one value, the source CIDRs. */
export const testRuleConditionValues = (r: RouteRequest): number => r.paths.length + r.hosts.length + 1 + (r.deploymentRules?.testCidrs.length ?? 0);

/** A route with neither paths nor hosts: the listener's default action. */
const isDefaultRoute = (r: RouteRequest): boolean => r.paths.length + r.hosts.length === 0;

const PATH_CHARACTERS = /^[A-Za-z0-9_\-.$/~"'@:+&*?]+$/;
const HOST_CHARACTERS = /^[A-Za-z0-9\-_.*?]+$/;
const wildcards = (value: string): number => (value.match(/[*?]/g) ?? []).length;

/** Why `pattern` is not a path pattern ELB accepts and can match, or undefined. */
export function pathPatternProblem(pattern: string): string | undefined {
    const allowed = `path patterns are up to ${ALB_RULE_LIMITS.valueLength} characters of A-Z, a-z, 0-9, _ - . $ / ~ " ' @ : + & and the wildcards * and ?`;
    if (pattern.length === 0 || pattern.length > ALB_RULE_LIMITS.valueLength || !PATH_CHARACTERS.test(pattern)) {
        return allowed;
    }
    if (!/^[/*?]/.test(pattern)) {
        return `request paths start with "/", so a pattern that starts with neither "/" nor a wildcard never matches; write ${JSON.stringify(`/${pattern}`)}`;
    }
    return undefined;
}

/** Why `host` is not a host-header value ELB accepts, or undefined. */
export function hostHeaderProblem(host: string): string | undefined {
    if (host.length === 0 || host.length > ALB_RULE_LIMITS.valueLength || !HOST_CHARACTERS.test(host)) {
        return `host names are up to ${ALB_RULE_LIMITS.valueLength} characters of A-Z, a-z, 0-9, - _ . and the wildcards * and ?`;
    }
    const last = host.lastIndexOf(".");
    if (last < 0 || !/^[A-Za-z]+$/.test(host.slice(last + 1))) {
        return `a host name holds at least one "." and only letters after the last one (e.g. "api.example.com", "*.example.com")`;
    }
    return undefined;
}

/** Characters of the pattern that are not wildcards: more of them, a narrower match. */
const literalLength = (values: readonly string[]): number => Math.max(0, ...values.map(v => v.length - wildcards(v)));

/**
 * Orders routes from most to least specific: a rule with both host and path conditions first, then by the
 * longest literal path (`/api/v2/*` before `/api/*`), fewer wildcards, the longest literal host, and name.
 * Total, so the result never depends on the order routes were given in.
 */
export function compareSpecificity(a: RouteRequest, b: RouteRequest): number {
    const conditions = (r: RouteRequest) => (r.paths.length > 0 ? 1 : 0) + (r.hosts.length > 0 ? 1 : 0);
    const allWildcards = (r: RouteRequest) => [...r.paths, ...r.hosts].reduce((n, v) => n + wildcards(v), 0);
    return (
        conditions(b) - conditions(a) ||
        literalLength(b.paths) - literalLength(a.paths) ||
        allWildcards(a) - allWildcards(b) ||
        literalLength(b.hosts) - literalLength(a.hosts) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
    );
}

/** A route's conditions as one comparable key: paths and lower-cased hosts, each sorted. */
const conditionKey = (r: RouteRequest): string =>
    JSON.stringify([[...r.paths].sort(), r.hosts.map(h => h.toLowerCase()).sort()]);

/** How a problem names a route's key: `routes.api` and `routes.api.paths[0]` by default. */
export type RouteKey = (route: string, field?: string) => string;

const routesKey: RouteKey = (route, field) => (field === undefined ? `routes.${route}` : `routes.${route}.${field}`);

/**
 * Every problem with `routes`, each naming the route and field (`routes.api.paths[0]`, or as `keyOf`
 * spells it, e.g. `services.api.route.paths[0]` in the loader); empty when valid.
 */
export function routingProblems(routes: readonly RouteRequest[], keyOf: RouteKey = routesKey): string[] {
    const problems: string[] = [];
    const at = (r: RouteRequest, field: string) => keyOf(r.name, field);
    const names = new Set<string>();
    for (const r of routes) {
        if (names.has(r.name)) problems.push(`${keyOf(r.name)} is given twice; each service has one route`);
        names.add(r.name);
        r.paths.forEach((p, i) => {
            const problem = pathPatternProblem(p);
            if (problem) problems.push(`${at(r, `paths[${i}]`)} is ${JSON.stringify(p)}; ${problem}`);
        });
        r.hosts.forEach((h, i) => {
            const problem = hostHeaderProblem(h);
            if (problem) problems.push(`${at(r, `hosts[${i}]`)} is ${JSON.stringify(h)}; ${problem}`);
        });
        const values = r.paths.length + r.hosts.length;
        if (values > ALB_RULE_LIMITS.conditionValuesPerRule) {
            problems.push(
                `${keyOf(r.name)} has ${values} paths and hosts; ELB allows ${ALB_RULE_LIMITS.conditionValuesPerRule} condition values per rule (quota condition-values-per-alb-rule)`,
            );
        }
        const wild = [...r.paths, ...r.hosts].reduce((n, v) => n + wildcards(v), 0);
        if (wild > ALB_RULE_LIMITS.wildcardsPerRule) {
            problems.push(
                `${keyOf(r.name)} has ${wild} wildcards (* and ?) across its paths and hosts; ELB allows ${ALB_RULE_LIMITS.wildcardsPerRule} per rule (quota condition-wildcards-per-alb-rule)`,
            );
        }
        const isDefault = isDefaultRoute(r);
        const testCidrs = r.deploymentRules?.testCidrs ?? [];
        const testValues = testRuleConditionValues(r);
        if (testCidrs.length > 0 && testValues > ALB_RULE_LIMITS.conditionValuesPerRule) {
            problems.push(
                `${at(r, "testTrafficCidrs")} has ${testCidrs.length} blocks; with the route's ${values} paths and hosts and the ${TEST_TRAFFIC_HEADER} header, the test listener rule would hold ${testValues} condition values and ELB allows ${ALB_RULE_LIMITS.conditionValuesPerRule} per rule (quota condition-values-per-alb-rule): list fewer blocks or paths and hosts`,
            );
        }
        if (r.priority !== undefined) {
            if (isDefault) {
                problems.push(`${at(r, "priority")} is ${r.priority} but the route has no paths or hosts: it is the listener's default action, which has no priority; add paths or hosts, or drop the priority`);
            } else if (!Number.isInteger(r.priority) || r.priority < ALB_RULE_LIMITS.minPriority || r.priority > ALB_RULE_LIMITS.maxPriority) {
                problems.push(`${at(r, "priority")} is ${r.priority}; expected a whole number from ${ALB_RULE_LIMITS.minPriority} to ${ALB_RULE_LIMITS.maxPriority}`);
            }
        }
    }
    const defaults = routes.filter(r => r.paths.length === 0 && r.hosts.length === 0).map(r => r.name);
    if (defaults.length > 1) {
        problems.push(`services ${defaults.join(", ")} all have a route with no paths or hosts; only one service can be the listener's default, so give the others paths or hosts`);
    }
    const rules = routes.filter(r => !isDefaultRoute(r));
    const deploymentRules = routes.reduce((n, r) => n + deploymentRuleCount(r), 0);
    if (routes.reduce((n, r) => n + listenerRuleCount(r), 0) > ALB_RULE_LIMITS.rulesPerLoadBalancer) {
        problems.push(
            `${rules.length} routes need a listener rule each${deploymentRules > 0 ? ` and their blue/green, canary and linear deployments ${deploymentRules} more` : ""}; ELB allows ${ALB_RULE_LIMITS.rulesPerLoadBalancer} rules per Application Load Balancer (quota rules-per-application-load-balancer)`,
        );
    }
    const alternates = routes.filter(r => r.deploymentRules).length;
    if (routes.reduce((n, r) => n + targetGroupCount(r), 0) > ALB_RULE_LIMITS.targetGroupsPerLoadBalancer) {
        problems.push(
            `${routes.length} routed services need a target group each${alternates > 0 ? `, and ${alternates} of them an alternate one for their deployments` : ""}; ELB allows ${ALB_RULE_LIMITS.targetGroupsPerLoadBalancer} per Application Load Balancer (quota target-groups-per-application-load-balancer)`,
        );
    }
    const byPriority = new Map<number, string[]>();
    for (const r of rules) {
        if (r.priority !== undefined) byPriority.set(r.priority, [...(byPriority.get(r.priority) ?? []), r.name]);
    }
    for (const [priority, owners] of byPriority) {
        if (owners.length > 1) problems.push(`routes ${owners.join(", ")} share priority ${priority}; priorities are unique per listener`);
    }
    const byConditions = new Map<string, string[]>();
    for (const r of rules) {
        byConditions.set(conditionKey(r), [...(byConditions.get(conditionKey(r)) ?? []), r.name]);
    }
    for (const owners of byConditions.values()) {
        if (owners.length > 1) {
            problems.push(`routes ${owners.join(", ")} have the same paths and hosts; only the one with the lowest priority would ever receive requests`);
        }
    }
    return problems;
}

/**
 * Priorities for the routes that gave none: in order of {@link compareSpecificity}, each takes the next
 * multiple of {@link PRIORITY_STEP} that no given priority holds. The same routes always get the same
 * priorities, whatever order they come in.
 */
export function derivePriorities(routes: readonly RouteRequest[]): Map<string, number> {
    const taken = new Set(routes.flatMap(r => (r.priority === undefined ? [] : [r.priority])));
    const derived = new Map<string, number>();
    let next = PRIORITY_STEP;
    for (const r of routes.filter(r => r.priority === undefined).sort(compareSpecificity)) {
        while (taken.has(next)) next += PRIORITY_STEP;
        derived.set(r.name, next);
        taken.add(next);
    }
    return derived;
}

/**
 * The routing plan for `routes`, or an error naming `owner` (e.g. `LoadBalancer web`) and every problem,
 * each key spelled by `keyOf`.
 * Routes with neither paths nor hosts form the default action (at most one); all others become rules.
 */
export function planRouting(owner: string, routes: readonly RouteRequest[], keyOf: RouteKey = routesKey): RoutingPlan {
    const problems = routingProblems(routes, keyOf);
    if (problems.length > 0) {
        throw new Error(
            problems.length === 1 ? `${owner}: ${problems[0]}.` : `${owner}: ${problems.length} routing problems:\n${problems.map(p => `  - ${p}`).join("\n")}`,
        );
    }
    const rules = routes.filter(r => r.paths.length + r.hosts.length > 0);
    const derived = derivePriorities(rules);
    return {
        defaultRoute: routes.find(r => r.paths.length + r.hosts.length === 0)?.name,
        rules: rules
            .map(r => ({ name: r.name, paths: r.paths, hosts: r.hosts, priority: r.priority ?? derived.get(r.name)!, derived: r.priority === undefined }))
            .sort((a, b) => a.priority - b.priority),
    };
}

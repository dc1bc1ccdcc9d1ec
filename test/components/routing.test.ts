import { strict as assert } from "node:assert";
import fc from "fast-check";
import {
    ALB_RULE_LIMITS,
    compareSpecificity,
    derivePriorities,
    hostHeaderProblem,
    pathPatternProblem,
    planRouting,
    RouteRequest,
    routingProblems,
} from "../../components/routing";

const route = (name: string, paths: string[] = [], hosts: string[] = [], priority?: number): RouteRequest => ({ name, paths, hosts, priority });

describe("routing: path patterns and host names ELB accepts", () => {
    it("GIVEN patterns ELB documents THEN they pass", () => {
        for (const p of ["/api/*", "/", "*", "/img/?.png", "/a-b_c.d$e~f\"g'h@i:j+k&l", `/${"a".repeat(127)}`]) {
            assert.equal(pathPatternProblem(p), undefined, p);
        }
    });

    it("GIVEN a character outside ELB's set, an empty or a 129-character pattern THEN it names what is allowed", () => {
        for (const p of ["/api/{id}", "/a b", "/ä", "", `/${"a".repeat(128)}`, "/api/%20"]) {
            assert.equal(
                pathPatternProblem(p),
                `path patterns are up to 128 characters of A-Z, a-z, 0-9, _ - . $ / ~ " ' @ : + & and the wildcards * and ?`,
                p,
            );
        }
    });

    it("GIVEN a pattern that can never match a request path THEN it suggests the leading slash", () => {
        assert.equal(pathPatternProblem("api/*"), `request paths start with "/", so a pattern that starts with neither "/" nor a wildcard never matches; write "/api/*"`);
    });

    it("GIVEN host names with wildcards and mixed case THEN they pass; without a dot or ending in non-letters THEN not", () => {
        for (const h of ["api.example.com", "*.example.com", "API.Example.COM", "a?.example.org", "my_app.example.com"]) {
            assert.equal(hostHeaderProblem(h), undefined, h);
        }
        for (const h of ["localhost", "example.c0m", "example.*", "example."]) {
            assert.equal(hostHeaderProblem(h), `a host name holds at least one "." and only letters after the last one (e.g. "api.example.com", "*.example.com")`, h);
        }
        assert.equal(hostHeaderProblem("api.exa mple.com"), "host names are up to 128 characters of A-Z, a-z, 0-9, - _ . and the wildcards * and ?");
        assert.equal(hostHeaderProblem(`${"a".repeat(125)}.com`), "host names are up to 128 characters of A-Z, a-z, 0-9, - _ . and the wildcards * and ?");
    });
});

describe("routing: limits per rule and per load balancer", () => {
    it("GIVEN six condition values on one rule THEN it names the quota", () => {
        assert.deepEqual(routingProblems([route("api", ["/a", "/b", "/c", "/d"], ["x.example.com", "y.example.com"])]), [
            "routes.api has 6 paths and hosts; ELB allows 5 condition values per rule (quota condition-values-per-alb-rule)",
        ]);
        assert.deepEqual(routingProblems([route("api", ["/a", "/b", "/c"], ["x.example.com", "y.example.com"])]), []);
    });

    it("GIVEN six wildcards across one rule's values THEN it names the quota", () => {
        assert.deepEqual(routingProblems([route("api", ["/a/*/*", "/b/??"], ["*.example.com", "x?.example.com"])]), [
            "routes.api has 6 wildcards (* and ?) across its paths and hosts; ELB allows 5 per rule (quota condition-wildcards-per-alb-rule)",
        ]);
    });

    it("GIVEN 101 routed services with conditions THEN the rule quota is named; 100 pass", () => {
        const routes = (n: number) => Array.from({ length: n }, (_, i) => route(`s${i}`, [`/s${i}/*`]));
        assert.deepEqual(routingProblems(routes(100)), []);
        assert.deepEqual(routingProblems(routes(101)), [
            "101 routes need a listener rule each; ELB allows 100 rules per Application Load Balancer (quota rules-per-application-load-balancer)",
            "101 routed services need a target group each; ELB allows 100 per Application Load Balancer (quota target-groups-per-application-load-balancer)",
        ]);
    });

    it("GIVEN blue/green, canary or linear routes THEN their production and test rules and alternate target groups count", () => {
        const deploying = (r: RouteRequest, testCidrs: string[] = []): RouteRequest => ({ ...r, deploymentRules: { testCidrs } });
        const routes = (n: number) => Array.from({ length: n }, (_, i) => route(`s${i}`, [`/s${i}/*`]));
        // 98 rules, the default route's production rule and one test rule: 100.
        const hundred = [...routes(98), deploying(route("home"), ["10.0.0.0/8"])];
        assert.deepEqual(routingProblems(hundred), []);
        // A routed deployment counts its own rule, its production rule (both exist while it switches strategy) and its test rule.
        assert.deepEqual(routingProblems([...routes(33).map(r => deploying(r, ["10.0.0.0/8"])), deploying(route("home"))]), []);
        assert.deepEqual(routingProblems([...routes(33).map(r => deploying(r, ["10.0.0.0/8"])), ...routes(34).slice(33), deploying(route("home"))]), [
            "34 routes need a listener rule each and their blue/green, canary and linear deployments 67 more; ELB allows 100 rules per Application Load Balancer (quota rules-per-application-load-balancer)",
        ]);
        assert.deepEqual(routingProblems([...routes(97).map(r => deploying(r, ["10.0.0.0/8"])), deploying(route("home"), ["10.0.0.0/8"])]), [
            "97 routes need a listener rule each and their blue/green, canary and linear deployments 196 more; ELB allows 100 rules per Application Load Balancer (quota rules-per-application-load-balancer)",
            "98 routed services need a target group each, and 98 of them an alternate one for their deployments; ELB allows 100 per Application Load Balancer (quota target-groups-per-application-load-balancer)",
        ]);
        // Without test traffic: one rule and one target group more each.
        assert.deepEqual(routingProblems([...routes(50).map(r => deploying(r)), ...routes(51).slice(50)]), [
            "51 routes need a listener rule each and their blue/green, canary and linear deployments 50 more; ELB allows 100 rules per Application Load Balancer (quota rules-per-application-load-balancer)",
            "51 routed services need a target group each, and 50 of them an alternate one for their deployments; ELB allows 100 per Application Load Balancer (quota target-groups-per-application-load-balancer)",
        ]);
        assert.deepEqual(routingProblems(routes(50).map(r => deploying(r))), []);
    });

    it("GIVEN a test rule THEN the route's paths and hosts, the header and the source CIDRs share the 5 condition values", () => {
        const cidrs = ["10.0.0.0/16", "10.1.0.0/16"];
        assert.deepEqual(routingProblems([{ ...route("api", ["/api/*"], ["api.example.com"]), deploymentRules: { testCidrs: cidrs } }]), []);
        assert.deepEqual(routingProblems([{ ...route("api", ["/api/*", "/v2/*"], ["api.example.com"]), deploymentRules: { testCidrs: cidrs } }]), [
            "routes.api.testTrafficCidrs has 2 blocks; with the route's 3 paths and hosts and the X-Deployment-Test header, the test listener rule would hold 6 condition values and ELB allows 5 per rule (quota condition-values-per-alb-rule): list fewer blocks or paths and hosts",
        ]);
    });

    it("GIVEN two routes without conditions THEN only one may be the default", () => {
        assert.deepEqual(routingProblems([route("web"), route("api", ["/api/*"]), route("admin")]), [
            "services web, admin all have a route with no paths or hosts; only one service can be the listener's default, so give the others paths or hosts",
        ]);
    });

    it("GIVEN a shared priority, a priority out of range, or one on the default THEN each is named", () => {
        assert.deepEqual(routingProblems([route("a", ["/a"], [], 5), route("b", ["/b"], [], 5), route("c", ["/c"], [], 50001), route("d", [], [], 3)]), [
            "routes.c.priority is 50001; expected a whole number from 1 to 50000",
            "routes.d.priority is 3 but the route has no paths or hosts: it is the listener's default action, which has no priority; add paths or hosts, or drop the priority",
            "routes a, b share priority 5; priorities are unique per listener",
        ]);
    });

    it("GIVEN two routes with the same conditions (hosts differing in case) THEN the shadowed one is named", () => {
        assert.deepEqual(routingProblems([route("a", ["/x", "/y"], ["API.example.com"]), route("b", ["/y", "/x"], ["api.example.com"])]), [
            "routes a, b have the same paths and hosts; only the one with the lowest priority would ever receive requests",
        ]);
    });

    it("GIVEN several problems THEN planRouting names the owner and lists them all", () => {
        assert.throws(
            () => planRouting("LoadBalancer web", [route("a", ["api"]), route("b", ["/b"], ["nodot"])]),
            (e: Error) =>
                e.message ===
                `LoadBalancer web: 2 routing problems:\n` +
                    `  - routes.a.paths[0] is "api"; request paths start with "/", so a pattern that starts with neither "/" nor a wildcard never matches; write "/api"\n` +
                    `  - routes.b.hosts[0] is "nodot"; a host name holds at least one "." and only letters after the last one (e.g. "api.example.com", "*.example.com")`,
        );
        assert.throws(() => planRouting("LoadBalancer web", [route("a", ["api"])]), /^Error: LoadBalancer web: routes\.a\.paths\[0\] is "api"; .*write "\/api"\.$/);
    });
});

describe("routing: derived priorities", () => {
    it("GIVEN routes without priorities THEN more specific ones come first, in steps of 10", () => {
        const plan = planRouting("LoadBalancer web", [route("web"), route("api", ["/api/*"]), route("v2", ["/api/v2/*"]), route("admin", ["/admin/*"], ["admin.example.com"])]);
        assert.equal(plan.defaultRoute, "web");
        assert.deepEqual(
            plan.rules.map(r => [r.name, r.priority, r.derived]),
            [
                ["admin", 10, true],
                ["v2", 20, true],
                ["api", 30, true],
            ],
        );
    });

    it("GIVEN explicit priorities THEN they are kept and derived ones skip them", () => {
        const plan = planRouting("LoadBalancer web", [route("a", ["/a/*"], [], 10), route("bb", ["/bb/*"]), route("c", ["/c"], [], 20)]);
        assert.deepEqual(
            plan.rules.map(r => [r.name, r.priority]),
            [
                ["a", 10],
                ["c", 20],
                ["bb", 30],
            ],
        );
        assert.equal(plan.defaultRoute, undefined);
    });

    const pathArb = fc.stringMatching(/^\/[a-z]{1,6}(\/[a-z]{1,4})?(\/\*)?$/);
    const routesArb = fc
        .uniqueArray(fc.record({ name: fc.stringMatching(/^[a-z]{1,8}$/), paths: fc.uniqueArray(pathArb, { minLength: 1, maxLength: 3 }), priority: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }) }), {
            selector: r => r.name,
            maxLength: 12,
        })
        .map(rs => rs.map(r => route(r.name, r.paths, [], r.priority)));

    it("PROPERTY: every rule gets a unique priority from 1 to 50000, explicit ones unchanged", () => {
        fc.assert(
            fc.property(routesArb, routes => {
                const explicit = routes.filter(r => r.priority !== undefined).map(r => r.priority);
                fc.pre(new Set(explicit).size === explicit.length);
                const derived = derivePriorities(routes);
                const all = routes.map(r => r.priority ?? derived.get(r.name)!);
                assert.equal(new Set(all).size, all.length);
                assert.ok(all.every(p => Number.isInteger(p) && p >= ALB_RULE_LIMITS.minPriority && p <= ALB_RULE_LIMITS.maxPriority));
                for (const r of routes.filter(r => r.priority !== undefined)) assert.equal(derived.has(r.name), false);
            }),
        );
    });

    it("PROPERTY: the same routes get the same priorities whatever order they come in", () => {
        fc.assert(
            fc.property(
                routesArb.chain(routes => fc.tuple(fc.constant(routes), fc.shuffledSubarray(routes, { minLength: routes.length, maxLength: routes.length }))),
                ([routes, shuffled]) => {
                    assert.deepEqual([...derivePriorities(routes)].sort(), [...derivePriorities(shuffled)].sort());
                },
            ),
        );
    });

    it("PROPERTY: a derived route whose path extends another's literal prefix is tried first", () => {
        fc.assert(
            fc.property(fc.stringMatching(/^\/[a-z]{1,6}$/), fc.stringMatching(/^\/[a-z]{1,6}$/), (base, extra) => {
                const broad = route("broad", [`${base}/*`]);
                const narrow = route("narrow", [`${base}${extra}/*`]);
                const derived = derivePriorities([broad, narrow]);
                assert.ok(derived.get("narrow")! < derived.get("broad")!);
                assert.ok(compareSpecificity(narrow, broad) < 0);
            }),
        );
    });
});

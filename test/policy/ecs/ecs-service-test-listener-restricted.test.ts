import * as assert from "node:assert/strict";
import { fixture } from "../../../harness/fixtures";
import { UNKNOWN } from "../../../harness/serialisation";
import { RecordedResource } from "../../../harness/types";
import { ecsServiceTestListenerRestricted as policy } from "../../../policy/ecs/ecs-service-test-listener-restricted";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";
import { ACCOUNT, REGION, TARGET_GROUP_ARN, assertViolations, evaluate, resourceOf, SERVICE } from "../baselines/ecs";

const NAME = "ecs-service-test-listener-restricted";
const ELB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}`;
const LB_ARN = `${ELB}:loadbalancer/app/web/50dc6c495c0c9188`;
const LISTENER_ARN = `${ELB}:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2`;
const PRODUCTION_RULE = `${LISTENER_ARN.replace(":listener/", ":listener-rule/")}/1a2b3c4d5e6f7081`;
const TEST_RULE = `${LISTENER_ARN.replace(":listener/", ":listener-rule/")}/9f8e7d6c5b4a3921`;
const ALB_SG = "sg-0a1b2c3d4e5f60001";

const route = [{ pathPattern: { values: ["/*"] } }, { hostHeader: { values: ["web.example.com"] } }];
const header = { httpHeader: { httpHeaderName: "X-Deployment-Test", values: ["web"] } };
const forward = [{ type: "forward", forward: { targetGroups: [{ arn: TARGET_GROUP_ARN, weight: 100 }, { arn: `${ELB}:targetgroup/web-alt/fedcba9876543210`, weight: 0 }] } }];

const rule = (name: string, arn: string, priority: number, conditions: unknown[], type: string = AWS_TYPES.lbListenerRule, change: Record<string, unknown> = {}) =>
    fixture(type, name, { listenerArn: LISTENER_ARN, priority, conditions, actions: forward, ...change }, { state: { arn } });
const testRule = (sourceIp: unknown, type?: string) =>
    rule("web-test", TEST_RULE, 5, [...route, header, ...(sourceIp === undefined ? [] : [{ sourceIp: { values: sourceIp } }])], type);

const loadBalancer = (change: Record<string, unknown> = {}) =>
    fixture(AWS_TYPES.lbLoadBalancer, "web", { name: "web", internal: false, loadBalancerType: "application", securityGroups: [ALB_SG], subnets: ["subnet-a", "subnet-b"], ...change }, { state: { arn: LB_ARN } });
const listener = (change: Record<string, unknown> = {}) =>
    fixture(AWS_TYPES.lbListener, "https", { loadBalancerArn: LB_ARN, port: 443, protocol: "HTTPS", defaultActions: [{ type: "fixed-response" }], ...change }, { state: { arn: LISTENER_ARN } });
const albSecurityGroup = (cidrBlocks: string[], ipv6CidrBlocks: string[] = []) =>
    fixture(
        AWS_TYPES.ec2SecurityGroup,
        "alb",
        { description: "ALB", vpcId: "vpc-1", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks, ipv6CidrBlocks, description: "HTTPS" }] },
        { state: { id: ALB_SG } },
    );

const service = (advanced: Record<string, unknown> = {}, extra: Partial<Pick<RecordedResource, "dependencies" | "propertyDependencies">> = {}) => {
    const s = resourceOf(SERVICE, "web", {
        deploymentConfiguration: { strategy: "BLUE_GREEN", bakeTimeInMinutes: "10" },
        loadBalancers: [
            {
                targetGroupArn: TARGET_GROUP_ARN,
                containerName: "web",
                containerPort: 8080,
                advancedConfiguration: { alternateTargetGroupArn: `${ELB}:targetgroup/web-alt/fedcba9876543210`, productionListenerRule: PRODUCTION_RULE, testListenerRule: TEST_RULE, roleArn: `arn:aws:iam::${ACCOUNT}:role/infra`, ...advanced },
            },
        ],
    });
    return { ...s, ...extra };
};

/** The stack: an internet-facing ALB open to the world on 443, the production rule and the given test rule. */
const stack = (test: RecordedResource, change: { lb?: RecordedResource; sg?: RecordedResource; svc?: RecordedResource } = {}): RecordedResource[] => [
    change.lb ?? loadBalancer(),
    listener(),
    change.sg ?? albSecurityGroup(["0.0.0.0/0"], ["::/0"]),
    rule("web-production", PRODUCTION_RULE, 10, route),
    test,
    change.svc ?? service(),
];

const WORLD_SG = 'load balancer "web" is internet-facing and its security groups admit port 443 from 0.0.0.0/0, ::/0: together they admit every public IPv4 address, more than one /16 holds (65536)';
const FIX = "Give the rule a source-ip condition of the networks that test (at most a /16 of public IPv4 or a /48 of IPv6, e.g. an office or VPN range), or serve it from an internal load balancer.";
const reached = (why: string, network = WORLD_SG) =>
    `Service "web" sends test traffic (loadBalancers[0].advancedConfiguration.testListenerRule) through listener rule "web-test", which the internet can reach: ${why}, and ${network}. ${FIX}`;

const ALTERNATE_ARN = `${ELB}:targetgroup/web-alt/fedcba9876543210`;
const PRIMARY_FIELD = `loadBalancers[0].targetGroupArn (${TARGET_GROUP_ARN})`;
const ALTERNATE_FIELD = `loadBalancers[0].advancedConfiguration.alternateTargetGroupArn (${ALTERNATE_ARN})`;
const BOTH = `${PRIMARY_FIELD} and ${ALTERNATE_FIELD}`;
const DEFAULT_ACTION = "it is a listener's default action, with no conditions, and no rule of the listener answers every request first";
const forwardReached = (kind: "rule" | "listener", name: string, targets: string, why: string, network = WORLD_SG) =>
    `${kind === "rule" ? "Listener rule" : "Listener"} "${name}" forwards to ${targets} of service "web", where ECS starts every other new revision before its tests, bake and alarms ` +
    `(the service's two target groups swap at each deployment), and the internet can reach it: ${why}, and ${network}. ` +
    "Forward to the service's target groups only through its production listener rule (and test rule), or give this rule a source-ip condition of the networks that test " +
    "(at most a /16 of public IPv4 or a /48 of IPv6), or serve it from an internal load balancer.";

const check = async (resources: RecordedResource[], expected: string[], config?: Parameters<typeof evaluate>[2]) =>
    assertViolations(await evaluate(policy, resources, config), NAME, "mandatory", expected);

describe(NAME, () => {
    it("GIVEN a test rule with a header and an office source-ip condition (IPv4 or IPv6, either token) THEN no violation", async () => {
        await check(stack(testRule(["203.0.113.0/24", "198.51.100.7/32"])), []);
        await check(stack(testRule(["2001:db8:1234::/48"], AWS_TYPES.albListenerRule)), []);
        await check(stack(testRule(["10.0.0.0/8", "192.168.0.0/16", "172.16.0.0/12"])), []); // private space counts nothing
        await check(stack(testRule(["81.2.0.0/16"])), []); // exactly the limit
    });

    it("GIVEN no source-ip condition (header only) on an internet-facing ALB open to the world THEN reported on the test rule", async () => {
        const result = await evaluate(policy, stack(testRule(undefined)));
        assertViolations(result, NAME, "mandatory", [reached("it has no source-ip condition")]);
        assert.equal(result.diagnostics[0].urn, testRule(undefined).urn);
    });

    it("GIVEN world ranges, in any spelling or split THEN reported", async () => {
        const cases: [string[], string][] = [
            [["0.0.0.0/0"], "together they admit every public IPv4 address, more than one /16 holds (65536)"],
            [["0.0.0.0/1", "128.0.0.0/1"], "together they admit every public IPv4 address, more than one /16 holds (65536)"],
            [["203.0.113.0/24", "0.0.0.0 / 0"], "together they admit every public IPv4 address, more than one /16 holds (65536)"],
            [["::/0"], "together they admit every public IPv6 address, more than one /48 holds (1208925819614629174706176)"],
            [["::ffff:0:0/96"], "together they admit every public IPv4 address, more than one /16 holds (65536)"],
            [["1.0.0.0/8", "2.0.0.0/7", "4.0.0.0/6", "8.0.0.0/5", "16.0.0.0/4", "32.0.0.0/3", "64.0.0.0/2", "128.0.0.0/1"], "together they admit every public IPv4 address, more than one /16 holds (65536)"],
            [["0.0.0.0/1"], "together they admit 2092957696 public IPv4 addresses, more than one /16 holds (65536)"],
            [["81.2.0.0/16", "81.3.0.0/24"], "together they admit 65792 public IPv4 addresses, more than one /16 holds (65536)"],
        ];
        for (const [cidrs, why] of cases) {
            await check(stack(testRule(cidrs)), [reached(`its source-ip condition (${cidrs.join(", ")}): ${why}`)]);
        }
    });

    it("GIVEN a source-ip value that is not a CIDR THEN nothing is proven: reported", async () => {
        await check(stack(testRule(["office"])), [reached('its source-ip condition (office): "office" is not a CIDR')]);
    });

    it("GIVEN config limits THEN they decide what is too wide", async () => {
        await check(stack(testRule(["81.2.0.0/15"])), [reached("its source-ip condition (81.2.0.0/15): together they admit 131072 public IPv4 addresses, more than one /16 holds (65536)")]);
        await check(stack(testRule(["81.2.0.0/15"])), [], { [NAME]: { enforcementLevel: "mandatory", widestIpv4Prefix: 15 } });
    });

    it("GIVEN a wide test rule on an internal load balancer THEN no violation", async () => {
        await check(stack(testRule(undefined), { lb: loadBalancer({ internal: true }) }), []);
    });

    it("GIVEN a wide test rule behind security groups that admit only an office range on the listener port THEN no violation; a split world THEN reported", async () => {
        await check(stack(testRule(undefined), { sg: albSecurityGroup(["203.0.113.0/24"]) }), []);
        await check(stack(testRule(undefined), { sg: albSecurityGroup(["0.0.0.0/1", "128.0.0.0/1"]) }), [
            reached(
                "it has no source-ip condition",
                'load balancer "web" is internet-facing and its security groups admit port 443 from 0.0.0.0/1, 128.0.0.0/1: together they admit every public IPv4 address, more than one /16 holds (65536)',
            ),
        ]);
    });

    it("GIVEN a load balancer whose security group is not in the stack, or that has none THEN nothing is proven: reported", async () => {
        await check(stack(testRule(undefined), { lb: loadBalancer({ securityGroups: ["sg-elsewhere"] }) }), [
            reached("it has no source-ip condition", 'load balancer "web" is internet-facing and its security group sg-elsewhere is not in this stack or admits a prefix list on port 443'),
        ]);
        await check(stack(testRule(undefined), { lb: loadBalancer({ securityGroups: [] }) }), [
            reached("it has no source-ip condition", 'load balancer "web" is internet-facing with no security group of its own'),
        ]);
    });

    it("GIVEN a test rule outside the stack THEN reported on the service, unless trusted", async () => {
        const outside = `${TEST_RULE}0`;
        const svc = service({ testListenerRule: outside });
        const expected = `Service "web" sends test traffic (loadBalancers[0].advancedConfiguration.testListenerRule) through ${JSON.stringify(outside)}, which is not in this stack, so who can reach it cannot be checked; create the test listener rule in this stack, or list it in this policy's trustedTestListenerRules once it admits only the networks that test.`;
        const result = await evaluate(policy, stack(testRule(["203.0.113.0/24"]), { svc }));
        assertViolations(result, NAME, "mandatory", [expected]);
        assert.equal(result.diagnostics[0].urn, svc.urn);
        await check(stack(testRule(["203.0.113.0/24"]), { svc }), [], { [NAME]: { enforcementLevel: "mandatory", trustedTestListenerRules: [outside] } });
    });

    it("GIVEN no test listener rule THEN a header-only rule forwarding to the service's groups is still a way in: reported; a rolling service THEN nothing to check", async () => {
        await check(stack(testRule(undefined), { svc: service({ testListenerRule: undefined }) }), [forwardReached("rule", "web-test", BOTH, "it has no source-ip condition")]);
        await check(stack(testRule(["203.0.113.0/24"]), { svc: service({ testListenerRule: undefined }) }), []);
        await check(stack(testRule(undefined), { svc: resourceOf(SERVICE, "web") }), []);
    });

    it("GIVEN the test rule's ARN not known yet THEN the one other rule the service depends on is judged; two candidates THEN the engine notes it could not run", async () => {
        const production = rule("web-production", PRODUCTION_RULE, 10, route);
        const test = testRule(undefined);
        const svc = service({ testListenerRule: UNKNOWN }, { propertyDependencies: { loadBalancers: [production.urn, test.urn] } });
        const result = await evaluate(policy, stack(test, { svc }));
        assertViolations(result, NAME, "mandatory", [reached("it has no source-ip condition")]);
        const both = service({ testListenerRule: UNKNOWN, productionListenerRule: UNKNOWN }, { propertyDependencies: { loadBalancers: [production.urn, test.urn] } });
        const unresolved = await evaluate(policy, stack(test, { svc: both }));
        assert.equal(unresolved.diagnostics.length, 1);
        assert.match(unresolved.diagnostics[0].message, /can't run policy/);
    });

    it("GIVEN an NLB whose test listener is a whole listener THEN judged by the load balancer", async () => {
        const svc = service({ testListenerRule: LISTENER_ARN });
        const result = await evaluate(policy, stack(testRule(undefined), { svc }));
        assert.deepEqual(result.diagnostics.map(d => d.detail), [
            `Service "web" sends test traffic (loadBalancers[0].advancedConfiguration.testListenerRule) through listener "https", which the internet can reach: it is a whole listener, with no source-ip condition, and ${WORLD_SG}. ${FIX}`,
            forwardReached("rule", "web-test", BOTH, "it has no source-ip condition"),
        ]);
        await check(stack(testRule(undefined), { svc, lb: loadBalancer({ internal: true }) }), []);
    });

    describe("other routes to the service's two target groups", () => {
        const PORT_9000 = `${ELB}:listener/app/web/50dc6c495c0c9188/0123456789abcdef`;
        const sideListener = (defaultActions: unknown[], type: string = AWS_TYPES.lbListener, change: Record<string, unknown> = {}) =>
            fixture(type, "side", { loadBalancerArn: LB_ARN, port: 9000, protocol: "HTTP", defaultActions, ...change }, { state: { arn: PORT_9000 } });
        const sideSecurityGroup = (cidrBlocks: string[]) =>
            fixture(
                AWS_TYPES.ec2SecurityGroup,
                "alb",
                {
                    description: "ALB",
                    vpcId: "vpc-1",
                    ingress: [
                        { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS" },
                        { protocol: "tcp", fromPort: 9000, toPort: 9000, cidrBlocks, description: "side" },
                    ],
                },
                { state: { id: ALB_SG } },
            );
        const compliant = (...extra: RecordedResource[]) => [...stack(testRule(["203.0.113.0/24"]), { sg: sideSecurityGroup(["0.0.0.0/0"]) }), ...extra];
        const WORLD_9000 = 'load balancer "web" is internet-facing and its security groups admit port 9000 from 0.0.0.0/0: together they admit every public IPv4 address, more than one /16 holds (65536)';
        const WORLD_443 = 'load balancer "web" is internet-facing and its security groups admit port 443 from 0.0.0.0/0: together they admit every public IPv4 address, more than one /16 holds (65536)';

        it("GIVEN a compliant stack THEN no violation", async () => {
            await check(compliant(), []);
        });

        it("GIVEN another listener whose default action forwards to the alternate or the primary group (either spelling, either token) THEN reported on that listener", async () => {
            const cases: [unknown[], string, string][] = [
                [[{ type: "forward", targetGroupArn: ALTERNATE_ARN }], AWS_TYPES.lbListener, ALTERNATE_FIELD],
                [[{ type: "forward", targetGroupArn: ALTERNATE_ARN }], AWS_TYPES.albListener, ALTERNATE_FIELD],
                [[{ type: "forward", targetGroupArn: TARGET_GROUP_ARN }], AWS_TYPES.lbListener, PRIMARY_FIELD],
                [[{ type: "forward", forward: { targetGroups: [{ arn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/other/1111111111111111", weight: 99 }, { arn: ALTERNATE_ARN, weight: 1 }] } }], AWS_TYPES.lbListener, ALTERNATE_FIELD],
                [[{ type: "authenticate-oidc", authenticateOidc: {} }, { type: "forward", forward: { targetGroups: [{ arn: TARGET_GROUP_ARN }, { arn: ALTERNATE_ARN }] } }], AWS_TYPES.lbListener, BOTH],
                // lists given as one object are read, not skipped
                [{ type: "forward", targetGroupArn: ALTERNATE_ARN } as never, AWS_TYPES.lbListener, ALTERNATE_FIELD],
                [[{ type: "forward", forward: { targetGroups: { arn: ALTERNATE_ARN } } }], AWS_TYPES.lbListener, ALTERNATE_FIELD],
            ];
            for (const [actions, type, targets] of cases) {
                const side = sideListener(actions, type);
                const result = await evaluate(policy, compliant(side));
                assertViolations(result, NAME, "mandatory", [forwardReached("listener", "side", targets, DEFAULT_ACTION, WORLD_9000)]);
                assert.equal(result.diagnostics[0].urn, side.urn);
            }
        });

        it("GIVEN a target group named by its URN or id instead of its ARN THEN it is the same group", async () => {
            const alternate = fixture(AWS_TYPES.lbTargetGroup, "web-alt", { port: 8080, protocol: "HTTP", targetType: "ip" }, { state: { arn: ALTERNATE_ARN, id: "tg-alt-id" } });
            await check(compliant(alternate, sideListener([{ type: "forward", targetGroupArn: "tg-alt-id" }])), [forwardReached("listener", "side", ALTERNATE_FIELD, DEFAULT_ACTION, WORLD_9000)]);
        });

        it("GIVEN a second header-only rule, or one with a world source-ip condition, forwarding to the alternate group (either token) THEN reported on that rule", async () => {
            const alternateOnly = [{ type: "forward", targetGroupArn: ALTERNATE_ARN }];
            const sneaky = rule("web-sneaky", `${TEST_RULE}1`, 6, [header], AWS_TYPES.lbListenerRule, { actions: alternateOnly });
            const result = await evaluate(policy, compliant(sneaky));
            assertViolations(result, NAME, "mandatory", [forwardReached("rule", "web-sneaky", ALTERNATE_FIELD, "it has no source-ip condition", WORLD_443)]);
            assert.equal(result.diagnostics[0].urn, sneaky.urn);
            await check(compliant(rule("web-sneaky", `${TEST_RULE}1`, 6, [header, { sourceIp: { values: ["0.0.0.0/1", "128.0.0.0/1"] } }], AWS_TYPES.albListenerRule, { actions: alternateOnly })), [
                forwardReached("rule", "web-sneaky", ALTERNATE_FIELD, "its source-ip condition (0.0.0.0/1, 128.0.0.0/1): together they admit every public IPv4 address, more than one /16 holds (65536)", WORLD_443),
            ]);
        });

        it("GIVEN such routes restricted to an office range, or on an internal or closed load balancer THEN no violation", async () => {
            const alternateOnly = [{ type: "forward", targetGroupArn: ALTERNATE_ARN }];
            await check(compliant(rule("web-office", `${TEST_RULE}1`, 6, [header, { sourceIp: { values: ["203.0.113.0/24"] } }], AWS_TYPES.lbListenerRule, { actions: alternateOnly })), []);
            await check([...stack(testRule(["203.0.113.0/24"]), { sg: sideSecurityGroup(["203.0.113.0/24"]) }), sideListener(alternateOnly)], []);
            await check([...stack(testRule(undefined), { lb: loadBalancer({ internal: true }) }), sideListener(alternateOnly)], []);
        });

        it("GIVEN a listener default action forwarding to the primary group behind a catch-all rule (the default service's production rule) THEN it is exempt; without it, or behind a narrower rule THEN reported", async () => {
            const catchAll = rule("web-production", PRODUCTION_RULE, 50000, [{ pathPattern: { values: ["/*"] } }]);
            const defaultForward = listener({ defaultActions: [{ type: "forward", targetGroupArn: TARGET_GROUP_ARN }] });
            const resources = (production: RecordedResource, extra: RecordedResource[] = []) => [loadBalancer(), defaultForward, albSecurityGroup(["0.0.0.0/0"], ["::/0"]), production, testRule(["203.0.113.0/24"]), service(), ...extra];
            await check(resources(catchAll), []);
            await check(resources(rule("web-production", PRODUCTION_RULE, 50000, [{ pathPattern: { values: ["*"] } }])), []);
            await check(resources(rule("web-production", PRODUCTION_RULE, 10, route)), [forwardReached("listener", "https", PRIMARY_FIELD, DEFAULT_ACTION)]);
            await check(resources(rule("web-production", PRODUCTION_RULE, 10, [{ pathPattern: { values: ["/*"] } }, { httpRequestMethod: { values: ["GET"] } }])), [forwardReached("listener", "https", PRIMARY_FIELD, DEFAULT_ACTION)]);
            // A catch-all on another listener shadows nothing here.
            const side = sideListener([{ type: "forward", targetGroupArn: TARGET_GROUP_ARN }]);
            await check([loadBalancer(), defaultForward, sideSecurityGroup(["0.0.0.0/0"]), catchAll, testRule(["203.0.113.0/24"]), service(), side], [forwardReached("listener", "side", PRIMARY_FIELD, DEFAULT_ACTION, WORLD_9000)]);
        });

        it("GIVEN a rule forwarding to the alternate group that an earlier rule of its listener shadows THEN it gets no request: exempt; an earlier narrower rule, or a later one THEN reported", async () => {
            const alternateOnly = { actions: [{ type: "forward", targetGroupArn: ALTERNATE_ARN }] };
            const shadowed = rule("web-old", `${TEST_RULE}1`, 20, route, AWS_TYPES.lbListenerRule, alternateOnly);
            await check(compliant(shadowed), []); // web-production (priority 10, same conditions) answers first
            await check(compliant(rule("web-old", `${TEST_RULE}1`, 9, route, AWS_TYPES.lbListenerRule, alternateOnly)), [
                forwardReached("rule", "web-old", ALTERNATE_FIELD, "it has no source-ip condition", WORLD_443),
            ]);
            await check(compliant(rule("web-old", `${TEST_RULE}1`, 20, [{ pathPattern: { values: ["/*"] } }], AWS_TYPES.lbListenerRule, alternateOnly)), [
                forwardReached("rule", "web-old", ALTERNATE_FIELD, "it has no source-ip condition", WORLD_443),
            ]);
            // the test rule (priority 5, narrower) shadows nothing wider than itself
            await check(compliant(rule("web-old", `${TEST_RULE}1`, 6, [...route, header], AWS_TYPES.lbListenerRule, alternateOnly)), [
                forwardReached("rule", "web-old", ALTERNATE_FIELD, "it has no source-ip condition", WORLD_443),
            ]);
        });

        it("GIVEN another service's production rule forwarding to this service's alternate group THEN it is not exempt", async () => {
            const OTHER_RULE = `${TEST_RULE}2`;
            const other = resourceOf(SERVICE, "api", {
                deploymentConfiguration: { strategy: "CANARY" },
                loadBalancers: [{ targetGroupArn: `${ELB}:targetgroup/api/2222222222222222`, advancedConfiguration: { alternateTargetGroupArn: `${ELB}:targetgroup/api-alt/3333333333333333`, productionListenerRule: OTHER_RULE } }],
            });
            const borrowed = rule("api-production", OTHER_RULE, 20, [{ hostHeader: { values: ["api.example.com"] } }], AWS_TYPES.lbListenerRule, {
                actions: [{ type: "forward", forward: { targetGroups: [{ arn: `${ELB}:targetgroup/api/2222222222222222` }, { arn: ALTERNATE_ARN }] } }],
            });
            await check(compliant(other, borrowed), [forwardReached("rule", "api-production", ALTERNATE_FIELD, "it has no source-ip condition", WORLD_443)]);
        });

        it("GIVEN the routes' target groups not known yet THEN nothing is guessed: the engine notes it could not run", async () => {
            const side = sideListener([{ type: "forward", targetGroupArn: UNKNOWN }]);
            const result = await evaluate(policy, compliant(side));
            assert.equal(result.diagnostics.length, 1);
            assert.match(result.diagnostics[0].message, /can't run policy/);
            // the service's alternate group not known yet: what is known is still reported, then the note
            const open = sideListener([{ type: "forward", targetGroupArn: TARGET_GROUP_ARN }]);
            const pending = await evaluate(policy, [...stack(testRule(["203.0.113.0/24"]), { sg: sideSecurityGroup(["0.0.0.0/0"]), svc: service({ alternateTargetGroupArn: UNKNOWN }) }), open]);
            assert.deepEqual(pending.diagnostics.map(d => d.detail).slice(0, 1), [forwardReached("listener", "side", PRIMARY_FIELD, DEFAULT_ACTION, WORLD_9000)]);
            assert.equal(pending.diagnostics.length, 2);
            assert.match(pending.diagnostics[1].message, /can't run policy/);
        });
    });
});

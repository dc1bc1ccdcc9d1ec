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

    it("GIVEN no test listener rule, or a rolling service THEN nothing to check", async () => {
        await check(stack(testRule(undefined), { svc: service({ testListenerRule: undefined }) }), []);
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
        ]);
        await check(stack(testRule(undefined), { svc, lb: loadBalancer({ internal: true }) }), []);
    });
});

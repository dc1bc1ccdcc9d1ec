/**
 * A blue/green web service as the stack builds it (design of issue 12: two target groups, a production
 * rule, a test rule with the route, the `X-Deployment-Test` header and source-ip, the ECS infrastructure
 * role for load balancers, a Lambda hook role), run through the whole pack: the rollout rules pass it, and
 * each shortcut a hurried user or an attacker would take is caught by the rule that owns it.
 */
import * as assert from "node:assert/strict";
import { fixture } from "../../harness/fixtures";
import { evaluatePack } from "../../harness/policyEngine";
import { RecordedResource } from "../../harness/types";
import { pack } from "../../policy/pack";
import { AWS_TYPES } from "../../policy/facts/typeTokens";
import { ACCOUNT, REGION, TARGET_GROUP_ARN, resourceOf, SERVICE } from "./baselines/ecs";

const ELB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}`;
const LB_ARN = `${ELB}:loadbalancer/app/web/50dc6c495c0c9188`;
const LISTENER_ARN = `${ELB}:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2`;
const ALTERNATE = `${ELB}:targetgroup/web-alt/fedcba9876543210`;
const PRODUCTION_RULE = `${ELB}:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/1a2b3c4d5e6f7081`;
const TEST_RULE = `${ELB}:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9f8e7d6c5b4a3921`;
const INFRA_ROLE = `arn:aws:iam::${ACCOUNT}:role/web-ecs-infrastructure`;
const HOOK_ROLE = `arn:aws:iam::${ACCOUNT}:role/web-deploy-hooks`;
const FUNCTION = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:web-smoke-test`;
const ECS_TRUST = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:AssumeRole" }] });

/** The rules of the pack that judge a rollout. */
const ROLLOUT_RULES = [
    "ecs-service-alarm-rollback",
    "ecs-service-deployment-circuit-breaker",
    "ecs-service-deployment-strategy-complete",
    "ecs-service-rollback-alarms-exist",
    "ecs-service-test-listener-restricted",
    "ecs-service-traffic-rules-ignore-changes",
    "iam-role-no-broad-managed-policies",
    "iam-role-service-policy-trust",
    "iam-policy-no-wildcard-actions",
    "iam-policy-no-wildcard-resources",
    "lb-listener-rule-not-shadowed",
    "lb-listener-rule-unique-priority",
    "lb-listener-rule-http-redirects-to-https",
];

interface Shortcut {
    service?: Record<string, unknown>;
    advanced?: Record<string, unknown>;
    testSourceIp?: string[];
    ruleIgnore?: string[];
    infraTrust?: string;
    hookResource?: string;
    testPriority?: number;
    extra?: RecordedResource[];
}

function stack(s: Shortcut = {}): RecordedResource[] {
    const weighted = [{ type: "forward", forward: { targetGroups: [{ arn: TARGET_GROUP_ARN, weight: 100 }, { arn: ALTERNATE, weight: 0 }] } }];
    const route = [{ pathPattern: { values: ["/*"] } }, { hostHeader: { values: ["web.example.com"] } }];
    const opts = { ignoreChanges: s.ruleIgnore ?? ["actions[0].forward"] };
    return [
        fixture(AWS_TYPES.lbLoadBalancer, "web", { name: "web", internal: false, securityGroups: ["sg-alb"], subnets: ["subnet-a", "subnet-b"] }, { state: { arn: LB_ARN } }),
        fixture(AWS_TYPES.lbListener, "https", { loadBalancerArn: LB_ARN, port: 443, protocol: "HTTPS", defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } }] }, { state: { arn: LISTENER_ARN } }),
        fixture(AWS_TYPES.ec2SecurityGroup, "alb", { description: "ALB", vpcId: "vpc-1", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS" }] }, { state: { id: "sg-alb" } }),
        fixture(AWS_TYPES.lbListenerRule, "web-production", { listenerArn: LISTENER_ARN, priority: 50000, conditions: route, actions: weighted }, { state: { arn: PRODUCTION_RULE }, opts }),
        fixture(
            AWS_TYPES.lbListenerRule,
            "web-test",
            {
                listenerArn: LISTENER_ARN,
                priority: s.testPriority ?? 49999,
                conditions: [...route, { httpHeader: { httpHeaderName: "X-Deployment-Test", values: ["web"] } }, { sourceIp: { values: s.testSourceIp ?? ["203.0.113.0/24"] } }],
                actions: weighted,
            },
            { state: { arn: TEST_RULE }, opts },
        ),
        fixture(AWS_TYPES.iamRole, "web-ecs-infrastructure", { name: "web-ecs-infrastructure", assumeRolePolicy: s.infraTrust ?? ECS_TRUST }, { state: { arn: INFRA_ROLE, id: "web-ecs-infrastructure" } }),
        fixture(AWS_TYPES.iamRolePolicyAttachment, "web-ecs-infrastructure-lb", { role: "web-ecs-infrastructure", policyArn: "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers" }),
        fixture(AWS_TYPES.iamRole, "web-deploy-hooks", { name: "web-deploy-hooks", assumeRolePolicy: ECS_TRUST }, { state: { arn: HOOK_ROLE, id: "web-deploy-hooks" } }),
        fixture(AWS_TYPES.iamRolePolicy, "web-deploy-hooks", {
            role: "web-deploy-hooks",
            policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "lambda:InvokeFunction", Resource: s.hookResource ?? FUNCTION }] }),
        }),
        resourceOf(SERVICE, "web", {
            deploymentCircuitBreaker: undefined,
            deploymentConfiguration: {
                strategy: "BLUE_GREEN",
                bakeTimeInMinutes: "15",
                lifecycleHooks: [{ lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"], hookTargetArn: FUNCTION, roleArn: HOOK_ROLE }],
            },
            loadBalancers: [
                {
                    targetGroupArn: TARGET_GROUP_ARN,
                    containerName: "web",
                    containerPort: 8080,
                    advancedConfiguration: { alternateTargetGroupArn: ALTERNATE, productionListenerRule: PRODUCTION_RULE, testListenerRule: TEST_RULE, roleArn: INFRA_ROLE, ...s.advanced },
                },
            ],
            ...s.service,
        }),
        fixture(AWS_TYPES.cloudwatchMetricAlarm, "web-5xx", { name: "web-target-5xx-rate", comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 1, alarmActions: ["arn:aws:sns:eu-west-1:123456789012:alarms"] }),
        ...(s.extra ?? []),
    ];
}

/** `policy: detail` of every rollout rule's diagnostic, at prod's levels. */
async function findings(resources: RecordedResource[]): Promise<string[]> {
    const config = { "ecs-service-alarm-rollback": "mandatory", "iam-policy-no-wildcard-resources": "mandatory" } as const;
    const result = await evaluatePack(pack, resources, config);
    return result.diagnostics.filter(d => ROLLOUT_RULES.includes(d.policyName)).map(d => `${d.policyName}: ${d.detail}`);
}

const reporters = async (s: Shortcut): Promise<string[]> => [...new Set((await findings(stack(s))).map(f => f.slice(0, f.indexOf(":"))))];

describe("a blue/green web service through the whole pack", () => {
    it("GIVEN the stack's blue/green shape (no circuit breaker, alarm rollback, restricted test rule, ignored weights, scoped roles) THEN no rollout rule reports it", async () => {
        assert.deepEqual(await findings(stack()), []);
    });

    it("GIVEN each shortcut THEN exactly the rule that owns it reports", async () => {
        const cases: [string, Shortcut, string[]][] = [
            ["alarms turned off", { service: { alarms: { alarmNames: ["web-5xx"], enable: false, rollback: true } } }, ["ecs-service-alarm-rollback", "ecs-service-deployment-circuit-breaker"]],
            ["strategy in lower case", { service: { deploymentConfiguration: { strategy: "blue_green" } } }, ["ecs-service-deployment-circuit-breaker", "ecs-service-deployment-strategy-complete"]],
            ["no alternate target group", { advanced: { alternateTargetGroupArn: TARGET_GROUP_ARN } }, ["ecs-service-deployment-strategy-complete"]],
            ["test rule open to the world, split in halves", { testSourceIp: ["0.0.0.0/1", "128.0.0.0/1"] }, ["ecs-service-test-listener-restricted"]],
            ["rules that do not ignore ECS's weights", { ruleIgnore: [] }, ["ecs-service-traffic-rules-ignore-changes"]],
            ["infrastructure role also trusted by the account", { infraTrust: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs.amazonaws.com", AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sts:AssumeRole" }] }) }, ["iam-role-service-policy-trust"]],
            ["hook role on every function", { hookResource: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:*` }, ["iam-policy-no-wildcard-actions", "iam-policy-no-wildcard-resources"]],
            ["test rule evaluated after production", { testPriority: 50001 }, ["lb-listener-rule-not-shadowed"]],
            ["rollback alarms that do not exist", { service: { alarms: { alarmNames: ["web-5xx-typo"], enable: true, rollback: true } } }, ["ecs-service-rollback-alarms-exist"]],
            [
                "a second listener forwarding to the alternate group",
                { extra: [fixture(AWS_TYPES.lbListener, "side", { loadBalancerArn: LB_ARN, port: 443, protocol: "HTTPS", defaultActions: [{ type: "forward", targetGroupArn: ALTERNATE }] }, { state: { arn: `${LISTENER_ARN}0` } })] },
                ["ecs-service-test-listener-restricted"],
            ],
        ];
        for (const [label, shortcut, expected] of cases) {
            assert.deepEqual((await reporters(shortcut)).sort(), [...expected].sort(), label);
        }
    });
});

/**
 * Blue/green, canary and linear services composed from the components under mocks: the alternate target
 * groups, the weighted production and test rules (and what of them is left to ECS), the roles ECS assumes,
 * the services' deployment inputs and timeouts, next to a rolling service that gets none of it.
 */
import { strict as assert } from "node:assert";
import { Cluster } from "../../components/cluster";
import { FORWARD_TARGET_GROUPS_PATH } from "../../components/deploymentRules";
import { DeploymentSettings } from "../../components/deploymentSettings";
import { FargateService, FargateServiceArgs } from "../../components/fargateService";
import { ecsInfrastructureTrustPolicy } from "../../components/iamDocuments";
import { LoadBalancer } from "../../components/loadBalancer";
import { ProgramRun } from "../../harness/runProgram";
import { RecordedResource } from "../../harness/types";
import { inputs, ofType, one, runInline, state } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const NETWORK = { vpcId: "vpc-0123", vpcCidrBlock: "10.0.0.0/16", subnetIds: ["subnet-a", "subnet-b"] };
const image = (name: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/${name}@sha256:${"c".repeat(64)}`;
const task = (name: string): Omit<FargateServiceArgs, "cluster"> => ({ vpcId: NETWORK.vpcId, subnetIds: ["subnet-c"], image: image(name), region: "us-east-1" });
const SMOKE = "arn:aws:lambda:us-east-1:123456789012:function:smoke";
const APPROVE = "arn:aws:lambda:us-east-1:123456789012:function:approve:live";

export const BLUE_GREEN: DeploymentSettings = {
    strategy: "blueGreen",
    bakeTimeMinutes: 15,
    testTraffic: { cidrs: ["203.0.113.0/24"] },
    hooks: [
        { type: "lambda", stages: ["POST_TEST_TRAFFIC_SHIFT"], functionArn: SMOKE },
        { type: "pause", stages: ["POST_SCALE_UP"], timeoutMinutes: 60, onTimeout: "ROLLBACK" },
        { type: "lambda", stages: ["PRE_SCALE_UP", "POST_PRODUCTION_TRAFFIC_SHIFT"], functionArn: APPROVE },
    ],
};
export const CANARY: DeploymentSettings = { strategy: "canary", bakeTimeMinutes: 5, canary: { percent: 10, bakeMinutes: 20 }, testTraffic: { cidrs: ["10.20.0.0/16"] }, hooks: [] };
export const LINEAR: DeploymentSettings = { strategy: "linear", bakeTimeMinutes: 0, linear: { stepPercent: 25, stepBakeMinutes: 4 }, hooks: [] };

/** web (targetPort, blue/green), api (/api/*, canary), admin (host, linear), docs (/docs/*, rolling). */
function shop() {
    return runInline(() => {
        const cluster = new Cluster("shop");
        const lb = new LoadBalancer("shop", {
            ...NETWORK,
            targetPort: 8080,
            defaultService: "web",
            defaultDeployment: BLUE_GREEN,
            routes: [
                { name: "api", port: 3000, paths: ["/api/*"], deployment: CANARY },
                { name: "admin", port: 8080, hosts: ["admin.example.com"], deployment: LINEAR },
                { name: "docs", port: 8080, paths: ["/docs/*"] },
            ],
        });
        new FargateService("web", { ...task("web"), cluster, loadBalancer: lb.targets.web, deployment: BLUE_GREEN, rollbackAlarmNames: ["web-5xx"] });
        new FargateService("api", { ...task("api"), cluster, loadBalancer: lb.targets.api, containerPort: 3000, deployment: CANARY });
        new FargateService("admin", { ...task("admin"), cluster, loadBalancer: lb.targets.admin, deployment: LINEAR });
        new FargateService("docs", { ...task("docs"), cluster, loadBalancer: lb.targets.docs });
        return { webAlternateSuffix: lb.targets.web.trafficShift?.alternateTargetGroupArnSuffix, apiAlternateSuffix: lb.targets.api.trafficShift?.alternateTargetGroupArnSuffix, docsShift: lb.targets.docs.trafficShift };
    }, "dev");
}

const byName = (run: ProgramRun, type: string): Record<string, RecordedResource> => Object.fromEntries(ofType(run, type).map(r => [r.name, r]));
const arnOf = (r: RecordedResource): string => state(r).arn;

describe("blue/green, canary and linear services on one load balancer (under mocks)", () => {
    let run: ProgramRun;
    let tgs: Record<string, RecordedResource>;
    let rules: Record<string, RecordedResource>;
    let services: Record<string, RecordedResource>;
    before(async () => {
        run = await shop();
        tgs = byName(run, AWS_TYPES.lbTargetGroup);
        rules = byName(run, AWS_TYPES.lbListenerRule);
        services = byName(run, AWS_TYPES.ecsService);
    });

    it("THEN each non-rolling service has an alternate target group with its primary's settings, the rolling one none", () => {
        assert.deepEqual(Object.keys(tgs).sort(), ["admin-alt", "admin-tg", "api-alt", "api-tg", "docs-tg", "shop-tg", "web-alt"]);
        for (const [primary, alternate] of [["shop-tg", "web-alt"], ["api-tg", "api-alt"], ["admin-tg", "admin-alt"]]) {
            assert.deepEqual(inputs(tgs[alternate]), inputs(tgs[primary]), alternate);
        }
        // What per-target-group metrics of a shifted service need: the alternate group's suffix too.
        assert.deepEqual([run.outputs.webAlternateSuffix, run.outputs.apiAlternateSuffix, run.outputs.docsShift], [state(tgs["web-alt"]).arnSuffix, state(tgs["api-alt"]).arnSuffix, undefined]);
        // The default service's alternate group is the load balancer's child, a route's is its route's.
        assert.equal(tgs["web-alt"].parent, one(run, "fargate-web:lb:LoadBalancer").urn);
        assert.equal(tgs["api-alt"].parent, one(run, "fargate-web:lb:ServiceRoute", "api").urn);
    });

    it("THEN the production rules forward 100/0 to primary/alternate: the default service's as a catch-all at the lowest priority; the listener's default action is unchanged", () => {
        const listener = inputs(one(run, AWS_TYPES.lbListener, "shop-http"));
        assert.deepEqual(listener.defaultActions, [{ type: "forward", targetGroupArn: arnOf(tgs["shop-tg"]) }]);
        const forward = (primary: string, alternate: string) => [
            { type: "forward", forward: { targetGroups: [{ arn: arnOf(tgs[primary]), weight: 100 }, { arn: arnOf(tgs[alternate]), weight: 0 }] } },
        ];
        const listenerArn = arnOf(one(run, AWS_TYPES.lbListener, "shop-http"));
        const summary = Object.fromEntries(Object.entries(rules).map(([name, r]) => [name, { priority: inputs(r).priority, conditions: inputs(r).conditions }]));
        assert.deepEqual(summary, {
            "web-prod-rule": { priority: 50000, conditions: [{ pathPattern: { values: ["/*"] } }] },
            "web-test-rule": {
                priority: 49999,
                conditions: [{ httpHeader: { httpHeaderName: "X-Deployment-Test", values: ["web"] } }, { sourceIp: { values: ["203.0.113.0/24"] } }],
            },
            // "/docs/*" has the longer literal path, so it comes first (routing.ts).
            // api's route is at 20: its production rule wins over it, the test rule over both; 20 stays free for api-rule.
            "api-prod-rule": { priority: 19, conditions: [{ pathPattern: { values: ["/api/*"] } }] },
            "api-test-rule": {
                priority: 18,
                conditions: [
                    { pathPattern: { values: ["/api/*"] } },
                    { httpHeader: { httpHeaderName: "X-Deployment-Test", values: ["api"] } },
                    { sourceIp: { values: ["10.20.0.0/16"] } },
                ],
            },
            "docs-rule": { priority: 10, conditions: [{ pathPattern: { values: ["/docs/*"] } }] },
            "admin-prod-rule": { priority: 29, conditions: [{ hostHeader: { values: ["admin.example.com"] } }] },
        });
        for (const [rule, primary, alternate] of [["web-prod-rule", "shop-tg", "web-alt"], ["web-test-rule", "shop-tg", "web-alt"], ["api-prod-rule", "api-tg", "api-alt"], ["api-test-rule", "api-tg", "api-alt"], ["admin-prod-rule", "admin-tg", "admin-alt"]]) {
            assert.deepEqual(inputs(rules[rule]).actions, forward(primary, alternate), rule);
            assert.equal(inputs(rules[rule]).listenerArn, listenerArn, rule);
        }
        assert.deepEqual(inputs(rules["docs-rule"]).actions, [{ type: "forward", targetGroupArn: arnOf(tgs["docs-tg"]) }]);
    });

    it("THEN the rules ECS shifts ignore exactly their forward target groups, and the rolling rule ignores nothing", () => {
        for (const name of ["web-prod-rule", "web-test-rule", "api-prod-rule", "api-test-rule", "admin-prod-rule"]) {
            assert.deepEqual(rules[name].opts.ignoreChanges, [FORWARD_TARGET_GROUPS_PATH], name);
        }
        assert.deepEqual(rules["docs-rule"].opts.ignoreChanges, []);
        // The path resolves, in the inputs recorded, to the weighted groups: a path naming nothing would ignore nothing.
        const walk = (value: any, path: string) => path.split(/\.|\[(\d+)\]/).filter(Boolean).reduce((v, key) => v?.[key], value);
        assert.deepEqual(walk(inputs(rules["api-prod-rule"]), FORWARD_TARGET_GROUPS_PATH).map((g: any) => g.weight), [100, 0]);
    });

    it("THEN each service sends its strategy and step settings and points ECS at its alternate group, rules and infrastructure role; the rolling one sends none of it", () => {
        const advanced = (s: string) => inputs(services[`${s}-service`]).loadBalancers[0].advancedConfiguration;
        const role = (s: string) => arnOf(one(run, AWS_TYPES.iamRole, `${s}-lb-role`));
        assert.deepEqual(advanced("web"), {
            alternateTargetGroupArn: arnOf(tgs["web-alt"]),
            productionListenerRule: arnOf(rules["web-prod-rule"]),
            testListenerRule: arnOf(rules["web-test-rule"]),
            roleArn: role("web"),
        });
        assert.deepEqual(advanced("api"), {
            alternateTargetGroupArn: arnOf(tgs["api-alt"]),
            productionListenerRule: arnOf(rules["api-prod-rule"]),
            testListenerRule: arnOf(rules["api-test-rule"]),
            roleArn: role("api"),
        });
        assert.deepEqual(advanced("admin"), { alternateTargetGroupArn: arnOf(tgs["admin-alt"]), productionListenerRule: arnOf(rules["admin-prod-rule"]), roleArn: role("admin") });
        const hookRole = arnOf(one(run, AWS_TYPES.iamRole, "web-hook-role"));
        assert.deepEqual(inputs(services["web-service"]).deploymentConfiguration, {
            strategy: "BLUE_GREEN",
            bakeTimeInMinutes: "15",
            lifecycleHooks: [
                { targetType: "AWS_LAMBDA", hookTargetArn: SMOKE, roleArn: hookRole, lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"] },
                { targetType: "PAUSE", lifecycleStages: ["POST_SCALE_UP"], timeoutConfiguration: { action: "ROLLBACK", timeoutInMinutes: "60" } },
                { targetType: "AWS_LAMBDA", hookTargetArn: APPROVE, roleArn: hookRole, lifecycleStages: ["PRE_SCALE_UP", "POST_PRODUCTION_TRAFFIC_SHIFT"] },
            ],
        });
        assert.deepEqual(inputs(services["api-service"]).deploymentConfiguration, { strategy: "CANARY", bakeTimeInMinutes: "5", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: "20" } });
        assert.deepEqual(inputs(services["admin-service"]).deploymentConfiguration, { strategy: "LINEAR", bakeTimeInMinutes: "0", linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: "4" } });
        // Circuit breaker and alarms stay on whatever the strategy.
        assert.deepEqual(inputs(services["web-service"]).deploymentCircuitBreaker, { enable: true, rollback: true });
        assert.deepEqual(inputs(services["web-service"]).alarms, { alarmNames: ["web-5xx"], enable: true, rollback: true });
        const docs = inputs(services["docs-service"]);
        assert.equal("deploymentConfiguration" in docs, false);
        assert.deepEqual(docs.loadBalancers, [{ targetGroupArn: arnOf(tgs["docs-tg"]), containerName: "web", containerPort: 8080 }]);
    });

    it("THEN each shifted service has an infrastructure role ECS alone assumes, with the AWS-managed policy; a hook role only where Lambda hooks are, invoking exactly them", () => {
        const roles = byName(run, AWS_TYPES.iamRole);
        const attachments = byName(run, AWS_TYPES.iamRolePolicyAttachment);
        for (const s of ["web", "api", "admin"]) {
            assert.deepEqual(JSON.parse(inputs(roles[`${s}-lb-role`]).assumeRolePolicy), ecsInfrastructureTrustPolicy());
            assert.deepEqual(JSON.parse(inputs(roles[`${s}-lb-role`]).assumeRolePolicy).Statement[0].Principal, { Service: "ecs.amazonaws.com" });
            assert.deepEqual(inputs(attachments[`${s}-lb-policy`]), { role: state(roles[`${s}-lb-role`]).name, policyArn: "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers" });
            assert.equal(roles[`${s}-lb-role`].parent, one(run, "fargate-web:ecs:FargateService", s).urn);
        }
        assert.equal(roles["docs-lb-role"], undefined);
        assert.deepEqual(Object.keys(roles).filter(n => n.endsWith("-hook-role")), ["web-hook-role"]);
        assert.deepEqual(JSON.parse(inputs(roles["web-hook-role"]).assumeRolePolicy), ecsInfrastructureTrustPolicy());
        const hookPolicy = inputs(one(run, AWS_TYPES.iamRolePolicy, "web-hook-policy"));
        assert.equal(hookPolicy.role, state(roles["web-hook-role"]).name);
        assert.deepEqual(JSON.parse(hookPolicy.policy), {
            Version: "2012-10-17",
            Statement: [{ Sid: "InvokeLifecycleHooks", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: [APPROVE, SMOKE] }],
        });
    });

    it("THEN each service waits for its roles' permissions and its production rule, and its deploy timeout grows by its bakes and pauses", () => {
        const urn = (type: string, name: string) => one(run, type, name).urn;
        const web = services["web-service"];
        for (const dep of [urn(AWS_TYPES.iamRolePolicyAttachment, "web-lb-policy"), urn(AWS_TYPES.iamRolePolicy, "web-hook-policy"), urn(AWS_TYPES.lbListenerRule, "web-prod-rule")]) {
            assert.ok(web.dependencies.includes(dep), dep);
        }
        assert.ok(services["api-service"].dependencies.includes(urn(AWS_TYPES.lbListenerRule, "api-prod-rule")));
        const minutes = (s: string) => services[`${s}-service`].opts.customTimeouts.updateSeconds / 60;
        const docs = minutes("docs");
        // Same timing settings for all four; only the deployment differs: 15 bake + 60 pause; 5 + 20; 3 step bakes × 4.
        assert.deepEqual({ web: minutes("web") - docs, api: minutes("api") - docs, admin: minutes("admin") - docs }, { web: 75, api: 25, admin: 12 });
        assert.equal(services["web-service"].opts.customTimeouts.createSeconds, services["web-service"].opts.customTimeouts.updateSeconds);
    });
});

describe("a blue/green listener-default route and mismatched deployments (under mocks)", () => {
    it("GIVEN the default route (no targetPort) blue/green THEN its catch-all and test rules come after the listener, as children of its route", async () => {
        const run = await runInline(() => {
            const cluster = new Cluster("site");
            const lb = new LoadBalancer("site", { ...NETWORK, routes: [{ name: "web", port: 8080, deployment: BLUE_GREEN }, { name: "api", port: 3000, paths: ["/api/*"] }] });
            new FargateService("web", { ...task("web"), cluster, loadBalancer: lb.targets.web, deployment: BLUE_GREEN });
        });
        const route = one(run, "fargate-web:lb:ServiceRoute", "web").urn;
        const rules = byName(run, AWS_TYPES.lbListenerRule);
        assert.deepEqual(Object.keys(rules).sort(), ["api-rule", "web-prod-rule", "web-test-rule"]);
        assert.equal(rules["web-prod-rule"].parent, route);
        assert.equal(one(run, AWS_TYPES.lbTargetGroup, "web-alt").parent, route);
        assert.deepEqual([inputs(rules["web-prod-rule"]).priority, inputs(rules["web-test-rule"]).priority], [50000, 49999]);
        assert.equal(inputs(one(run, AWS_TYPES.ecsService, "web-service")).loadBalancers[0].advancedConfiguration.productionListenerRule, state(rules["web-prod-rule"]).arn);
    });

    it("GIVEN a blue/green service without a shifted route, or a rolling one with it THEN each is refused before anything is created", async () => {
        await assert.rejects(
            runInline(() => {
                const cluster = new Cluster("x");
                const lb = new LoadBalancer("x", { ...NETWORK, targetPort: 8080, defaultService: "web" });
                new FargateService("web", { ...task("web"), cluster, loadBalancer: lb.targets.web, deployment: BLUE_GREEN });
            }),
            /FargateService web: deployment.strategy is blueGreen, which shifts traffic between two target groups, but loadBalancer has no trafficShift; give the service's route the same deployment \(LoadBalancer routes\[\]\.deployment or defaultDeployment\) and pass its target\./,
        );
        await assert.rejects(
            runInline(() => {
                const cluster = new Cluster("x");
                const lb = new LoadBalancer("x", { ...NETWORK, targetPort: 8080, defaultService: "web", defaultDeployment: BLUE_GREEN });
                new FargateService("web", { ...task("web"), cluster, loadBalancer: lb.targets.web });
            }),
            /FargateService web: loadBalancer has a trafficShift but the deployment is rolling, so ECS would never use it/,
        );
        // The route's deployment and the service's disagree about test traffic: the rules ECS gets would not be the ones configured.
        await assert.rejects(
            runInline(() => {
                const cluster = new Cluster("x");
                const withoutTest: DeploymentSettings = { ...BLUE_GREEN, testTraffic: undefined };
                const lb = new LoadBalancer("x", { ...NETWORK, targetPort: 8080, defaultService: "web", defaultDeployment: withoutTest });
                new FargateService("web", { ...task("web"), cluster, loadBalancer: lb.targets.web, deployment: BLUE_GREEN });
            }),
            /FargateService web: deployment\.testTraffic is set, but the route's trafficShift has no test listener rule/,
        );
        await assert.rejects(
            runInline(() => {
                new FargateService("jobs", { ...task("jobs"), cluster: new Cluster("x"), deployment: CANARY });
            }),
            /FargateService jobs: deployment.strategy is canary, which shifts traffic between two target groups, but the service has no loadBalancer/,
        );
        await assert.rejects(
            runInline(() => {
                new LoadBalancer("x", { ...NETWORK, routes: [{ name: "api", port: 3000, paths: ["/api/*"], deployment: { ...CANARY, testTraffic: { cidrs: ["0.0.0.0/0"] } } }] });
            }),
            /LoadBalancer x: routes\.api\.deployment\.testTraffic\.cidrs\[0\] is "0\.0\.0\.0\/0"; that is the whole internet; test traffic reaches a revision before it is released/,
        );
        await assert.rejects(
            runInline(() => {
                new LoadBalancer("x", { ...NETWORK, defaultDeployment: BLUE_GREEN });
            }),
            /LoadBalancer x: defaultDeployment is the deployment of the service behind targetPort, which is unset; set targetPort or give the route its deployment\./,
        );
    });
});

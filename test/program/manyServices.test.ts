/**
 * The stack's composition (`deployStack`, what index.ts runs) with several services, from settings made
 * here: the dev stack's settings with a web front end, an API behind `/api/*` and a queue worker. The
 * `services` config key feeds the same settings to the program.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { deployStack } from "../../components/stack";
import type { LoadedStackSettings } from "../../components/loadStackConfig";
import { ConfigError, parseStackConfig, ServiceSettings, StackSettings } from "../../components/stackConfig";
import { readStackConfig } from "../../harness/projectConfig";
import { evaluatePack, mandatory } from "../../harness/policyEngine";
import { ProgramRun } from "../../harness/runProgram";
import { pack } from "../../policy/pack";
import { inputs, ofType, one, PROJECT_DIR, runInline, state } from "../support/stacks";

const settingsOf = (stack: string): StackSettings => {
    const base = readStackConfig(PROJECT_DIR, stack);
    return parseStackConfig({ project: base.project, stack, values: base.config, secretKeys: base.secretKeys });
};

/** The dev stack's one service turned into web + api + jobs. */
function threeServices(settings: StackSettings): ServiceSettings[] {
    const [web] = settings.services;
    return [
        { ...web, serviceConnect: true },
        {
            ...web,
            name: "api",
            container: { ...web.container, port: 3000 },
            route: { ...web.route!, paths: ["/api/*"] },
            scaling: { ...web.scaling!, requestsPerTarget: 500 },
            serviceConnect: true,
            callers: ["web", "jobs"],
        },
        {
            ...web,
            name: "jobs",
            kind: "worker",
            container: { ...web.container, port: undefined },
            route: undefined,
            // A worker has no deployment strategy of its own (prod's web deploys blue/green).
            deployment: undefined,
            scaling: {
                ...web.scaling!,
                requestsPerTarget: 500,
                queue: { namespace: "AWS/SQS", metricName: "ApproximateNumberOfMessagesVisible", dimensions: { QueueName: "jobs" }, statistic: "Average", targetValue: 10 },
            },
            serviceConnect: true,
        },
    ];
}

const loaded = (settings: StackSettings, services: ServiceSettings[]): LoadedStackSettings => {
    const secrets = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, pulumi.secret(v)]));
    return {
        ...settings,
        container: { ...settings.container, secretValues: secrets(settings.container.secretValues) },
        services: services.map(s => ({ ...s, container: { ...s.container, secretValues: secrets(s.container.secretValues) } })),
    };
};

const run = (services: (s: StackSettings) => ServiceSettings[], stack = "dev", extra: Partial<StackSettings> = {}) => {
    const settings = { ...settingsOf(stack), ...extra };
    return runInline(() => deployStack(loaded(settings, services(settings))) as unknown as Record<string, unknown>, stack);
};

describe("the stack with several services (deployStack under mocks)", () => {
    let stack: ProgramRun;
    before(async () => {
        stack = await run(threeServices);
    });

    it("THEN one network, one cluster and one load balancer serve three services, each with its own image and task", () => {
        for (const type of ["fargate-web:network:Network", "fargate-web:ecs:Cluster", "fargate-web:lb:LoadBalancer", "aws:lb/loadBalancer:LoadBalancer", "aws:ecs/cluster:Cluster"]) {
            assert.equal(ofType(stack, type).length, 1, type);
        }
        assert.deepEqual(ofType(stack, "fargate-web:ecs:FargateService").map(r => r.name), ["web", "api", "jobs"]);
        assert.deepEqual(ofType(stack, "fargate-web:image:ContainerImage").map(r => r.name), ["web", "api", "jobs"]);
        assert.deepEqual(ofType(stack, "aws:ecs/taskDefinition:TaskDefinition").map(r => inputs(r).family), ["dev-web", "dev-api", "dev-jobs"]);
    });

    it("THEN the default service keeps the load balancer's own target group and the api gets a rule for /api/*", () => {
        const listener = inputs(one(stack, "aws:lb/listener:Listener"));
        assert.equal(listener.defaultActions[0].targetGroupArn, state(one(stack, "aws:lb/targetGroup:TargetGroup", "web-tg")).arn);
        const rule = inputs(one(stack, "aws:lb/listenerRule:ListenerRule"));
        assert.equal(rule.tags.Service, "api");
        assert.equal(inputs(one(stack, "aws:lb/targetGroup:TargetGroup", "api-tg")).tags.Service, "api");
        assert.deepEqual([rule.priority, rule.conditions], [10, [{ pathPattern: { values: ["/api/*"] } }]]);
        assert.deepEqual(
            ofType(stack, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")
                .filter(r => r.parent === one(stack, "fargate-web:lb:LoadBalancer").urn)
                .map(r => [r.name, inputs(r).fromPort]),
            [
                ["web-egress-targets", 8080],
                ["web-egress-3000", 3000],
            ],
        );
    });

    it("THEN each service scales on its own: requests only where routed, the worker on its queue", () => {
        const policies = Object.fromEntries(ofType(stack, "aws:appautoscaling/policy:Policy").map(p => [p.name, inputs(p).targetTrackingScalingPolicyConfiguration]));
        assert.deepEqual(Object.keys(policies).sort(), ["api-cpu", "api-requests", "jobs-cpu", "jobs-metric", "web-cpu"]);
        assert.match(policies["api-requests"].predefinedMetricSpecification.resourceLabel, /^app\/.+\/targetgroup\/api-tg/);
        assert.deepEqual(policies["jobs-metric"], {
            targetValue: 10,
            scaleInCooldown: 300,
            scaleOutCooldown: 60,
            customizedMetricSpecification: {
                namespace: "AWS/SQS",
                metricName: "ApproximateNumberOfMessagesVisible",
                statistic: "Average",
                dimensions: [{ name: "QueueName", value: "jobs" }],
            },
        });
    });

    it("THEN the stack exports every service, and the one-service outputs describe the main one", () => {
        assert.deepEqual(Object.keys(stack.outputs.services as object), ["web", "api", "jobs"]);
        assert.equal(stack.outputs.logGroupName, "/ecs/fargate-web/dev/web");
        assert.equal((stack.outputs.services as Record<string, { logGroupName: string }>).jobs.logGroupName, "/ecs/fargate-web/dev/jobs");
    });

    it("THEN the dev policy pack finds no mandatory violation", async () => {
        const policyConfig = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", "dev.json"), "utf8"));
        assert.deepEqual(mandatory(await evaluatePack(pack, stack.resources, policyConfig)), []);
    });

    it("GIVEN prod with the same three services and a Private CA THEN rules join the HTTPS listener and the prod pack finds no mandatory violation", async () => {
        const ca = "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/0a1b2c3d-0000-1111-2222-333344445555";
        const prod = await run(threeServices, "prod", { serviceConnectTls: { certificateAuthorityArn: ca } });
        // Prod's web and api deploy blue/green with test traffic: production and test rules for both.
        const rules = ofType(prod, "aws:lb/listenerRule:ListenerRule");
        assert.deepEqual(rules.map(r => r.name).sort(), ["api-prod-rule", "api-test-rule", "web-prod-rule", "web-test-rule"]);
        for (const rule of rules) assert.equal(inputs(rule).listenerArn, state(one(prod, "aws:lb/listener:Listener", "web-https")).arn, rule.name);
        const policyConfig = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", "prod.json"), "utf8"));
        // The Service Connect TLS role holds AWS's managed policy for it, which the pack vets (scoped to
        // ECS-managed resources, assumed by ECS only): the prod config needs no exception.
        assert.deepEqual(mandatory(await evaluatePack(pack, prod.resources, policyConfig)), []);
    });

    it("GIVEN a caller that is not a service, or one without Service Connect THEN a ConfigError names them before anything registers", async () => {
        const broken = (s: StackSettings) => {
            const [web, api, jobs] = threeServices(s);
            return [{ ...web, serviceConnect: false }, { ...api, callers: ["web", "job"] }, jobs];
        };
        await assert.rejects(run(broken), (e: Error & { cause?: unknown }) => {
            assert.ok(e.cause instanceof ConfigError);
            assert.deepEqual(e.cause.problems, [
                `services.api.callers has "web", which does not join Service Connect; set services.web.serviceConnect to true`,
                `services.api.callers has "job", which is no service of this stack; did you mean "jobs"?`,
            ]);
            return true;
        });
    });

    it("GIVEN only routed services with paths THEN the listener answers 404 and no target group belongs to the load balancer itself", async () => {
        const paths = await run(s => {
            const [web, api] = threeServices(s);
            return [{ ...web, route: { ...web.route!, paths: ["/app/*"] } }, { ...api, callers: ["web"] }];
        });
        assert.equal(inputs(one(paths, "aws:lb/listener:Listener")).defaultActions[0].type, "fixed-response");
        assert.deepEqual(ofType(paths, "aws:lb/targetGroup:TargetGroup").map(t => t.name), ["web-tg", "api-tg"]);
        assert.equal(one(paths, "aws:lb/targetGroup:TargetGroup", "web-tg").parent, one(paths, "fargate-web:lb:ServiceRoute", "web").urn);
    });
});

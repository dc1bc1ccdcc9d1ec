/**
 * The stack's composition (`deployStack`) with a blue/green, a canary, a linear and a rolling service
 * (`test/support/strategyStack.ts`): what each strategy adds, where, and that choosing a strategy replaces
 * nothing a rolling stack already runs.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { deployStack } from "../../components/stack";
import type { LoadedStackSettings } from "../../components/loadStackConfig";
import { parseStackConfig, StackSettings } from "../../components/stackConfig";
import { readStackConfig } from "../../harness/projectConfig";
import { evaluatePack, mandatory } from "../../harness/policyEngine";
import { pack } from "../../policy/pack";
import { ProgramRun } from "../../harness/runProgram";
import { inputs, one, PROJECT_DIR, runInline, state } from "../support/stacks";
import { runStrategyStack, strategySettings, STRATEGIES } from "../support/strategyStack";
import { AWS_TYPES } from "../../policy/facts/typeTokens";
import { deploymentWaitMinutes } from "../../components/rolloutTimeout";
import { estimateRollout } from "../../estimates";

const runSettings = (rolling: StackSettings, stack = "dev"): Promise<ProgramRun> => {
    const secrets = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, pulumi.secret(v)]));
    const loaded: LoadedStackSettings = {
        ...rolling,
        container: { ...rolling.container, secretValues: secrets(rolling.container.secretValues) },
        services: rolling.services.map(s => ({ ...s, container: { ...s.container, secretValues: secrets(s.container.secretValues) } })),
    };
    return runInline(() => deployStack(loaded) as unknown as Record<string, unknown>, stack);
};

const rollingRun = (): Promise<ProgramRun> => {
    const settings: StackSettings = strategySettings();
    return runSettings({ ...settings, services: settings.services.map(s => ({ ...s, deployment: undefined })) });
};

describe("a stack of every deployment strategy (deployStack under mocks)", () => {
    let run: ProgramRun;
    let rolling: ProgramRun;
    before(async () => {
        run = await runStrategyStack();
        rolling = await rollingRun();
    });

    it("THEN each strategy adds exactly its alternate group, rules and roles, and the rolling worker nothing", () => {
        const added = run.resources.filter(r => !rolling.resources.some(o => o.urn === r.urn)).map(r => `${r.type} ${r.name}`).sort();
        assert.deepEqual(added, [
            `${AWS_TYPES.iamRole} admin-lb-role`,
            `${AWS_TYPES.iamRole} api-lb-role`,
            `${AWS_TYPES.iamRole} web-hook-role`,
            `${AWS_TYPES.iamRole} web-lb-role`,
            `${AWS_TYPES.iamRolePolicy} web-hook-policy`,
            `${AWS_TYPES.iamRolePolicyAttachment} admin-lb-policy`,
            `${AWS_TYPES.iamRolePolicyAttachment} api-lb-policy`,
            `${AWS_TYPES.iamRolePolicyAttachment} web-lb-policy`,
            `${AWS_TYPES.lbListenerRule} admin-prod-rule`,
            `${AWS_TYPES.lbListenerRule} api-prod-rule`,
            `${AWS_TYPES.lbListenerRule} api-test-rule`,
            `${AWS_TYPES.lbListenerRule} web-prod-rule`,
            `${AWS_TYPES.lbListenerRule} web-test-rule`,
            `${AWS_TYPES.lbTargetGroup} admin-alt`,
            `${AWS_TYPES.lbTargetGroup} api-alt`,
            `${AWS_TYPES.lbTargetGroup} web-alt`,
        ]);
        // Of what the rolling stack runs, only the routed services' own rules go: their production rules take
        // their place (created first, at priorities of their own; see strategySwitch.test.ts). Nothing moves.
        assert.deepEqual(rolling.resources.filter(r => !run.resources.some(o => o.urn === r.urn)).map(r => r.name).sort(), ["admin-rule", "api-rule"]);
    });

    it("THEN of what both stacks run, only the three services, their load-balancer alarms, api's request scaling and the dashboard change inputs (now over both target groups); the worker, the listener and the other alarms do not", () => {
        const changed = rolling.resources
            .filter(r => {
                const now = run.resources.find(o => o.urn === r.urn);
                return now !== undefined && JSON.stringify(inputs(now)) !== JSON.stringify(inputs(r));
            })
            .map(r => r.name)
            .sort();
        const targetAlarms = (s: string) => [`${s}-latency-p99`, `${s}-target-5xx`, `${s}-unhealthy-hosts`];
        assert.deepEqual(
            changed,
            ["admin-service", ...targetAlarms("api"), "api-requests", "api-service", ...targetAlarms("admin"), ...targetAlarms("web"), "web-dashboard", "web-service"].sort(),
        );
    });

    it("THEN the default service's alternate group and rules belong to the load balancer, each service's roles to the service", () => {
        const lb = one(run, "fargate-web:lb:LoadBalancer").urn;
        for (const name of ["web-alt", "web-prod-rule", "web-test-rule"]) {
            assert.equal(run.resources.find(r => r.name === name)!.parent, lb, name);
        }
        assert.equal(one(run, AWS_TYPES.lbTargetGroup, "api-alt").parent, one(run, "fargate-web:lb:ServiceRoute", "api").urn);
        assert.equal(one(run, AWS_TYPES.iamRole, "web-hook-role").parent, one(run, "fargate-web:ecs:FargateService", "web").urn);
        assert.match(one(run, AWS_TYPES.lbTargetGroup, "web-alt").urn, /^urn:pulumi:dev::fargate-web::fargate-web:lb:LoadBalancer\$aws:lb\/targetGroup:TargetGroup::web-alt$/);
    });

    it("THEN each service's deploy timeout is its rolling one plus its bakes and pauses, and its rollback alarms stay as they were", () => {
        for (const s of ["web", "api", "admin"] as const) {
            const now = one(run, AWS_TYPES.ecsService, `${s}-service`);
            const before = one(rolling, AWS_TYPES.ecsService, `${s}-service`);
            assert.equal(now.opts.customTimeouts.updateSeconds - before.opts.customTimeouts.updateSeconds, deploymentWaitMinutes(STRATEGIES[s]) * 60, s);
            assert.deepEqual(inputs(now).alarms, inputs(before).alarms, s);
            assert.equal(inputs(now).alarms.rollback, true, s);
        }
        assert.deepEqual(inputs(one(run, AWS_TYPES.ecsService, "worker-service")), inputs(one(rolling, AWS_TYPES.ecsService, "worker-service")));
        // The test rule of the web service admits only its CIDR.
        const test = inputs(one(run, AWS_TYPES.lbListenerRule, "web-test-rule"));
        assert.deepEqual(test.conditions.at(-1), { sourceIp: { values: ["203.0.113.0/24"] } });
        assert.equal(state(one(run, AWS_TYPES.lbListenerRule, "web-test-rule")).priority, 49999);
    });

    it("THEN the rollout estimate finds every deploy timeout long enough for its bakes, shifts and pauses", () => {
        const rollout = estimateRollout(run.resources, { environment: "dev" });
        assert.deepEqual(rollout.warnings, []);
        // Non-vacuous: the estimate did read each strategy, the web service's 30-minute pause included.
        assert.deepEqual(rollout.services.map(s => s.strategy).sort(), ["BLUE_GREEN", "CANARY", "LINEAR", "ROLLING"]);
        assert.equal(rollout.services.find(s => s.strategy === "BLUE_GREEN")?.deployment?.pauseCapSeconds, 30 * 60);
    });

    it("THEN the dev policy pack finds no mandatory violation: the infrastructure roles, the rules' ignoreChanges and the test rules' sources pass", async () => {
        const policyConfig = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", "dev.json"), "utf8"));
        assert.deepEqual(mandatory(await evaluatePack(pack, run.resources, policyConfig)), []);
    });

    it("GIVEN the prod stack's one service blue/green THEN its rules join the HTTPS listener and the HTTP listener still only redirects", async () => {
        const base = readStackConfig(PROJECT_DIR, "prod");
        const prod = parseStackConfig({ project: base.project, stack: "prod", values: base.config, secretKeys: base.secretKeys });
        const run = await runSettings({ ...prod, services: prod.services.map(s => ({ ...s, deployment: STRATEGIES.web })) }, "prod");
        const https = state(one(run, AWS_TYPES.lbListener, "web-https")).arn;
        assert.deepEqual(
            ["web-prod-rule", "web-test-rule"].map(name => inputs(one(run, AWS_TYPES.lbListenerRule, name)).listenerArn),
            [https, https],
        );
        assert.deepEqual(inputs(one(run, AWS_TYPES.lbListener, "web-http")).defaultActions.map((a: { type: string }) => a.type), ["redirect"]);
        assert.equal(inputs(one(run, AWS_TYPES.ecsService, "web-service")).deploymentConfiguration.strategy, "BLUE_GREEN");
        const policyConfig = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", "prod.json"), "utf8"));
        assert.deepEqual(mandatory(await evaluatePack(pack, run.resources, policyConfig)), []);
    });
});

/**
 * A stack with a blue/green, a canary, a linear and a rolling service (`test/support/strategyStack.ts`; the
 * stack files stay rolling) against the request models of `@aws-sdk/client-ecs` (CreateService and
 * UpdateService, with `deploymentConfiguration` and `loadBalancers[].advancedConfiguration`) and
 * `@aws-sdk/client-elastic-load-balancing-v2` (CreateRule with weighted forwards, http-header and source-ip
 * conditions; CreateTargetGroup for the alternate groups), and the documented limits.
 */
import * as assert from "node:assert/strict";
import type { CreateRuleInput } from "@aws-sdk/client-elastic-load-balancing-v2";
import { ProgramRun } from "../../harness/runProgram";
import { RecordedResource } from "../../harness/types";
import { ApiModel, loadApiModel } from "../support/awsApiModel";
import { inputs, one, ofType } from "../support/stacks";
import { runStrategyStack } from "../support/strategyStack";
import { ruleLimits, serviceLimits, targetGroupLimits } from "./documentedLimits";
import { assertNoProblems, listenerRulesByArn, requestProblems, stateString } from "./kit";
import { createRule, createService, createTargetGroup, registerTaskDefinition, updateService } from "./mapping";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const names = (resources: readonly RecordedResource[]) => resources.map(r => r.name).sort();

describe("conformance: a stack of every deployment strategy", () => {
    let run: ProgramRun;
    let ecs: ApiModel;
    let elb: ApiModel;
    before(async function () {
        this.timeout(60_000);
        ecs = loadApiModel("@aws-sdk/client-ecs");
        elb = loadApiModel("@aws-sdk/client-elastic-load-balancing-v2");
        run = await runStrategyStack();
    });

    const targetGroupArns = () => ofType(run, AWS_TYPES.lbTargetGroup).map(tg => stateString(tg, "arn"));
    const rulesByArn = (): Record<string, CreateRuleInput> => listenerRulesByArn(run);

    it("GIVEN every target group, alternates included WHEN sent as CreateTargetGroup THEN the model and documented limits accept it", () => {
        const groups = ofType(run, AWS_TYPES.lbTargetGroup);
        assert.deepEqual(names(groups), ["admin-alt", "admin-tg", "api-alt", "api-tg", "web-alt", "web-tg"]);
        const problems = groups.flatMap(tg => {
            const { request, unmapped } = createTargetGroup(inputs(tg), stateString(tg, "name"), stateString(tg, "arn"));
            return [
                ...requestProblems("CreateTargetGroupInput", { request: request.create, unmapped }, elb, targetGroupLimits(request.create, request.attributes)),
                ...requestProblems("ModifyTargetGroupAttributesInput", { request: request.attributes, unmapped: [] }, elb),
            ].map(p => `${tg.name}: ${p}`);
        });
        assertNoProblems("CreateTargetGroup (strategies)", problems);
    });

    it("GIVEN every listener rule WHEN sent as CreateRule THEN the model and documented limits accept its weighted forward, http-header and source-ip conditions, on the stack's listener with unique priorities", () => {
        const rules = ofType(run, AWS_TYPES.lbListenerRule);
        assert.deepEqual(names(rules), ["admin-prod-rule", "api-prod-rule", "api-test-rule", "web-prod-rule", "web-test-rule"]);
        const listenerArns = ofType(run, AWS_TYPES.lbListener).map(l => stateString(l, "arn"));
        const problems = rules.flatMap(rule => {
            const mapped = createRule(inputs(rule));
            const references = listenerArns.includes(mapped.request.ListenerArn ?? "") ? [] : [`ListenerArn ${mapped.request.ListenerArn} is no listener of the stack`];
            return requestProblems("CreateRuleInput", mapped, elb, [...ruleLimits(mapped.request, targetGroupArns()), ...references]).map(p => `${rule.name}: ${p}`);
        });
        assertNoProblems("CreateRule (strategies)", problems);
        // Non-vacuous: the walked requests carry each new member.
        const fields = rules.flatMap(r => (createRule(inputs(r)).request.Conditions ?? []).map(c => c.Field));
        for (const field of ["path-pattern", "host-header", "http-header", "source-ip"]) assert.ok(fields.includes(field), field);
        assert.ok(rules.every(r => (createRule(inputs(r)).request.Actions?.[0].ForwardConfig?.TargetGroups ?? []).length === 2));
        const priorities = rules.map(r => `${inputs(r).listenerArn} ${inputs(r).priority}`);
        assert.equal(new Set(priorities).size, priorities.length, priorities.join(", "));
    });

    for (const operation of ["CreateService", "UpdateService"] as const) {
        it(`GIVEN every service WHEN sent as ${operation} THEN the ECS model and documented limits accept its deploymentConfiguration and advancedConfiguration, against the stack's own target groups, rules and roles`, () => {
            const services = ofType(run, AWS_TYPES.ecsService);
            assert.deepEqual(names(services), ["admin-service", "api-service", "web-service", "worker-service"]);
            const targetGroups = Object.fromEntries(
                ofType(run, AWS_TYPES.lbTargetGroup).map(tg => [stateString(tg, "arn"), createTargetGroup(inputs(tg), stateString(tg, "name"), stateString(tg, "arn")).request.create]),
            );
            const clusterCapacityProviders = inputs(one(run, AWS_TYPES.ecsClusterCapacityProviders)).capacityProviders ?? [];
            const roleArns = ofType(run, AWS_TYPES.iamRole).map(r => stateString(r, "arn"));
            const problems = services.flatMap(service => {
                const create = createService(inputs(service), stateString(service, "name"));
                const td = ofType(run, AWS_TYPES.ecsTaskDefinition).find(t => stateString(t, "arn") === create.request.taskDefinition)!;
                const limits = serviceLimits(create.request, {
                    taskDefinition: registerTaskDefinition(inputs(td)).request,
                    targetGroups,
                    clusterCapacityProviders,
                    listenerRules: rulesByArn(),
                });
                const roles = [
                    ...(create.request.loadBalancers ?? []).map(lb => lb.advancedConfiguration?.roleArn),
                    ...(create.request.deploymentConfiguration?.lifecycleHooks ?? []).map(h => h.roleArn),
                ].filter(arn => arn !== undefined && !roleArns.includes(arn)).map(arn => `role ${arn} is no role of the stack`);
                const found =
                    operation === "CreateService"
                        ? requestProblems("CreateServiceRequest", create, ecs, [...limits, ...roles])
                        : requestProblems("UpdateServiceRequest", updateService(inputs(service), stateString(service, "name")), ecs, [...limits, ...roles]);
                return found.map(p => `${service.name}: ${p}`);
            });
            assertNoProblems(`${operation} (strategies)`, problems);
            // Non-vacuous: each strategy was walked with its own members.
            const strategy = (s: string) => createService(inputs(one(run, AWS_TYPES.ecsService, `${s}-service`)), s).request.deploymentConfiguration;
            assert.equal(strategy("web")?.strategy, "BLUE_GREEN");
            assert.deepEqual(strategy("web")?.lifecycleHooks?.map(h => h.targetType), ["AWS_LAMBDA", "PAUSE"]);
            assert.equal(strategy("api")?.canaryConfiguration?.canaryPercent, 10);
            assert.equal(strategy("admin")?.linearConfiguration?.stepPercent, 20);
            assert.equal(strategy("worker")?.strategy, undefined);
        });
    }

    it("GIVEN the documented limits WHEN a strategy member breaks one THEN each is caught: a PAUSE hook at a Lambda-only stage, a step below 3 %, a rule forwarding to a third group", () => {
        const service = one(run, AWS_TYPES.ecsService, "web-service");
        const request = createService(inputs(service), "web").request;
        const context = {
            taskDefinition: registerTaskDefinition(inputs(one(run, AWS_TYPES.ecsTaskDefinition, "web-task"))).request,
            targetGroups: Object.fromEntries(ofType(run, AWS_TYPES.lbTargetGroup).map(tg => [stateString(tg, "arn"), createTargetGroup(inputs(tg), "n", "a").request.create])),
            clusterCapacityProviders: ["FARGATE", "FARGATE_SPOT"],
            listenerRules: rulesByArn(),
        };
        const pause = structuredClone(request);
        pause.deploymentConfiguration!.lifecycleHooks![1].lifecycleStages = ["PRODUCTION_TRAFFIC_SHIFT"];
        assert.ok(serviceLimits(pause, context).some(p => /PAUSE hooks cannot be configured at PRODUCTION_TRAFFIC_SHIFT/.test(p)));
        const step = structuredClone(request);
        step.deploymentConfiguration = { ...step.deploymentConfiguration, strategy: "LINEAR", linearConfiguration: { stepPercent: 2.5, stepBakeTimeInMinutes: 1 } };
        assert.ok(serviceLimits(step, context).some(p => /stepPercent is 2.5/.test(p)));
        const rule = createRule(inputs(one(run, AWS_TYPES.lbListenerRule, "web-prod-rule"))).request;
        const third = structuredClone(rule);
        third.Actions![0].ForwardConfig!.TargetGroups!.push({ TargetGroupArn: stateString(one(run, AWS_TYPES.lbTargetGroup, "api-tg"), "arn"), Weight: 0 });
        const broken = { ...context, listenerRules: { ...context.listenerRules, [request.loadBalancers![0].advancedConfiguration!.productionListenerRule!]: third } };
        assert.ok(serviceLimits(request, broken).some(p => /must forward to the primary and alternate target groups only/.test(p)));
        assert.ok(ruleLimits({ ...rule, Priority: 50001 }, []).some(p => /Priority is 50001/.test(p)));
    });
});

import * as assert from "node:assert/strict";
import { UNKNOWN } from "../../../harness/serialisation";
import { ecsServiceDeploymentStrategyComplete as policy } from "../../../policy/ecs/ecs-service-deployment-strategy-complete";
import { ACCOUNT, REGION, TARGET_GROUP_ARN, assertViolations, evaluate, resourceOf, SERVICE } from "../baselines/ecs";

const NAME = "ecs-service-deployment-strategy-complete";
const ELB = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}`;
const ALTERNATE = `${ELB}:targetgroup/web-alt/fedcba9876543210`;
const PRODUCTION_RULE = `${ELB}:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/1a2b3c4d5e6f7081`;
const TEST_RULE = `${ELB}:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9f8e7d6c5b4a3921`;
const INFRA_ROLE = `arn:aws:iam::${ACCOUNT}:role/web-ecs-infrastructure`;
const HOOK_ROLE = `arn:aws:iam::${ACCOUNT}:role/web-deploy-hooks`;
const FUNCTION = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:smoke-test`;

const advanced = (change: Record<string, unknown> = {}) => ({
    alternateTargetGroupArn: ALTERNATE,
    productionListenerRule: PRODUCTION_RULE,
    testListenerRule: TEST_RULE,
    roleArn: INFRA_ROLE,
    ...change,
});

/** The web service as a blue/green (or other) deployment: complete unless changed (BLUE_GREEN bakes 15 minutes unless `bakeTimeInMinutes` is given, even as undefined). */
const shifting = (deploymentConfiguration: Record<string, unknown>, lb: Record<string, unknown> | null = advanced(), extra: Record<string, unknown> = {}) =>
    resourceOf(SERVICE, "web", {
        deploymentConfiguration: deploymentConfiguration.strategy === "BLUE_GREEN" && !("bakeTimeInMinutes" in deploymentConfiguration) ? { bakeTimeInMinutes: "15", ...deploymentConfiguration } : deploymentConfiguration,
        loadBalancers: [{ targetGroupArn: TARGET_GROUP_ARN, containerName: "web", containerPort: 8080, ...(lb === null ? {} : { advancedConfiguration: lb }) }],
        ...extra,
    });

const check = async (service: ReturnType<typeof shifting>, expected: string[]) => assertViolations(await evaluate(policy, [service]), NAME, "mandatory", expected);

describe(NAME, () => {
    it("GIVEN the rolling baseline, and complete BLUE_GREEN, CANARY and LINEAR services THEN no violation", async () => {
        await check(resourceOf(SERVICE, "web"), []);
        await check(shifting({ strategy: "BLUE_GREEN", bakeTimeInMinutes: "15" }), []);
        await check(shifting({ strategy: "CANARY", bakeTimeInMinutes: "0", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: "5" } }), []);
        await check(shifting({ strategy: "LINEAR", bakeTimeInMinutes: 1440, linearConfiguration: { stepPercent: 33.3, stepBakeTimeInMinutes: "2" } }), []);
        await check(shifting({ strategy: "BLUE_GREEN" }, advanced({ testListenerRule: undefined })), []);
    });

    describe("GIVEN the strategy and controller names", () => {
        it("GIVEN a strategy spelled as the provider refuses THEN reported with the accepted values", async () => {
            for (const strategy of ["blue_green", "Blue_Green", "BLUEGREEN", "canary", " LINEAR", ""]) {
                await check(shifting({ strategy }), [`deploymentConfiguration.strategy is ${JSON.stringify(strategy)}; the provider accepts "ROLLING", "BLUE_GREEN", "LINEAR" or "CANARY" (case-sensitive).`]);
            }
        });

        it("GIVEN a controller spelled as the provider refuses THEN reported", async () => {
            await check(resourceOf(SERVICE, "web", { deploymentController: { type: "ecs" } }), [
                'deploymentController.type is "ecs"; the provider accepts "ECS", "CODE_DEPLOY" or "EXTERNAL" (case-sensitive).',
            ]);
        });

        it("GIVEN BLUE_GREEN on the CODE_DEPLOY or EXTERNAL controller THEN reported: ECS's strategies need its own controller", async () => {
            for (const type of ["CODE_DEPLOY", "EXTERNAL"]) {
                await check(shifting({ strategy: "BLUE_GREEN" }, advanced(), { deploymentController: { type } }), [
                    `deploymentConfiguration.strategy BLUE_GREEN runs only on ECS's own deployment controller, but deploymentController.type is "${type}"; remove deploymentController or set its type to "ECS".`,
                ]);
            }
        });
    });

    describe("GIVEN the load balancer's advanced configuration", () => {
        it("GIVEN a traffic-shifting strategy without advancedConfiguration THEN reported", async () => {
            for (const strategy of ["BLUE_GREEN", "CANARY", "LINEAR"]) {
                await check(shifting({ strategy }, null), [
                    `loadBalancers[0] has no advancedConfiguration, which a ${strategy} deployment needs to shift traffic; set alternateTargetGroupArn (a second target group), productionListenerRule (the rule that forwards to both), and roleArn (a role ECS assumes with AmazonECSInfrastructureRolePolicyForLoadBalancers).`,
                ]);
            }
        });

        it("GIVEN ROLLING, or no strategy, without advancedConfiguration THEN nothing to report", async () => {
            await check(shifting({ strategy: "ROLLING" }, null), []);
            await check(shifting({}, null), []);
        });

        it("GIVEN the alternate target group equal to the primary, or missing THEN reported", async () => {
            await check(shifting({ strategy: "BLUE_GREEN" }, advanced({ alternateTargetGroupArn: TARGET_GROUP_ARN })), [
                `loadBalancers[0].advancedConfiguration.alternateTargetGroupArn is the primary target group (${TARGET_GROUP_ARN}); ECS needs a second target group to register the new revision's tasks in.`,
            ]);
            for (const alternateTargetGroupArn of [undefined, "", "  "]) {
                await check(shifting({ strategy: "BLUE_GREEN" }, advanced({ alternateTargetGroupArn })), [
                    "loadBalancers[0].advancedConfiguration.alternateTargetGroupArn is not set; name a second target group for the new revision's tasks.",
                ]);
            }
        });

        it("GIVEN no production listener rule or no role THEN each is reported", async () => {
            await check(shifting({ strategy: "CANARY" }, advanced({ productionListenerRule: undefined, roleArn: "" })), [
                "loadBalancers[0].advancedConfiguration.productionListenerRule is not set; name the listener rule that forwards production traffic to both target groups.",
                "loadBalancers[0].advancedConfiguration.roleArn is not set; name the role ECS assumes to move traffic (trusting ecs.amazonaws.com, with AmazonECSInfrastructureRolePolicyForLoadBalancers).",
            ]);
        });

        it("GIVEN the test listener rule equal to the production rule THEN reported", async () => {
            await check(shifting({ strategy: "BLUE_GREEN" }, advanced({ testListenerRule: PRODUCTION_RULE })), [
                `loadBalancers[0].advancedConfiguration.testListenerRule is the production listener rule (${PRODUCTION_RULE}); give test traffic a rule of its own, or leave testListenerRule unset.`,
            ]);
        });

        it("GIVEN ARNs not known yet (first preview) THEN nothing is compared or reported; the rest is still checked", async () => {
            await check(shifting({ strategy: "BLUE_GREEN" }, advanced({ alternateTargetGroupArn: UNKNOWN, productionListenerRule: UNKNOWN, testListenerRule: UNKNOWN, roleArn: UNKNOWN })), []);
            const result = await evaluate(policy, [shifting({ strategy: "BLUE_GREEN", bakeTimeInMinutes: "2000" }, UNKNOWN as never)]);
            assert.deepEqual(result.diagnostics[0].detail, 'deploymentConfiguration.bakeTimeInMinutes is "2000"; ECS accepts whole numbers 0 to 1440.');
            assert.match(result.diagnostics[1].message, /can't run policy/);
        });
    });

    describe("GIVEN bake times and traffic steps", () => {
        it("GIVEN BLUE_GREEN without a bake time (unset, null or empty) THEN reported: ECS requires one; 0 THEN accepted; CANARY or LINEAR without one THEN accepted", async () => {
            const missing =
                'deploymentConfiguration.bakeTimeInMinutes is not set; ECS requires it with the BLUE_GREEN strategy ("You must provide this parameter when you use the BLUE_GREEN deployment strategy", ' +
                "API reference DeploymentConfiguration): set the minutes both revisions keep running after production traffic has moved, whole numbers 0 to 1440.";
            for (const bakeTimeInMinutes of [undefined, null, ""]) {
                await check(shifting({ strategy: "BLUE_GREEN", bakeTimeInMinutes }), [missing]);
            }
            await check(shifting({ strategy: "BLUE_GREEN", bakeTimeInMinutes: "0" }), []);
            await check(shifting({ strategy: "BLUE_GREEN", bakeTimeInMinutes: 0 }), []);
            await check(shifting({ strategy: "CANARY" }), []);
            await check(shifting({ strategy: "LINEAR" }), []);
            // not known yet: not guessed
            const pending = await evaluate(policy, [shifting({ strategy: "BLUE_GREEN", bakeTimeInMinutes: UNKNOWN })]);
            assert.equal(pending.diagnostics.length, 1);
            assert.match(pending.diagnostics[0].message, /can't run policy/);
        });

        it("GIVEN bake times outside 0-1440 whole minutes THEN reported, as numbers or strings", async () => {
            for (const bakeTimeInMinutes of ["-1", "1441", 2000, "1.5", "ten", "10m"]) {
                await check(shifting({ strategy: "BLUE_GREEN", bakeTimeInMinutes }), [
                    `deploymentConfiguration.bakeTimeInMinutes is ${JSON.stringify(bakeTimeInMinutes)}; ECS accepts whole numbers 0 to 1440.`,
                ]);
            }
        });

        it("GIVEN canary percents outside 0.1-100 or off the 0.1 grid, and canary bake times out of range THEN reported", async () => {
            for (const canaryPercent of [0, 0.05, 100.1, 12.34, -5, "half"]) {
                await check(shifting({ strategy: "CANARY", canaryConfiguration: { canaryPercent } }), [
                    `deploymentConfiguration.canaryConfiguration.canaryPercent is ${JSON.stringify(canaryPercent)}; ECS accepts multiples of 0.1 from 0.1 to 100.`,
                ]);
            }
            await check(shifting({ strategy: "CANARY", canaryConfiguration: { canaryPercent: 0.1, canaryBakeTimeInMinutes: "1441" } }), [
                'deploymentConfiguration.canaryConfiguration.canaryBakeTimeInMinutes is "1441"; ECS accepts whole numbers 0 to 1440.',
            ]);
        });

        it("GIVEN linear steps under 3 or over 100 and step bakes out of range THEN reported", async () => {
            for (const stepPercent of [0, 1, 2.9, 100.5, 3.05]) {
                await check(shifting({ strategy: "LINEAR", linearConfiguration: { stepPercent } }), [
                    `deploymentConfiguration.linearConfiguration.stepPercent is ${stepPercent}; ECS accepts multiples of 0.1 from 3 to 100.`,
                ]);
            }
            await check(shifting({ strategy: "LINEAR", linearConfiguration: { stepPercent: 3, stepBakeTimeInMinutes: "-2" } }), [
                'deploymentConfiguration.linearConfiguration.stepBakeTimeInMinutes is "-2"; ECS accepts whole numbers 0 to 1440.',
            ]);
        });

        it("GIVEN a canary or linear configuration for another strategy THEN reported", async () => {
            await check(shifting({ strategy: "BLUE_GREEN", canaryConfiguration: { canaryPercent: 5 } }), [
                'deploymentConfiguration.canaryConfiguration is set for strategy "BLUE_GREEN"; ECS takes it only with CANARY: set strategy "CANARY" or remove it.',
            ]);
            await check(shifting({ linearConfiguration: { stepPercent: 10 } }), [
                'deploymentConfiguration.linearConfiguration is set for strategy "ROLLING"; ECS takes it only with LINEAR: set strategy "LINEAR" or remove it.',
            ]);
        });
    });

    describe("GIVEN lifecycle hooks", () => {
        const lambda = (change: Record<string, unknown> = {}) => ({ lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"], hookTargetArn: FUNCTION, roleArn: HOOK_ROLE, ...change });
        const pause = (change: Record<string, unknown> = {}) => ({
            lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"],
            targetType: "PAUSE",
            timeoutConfiguration: { timeoutInMinutes: "60", action: "ROLLBACK" },
            ...change,
        });
        const hooks = (...lifecycleHooks: unknown[]) => shifting({ strategy: "BLUE_GREEN", lifecycleHooks });

        it("GIVEN a Lambda hook (explicit or by default) and a PAUSE hook where ECS allows them THEN no violation", async () => {
            await check(hooks(lambda(), lambda({ targetType: "AWS_LAMBDA", lifecycleStages: ["TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"] }), pause()), []);
            await check(hooks(lambda({ hookTargetArn: `${FUNCTION}:live` }), pause({ lifecycleStages: ["PRE_SCALE_UP", "POST_PRODUCTION_TRAFFIC_SHIFT"] })), []);
        });

        it("GIVEN lifecycleHooks as one object, or a string, instead of a list THEN reported, and an object's content judged too", async () => {
            const pausedAtShift = pause({ lifecycleStages: ["TEST_TRAFFIC_SHIFT"] });
            await check(shifting({ strategy: "BLUE_GREEN", lifecycleHooks: pausedAtShift }), [
                `deploymentConfiguration.lifecycleHooks is ${JSON.stringify(pausedAtShift)}, not a list; the provider takes a list of hooks: wrap it in [ ... ].`,
                'deploymentConfiguration.lifecycleHooks is a PAUSE hook at "TEST_TRAFFIC_SHIFT", where ECS runs only AWS_LAMBDA hooks; pause at "RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT" or "POST_PRODUCTION_TRAFFIC_SHIFT" instead.',
            ]);
            await check(shifting({ strategy: "CANARY", lifecycleHooks: pause() }), [`deploymentConfiguration.lifecycleHooks is ${JSON.stringify(pause())}, not a list; the provider takes a list of hooks: wrap it in [ ... ].`]);
            await check(shifting({ strategy: "BLUE_GREEN", lifecycleHooks: "PRE_SCALE_UP" }), ['deploymentConfiguration.lifecycleHooks is "PRE_SCALE_UP", not a list; the provider takes a list of hooks: wrap it in [ ... ].']);
            await check(shifting({ strategy: "BLUE_GREEN", lifecycleHooks: [] }), []);
        });

        it("GIVEN loadBalancers as one object instead of a list on a traffic-shifting service THEN reported", async () => {
            const entry = { targetGroupArn: TARGET_GROUP_ARN, containerName: "web", containerPort: 8080 };
            await check(shifting({ strategy: "LINEAR" }, null, { loadBalancers: entry }), [`loadBalancers is ${JSON.stringify(entry)}, not a list; a LINEAR deployment shifts traffic through a list of target-group entries: wrap it in [ ... ].`]);
        });

        it("GIVEN a PAUSE hook at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT THEN reported, naming the stages", async () => {
            await check(hooks(pause({ lifecycleStages: ["POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"] })), [
                'deploymentConfiguration.lifecycleHooks[0] is a PAUSE hook at "TEST_TRAFFIC_SHIFT" and "PRODUCTION_TRAFFIC_SHIFT", where ECS runs only AWS_LAMBDA hooks; pause at "RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT" or "POST_PRODUCTION_TRAFFIC_SHIFT" instead.',
            ]);
        });

        it("GIVEN a Lambda hook without target or role, or with a target that is not a function ARN THEN reported", async () => {
            await check(hooks(lambda({ hookTargetArn: undefined, roleArn: undefined })), [
                "deploymentConfiguration.lifecycleHooks[0] is an AWS_LAMBDA hook without hookTargetArn; name the Lambda function ECS invokes.",
                "deploymentConfiguration.lifecycleHooks[0] is an AWS_LAMBDA hook without roleArn; name a role, trusting ecs.amazonaws.com, that may invoke exactly that function (lambda:InvokeFunction).",
            ]);
            for (const hookTargetArn of ["smoke-test", `arn:aws:lambda:${REGION}:${ACCOUNT}:function:*`, `arn:aws:sns:${REGION}:${ACCOUNT}:topic`]) {
                await check(hooks(lambda({ hookTargetArn })), [
                    `deploymentConfiguration.lifecycleHooks[0].hookTargetArn is ${JSON.stringify(hookTargetArn)}, which is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>[:<version or alias>]).`,
                ]);
            }
        });

        it("GIVEN stages or types spelled as ECS refuses, or no stage THEN reported", async () => {
            await check(hooks(lambda({ lifecycleStages: ["post_test_traffic_shift", "POST_TEST_TRAFFIC_SHIFT"] })), [
                'deploymentConfiguration.lifecycleHooks[0].lifecycleStages has "post_test_traffic_shift", which ECS does not accept; use "RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT" or "POST_PRODUCTION_TRAFFIC_SHIFT" (case-sensitive).',
            ]);
            await check(hooks(pause({ targetType: "pause" })), [
                'deploymentConfiguration.lifecycleHooks[0].targetType is "pause"; ECS accepts "AWS_LAMBDA" or "PAUSE" (case-sensitive).',
            ]);
            await check(hooks(lambda({ lifecycleStages: [] }), "hook"), [
                'deploymentConfiguration.lifecycleHooks[0].lifecycleStages names no stage; list the stages the hook runs at ("RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT" or "POST_PRODUCTION_TRAFFIC_SHIFT").',
                "deploymentConfiguration.lifecycleHooks[1] is not an object; give it lifecycleStages and a targetType (AWS_LAMBDA with hookTargetArn and roleArn, or PAUSE).",
            ]);
        });

        it("GIVEN pause timeouts outside 1-20160 minutes or an unknown action THEN reported", async () => {
            await check(hooks(pause({ timeoutConfiguration: { timeoutInMinutes: "0", action: "rollback" } })), [
                'deploymentConfiguration.lifecycleHooks[0].timeoutConfiguration.timeoutInMinutes is "0"; ECS accepts whole numbers 1 to 20160.',
                'deploymentConfiguration.lifecycleHooks[0].timeoutConfiguration.action is "rollback"; ECS accepts "ROLLBACK" or "CONTINUE" (case-sensitive).',
            ]);
            await check(hooks(pause({ timeoutConfiguration: { timeoutInMinutes: 20161 } })), [
                "deploymentConfiguration.lifecycleHooks[0].timeoutConfiguration.timeoutInMinutes is 20161; ECS accepts whole numbers 1 to 20160.",
            ]);
        });

        it("GIVEN a hook's function not known yet THEN the rest is checked and the engine notes it could not finish", async () => {
            const result = await evaluate(policy, [hooks(lambda({ hookTargetArn: UNKNOWN }), pause({ lifecycleStages: ["TEST_TRAFFIC_SHIFT"] }))]);
            assert.equal(result.diagnostics[0].detail.startsWith("deploymentConfiguration.lifecycleHooks[1] is a PAUSE hook at \"TEST_TRAFFIC_SHIFT\""), true);
            assert.equal(result.diagnostics.length, 2);
            assert.match(result.diagnostics[1].message, /can't run policy/);
        });
    });
});

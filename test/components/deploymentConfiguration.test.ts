/**
 * A service's deployment settings as ECS's `deploymentConfiguration`, the checks on them, the hook role's
 * policy and the deploy timeout each strategy needs: pure functions.
 */
import { strict as assert } from "node:assert";
import { deploymentProblems, ecsDeploymentConfiguration, hookFunctionArns } from "../../components/deploymentConfiguration";
import { hookInvokePolicy, awsManagedPolicyArn, LOAD_BALANCER_INFRASTRUCTURE_POLICY } from "../../components/deploymentRoles";
import { DeploymentSettings, ROLLING } from "../../components/deploymentSettings";
import { deploymentTimeoutMinutes, deploymentWaitMinutes, linearShifts, steadyStateTimeoutMinutes } from "../../components/rolloutTimeout";

const FN = "arn:aws:lambda:us-east-1:123456789012:function:smoke-test";
const FN2 = "arn:aws:lambda:us-east-1:123456789012:function:approve:live";
const blueGreen: DeploymentSettings = {
    strategy: "blueGreen",
    bakeTimeMinutes: 15,
    testTraffic: { cidrs: ["203.0.113.0/24"] },
    hooks: [
        { type: "lambda", stages: ["POST_TEST_TRAFFIC_SHIFT"], functionArn: FN },
        { type: "pause", stages: ["POST_SCALE_UP", "POST_PRODUCTION_TRAFFIC_SHIFT"], timeoutMinutes: 30, onTimeout: "ROLLBACK" },
        { type: "lambda", stages: ["PRODUCTION_TRAFFIC_SHIFT"], functionArn: FN2 },
        { type: "lambda", stages: ["PRE_SCALE_UP"], functionArn: FN },
    ],
};
const canary: DeploymentSettings = { strategy: "canary", bakeTimeMinutes: 5, canary: { percent: 10, bakeMinutes: 20 }, hooks: [] };
const linear: DeploymentSettings = { strategy: "linear", bakeTimeMinutes: 5, linear: { stepPercent: 10, stepBakeMinutes: 3 }, hooks: [] };
const TEST_TRAFFIC_ALLOWED =
    "test traffic reaches a revision before it is released, so it may come only from your own networks: private blocks (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10) and public ones of at most 65,536 addresses together (one /16)";
const TIMING = { startPeriodSeconds: 10, healthCheckGracePeriodSeconds: 30, secondsToHealthy: 20, deregistrationDelaySeconds: 10, stopTimeoutSeconds: 30 };

describe("deployment configuration (pure)", () => {
    it("GIVEN no deployment THEN nothing is sent; GIVEN rolling THEN only the strategy", () => {
        assert.equal(ecsDeploymentConfiguration(undefined), undefined);
        // A chosen rolling is sent: the provider would otherwise keep the strategy ECS last got.
        assert.deepEqual(ecsDeploymentConfiguration(ROLLING), { strategy: "ROLLING" });
    });

    it("GIVEN blue/green with Lambda and pause hooks THEN the strategy, the bake minutes as the provider's string and each hook as ECS takes it", () => {
        assert.deepEqual(ecsDeploymentConfiguration(blueGreen, "arn:aws:iam::123456789012:role/hook"), {
            strategy: "BLUE_GREEN",
            bakeTimeInMinutes: "15",
            lifecycleHooks: [
                { targetType: "AWS_LAMBDA", hookTargetArn: FN, roleArn: "arn:aws:iam::123456789012:role/hook", lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"] },
                { targetType: "PAUSE", lifecycleStages: ["POST_SCALE_UP", "POST_PRODUCTION_TRAFFIC_SHIFT"], timeoutConfiguration: { action: "ROLLBACK", timeoutInMinutes: "30" } },
                { targetType: "AWS_LAMBDA", hookTargetArn: FN2, roleArn: "arn:aws:iam::123456789012:role/hook", lifecycleStages: ["PRODUCTION_TRAFFIC_SHIFT"] },
                { targetType: "AWS_LAMBDA", hookTargetArn: FN, roleArn: "arn:aws:iam::123456789012:role/hook", lifecycleStages: ["PRE_SCALE_UP"] },
            ],
        });
        assert.throws(() => ecsDeploymentConfiguration(blueGreen), /Lambda hooks need the hook role's ARN/);
    });

    it("GIVEN canary and linear THEN only their own step configuration is sent", () => {
        assert.deepEqual(ecsDeploymentConfiguration(canary), { strategy: "CANARY", bakeTimeInMinutes: "5", canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: "20" } });
        assert.deepEqual(ecsDeploymentConfiguration(linear), { strategy: "LINEAR", bakeTimeInMinutes: "5", linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: "3" } });
    });

    it("GIVEN valid settings of every strategy THEN no problem", () => {
        for (const d of [ROLLING, blueGreen, canary, linear]) assert.deepEqual(deploymentProblems(d), [], d.strategy);
    });

    it("GIVEN each value ECS refuses THEN the field, the value and what is allowed", () => {
        const cases: [DeploymentSettings, string][] = [
            [{ ...blueGreen, bakeTimeMinutes: 1441 }, "deployment.bakeTimeMinutes is 1441; expected a whole number of minutes from 0 to 1440"],
            [{ ...ROLLING, bakeTimeMinutes: 5 }, "deployment.bakeTimeMinutes is 5 but a rolling deployment has no bake time; choose blueGreen, canary or linear"],
            [{ ...canary, canary: { percent: 0.05, bakeMinutes: 1 } }, "deployment.canary.percent is 0.05; expected 0.1 to 100 in steps of 0.1"],
            [{ ...canary, canary: { percent: 10, bakeMinutes: 2.5 } }, "deployment.canary.bakeMinutes is 2.5; expected a whole number of minutes from 0 to 1440"],
            [{ ...canary, canary: undefined }, "deployment.canary is missing; a canary deployment needs its percent and bake minutes"],
            [{ ...blueGreen, canary: { percent: 10, bakeMinutes: 1 } }, "deployment.canary is set but the strategy is blueGreen; it needs the canary strategy"],
            [{ ...linear, linear: { stepPercent: 2, stepBakeMinutes: 1 } }, "deployment.linear.stepPercent is 2; expected 3 to 100 in steps of 0.1"],
            [{ ...linear, linear: undefined }, "deployment.linear is missing; a linear deployment needs its step percent and step bake minutes"],
            // The loader's test-traffic rule (testTraffic.ts), judged the same for the components' args.
            [{ ...blueGreen, testTraffic: { cidrs: ["0.0.0.0/0"] } }, `deployment.testTraffic.cidrs[0] is "0.0.0.0/0"; that is the whole internet; ${TEST_TRAFFIC_ALLOWED}`],
            [{ ...blueGreen, testTraffic: { cidrs: ["52.0.0.0/8"] } }, `deployment.testTraffic.cidrs[0] is "52.0.0.0/8"; it admits 16,777,216 public addresses; ${TEST_TRAFFIC_ALLOWED}`],
            [
                { ...blueGreen, testTraffic: { cidrs: ["10.0.0.0/33"] } },
                'deployment.testTraffic.cidrs[0] is "10.0.0.0/33"; expected an IPv4 CIDR block such as 203.0.113.0/24 (four numbers from 0 to 255 without leading zeros or spaces, and a prefix from 0 to 32)',
            ],
            [
                { ...blueGreen, testTraffic: { cidrs: ["10.0.0.0/16", "10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"] } },
                'deployment.testTraffic.cidrs is ["10.0.0.0/16","10.1.0.0/16","10.2.0.0/16","10.3.0.0/16"]; holds 4 blocks; one source-ip condition of a listener rule takes at most 3 (ELB, condition types for listener rules)',
            ],
            [{ ...blueGreen, testTraffic: { cidrs: [] } }, "deployment.testTraffic.cidrs is empty; leave testTraffic unset for no test listener rule"],
            [{ ...ROLLING, testTraffic: { cidrs: ["10.0.0.0/8"] } }, "deployment.testTraffic is set but a rolling deployment has no test traffic; choose blueGreen, canary or linear"],
            [
                { ...blueGreen, hooks: [{ type: "pause", stages: ["TEST_TRAFFIC_SHIFT"], timeoutMinutes: 10, onTimeout: "CONTINUE" }] },
                "deployment.hooks[0].stages has TEST_TRAFFIC_SHIFT; ECS runs only Lambda hooks at those stages, not pause hooks",
            ],
            [
                { ...blueGreen, hooks: [{ type: "pause", stages: ["POST_SCALE_UP"], timeoutMinutes: 20161, onTimeout: "ROLLBACK" }] },
                "deployment.hooks[0].timeoutMinutes is 20161; expected a whole number of minutes from 1 to 20160",
            ],
            [{ ...blueGreen, hooks: [{ type: "lambda", stages: [], functionArn: FN }] }, "deployment.hooks[0].stages is empty; name at least one of RECONCILE_SERVICE, PRE_SCALE_UP, POST_SCALE_UP, TEST_TRAFFIC_SHIFT, POST_TEST_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT"],
            [{ ...blueGreen, hooks: [{ type: "lambda", stages: ["PRE_SCALE_UP", "PRE_SCALE_UP"], functionArn: FN }] }, "deployment.hooks[0].stages[1] repeats PRE_SCALE_UP"],
            [
                { ...blueGreen, hooks: [{ type: "lambda", stages: ["PRE_SCALE_UP"], functionArn: "arn:aws:iam::123456789012:role/x" }] },
                'deployment.hooks[0].functionArn is "arn:aws:iam::123456789012:role/x"; expected a Lambda function ARN, arn:aws:lambda:<region>:<account>:function:<name>, optionally with :<version or alias>',
            ],
            [{ ...ROLLING, hooks: blueGreen.hooks }, "deployment.hooks has 4 hooks but a rolling deployment runs none here; choose blueGreen, canary or linear"],
        ];
        for (const [d, problem] of cases) assert.deepEqual(deploymentProblems(d), [problem]);
    });

    it("GIVEN the stack's region THEN a Lambda hook in another partition is refused, as the loader refuses it", () => {
        const china = { ...blueGreen, hooks: [{ type: "lambda" as const, stages: ["PRE_SCALE_UP" as const], functionArn: FN }] };
        assert.deepEqual(deploymentProblems(china), []);
        assert.deepEqual(deploymentProblems(china, "us-west-2"), []);
        assert.deepEqual(deploymentProblems(china, "cn-north-1"), [
            `deployment.hooks[0].functionArn is ${JSON.stringify(FN)}; the function is in partition aws but the stack deploys to cn-north-1 (aws-cn), and partitions cannot reach each other`,
        ]);
    });

    it("GIVEN hooks invoking one function twice THEN the hook role may invoke each function once, exactly those", () => {
        assert.deepEqual(hookFunctionArns(blueGreen), [FN2, FN].sort());
        assert.deepEqual(hookInvokePolicy(hookFunctionArns(blueGreen)), {
            Version: "2012-10-17",
            Statement: [{ Sid: "InvokeLifecycleHooks", Effect: "Allow", Action: "lambda:InvokeFunction", Resource: [FN2, FN].sort() }],
        });
        assert.throws(() => hookInvokePolicy([]), /no Lambda hook to invoke/);
        assert.equal(awsManagedPolicyArn("aws-cn", LOAD_BALANCER_INFRASTRUCTURE_POLICY), "arn:aws-cn:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers");
    });
});

describe("deploy timeouts of each strategy (pure)", () => {
    it("GIVEN linear steps THEN the shifts until 100 %", () => {
        assert.deepEqual([3, 10, 33, 33.3, 50, 100].map(linearShifts), [34, 10, 4, 4, 2, 1]);
        assert.throws(() => linearShifts(0), /stepPercent is 0/);
    });

    it("GIVEN rolling THEN nothing is added: a rolling service's timeout is what it was", () => {
        assert.equal(deploymentWaitMinutes(undefined), 0);
        assert.equal(deploymentWaitMinutes(ROLLING), 0);
        assert.equal(deploymentTimeoutMinutes(TIMING, ROLLING), steadyStateTimeoutMinutes(TIMING));
    });

    it("GIVEN each strategy THEN its bake, canary bake, step bakes after all but the last shift, and each pause at each of its stages are added", () => {
        // 15 bake + 2 stages × 30 pause; the Lambda hooks add nothing.
        assert.equal(deploymentWaitMinutes(blueGreen), 15 + 60);
        assert.equal(deploymentWaitMinutes(canary), 5 + 20);
        // 10 shifts of 10 %, 9 bakes of 3 minutes between them.
        assert.equal(deploymentWaitMinutes(linear), 5 + 27);
        assert.equal(deploymentTimeoutMinutes(TIMING, linear), steadyStateTimeoutMinutes(TIMING) + 32);
        // The longest ECS allows still gives a finite timeout the provider takes ("…m").
        const longest: DeploymentSettings = {
            strategy: "linear",
            bakeTimeMinutes: 1440,
            linear: { stepPercent: 3, stepBakeMinutes: 1440 },
            hooks: [{ type: "pause", stages: ["RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "POST_TEST_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT"], timeoutMinutes: 20160, onTimeout: "CONTINUE" }],
        };
        assert.equal(deploymentWaitMinutes(longest), 1440 + 33 * 1440 + 5 * 20160);
    });
});

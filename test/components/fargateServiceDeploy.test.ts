import { strict as assert } from "node:assert";
import { appEnvironment, shutdownBudgetSeconds } from "../../components/appEnvironment";
import { FargateService, FargateServiceArgs } from "../../components/fargateService";
import { minimumPlatformVersion, platformVersionProblem, referencesKeyOrVersion } from "../../components/platformVersion";
import { MINIMUM_TIMEOUT_MINUTES, PROVISION_SECONDS, steadyStateTimeoutMinutes, waveSeconds } from "../../components/rolloutTimeout";
import { containers, inputs, one, runInline } from "../support/stacks";

const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/db-AbCdEf";
const base: FargateServiceArgs = {
    cluster: { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/web", name: "web" },
    vpcId: "vpc-0123",
    subnetIds: ["subnet-a", "subnet-b"],
    loadBalancer: {
        securityGroupId: "sg-0alb",
        targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc",
        secondsToHealthy: 20,
        deregistrationDelaySeconds: 10,
    },
    image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:${"b".repeat(64)}`,
    region: "us-east-1",
};
const build = (args: Partial<FargateServiceArgs> = {}) =>
    runInline(() => {
        new FargateService("web", { ...base, ...args });
    }, "dev");

const environmentOf = async (args: Partial<FargateServiceArgs>) => {
    const [container] = containers(one(await build(args), "aws:ecs/taskDefinition:TaskDefinition"));
    return Object.fromEntries((container.environment as Array<{ name: string; value: string }>).map(e => [e.name, e.value]));
};

describe("FargateService deploy behaviour", () => {
    describe("capacity-provider changes (forceNewDeployment)", () => {
        it("THEN the service forces a new deployment, so a strategy change updates in place", async () => {
            for (const capacityProvider of ["FARGATE", "FARGATE_SPOT"] as const) {
                const service = inputs(one(await build({ capacityProvider, onDemandBase: 1 }), "aws:ecs/service:Service"));
                assert.equal(service.forceNewDeployment, true, capacityProvider);
            }
        });
    });

    describe("steady state", () => {
        it("THEN the service waits for a steady state within a timeout sized from the rollout", async () => {
            const service = one(await build(), "aws:ecs/service:Service");
            assert.equal(inputs(service).waitForSteadyState, true);
            // 180 provision + max(30 grace, 10 start + 20 checks) + 10 drain + 30 stop = 250 s a wave; 3 waves = 12.5 min.
            assert.deepEqual(service.opts.customTimeouts, { createSeconds: 13 * 60, updateSeconds: 13 * 60, deleteSeconds: 0 });
        });

        it("GIVEN slow health checks and a long drain THEN the timeout grows with them", async () => {
            const service = one(
                await build({ loadBalancer: { ...base.loadBalancer!, secondsToHealthy: 300, deregistrationDelaySeconds: 600 }, stopTimeoutSeconds: 120 }),
                "aws:ecs/service:Service",
            );
            // 180 + max(30, 10 + 300) + 600 + 120 = 1210 s; 3 × 1210 / 60 = 60.5 → 61 min.
            assert.equal(service.opts.customTimeouts.updateSeconds, 61 * 60);
        });

        it("GIVEN no load balancer timings THEN AWS's defaults size the timeout (never shorter than they need)", async () => {
            const service = one(
                await build({ loadBalancer: { securityGroupId: "sg-0alb", targetGroupArn: base.loadBalancer!.targetGroupArn } }),
                "aws:ecs/service:Service",
            );
            // 180 + max(30, 10 + 150) + 300 + 30 = 670 s; × 3 = 33.5 → 34 min.
            assert.equal(service.opts.customTimeouts.createSeconds, 34 * 60);
        });

        it("GIVEN timings THEN a normal deploy (one wave) always fits, and short ones get the floor", () => {
            const t = { startPeriodSeconds: 0, healthCheckGracePeriodSeconds: 0, secondsToHealthy: 10, deregistrationDelaySeconds: 0, stopTimeoutSeconds: 2 };
            assert.equal(waveSeconds(t), PROVISION_SECONDS + 10 + 0 + 2);
            assert.equal(steadyStateTimeoutMinutes(t), MINIMUM_TIMEOUT_MINUTES);
            for (const grace of [0, 60, 600, 7200]) {
                const slow = { ...t, healthCheckGracePeriodSeconds: grace, deregistrationDelaySeconds: 3600, stopTimeoutSeconds: 120 };
                assert.ok(steadyStateTimeoutMinutes(slow) * 60 >= 3 * waveSeconds(slow));
            }
            assert.throws(() => steadyStateTimeoutMinutes({ ...t, secondsToHealthy: -1 }), /secondsToHealthy is -1/);
            assert.throws(() => steadyStateTimeoutMinutes({ ...t, stopTimeoutSeconds: NaN }), /stopTimeoutSeconds is NaN/);
        });
    });

    describe("the app learns its port and drain budget from the task", () => {
        it("THEN PORT is the container port and SHUTDOWN_TIMEOUT_SECONDS the stop timeout less a margin", async () => {
            assert.deepEqual(await environmentOf({ containerPort: 3000, stopTimeoutSeconds: 60 }), { PORT: "3000", SHUTDOWN_TIMEOUT_SECONDS: "55" });
            assert.deepEqual(await environmentOf({}), { PORT: "8080", SHUTDOWN_TIMEOUT_SECONDS: "25" });
        });

        it("THEN the port mapping, the load balancer and PORT agree", async () => {
            const run = await build({ containerPort: 9000 });
            const [container] = containers(one(run, "aws:ecs/taskDefinition:TaskDefinition"));
            assert.equal(container.portMappings[0].containerPort, 9000);
            assert.equal(inputs(one(run, "aws:ecs/service:Service")).loadBalancers[0].containerPort, 9000);
            assert.ok(container.environment.some((e: any) => e.name === "PORT" && e.value === "9000"));
        });

        it("GIVEN PORT or SHUTDOWN_TIMEOUT_SECONDS in environment or secrets THEN it throws before registering", async () => {
            await assert.rejects(build({ environment: { PORT: "80" } }), /FargateService web: PORT set in environment or secrets; the task sets it/);
            await assert.rejects(build({ secrets: { SHUTDOWN_TIMEOUT_SECONDS: SECRET } }), /FargateService web: SHUTDOWN_TIMEOUT_SECONDS set in environment or secrets/);
        });

        it("GIVEN a stop timeout outside ECS's range THEN it throws before registering", async () => {
            await assert.rejects(build({ stopTimeoutSeconds: 1 }), /FargateService web: stopTimeoutSeconds is 1; expected an integer from 2 to 120/);
            await assert.rejects(build({ stopTimeoutSeconds: 121 }), /stopTimeoutSeconds is 121/);
        });

        it("THEN the budget leaves a margin of a sixth, at most 5 s, and is always positive", () => {
            assert.deepEqual([2, 6, 7, 12, 30, 31, 120].map(shutdownBudgetSeconds), [1, 5, 5, 10, 25, 26, 115]);
            for (let t = 2; t <= 120; t++) {
                const budget = shutdownBudgetSeconds(t);
                assert.ok(budget >= 1 && budget < t && t - budget <= 5, `stopTimeout ${t} gives ${budget}`);
            }
            assert.deepEqual(appEnvironment(8080, 30), { PORT: "8080", SHUTDOWN_TIMEOUT_SECONDS: "25" });
            assert.throws(() => shutdownBudgetSeconds(2.5), /stopTimeoutSeconds is 2.5/);
        });
    });

    describe("platform version", () => {
        it("THEN LATEST by default, and a pinned version when asked", async () => {
            assert.equal(inputs(one(await build(), "aws:ecs/service:Service")).platformVersion, "LATEST");
            assert.equal(inputs(one(await build({ platformVersion: "1.4.0" }), "aws:ecs/service:Service")).platformVersion, "1.4.0");
            const x86Spot = await build({ platformVersion: "1.3.0", capacityProvider: "FARGATE_SPOT" });
            assert.equal(inputs(one(x86Spot, "aws:ecs/service:Service")).platformVersion, "1.3.0");
        });

        it("GIVEN ARM64 on 1.3.0 (FARGATE or FARGATE_SPOT) THEN it throws naming the platform, the architecture and the provider", async () => {
            for (const capacityProvider of ["FARGATE", "FARGATE_SPOT"] as const) {
                await assert.rejects(
                    build({ platformVersion: "1.3.0", architecture: "ARM64", capacityProvider }),
                    new RegExp(`FargateService web: platformVersion is "1.3.0", but architecture ARM64 on capacityProvider ${capacityProvider} needs platform version 1.4.0 or later`),
                );
            }
        });

        it("GIVEN a secret by JSON key or version on 1.3.0 THEN it throws; the whole secret is fine", async () => {
            await assert.rejects(build({ platformVersion: "1.3.0", secrets: { DB_USER: `${SECRET}:username::` } }), /secrets reference a JSON key or a version of a secret/);
            await assert.rejects(build({ platformVersion: "1.3.0", secrets: { DB: `${SECRET}:::0f1e2d3c-aaaa-bbbb-cccc-1234567890ab` } }), /platform version 1.4.0 or later/);
            await build({ platformVersion: "1.3.0", secrets: { DB: SECRET } });
        });

        it("GIVEN 8 or 16 vCPU on 1.3.0 THEN it throws (Fargate offers those sizes from 1.4.0); 4 vCPU runs there", async () => {
            await assert.rejects(build({ platformVersion: "1.3.0", cpu: 8192, memory: 16384 }), /platformVersion is "1.3.0", but cpu 8192 \(8 vCPU\) is a task size Fargate offers only on platform version 1.4.0 or later/);
            await assert.rejects(build({ platformVersion: "1.3.0", cpu: 16384, memory: 32768 }), /cpu 16384 \(16 vCPU\)/);
            await build({ platformVersion: "1.3.0", cpu: 4096, memory: 8192 });
            await build({ platformVersion: "1.4.0", cpu: 8192, memory: 16384 });
        });

        it("GIVEN an unknown platform version THEN it throws listing the allowed ones", async () => {
            await assert.rejects(build({ platformVersion: "1.2.0" as never }), /platformVersion is "1.2.0"; expected one of LATEST, 1.4.0, 1.3.0/);
        });

        it("THEN the table: ARM64 needs 1.4.0, X86_64 runs from 1.3.0 on both providers, LATEST runs all", () => {
            assert.equal(minimumPlatformVersion("ARM64"), "1.4.0");
            assert.equal(minimumPlatformVersion("X86_64"), "1.3.0");
            const keys = { platformVersion: "p", architecture: "a", capacityProvider: "c", secrets: "s", cpu: "cpu" };
            for (const platformVersion of ["LATEST", "1.4.0", "1.3.0"] as const) {
                for (const architecture of ["X86_64", "ARM64"] as const) {
                    for (const capacityProvider of ["FARGATE", "FARGATE_SPOT"] as const) {
                        const problem = platformVersionProblem({ platformVersion, architecture, capacityProvider, secretsByKeyOrVersion: false, cpu: 256 }, keys);
                        assert.equal(problem === undefined, !(platformVersion === "1.3.0" && architecture === "ARM64"), `${platformVersion} ${architecture} ${capacityProvider}`);
                    }
                }
            }
            assert.equal(referencesKeyOrVersion(SECRET), false);
            assert.equal(referencesKeyOrVersion(`${SECRET}:key::`), true);
            assert.equal(referencesKeyOrVersion(`${SECRET}::AWSCURRENT:`), true);
            assert.equal(referencesKeyOrVersion(`${SECRET}:::`), false);
            assert.equal(referencesKeyOrVersion("arn:aws:ssm:us-east-1:123456789012:parameter/a:b"), false);
        });
    });
});

/**
 * The double capacity of blue/green, canary and linear deployments: the new revision's tasks beside the old
 * ones for the whole deployment (50 s scale-up + shifts + bake + 60 s clean-up in the fixture), priced as the
 * service's tasks are, on-demand or Spot.
 */
import { strict as assert } from "node:assert";
import { DEPLOYMENTS_PER_MONTH, estimateMonthlyCost } from "../../estimates";
import { UNKNOWN } from "../../harness/serialisation";
import { fixture } from "../../harness/fixtures";
import { AWS_TYPES } from "../../policy/facts/typeTokens";
import { deploying } from "./deploymentBuilders";

const BLUE_GREEN_10 = { strategy: "BLUE_GREEN", bakeTimeInMinutes: "10" };
/** 0.25 vCPU and 0.5 GB an hour: on-demand x86 and Spot x86. */
const ON_DEMAND_TASK_HOUR = 0.25 * 0.04048 + 0.5 * 0.004445;
const SPOT_TASK_HOUR = 0.25 * 0.01275 + 0.5 * 0.0014;
/** 50 + 0 + 0 + 600 + 60 s. */
const HOURS = 710 / 3600;

const item = (estimate: ReturnType<typeof estimateMonthlyCost>, name: string) => estimate.items.find(i => i.item === name);

describe("cost of double capacity during deployments", () => {
    it("GIVEN a blue/green service of 2 on-demand tasks THEN each deployment pays 2 tasks for 710 s, 20 deployments a month by default", () => {
        const estimate = estimateMonthlyCost(deploying(BLUE_GREEN_10));
        const perDeployment = 2 * ON_DEMAND_TASK_HOUR * HOURS; // 0.004868…
        assert.equal(DEPLOYMENTS_PER_MONTH, 20);
        assert.deepEqual(estimate.deployments, [
            {
                service: "web-svc",
                strategy: "BLUE_GREEN",
                deploymentsPerMonth: 20,
                seconds: 710,
                complete: true,
                extraTasks: 2,
                extraTasksMax: 2,
                perDeploymentUsd: 0.0049,
                perDeploymentUsdMax: 0.0049,
                monthlyUsd: 0.1, // 20 × 0.004868 = 0.0974
                monthlyUsdMax: 0.1,
            },
        ]);
        assert.ok(Math.abs(perDeployment - 0.0048684) < 1e-6);
        // The extra vCPU-hours are in the service's line: 2 × 0.25 × (730 + 20 × 710 / 3600).
        assert.equal(item(estimate, "Fargate vCPU (x86, on-demand)")!.quantity, Number((2 * 0.25 * (730 + 20 * HOURS)).toFixed(6)));
        assert.ok(
            estimate.notes.includes(
                "Service web-svc (BLUE_GREEN): each deployment runs 2 new task(s) beside the old ones for 710 s (scale-up to the old revision stopped, pauses excluded): " +
                    "$0.0049 a deployment, $0.10 a month at 20 deployments a month (assumed), included above. " +
                    "Its second target group and listener rules have no price of their own: ALB rules cost only as rule evaluations beyond the first 10 a request meets.",
            ),
            JSON.stringify(estimate.notes),
        );
    });

    it("GIVEN the same service rolling THEN no deployment cost, and the blue/green total is higher by exactly its deployments", () => {
        const rolling = estimateMonthlyCost(deploying(undefined));
        const blueGreen = estimateMonthlyCost(deploying(BLUE_GREEN_10), undefined, { deploymentsPerMonth: 100 });
        assert.deepEqual(rolling.deployments, []);
        assert.equal(item(rolling, "Fargate vCPU (x86, on-demand)")!.quantity, 365);
        // 100 × 0.0048684 = $0.49
        assert.equal(blueGreen.deployments[0].monthlyUsd, 0.49);
        assert.equal(Number((blueGreen.monthlyUsd - rolling.monthlyUsd).toFixed(2)), 0.49);
    });

    it("GIVEN all tasks on Spot THEN the double capacity is priced at Spot", () => {
        const estimate = estimateMonthlyCost(deploying(BLUE_GREEN_10, { extra: { capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }] } }));
        // 2 × 0.0038875 × 710 / 3600 = 0.0015334 a deployment; × 20 = 0.0307
        assert.deepEqual([estimate.deployments[0].perDeploymentUsd, estimate.deployments[0].monthlyUsd], [0.0015, 0.03]);
        assert.equal(item(estimate, "Fargate vCPU (x86, on-demand)"), undefined);
        assert.equal(item(estimate, "Fargate vCPU (x86, Spot)")!.quantity, Number((2 * 0.25 * (730 + 20 * HOURS)).toFixed(6)));
    });

    it("GIVEN one task on-demand as base and the rest on Spot THEN the new revision is split the same way", () => {
        const strategy = [{ capacityProvider: "FARGATE", base: 1, weight: 0 }, { capacityProvider: "FARGATE_SPOT", weight: 1 }];
        const estimate = estimateMonthlyCost(deploying(BLUE_GREEN_10, { desiredCount: 3, extra: { capacityProviderStrategies: strategy } }));
        // 1 on-demand + 2 Spot: (0.0123425 + 2 × 0.0038875) × 710 / 3600 = 0.0039676; × 20 = 0.0794
        const perDeployment = (ON_DEMAND_TASK_HOUR + 2 * SPOT_TASK_HOUR) * HOURS;
        assert.equal(estimate.deployments[0].perDeploymentUsd, Number(perDeployment.toFixed(4)));
        assert.deepEqual([estimate.deployments[0].perDeploymentUsd, estimate.deployments[0].monthlyUsd], [0.004, 0.08]);
        assert.equal(item(estimate, "Fargate vCPU (x86, on-demand)")!.quantity, Number((0.25 * (730 + 20 * HOURS)).toFixed(6)));
        assert.equal(item(estimate, "Fargate vCPU (x86, Spot)")!.quantity, Number((2 * 0.25 * (730 + 20 * HOURS)).toFixed(6)));
    });

    it("GIVEN a scaling range THEN the new revision has min tasks at the minimum and max at the maximum", () => {
        const resources = [
            ...deploying({ strategy: "LINEAR", bakeTimeInMinutes: 10, linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 5 } }),
            fixture(AWS_TYPES.appautoscalingTarget, "t", { minCapacity: 2, maxCapacity: 4, resourceId: "service/web-cluster/web-svc", serviceNamespace: "ecs" }),
        ];
        const d = estimateMonthlyCost(resources).deployments[0];
        // 50 + 0 + 300 + 600 + 60 = 1010 s; 2 tasks: 0.024685 × 1010 / 3600 = 0.006925; 4 tasks: 0.013851
        assert.deepEqual([d.seconds, d.extraTasks, d.extraTasksMax, d.perDeploymentUsd, d.perDeploymentUsdMax, d.monthlyUsd, d.monthlyUsdMax], [1010, 2, 4, 0.0069, 0.0139, 0.14, 0.28]);
    });

    it("GIVEN 0 deployments a month THEN nothing is added; a negative or non-number count is refused", () => {
        const estimate = estimateMonthlyCost(deploying(BLUE_GREEN_10), undefined, { deploymentsPerMonth: 0 });
        assert.deepEqual([estimate.deployments[0].perDeploymentUsd, estimate.deployments[0].monthlyUsd], [0.0049, 0]);
        assert.equal(item(estimate, "Fargate vCPU (x86, on-demand)")!.quantity, 365);
        assert.throws(() => estimateMonthlyCost(deploying(BLUE_GREEN_10), undefined, { deploymentsPerMonth: -1 }), {
            message: "deploymentsPerMonth is -1; expected a number of deployments a month, 0 or more",
        });
        assert.throws(() => estimateMonthlyCost(deploying(BLUE_GREEN_10), undefined, { deploymentsPerMonth: Number.NaN }), /deploymentsPerMonth is NaN/);
    });

    it("GIVEN a bake time unknown until deploy THEN the figures are lower bounds and say so", () => {
        const estimate = estimateMonthlyCost(deploying({ strategy: "CANARY", bakeTimeInMinutes: UNKNOWN, canaryConfiguration: { canaryPercent: "10", canaryBakeTimeInMinutes: "5" } }));
        const d = estimate.deployments[0];
        // Known: 50 + 0 + 300 + 60 = 410 s.
        assert.deepEqual([d.seconds, d.complete], [410, false]);
        assert.ok(estimate.notes.some(n => n.startsWith("Service web-svc (CANARY): each deployment runs 2 new task(s) beside the old ones for at least 410 s")), JSON.stringify(estimate.notes));
    });
});

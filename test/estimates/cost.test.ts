import { strict as assert } from "node:assert";
import { fixture } from "../../harness/fixtures";
import { RecordedResource } from "../../harness/types";
import { CostItem, estimateMonthlyCost } from "../../estimates";
import { AWS_TYPES } from "../../policy/facts/typeTokens";
import { splitByStrategy } from "../../estimates/cost";
import { defaultPrices } from "../../estimates/priceList";
import { runStack } from "../support/stacks";
import { awsxVpc, loadBalancer, scalingTarget, service, taskDefinition } from "./builders";

// Every figure below is hand-computed from prices.json with 730 hours a month.
const line = (resources: RecordedResource[], item: string) => estimateMonthlyCost(resources).items.find(i => i.item === item);
const MONITORING: readonly string[] = [AWS_TYPES.cloudwatchMetricAlarm, AWS_TYPES.cloudwatchDashboard];
const spot = (base = 0) => ({ capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", base, weight: 1 }] });

describe("cost model", () => {
    describe("Fargate tasks", () => {
        it("prices one 0.25 vCPU / 0.5 GB x86 on-demand task at $9.01 (the seed case)", () => {
            // GIVEN one task of 256 CPU units and 512 MiB on FARGATE
            const resources = [taskDefinition(), service({ launchType: "FARGATE", desiredCount: 1 })];
            // WHEN estimated
            const estimate = estimateMonthlyCost(resources);
            // THEN 0.25 × 0.04048 × 730 = 7.3876 and 0.5 × 0.004445 × 730 = 1.622425; total 9.010025 ≈ $9.01
            assert.equal(estimate.monthlyUsd, 9.01);
            assert.equal(estimate.monthlyUsdMax, 9.01);
            assert.deepEqual(
                estimate.items.map(({ item, quantity, unitUsd, monthlyUsd }) => ({ item, quantity, unitUsd, monthlyUsd })),
                [
                    { item: "Fargate vCPU (x86, on-demand)", quantity: 182.5, unitUsd: 0.04048, monthlyUsd: 7.39 },
                    { item: "Fargate memory GB (x86, on-demand)", quantity: 365, unitUsd: 0.004445, monthlyUsd: 1.62 },
                ],
            );
            assert.deepEqual([estimate.currency, estimate.region, estimate.hoursPerMonth], ["USD", "us-east-1", 730]);
        });

        it("prices an ARM task from '1 vCPU' / '2 GB' forms at the Graviton rate", () => {
            // GIVEN a 1 vCPU / 2 GB ARM64 task
            const td = taskDefinition({ cpu: "1 vCPU", memory: "2 GB", runtimePlatform: { cpuArchitecture: "ARM64", operatingSystemFamily: "LINUX" } });
            // WHEN estimated
            const estimate = estimateMonthlyCost([td, service()]);
            // THEN 1 × 0.03238 × 730 = 23.6374 + 2 × 0.00356 × 730 = 5.1976 → 28.835 ≈ $28.84 (half up)
            assert.equal(estimate.monthlyUsd, 28.84);
            assert.deepEqual(estimate.items.map(i => i.item), ["Fargate vCPU (ARM, on-demand)", "Fargate memory GB (ARM, on-demand)"]);
        });

        it("prices Spot tasks at the Spot snapshot, x86 and ARM, and says Spot varies", () => {
            // GIVEN a 0.25 vCPU / 0.5 GB x86 task and a 1 vCPU / 2 GB ARM task, both all on FARGATE_SPOT
            const x86 = estimateMonthlyCost([taskDefinition(), service(spot())]);
            const arm = estimateMonthlyCost([taskDefinition({ cpu: 1024, memory: 2048, runtimePlatform: { cpuArchitecture: "ARM64" } }), service(spot())]);
            // THEN x86: 0.25 × 0.01275 × 730 = 2.326875 + 0.5 × 0.0014 × 730 = 0.511 → 2.837875 ≈ $2.84
            assert.equal(x86.monthlyUsd, 2.84);
            assert.equal(x86.items[0].item, "Fargate vCPU (x86, Spot)");
            assert.ok(x86.notes.includes("Fargate Spot prices are a snapshot; Spot varies with spare capacity."));
            // AND ARM: 1 × 0.0101997 × 730 = 7.445781 + 2 × 0.0011214 × 730 = 1.637244 → 9.083025 ≈ $9.08
            assert.equal(arm.monthlyUsd, 9.08);
            assert.equal(arm.items[1].item, "Fargate memory GB (ARM, Spot)");
        });

        it("splits a mixed strategy: the base on FARGATE, the rest by weight on Spot", () => {
            // GIVEN 5 tasks with FARGATE base 2 weight 0 and FARGATE_SPOT weight 1
            const strategy = [{ capacityProvider: "FARGATE", base: 2, weight: 0 }, { capacityProvider: "FARGATE_SPOT", base: 0, weight: 1 }];
            const resources = [taskDefinition(), service({ desiredCount: 5, capacityProviderStrategies: strategy })];
            // THEN 2 on-demand × 9.010025 = 18.02005 + 3 Spot × 2.837875 = 8.513625 → 26.533675 ≈ $26.53
            assert.equal(estimateMonthlyCost(resources).monthlyUsd, 26.53);
            // AND on-demand vCPU is 2 × 0.25 × 730 = 365 vCPU-hours × 0.04048 = 14.7752 ≈ $14.78
            assert.equal(line(resources, "Fargate vCPU (x86, on-demand)")?.monthlyUsd, 14.78);
            // AND Spot vCPU is 3 × 0.25 × 730 = 547.5 vCPU-hours × 0.01275 = 6.980625 ≈ $6.98
            assert.equal(line(resources, "Fargate vCPU (x86, Spot)")?.quantity, 547.5);
        });

        it("places whole tasks as ECS does, odd ones on FARGATE so the estimate errs high", () => {
            const fargate = (base: number, weight: number) => ({ capacityProvider: "FARGATE", base, weight });
            const spotW = (weight: number) => ({ capacityProvider: "FARGATE_SPOT", base: 0, weight });
            assert.deepEqual([...splitByStrategy(3, [fargate(0, 1), spotW(1)])], [["FARGATE", 2], ["FARGATE_SPOT", 1]]);
            assert.deepEqual([...splitByStrategy(4, [fargate(0, 1), spotW(3)])], [["FARGATE", 1], ["FARGATE_SPOT", 3]]);
            assert.deepEqual([...splitByStrategy(1, [fargate(2, 0), spotW(1)])], [["FARGATE", 1], ["FARGATE_SPOT", 0]]);
        });

        it("matches the task definition by ARN and the scaling target by service name", () => {
            // GIVEN a large task definition under another ARN and a target for another service
            const big = taskDefinition({ cpu: "4096", memory: "8192" }, undefined, "arn:aws:ecs:us-east-1:123456789012:task-definition/other:1");
            const resources = [big, taskDefinition(), service({ launchType: "FARGATE" }), scalingTarget(7, 7, "other"), scalingTarget(1, 3)];
            // WHEN estimated
            const estimate = estimateMonthlyCost(resources);
            // THEN the minimum is 1 × 9.010025 ≈ $9.01 and the maximum 3 × 9.010025 = 27.030075 ≈ $27.03
            assert.deepEqual([estimate.monthlyUsd, estimate.monthlyUsdMax], [9.01, 27.03]);
        });

        it("uses desiredCount for both ends without a scaling target", () => {
            // 3 × 9.010025 = 27.030075 ≈ $27.03
            const estimate = estimateMonthlyCost([taskDefinition(), service({ desiredCount: 3 })]);
            assert.deepEqual([estimate.monthlyUsd, estimate.monthlyUsdMax], [27.03, 27.03]);
        });
    });

    describe("network and secrets", () => {
        it("charges each ALB its hours and one LCU, plus one public IPv4 per subnet when internet-facing", () => {
            // GIVEN an internal ALB THEN 0.0225 × 730 = 16.425 + 0.008 × 730 = 5.84 → 22.265 ≈ $22.27
            assert.equal(estimateMonthlyCost([loadBalancer(3, { internal: true })]).monthlyUsd, 22.27);
            // GIVEN an internet-facing ALB over 3 subnets THEN 22.265 + 3 × 0.005 × 730 = 10.95 → 33.215 ≈ $33.22
            assert.equal(estimateMonthlyCost([loadBalancer(3)]).monthlyUsd, 33.22);
            // GIVEN subnets not known yet THEN 2 zones are assumed: 22.265 + 2 × 3.65 = 29.565 ≈ $29.57
            assert.equal(estimateMonthlyCost([loadBalancer(0, { subnets: undefined })]).monthlyUsd, 29.57);
            assert.equal(line([loadBalancer(3)], "ALB LCU (1 per LB)")?.monthlyUsd, 5.84);
        });

        it("leaves network load balancers out with a note", () => {
            const estimate = estimateMonthlyCost([loadBalancer(2, { loadBalancerType: "network" })]);
            assert.equal(estimate.monthlyUsd, 0);
            assert.ok(estimate.notes.includes("Load balancer web-alb: network load balancers are not modelled."));
        });

        it("counts NAT gateways from an awsx Vpc's strategy, each with its public IPv4", () => {
            // Each gateway: 0.045 × 730 = 32.85 + one address 0.005 × 730 = 3.65 → 36.5
            const cost = (inputs: Record<string, unknown>) => estimateMonthlyCost([awsxVpc(inputs)]).monthlyUsd;
            assert.equal(cost({ natGateways: { strategy: "None" }, numberOfAvailabilityZones: 3 }), 0);
            assert.equal(cost({ natGateways: { strategy: "Single" }, numberOfAvailabilityZones: 3 }), 36.5);
            // OnePerAz over 2 zones: 2 × 36.5 = 73
            assert.equal(cost({ natGateways: { strategy: "OnePerAz" }, numberOfAvailabilityZones: 2 }), 73);
            // awsx defaults: OnePerAz over 3 zones: 3 × 36.5 = 109.5
            assert.equal(cost({}), 109.5);
        });

        it("counts recorded NAT gateways, except an awsx Vpc's own children", () => {
            const vpc = awsxVpc({ natGateways: { strategy: "Single" } });
            const child = fixture("aws:ec2/natGateway:NatGateway", "vpc-nat", {}, { parent: vpc.urn });
            const standalone = fixture("aws:ec2/natGateway:NatGateway", "nat", { allocationId: "eipalloc-1" });
            // Single (1) + the standalone one (1): 2 × 36.5 = 73
            assert.equal(estimateMonthlyCost([vpc, child, standalone]).monthlyUsd, 73);
        });

        it("gives each running task a public IPv4 when assignPublicIp, from min to max", () => {
            // GIVEN 2..4 on-demand 0.25/0.5 tasks with public IPs
            const resources = [taskDefinition(), service({ launchType: "FARGATE", networkConfiguration: { assignPublicIp: true, subnets: ["a"] } }), scalingTarget(2, 4)];
            const estimate = estimateMonthlyCost(resources);
            // THEN min: 2 × 9.010025 = 18.02005 + 2 × 3.65 = 7.3 → 25.32005 ≈ $25.32
            assert.equal(estimate.monthlyUsd, 25.32);
            // AND max: 4 × 9.010025 = 36.0401 + 4 × 3.65 = 14.6 → 50.6401 ≈ $50.64
            assert.equal(estimate.monthlyUsdMax, 50.64);
            assert.deepEqual(estimate.items.find(i => i.item === "Public IPv4 addresses"), {
                item: "Public IPv4 addresses", unit: "IPv4-address-hour", quantity: 1460, unitUsd: 0.005, monthlyUsd: 7.3, quantityMax: 2920, monthlyUsdMax: 14.6,
            });
        });

        it("charges each Secrets Manager secret by the month", () => {
            // 2 × 0.40 = 0.80
            const secrets = ["a", "b"].map(n => fixture("aws:secretsmanager/secret:Secret", n, {}));
            assert.equal(estimateMonthlyCost(secrets).monthlyUsd, 0.8);
        });
    });

    describe("edges", () => {
        it("returns zero with a note when no service is recorded", () => {
            const estimate = estimateMonthlyCost([]);
            assert.deepEqual([estimate.monthlyUsd, estimate.monthlyUsdMax, estimate.items], [0, 0, []]);
            assert.ok(estimate.notes.includes("No ECS services recorded: Fargate compute is $0."));
        });

        it("lists what it leaves out and warns when the stack's region differs from the prices'", () => {
            const elsewhere = fixture("aws:ecs/cluster:Cluster", "c", {}, { state: { arn: "arn:aws:ecs:eu-west-1:123456789012:cluster/c" } });
            const notes = estimateMonthlyCost([elsewhere]).notes;
            assert.ok(notes.includes("Prices are for us-east-1 but the stack is in eu-west-1; expect different figures."));
            assert.ok(notes.includes("Data transfer out to the internet and across zones is not modelled."));
        });

        it("repeats a left-out charge only when the stack has what incurs it (no LCU note without a load balancer)", () => {
            const cluster = fixture("aws:ecs/cluster:Cluster", "c", {});
            const without = estimateMonthlyCost([cluster]).notes;
            for (const prefix of ["Each load balancer is charged one LCU", "NAT gateway data processing", "CloudWatch Logs", "ECR image storage"]) {
                assert.ok(!without.some(n => n.startsWith(prefix)), `${prefix} in ${JSON.stringify(without)}`);
            }
            const alb = fixture("aws:lb/loadBalancer:LoadBalancer", "alb", { loadBalancerType: "application" });
            const nat = fixture("aws:ec2/natGateway:NatGateway", "nat", {});
            const logs = fixture("aws:cloudwatch/logGroup:LogGroup", "logs", {});
            const repo = fixture("aws:ecr/repository:Repository", "repo", {});
            const withAll = estimateMonthlyCost([cluster, alb, nat, logs, repo]).notes;
            for (const prefix of ["Each load balancer is charged one LCU", "NAT gateway data processing", "CloudWatch Logs", "ECR image storage"]) {
                assert.ok(withAll.some(n => n.startsWith(prefix)), `${prefix} missing from ${JSON.stringify(withAll)}`);
            }
        });

        it("names each resource type it does not price, and why, instead of counting it as $0", () => {
            const resources = [
                fixture("aws:rds/instance:Instance", "db", { instanceClass: "db.t3.micro" }),
                fixture("aws:rds/instance:Instance", "replica", { instanceClass: "db.t3.micro" }),
                fixture("aws:lambda/function:Function", "fn", {}),
                fixture("aws:iam/role:Role", "role", {}),
                fixture("aws:ec2/securityGroup:SecurityGroup", "sg", {}),
                { ...fixture("awsx:ecs:FargateService", "svc", {}), component: true, remote: true },
                { ...fixture("my:local:Component", "local", {}), component: true, remote: false },
                fixture("aws:secretsmanager/secret:Secret", "s", {}),
            ];
            const estimate = estimateMonthlyCost(resources);
            assert.deepEqual(estimate.unpriced, [
                { type: "aws:rds/instance:Instance", count: 2, reason: "not-priced" },
                { type: "aws:lambda/function:Function", count: 1, reason: "usage" },
                { type: "awsx:ecs:FargateService", count: 1, reason: "remote-component" },
            ]);
            assert.ok(estimate.notes.includes("Not priced (the estimate leaves these out): aws:rds/instance:Instance ×2."), JSON.stringify(estimate.notes));
            assert.ok(estimate.notes.includes("Billed by usage, not estimated: aws:lambda/function:Function."));
            assert.ok(
                estimate.notes.includes(
                    "Not priced: remote components, whose children cannot be seen offline: awsx:ecs:FargateService; the estimate excludes everything they create.",
                ),
            );
        });

        it("records a source page and date for every price", () => {
            assert.deepEqual([defaultPrices.currency, defaultPrices.region, defaultPrices.hoursPerMonth], ["USD", "us-east-1", 730]);
            for (const [key, price] of Object.entries(defaultPrices.items)) {
                assert.match(price.source, /^https:\/\/aws\.amazon\.com\/.+\/pricing\//, key);
                assert.match(price.asOf, /^\d{4}-\d{2}-\d{2}$/, key);
                assert.ok(price.usd > 0, key);
            }
            // Spot ARM is derived at the x86 Spot ratio (0.01275 / 0.04048 ≈ 0.315)
            assert.equal(Number((defaultPrices.items.fargateSpotArmVcpuHour.usd / defaultPrices.items.fargateArmVcpuHour.usd).toFixed(3)), 0.315);
        });
    });

    describe("the project's stacks", function () {
        this.timeout(60_000);
        /** The stack's resources but its alarms and dashboards (priced apart, in the last test). */
        const compute = async (stack: string) => (await runStack(stack)).resources.filter(r => !MONITORING.includes(r.type));

        it("dev: two services (web and worker), each one..two 256/512 Spot x86 tasks with a public IP, one ALB over 2 subnets, no NAT", async () => {
            const estimate = estimateMonthlyCost(await compute("dev"));
            // Each service, per task: Spot vCPU 0.25 × 0.01275 × 730 = 2.326875; Spot GB 0.5 × 0.0014 × 730 = 0.511;
            //   its public IPv4 0.005 × 730 = 3.65 → 6.487875 ≈ $6.49; at 2 tasks 12.97575 ≈ $12.98
            // Shared: ALB 0.0225 × 730 = 16.425; LCU 0.008 × 730 = 5.84; 2 ALB IPv4 × 3.65 = 7.3 → 29.565 ≈ $29.57
            // min (1 web + 1 worker task): Spot vCPU 2 × 2.326875 = 4.65375; Spot GB 2 × 0.511 = 1.022; 16.425; 5.84;
            //   IPv4 (2 tasks + 2 ALB) × 3.65 = 14.6 → 42.54075 ≈ $42.54
            // max (2 + 2 tasks): 9.3075 + 2.044 + 16.425 + 5.84 + (4 + 2) × 3.65 = 21.9 → 55.5165 ≈ $55.52
            assert.deepEqual([estimate.monthlyUsd, estimate.monthlyUsdMax], [42.54, 55.52]);
            assert.equal(estimate.items.find(i => i.item === "NAT gateway hours"), undefined);
            assert.deepEqual(
                estimate.services.map(s => [s.service.replace(/-[0-9a-f]{7}$/, ""), s.kind, s.tasks.min, s.tasks.max, s.monthlyUsd, s.monthlyUsdMax]).sort(),
                [
                    ["web-service", "web", 1, 2, 6.49, 12.98],
                    ["worker-service", "worker", 1, 2, 6.49, 12.98],
                ],
            );
            assert.deepEqual([estimate.shared.monthlyUsd, estimate.shared.monthlyUsdMax], [29.57, 29.57]);
        });

        it("prod: 2..10 on-demand 512/1024 x86 tasks, one ALB over 3 subnets, 3 NAT gateways", async () => {
            const estimate = estimateMonthlyCost(await compute("prod"));
            // min (2 tasks): vCPU 2 × 0.5 × 0.04048 × 730 = 29.5504; GB 2 × 1 × 0.004445 × 730 = 6.4897;
            //   ALB 16.425; LCU 5.84; NAT 3 × 0.045 × 730 = 98.55; IPv4 (3 ALB + 3 NAT) × 3.65 = 21.9
            //   → 178.7551 ≈ $178.76
            // max (10 tasks): 147.752 + 32.4485 + 16.425 + 5.84 + 98.55 + 21.9 = 322.9155
            // + blue/green's double capacity: a task-hour is 0.5 × 0.04048 + 1 × 0.004445 = 0.024685; 2 (10) new
            //   tasks × 710 s × 20 deployments a month = 7.8889 (39.4444) task-hours → 0.1947 (0.9737)
            //   → 178.9498 ≈ $178.95, 323.8892 ≈ $323.89
            assert.deepEqual([estimate.monthlyUsd, estimate.monthlyUsdMax], [178.95, 323.89]);
            assert.equal(estimate.items.find(i => i.item === "NAT gateway hours")?.quantity, 2190);
        });

        // Per web service 8 alarm metrics: 5xx rate 2 (HTTPCode_Target_5XX_Count, RequestCount), p99 latency 1,
        // unhealthy hosts 1, CPU 1, memory 1, running below desired 2 (RunningTaskCount, DesiredTaskCount);
        // per worker 4 (CPU, memory, running below desired); one dashboard per stack. $0.10 each, $3.00.
        // prod's web service deploys blue/green, so its three load-balancer alarms read both target groups:
        // 5xx 4, latency 2, unhealthy hosts 2, 12 in all (+$0.40).
        for (const [stack, perService, added, total] of [
            ["dev", [["web-service", 8], ["worker-service", 4]], 4.2, [46.74, 59.72]],
            ["prod", [["web-service", 12]], 4.2, [183.15, 328.09]],
        ] as const) {
            it(`${stack}: each service pays for its own alarms and the stack for its dashboard, +$${added.toFixed(2)}`, async function () {
                const resources = (await runStack(stack)).resources;
                const estimate = estimateMonthlyCost(resources);
                const alarmMetrics = (items: CostItem[]) => items.find(i => i.item === "CloudWatch alarm metrics (standard resolution)")?.quantity ?? 0;
                assert.deepEqual(estimate.services.map(s => [s.service.replace(/-[0-9a-f]{7}$/, ""), alarmMetrics(s.items)]).sort(), perService);
                assert.deepEqual(estimate.shared.items.filter(i => i.item.startsWith("CloudWatch")).map(i => [i.item, i.quantity]), [["CloudWatch dashboards", 1]]);
                assert.deepEqual([estimate.monthlyUsd, estimate.monthlyUsdMax], total);
            });
        }
    });
});

import { strict as assert } from "node:assert";
import { Cluster } from "../../components/cluster";
import { FargateService, FargateServiceArgs } from "../../components/fargateService";
import { containers, inputs, ofType, one, runInline, state } from "../support/stacks";

const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/db-AbCdEf";
const PARAM = "arn:aws:ssm:us-east-1:123456789012:parameter/dev/flags";
const IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:${"b".repeat(64)}`;
const REPO = "arn:aws:ecr:us-east-1:123456789012:repository/web";

const base: FargateServiceArgs = {
    cluster: { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/web", name: "web" },
    vpcId: "vpc-0123",
    subnetIds: ["subnet-a", "subnet-b"],
    loadBalancer: { securityGroupId: "sg-0alb", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc" },
    image: IMAGE,
    repositoryArn: REPO,
    region: "us-east-1",
    secrets: { DB_PASSWORD: SECRET, DB_USER: `${SECRET}:username::`, FLAGS: PARAM },
    environment: { LOG_LEVEL: "info" },
    logRetentionDays: 14,
};

const build = (args: Partial<FargateServiceArgs> = {}) =>
    runInline(() => {
        const cluster = new Cluster("web");
        const service = new FargateService("web", { ...base, cluster, ...args });
        return { logGroupName: service.logGroupName };
    }, "dev");

describe("FargateService (under mocks)", () => {
    it("THEN the service deploys with circuit breaker and rollback, 100/200 %, LATEST platform", async () => {
        const run = await build();
        const service = inputs(one(run, "aws:ecs/service:Service"));
        assert.deepEqual(service.deploymentCircuitBreaker, { enable: true, rollback: true });
        assert.equal(service.deploymentMinimumHealthyPercent, 100);
        assert.equal(service.deploymentMaximumPercent, 200);
        assert.equal(service.platformVersion, "LATEST");
        assert.equal(service.healthCheckGracePeriodSeconds, 30);
        assert.deepEqual(service.loadBalancers, [{ targetGroupArn: base.loadBalancer!.targetGroupArn, containerName: "web", containerPort: 8080 }]);
        assert.equal(service.networkConfiguration.assignPublicIp, false);
    });

    it("THEN the task security group admits only the load balancer's group on the container port", async () => {
        const run = await build();
        const sgId = state(one(run, "aws:ec2/securityGroup:SecurityGroup")).id;
        const ingress = ofType(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map(inputs).filter(r => r.securityGroupId === sgId);
        assert.deepEqual(ingress.map(r => [r.referencedSecurityGroupId, r.ipProtocol, r.fromPort, r.toPort, r.cidrIpv4, r.cidrIpv6]), [
            ["sg-0alb", "tcp", 8080, 8080, undefined, undefined],
        ]);
        assert.deepEqual(inputs(one(run, "aws:ecs/service:Service")).networkConfiguration.securityGroups, [sgId]);
    });

    it("THEN the execution role reads exactly the referenced secrets and nothing else", async () => {
        const run = await build();
        const execRole = one(run, "aws:iam/role:Role", "web-execution-role");
        const policy = ofType(run, "aws:iam/rolePolicy:RolePolicy").map(inputs).find(p => p.role === state(execRole).name)!;
        const statements = JSON.parse(policy.policy).Statement;
        const secretStatements = statements.filter((s: any) => [s.Action].flat().some((a: string) => /secretsmanager|ssm/.test(a)));
        assert.deepEqual(secretStatements, [
            { Sid: "Secrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: [SECRET] },
            { Sid: "Parameters", Effect: "Allow", Action: "ssm:GetParameters", Resource: [PARAM] },
        ]);
        assert.ok(!statements.some((s: any) => s.Action === "kms:Decrypt"));
        assert.notEqual(inputs(one(run, "aws:ecs/taskDefinition:TaskDefinition")).taskRoleArn, state(execRole).arn);
    });

    it("GIVEN a customer key THEN the execution role may decrypt with that key only", async () => {
        const key = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
        const run = await build({ kmsKeyArn: key });
        const policies = ofType(run, "aws:iam/rolePolicy:RolePolicy").map(p => JSON.parse(inputs(p).policy).Statement).flat();
        assert.deepEqual(policies.filter((s: any) => s.Action === "kms:Decrypt").map((s: any) => s.Resource), [key]);
        assert.equal(inputs(one(run, "aws:cloudwatch/logGroup:LogGroup")).kmsKeyId, key);
    });

    it("THEN logs go to a stack-named log group with the configured retention", async () => {
        const run = await build();
        const group = inputs(one(run, "aws:cloudwatch/logGroup:LogGroup"));
        assert.equal(group.retentionInDays, 14);
        assert.equal(group.name, "/ecs/fargate-web/dev/web");
        assert.equal(run.outputs.logGroupName, "/ecs/fargate-web/dev/web");
        const [container] = containers(one(run, "aws:ecs/taskDefinition:TaskDefinition"));
        assert.equal(container.logConfiguration.options["awslogs-group"], "/ecs/fargate-web/dev/web");
    });

    it("THEN the task runs the image by digest, non-root, with a health check and secrets by ARN", async () => {
        const run = await build();
        const td = inputs(one(run, "aws:ecs/taskDefinition:TaskDefinition"));
        assert.deepEqual([td.cpu, td.memory, td.networkMode, td.requiresCompatibilities], ["256", "512", "awsvpc", ["FARGATE"]]);
        assert.deepEqual(td.runtimePlatform, { cpuArchitecture: "X86_64", operatingSystemFamily: "LINUX" });
        const [container] = containers(one(run, "aws:ecs/taskDefinition:TaskDefinition"));
        assert.equal(container.image, IMAGE);
        assert.match(container.image, /@sha256:[0-9a-f]{64}$/);
        assert.equal(container.user, "1000");
        assert.deepEqual(container.healthCheck.command, ["CMD", "node", "healthcheck.js"]);
        assert.deepEqual(container.environment, [
            { name: "LOG_LEVEL", value: "info" },
            { name: "PORT", value: "8080" },
            { name: "SHUTDOWN_TIMEOUT_SECONDS", value: "25" },
        ]);
        assert.deepEqual(container.secrets.map((s: any) => s.name), ["DB_PASSWORD", "DB_USER", "FLAGS"]);
    });

    it("GIVEN Spot with an on-demand base THEN the strategy keeps the base on FARGATE", async () => {
        const run = await build({ capacityProvider: "FARGATE_SPOT", onDemandBase: 1, autoscaled: true });
        const service = one(run, "aws:ecs/service:Service");
        assert.deepEqual(inputs(service).capacityProviderStrategies, [
            { capacityProvider: "FARGATE", base: 1, weight: 0 },
            { capacityProvider: "FARGATE_SPOT", base: 0, weight: 1 },
        ]);
        assert.deepEqual(service.opts.ignoreChanges, ["desiredCount"]);
        assert.ok(service.dependencies.includes(one(run, "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders").urn));
    });

    it("THEN the cluster has Container Insights", async () => {
        const run = await build();
        assert.deepEqual(inputs(one(run, "aws:ecs/cluster:Cluster")).settings, [{ name: "containerInsights", value: "enabled" }]);
    });

    it("GIVEN a size Fargate does not offer THEN it throws before registering anything", async () => {
        await assert.rejects(build({ cpu: 256, memory: 4096 }), /FargateService web: memory 4096 is not offered with cpu 256; use 512, 1024 or 2048\./);
    });

    it("GIVEN a transformations option (what mocks run of transforms) THEN a child's argument no component surfaces reaches the provider, and the children are exposed", async () => {
        const run = await runInline(() => {
            const cluster = new Cluster("web");
            const service = new FargateService(
                "web",
                { ...base, cluster },
                {
                    transformations: [
                        ({ type, props, opts }) => (type === "aws:ecs/service:Service" ? { props: { ...props, availabilityZoneRebalancing: "ENABLED" }, opts } : undefined),
                    ],
                },
            );
            return { taskRoleArn: service.taskRole.arn, serviceArn: service.service.id, sg: service.securityGroup.id, td: service.taskDefinition.family };
        }, "dev");
        assert.equal(inputs(one(run, "aws:ecs/service:Service")).availabilityZoneRebalancing, "ENABLED");
        assert.equal(run.outputs.taskRoleArn, state(one(run, "aws:iam/role:Role", "web-task-role")).arn);
        assert.equal(run.outputs.td, "dev-web");
    });
});

import { strict as assert } from "node:assert";
import { ProgramRun } from "../../harness/runProgram";
import { ConfigError } from "../../components/stackConfig";
import { containers, countByType, inputs, ofType, one, runStack, state } from "../support/stacks";

const P = "fargate-web";

describe("the program, per stack (index.ts under mocks, config from the stack files)", () => {
    let dev: ProgramRun;
    let prod: ProgramRun;
    before(async () => {
        dev = await runStack("dev");
        prod = await runStack("prod");
    });

    it("GIVEN dev THEN it builds the core resource set", () => {
        assert.deepEqual(countByType(dev), {
            "fargate-web:network:Network": 1,
            "fargate-web:image:ContainerImage": 1,
            "fargate-web:lb:LoadBalancer": 1,
            "fargate-web:secrets:ServiceSecrets": 1,
            "fargate-web:ecs:Cluster": 1,
            "fargate-web:ecs:FargateService": 1,
            "fargate-web:scaling:ServiceScaling": 1,
            "awsx:ec2:Vpc": 1,
            "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": 1,
            "aws:cloudwatch/logGroup:LogGroup": 2,
            "aws:iam/role:Role": 3,
            "aws:iam/rolePolicy:RolePolicy": 2,
            "aws:ec2/flowLog:FlowLog": 1,
            "aws:ecr/repository:Repository": 1,
            "aws:ecr/lifecyclePolicy:LifecyclePolicy": 1,
            "docker:index/image:Image": 1,
            "aws:ec2/securityGroup:SecurityGroup": 2,
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": 2,
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": 2,
            "aws:lb/loadBalancer:LoadBalancer": 1,
            "aws:lb/targetGroup:TargetGroup": 1,
            "aws:lb/listener:Listener": 1,
            "aws:ecs/cluster:Cluster": 1,
            "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": 1,
            "aws:ecs/taskDefinition:TaskDefinition": 1,
            "aws:ecs/service:Service": 1,
            "aws:appautoscaling/target:Target": 1,
            "aws:appautoscaling/policy:Policy": 1,
        });
    });

    it("GIVEN prod THEN it adds TLS, DNS, access logs and more scaling policies", () => {
        const added = Object.entries(countByType(prod))
            .filter(([type, n]) => (countByType(dev)[type] ?? 0) !== n)
            .map(([type, n]) => `${type} ${countByType(dev)[type] ?? 0}->${n}`);
        assert.deepEqual(added.sort(), [
            "aws:acm/certificate:Certificate 0->1",
            "aws:acm/certificateValidation:CertificateValidation 0->1",
            "aws:appautoscaling/policy:Policy 1->3",
            "aws:lb/listener:Listener 1->2",
            "aws:route53/record:Record 0->2",
            "aws:s3/bucket:Bucket 0->1",
            "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration 0->1",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls 0->1",
            "aws:s3/bucketPolicy:BucketPolicy 0->1",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock 0->1",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration 0->1",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule 2->3",
            "fargate-web:lb:AccessLogBucket 0->1",
        ]);
    });

    it("THEN dev runs without NAT in public subnets with public IPs, prod with a NAT per zone and private IPs only", () => {
        const vpc = (run: ProgramRun) => inputs(one(run, "awsx:ec2:Vpc"));
        assert.deepEqual([vpc(dev).natGateways.strategy, vpc(dev).numberOfAvailabilityZones], ["None", 2]);
        assert.deepEqual([vpc(prod).natGateways.strategy, vpc(prod).numberOfAvailabilityZones], ["OnePerAz", 3]);
        const net = (run: ProgramRun) => inputs(one(run, "aws:ecs/service:Service")).networkConfiguration;
        assert.equal(net(dev).assignPublicIp, true);
        assert.deepEqual(net(dev).subnets, state(one(dev, "awsx:ec2:Vpc")).publicSubnetIds);
        assert.equal(net(prod).assignPublicIp, false);
        assert.deepEqual(net(prod).subnets, state(one(prod, "awsx:ec2:Vpc")).privateSubnetIds);
    });

    it("THEN dev is cheap (Spot, one task) and prod highly available (on-demand base of two, min two)", () => {
        const svc = (run: ProgramRun) => inputs(one(run, "aws:ecs/service:Service"));
        assert.deepEqual(svc(dev).capacityProviderStrategies, [{ capacityProvider: "FARGATE_SPOT", base: 0, weight: 1 }]);
        assert.equal(svc(dev).desiredCount, 1);
        assert.deepEqual(svc(prod).capacityProviderStrategies, [{ capacityProvider: "FARGATE", base: 2, weight: 1 }]);
        assert.equal(svc(prod).desiredCount, 2);
        const target = (run: ProgramRun) => inputs(one(run, "aws:appautoscaling/target:Target"));
        assert.deepEqual([target(dev).minCapacity, target(dev).maxCapacity], [1, 2]);
        assert.deepEqual([target(prod).minCapacity, target(prod).maxCapacity], [2, 10]);
        const td = (run: ProgramRun) => inputs(one(run, "aws:ecs/taskDefinition:TaskDefinition"));
        assert.deepEqual([td(dev).cpu, td(dev).memory, td(prod).cpu, td(prod).memory], ["256", "512", "512", "1024"]);
    });

    it("THEN log retention is 7 days in dev and 365 in prod, for container and flow logs", () => {
        const retention = (run: ProgramRun) => ofType(run, "aws:cloudwatch/logGroup:LogGroup").map(g => inputs(g).retentionInDays);
        assert.deepEqual(retention(dev), [7, 7]);
        assert.deepEqual(retention(prod), [365, 365]);
    });

    it("THEN prod protects its stateful resources and load balancer, dev protects nothing", () => {
        const protectedTypes = (run: ProgramRun) => [...new Set(run.resources.filter(r => r.opts.protect).map(r => r.type))].sort();
        assert.deepEqual(protectedTypes(dev), []);
        assert.deepEqual(protectedTypes(prod), [
            "aws:cloudwatch/logGroup:LogGroup",
            "aws:ecr/repository:Repository",
            "aws:lb/loadBalancer:LoadBalancer",
            "aws:s3/bucket:Bucket",
        ]);
        assert.equal(inputs(one(prod, "aws:lb/loadBalancer:LoadBalancer")).enableDeletionProtection, true);
        assert.equal(inputs(one(dev, "aws:lb/loadBalancer:LoadBalancer")).enableDeletionProtection, false);
        assert.equal(inputs(one(prod, "aws:ecr/repository:Repository")).forceDelete, false);
        assert.equal(inputs(one(dev, "aws:ecr/repository:Repository")).forceDelete, true);
    });

    it("THEN dev serves HTTP and prod redirects HTTP to HTTPS on its own domain", () => {
        assert.match(String(dev.outputs.url), /^http:\/\/web-alb-/);
        assert.equal(prod.outputs.url, "https://app.example.com");
        const http = ofType(prod, "aws:lb/listener:Listener").map(inputs).find(l => l.port === 80)!;
        assert.equal(http.defaultActions[0].type, "redirect");
        assert.equal(inputs(one(prod, "aws:lb/loadBalancer:LoadBalancer")).accessLogs.bucket, state(one(prod, "aws:s3/bucket:Bucket")).bucket);
    });

    it("THEN both export the stack outputs, the image by digest", () => {
        for (const run of [dev, prod]) {
            assert.deepEqual(Object.keys(run.outputs).sort(), ["clusterName", "imageDigest", "logGroupName", "repositoryUrl", "serviceName", "url", "vpcId"]);
            assert.match(String(run.outputs.imageDigest), /^sha256:[0-9a-f]{64}$/);
            const [container] = containers(one(run, "aws:ecs/taskDefinition:TaskDefinition"));
            assert.equal(container.image, `${run.outputs.repositoryUrl}@${run.outputs.imageDigest}`);
        }
        assert.equal(dev.outputs.logGroupName, "/ecs/fargate-web/dev/web");
    });

    it("GIVEN secrets by ARN and by secret config THEN the task reads both by ARN and the execution role exactly those", async () => {
        const arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/db-AbCdEf";
        const run = await runStack("dev", {
            values: { [`${P}:secrets`]: JSON.stringify({ DB_PASSWORD: arn }) },
            secrets: { [`${P}:secretValues`]: JSON.stringify({ API_KEY: "super-secret-api-key-value" }) },
        });
        const created = one(run, "aws:secretsmanager/secret:Secret");
        const version = one(run, "aws:secretsmanager/secretVersion:SecretVersion");
        const [container] = containers(one(run, "aws:ecs/taskDefinition:TaskDefinition"));
        assert.deepEqual(container.secrets, [
            // The created secret at the version this stack wrote; the referenced one as given.
            { name: "API_KEY", valueFrom: `${state(created).arn}:::${state(version).versionId}` },
            { name: "DB_PASSWORD", valueFrom: arn },
        ]);
        const execPolicy = ofType(run, "aws:iam/rolePolicy:RolePolicy").map(p => JSON.parse(inputs(p).policy)).find(d => d.Statement.some((s: any) => s.Sid === "Secrets"));
        assert.deepEqual(execPolicy.Statement.find((s: any) => s.Sid === "Secrets").Resource, [arn, state(created).arn].sort());
        assert.equal(JSON.stringify(container.environment).includes("super-secret"), false);
    });

    it("GIVEN a bad stack value THEN the program fails before registering anything, naming the key", async () => {
        await assert.rejects(runStack("dev", { values: { [`${P}:natStrategy`]: "sometimes" } }), (e: any) => {
            assert.ok(e.cause instanceof ConfigError);
            assert.deepEqual(e.cause.problems, [`${P}:natStrategy is "sometimes"; allowed: "none", "single" or "perAz"`]);
            return true;
        });
    });
});

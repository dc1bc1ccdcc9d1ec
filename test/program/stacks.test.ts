import { strict as assert } from "node:assert";
import { ProgramRun } from "../../harness/runProgram";
import { ConfigError } from "../../components/stackConfig";
import { RecordedResource } from "../../harness/types";
import { containers, countByType, inputs, named, ofType, one, runStack, state } from "../support/stacks";

const P = "fargate-web";

/** Dev's second service (`Pulumi.dev.yaml`): the queue worker, with no route and no port. */
const WORKER = "worker";
/** Whether a recorded resource belongs to dev's worker: its components are named `worker`, their children `worker-…`. */
const ofWorker = (r: RecordedResource): boolean => r.name === WORKER || r.name.startsWith(`${WORKER}-`);
/** Count of recorded resources by type, without the worker's: what dev builds for its web service and the shared parts. */
const countWithoutWorker = (run: ProgramRun): Record<string, number> => countByType({ ...run, resources: run.resources.filter(r => !ofWorker(r)) });

describe("the program, per stack (index.ts under mocks, config from the stack files)", () => {
    let dev: ProgramRun;
    let prod: ProgramRun;
    before(async () => {
        dev = await runStack("dev");
        prod = await runStack("prod");
    });

    it("GIVEN dev THEN it builds the core resource set: one network, cluster and load balancer, and per service (web, worker) its own image, secrets, service and scaling", () => {
        // The shared parts once; what is per service twice (web and worker); the load balancer's parts and the
        // tasks' ingress (from the load balancer only) once, since only web is routed.
        assert.deepEqual(countByType(dev), {
            "fargate-web:network:Network": 1,
            "fargate-web:image:ContainerImage": 2,
            "fargate-web:lb:LoadBalancer": 1,
            "fargate-web:secrets:ServiceSecrets": 2,
            "fargate-web:ecs:Cluster": 1,
            "fargate-web:ecs:FargateService": 2,
            "fargate-web:scaling:ServiceScaling": 2,
            "fargate-web:cloudwatch:ServiceAlarms": 2,
            "fargate-web:cloudwatch:StackObservability": 1,
            "fargate-web:cloudwatch:EcsEventRules": 1,
            "awsx:ec2:Vpc": 1,
            "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": 1,
            // Flow logs, web's and worker's container logs.
            "aws:cloudwatch/logGroup:LogGroup": 3,
            // The flow-log role, and an execution and a task role per service.
            "aws:iam/role:Role": 5,
            // The flow-log policy and an execution policy per service.
            "aws:iam/rolePolicy:RolePolicy": 3,
            "aws:ec2/flowLog:FlowLog": 1,
            "aws:ecr/repository:Repository": 2,
            "aws:ecr/lifecyclePolicy:LifecyclePolicy": 2,
            "docker:index/image:Image": 2,
            // The load balancer's, web's tasks' and worker's tasks'.
            "aws:ec2/securityGroup:SecurityGroup": 3,
            // HTTP into the load balancer and web's port from the load balancer; nothing into the worker.
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": 2,
            // The load balancer to its targets, and HTTPS out of each service's tasks.
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": 3,
            "aws:lb/loadBalancer:LoadBalancer": 1,
            "aws:lb/targetGroup:TargetGroup": 1,
            "aws:lb/listener:Listener": 1,
            "aws:ecs/cluster:Cluster": 1,
            "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": 1,
            "aws:ecs/taskDefinition:TaskDefinition": 2,
            "aws:ecs/service:Service": 2,
            "aws:appautoscaling/target:Target": 2,
            "aws:appautoscaling/policy:Policy": 2,
            // web's six alarms (5xx, latency, unhealthy hosts, CPU, memory, running tasks) and worker's last three.
            "aws:cloudwatch/metricAlarm:MetricAlarm": 9,
            "aws:sns/topic:Topic": 1,
            "aws:cloudwatch/dashboard:Dashboard": 1,
            // ECS deployment, service-action and Spot-interruption events to the topic, and the topic's policy.
            "aws:cloudwatch/eventRule:EventRule": 3,
            "aws:cloudwatch/eventTarget:EventTarget": 3,
            "aws:sns/topicPolicy:TopicPolicy": 1,
        });
    });

    it("GIVEN dev THEN the worker adds exactly one service's own resources, none of the load balancer's", () => {
        assert.deepEqual(countByType({ ...dev, resources: dev.resources.filter(ofWorker) }), {
            "fargate-web:image:ContainerImage": 1,
            "fargate-web:secrets:ServiceSecrets": 1,
            "fargate-web:ecs:FargateService": 1,
            "fargate-web:scaling:ServiceScaling": 1,
            "fargate-web:cloudwatch:ServiceAlarms": 1,
            "aws:cloudwatch/metricAlarm:MetricAlarm": 3,
            "aws:cloudwatch/logGroup:LogGroup": 1,
            "aws:iam/role:Role": 2,
            "aws:iam/rolePolicy:RolePolicy": 1,
            "aws:ecr/repository:Repository": 1,
            "aws:ecr/lifecyclePolicy:LifecyclePolicy": 1,
            "docker:index/image:Image": 1,
            "aws:ec2/securityGroup:SecurityGroup": 1,
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": 1,
            "aws:ecs/taskDefinition:TaskDefinition": 1,
            "aws:ecs/service:Service": 1,
            "aws:appautoscaling/target:Target": 1,
            "aws:appautoscaling/policy:Policy": 1,
        });
        const worker = inputs(named(dev, "aws:ecs/service:Service", "worker-service"));
        assert.deepEqual(worker.loadBalancers, []);
        assert.equal(worker.healthCheckGracePeriodSeconds, undefined);
        const workerGroup = state(named(dev, "aws:ec2/securityGroup:SecurityGroup", "worker-task-sg")).id;
        const ingress = ofType(dev, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map(inputs);
        assert.deepEqual(ingress.filter(rule => rule.securityGroupId === workerGroup), []);
        assert.deepEqual(worker.networkConfiguration.securityGroups, [workerGroup]);
        // The worker scales on CPU only: requests per target exist only behind the load balancer.
        const policies = ofType(dev, "aws:appautoscaling/policy:Policy").filter(ofWorker).map(p => inputs(p).targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification.predefinedMetricType);
        assert.deepEqual(policies, ["ECSServiceAverageCPUUtilization"]);
    });

    it("GIVEN prod THEN it adds TLS, DNS, access logs, more scaling policies and blue/green's target group, rules and role", () => {
        // Prod runs one service: it is held against dev's web service and shared parts (the worker is counted above).
        const devWeb = countWithoutWorker(dev);
        const added = Object.entries(countByType(prod))
            .filter(([type, n]) => (devWeb[type] ?? 0) !== n)
            .map(([type, n]) => `${type} ${devWeb[type] ?? 0}->${n}`);
        assert.deepEqual(Object.keys(devWeb).filter(type => !(type in countByType(prod))), []);
        assert.deepEqual(added.sort(), [
            "aws:acm/certificate:Certificate 0->1",
            "aws:acm/certificateValidation:CertificateValidation 0->1",
            "aws:appautoscaling/policy:Policy 1->3",
            // Blue/green: the ECS infrastructure role with its managed policy, the alternate target group,
            // the catch-all production rule and the test rule.
            "aws:iam/role:Role 3->4",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment 0->1",
            "aws:lb/listener:Listener 1->2",
            "aws:lb/listenerRule:ListenerRule 0->2",
            "aws:lb/targetGroup:TargetGroup 1->2",
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
        const net = (run: ProgramRun, service = "web-service") => inputs(named(run, "aws:ecs/service:Service", service)).networkConfiguration;
        assert.equal(net(dev).assignPublicIp, true);
        assert.deepEqual(net(dev).subnets, state(one(dev, "awsx:ec2:Vpc")).publicSubnetIds);
        // The worker shares the network: same subnets, and a public IP too, to reach ECR without NAT.
        assert.equal(net(dev, "worker-service").assignPublicIp, true);
        assert.deepEqual(net(dev, "worker-service").subnets, net(dev).subnets);
        assert.equal(net(prod).assignPublicIp, false);
        assert.deepEqual(net(prod).subnets, state(one(prod, "awsx:ec2:Vpc")).privateSubnetIds);
    });

    it("THEN dev is cheap (Spot, one task) and prod highly available (on-demand base of two, min two)", () => {
        const svc = (run: ProgramRun, service = "web") => inputs(named(run, "aws:ecs/service:Service", `${service}-service`));
        assert.deepEqual(svc(dev).capacityProviderStrategies, [{ capacityProvider: "FARGATE_SPOT", base: 0, weight: 1 }]);
        assert.equal(svc(dev).desiredCount, 1);
        assert.deepEqual(svc(dev, WORKER).capacityProviderStrategies, [{ capacityProvider: "FARGATE_SPOT", base: 0, weight: 1 }]);
        assert.equal(svc(dev, WORKER).desiredCount, 1);
        assert.deepEqual(svc(prod).capacityProviderStrategies, [{ capacityProvider: "FARGATE", base: 2, weight: 1 }]);
        assert.equal(svc(prod).desiredCount, 2);
        const target = (run: ProgramRun, service = "web") => inputs(named(run, "aws:appautoscaling/target:Target", `${service}-target`));
        assert.deepEqual([target(dev).minCapacity, target(dev).maxCapacity], [1, 2]);
        assert.deepEqual([target(dev, WORKER).minCapacity, target(dev, WORKER).maxCapacity], [1, 2]);
        assert.deepEqual([target(prod).minCapacity, target(prod).maxCapacity], [2, 10]);
        const td = (run: ProgramRun, service = "web") => inputs(named(run, "aws:ecs/taskDefinition:TaskDefinition", `${service}-task`));
        assert.deepEqual([td(dev).cpu, td(dev).memory, td(prod).cpu, td(prod).memory], ["256", "512", "512", "1024"]);
        assert.deepEqual([td(dev, WORKER).cpu, td(dev, WORKER).memory], ["256", "512"]);
    });

    it("THEN log retention is 7 days in dev and 365 in prod, for container and flow logs", () => {
        const retention = (run: ProgramRun) => ofType(run, "aws:cloudwatch/logGroup:LogGroup").map(g => `${g.name} ${inputs(g).retentionInDays}`);
        // Dev: flow logs, then each service's container logs (web, worker).
        assert.deepEqual(retention(dev), ["web-flow-logs 7", "web-logs 7", "worker-logs 7"]);
        assert.deepEqual(retention(prod), ["web-flow-logs 365", "web-logs 365"]);
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
        assert.deepEqual(ofType(dev, "aws:ecr/repository:Repository").map(r => `${r.name} ${inputs(r).forceDelete}`), ["web-repo true", "worker-repo true"]);
    });

    it("THEN dev serves HTTP and prod redirects HTTP to HTTPS on its own domain", () => {
        assert.match(String(dev.outputs.url), /^http:\/\/web-alb-/);
        assert.equal(prod.outputs.url, "https://app.example.com");
        const http = ofType(prod, "aws:lb/listener:Listener").map(inputs).find(l => l.port === 80)!;
        assert.equal(http.defaultActions[0].type, "redirect");
        assert.equal(inputs(one(prod, "aws:lb/loadBalancer:LoadBalancer")).accessLogs.bucket, state(one(prod, "aws:s3/bucket:Bucket")).bucket);
    });

    it("THEN both export the stack outputs, the image by digest; dev, with two services, lists each", () => {
        const keys = ["alarmTopicArn", "clusterName", "dashboardUrl", "imageDigest", "logGroupName", "repositoryUrl", "serviceName", "url", "vpcId"];
        assert.deepEqual(Object.keys(prod.outputs).sort(), keys);
        assert.deepEqual(Object.keys(dev.outputs).sort(), [...keys, "services"].sort());
        for (const run of [dev, prod]) {
            assert.match(String(run.outputs.imageDigest), /^sha256:[0-9a-f]{64}$/);
            const [container] = containers(named(run, "aws:ecs/taskDefinition:TaskDefinition", "web-task"));
            assert.equal(container.image, `${run.outputs.repositoryUrl}@${run.outputs.imageDigest}`);
        }
        assert.equal(dev.outputs.logGroupName, "/ecs/fargate-web/dev/web");
        // The one-service keys describe web, the main service; `services` adds the worker's.
        const services = dev.outputs.services as Record<string, Record<string, string>>;
        assert.deepEqual(Object.keys(services), ["web", WORKER]);
        assert.deepEqual(services.web, {
            serviceName: dev.outputs.serviceName,
            logGroupName: dev.outputs.logGroupName,
            repositoryUrl: dev.outputs.repositoryUrl,
            imageDigest: dev.outputs.imageDigest,
        });
        assert.equal(services.worker.logGroupName, "/ecs/fargate-web/dev/worker");
        assert.equal(services.worker.serviceName, state(named(dev, "aws:ecs/service:Service", "worker-service")).name);
        assert.notEqual(services.worker.imageDigest, services.web.imageDigest);
        const [worker] = containers(named(dev, "aws:ecs/taskDefinition:TaskDefinition", "worker-task"));
        assert.equal(worker.image, `${services.worker.repositoryUrl}@${services.worker.imageDigest}`);
    });

    it("GIVEN secrets by ARN and by secret config THEN each service's task reads both by ARN and its execution role exactly those", async () => {
        const arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/db-AbCdEf";
        const run = await runStack("dev", {
            values: { [`${P}:secrets`]: JSON.stringify({ DB_PASSWORD: arn }) },
            secrets: { [`${P}:secretValues`]: JSON.stringify({ API_KEY: "super-secret-api-key-value" }) },
        });
        // The stack-wide keys reach every service; each service writes the created secret under its own name.
        assert.deepEqual(ofType(run, "aws:secretsmanager/secret:Secret").map(r => r.name), ["web-secret-API_KEY", "worker-secret-API_KEY"]);
        for (const service of ["web", WORKER]) {
            const created = named(run, "aws:secretsmanager/secret:Secret", `${service}-secret-API_KEY`);
            const version = named(run, "aws:secretsmanager/secretVersion:SecretVersion", `${service}-secret-API_KEY-value`);
            const [container] = containers(named(run, "aws:ecs/taskDefinition:TaskDefinition", `${service}-task`));
            assert.deepEqual(container.secrets, [
                // The created secret at the version this stack wrote; the referenced one as given.
                { name: "API_KEY", valueFrom: `${state(created).arn}:::${state(version).versionId}` },
                { name: "DB_PASSWORD", valueFrom: arn },
            ]);
            const execPolicy = JSON.parse(inputs(named(run, "aws:iam/rolePolicy:RolePolicy", `${service}-execution-policy`)).policy);
            // Its own created secret only: one service's role reads nothing another service created.
            assert.deepEqual(execPolicy.Statement.find((s: any) => s.Sid === "Secrets").Resource, [arn, state(created).arn].sort());
            assert.equal(JSON.stringify(container.environment).includes("super-secret"), false);
        }
    });

    it("GIVEN a bad stack value THEN the program fails before registering anything, naming the key", async () => {
        await assert.rejects(runStack("dev", { values: { [`${P}:natStrategy`]: "sometimes" } }), (e: any) => {
            assert.ok(e.cause instanceof ConfigError);
            assert.deepEqual(e.cause.problems, [`${P}:natStrategy is "sometimes"; allowed: "none", "single" or "perAz"`]);
            return true;
        });
    });
});

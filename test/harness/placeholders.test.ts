/**
 * Computed outputs filled from the provider's type declarations, so values built from them stay known, and
 * data sources programs commonly read answered offline.
 */
import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { computedOutputs, objectFields } from "../../harness/declaredOutputs";
import { placeholderState } from "../../harness/placeholders";
import { containers, inputs, one, runInline } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const CTX = { region: "eu-west-1", account: "123456789012" };

describe("computed outputs from the provider's declarations", () => {
    it("GIVEN a type THEN its computed outputs are those the class declares and its Args do not take", () => {
        const names = computedOutputs(AWS_TYPES.rdsInstance).map(o => o.name);
        for (const computed of ["arn", "endpoint", "address", "hostedZoneId", "resourceId"]) {
            assert.ok(names.includes(computed), computed);
        }
        for (const input of ["engine", "instanceClass", "allocatedStorage"]) {
            assert.ok(!names.includes(input), input);
        }
        assert.deepEqual(computedOutputs("aws:no/such:Type"), []);
    });

    it("GIVEN a resource THEN plausible, repeatable values: ARNs in the stack's region and account, hosts, nested objects", () => {
        const state = placeholderState("aws:elasticache/cluster:Cluster", "cache", {}, CTX);
        assert.match(String(state.arn), /^arn:aws:elasticache:eu-west-1:123456789012:cluster\/cache-[0-9a-f]{8}$/);
        const nodes = state.cacheNodes as Array<Record<string, unknown>>;
        assert.equal(nodes.length, 1);
        assert.match(String(nodes[0].address), /\.elasticache\.eu-west-1\.amazonaws\.com$/);
        assert.equal(typeof nodes[0].port, "number");
        assert.deepEqual(placeholderState("aws:elasticache/cluster:Cluster", "cache", {}, CTX), state);
        // What the program gave is never overwritten.
        assert.equal(placeholderState(AWS_TYPES.rdsInstance, "db", { name: "given" }, CTX).name, undefined);
    });

    it("GIVEN a remote component THEN its resource-valued outputs carry the child's own computed values", () => {
        const state = placeholderState("awsx:lb:ApplicationLoadBalancer", "lb", {}, CTX);
        const lb = state.loadBalancer as Record<string, unknown>;
        assert.match(String(lb.dnsName), /\.eu-west-1\.amazonaws\.com$/);
        assert.match(String(lb.arn), /^arn:aws:elasticloadbalancing:eu-west-1:123456789012:/);
        assert.match(String(placeholderState("awsx:ecr:Image", "img", {}, CTX).imageUri), /^123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/img@sha256:[0-9a-f]{64}$/);
    });

    it("GIVEN a container definition built from a database endpoint and a cache node address THEN it is known, so container checks run", async () => {
        const run = await runInline(() => {
            const db = new aws.rds.Instance("db", { engine: "postgres", instanceClass: "db.t3.micro", allocatedStorage: 20 });
            const cache = new aws.elasticache.Cluster("cache", { engine: "redis", nodeType: "cache.t3.micro", numCacheNodes: 1 });
            new aws.ecs.TaskDefinition("app", {
                family: "app",
                containerDefinitions: pulumi.jsonStringify([
                    { name: "app", image: "nginx", essential: true, environment: [{ name: "DB", value: db.address }, { name: "REDIS", value: cache.cacheNodes[0].address }] },
                ]),
            });
        });
        const [container] = containers(one(run, AWS_TYPES.ecsTaskDefinition));
        const env = Object.fromEntries(container.environment.map((e: { name: string; value: string }) => [e.name, e.value]));
        assert.match(env.DB, /^db-[0-9a-f]{8}\.rds\.us-east-1\.amazonaws\.com$/);
        assert.match(env.REDIS, /\.elasticache\.us-east-1\.amazonaws\.com$/);
    });
});

describe("data sources answered offline", () => {
    it("GIVEN the default VPC, its subnets and zones THEN one default /20 subnet per zone in 172.31.0.0/16", async () => {
        const run = await runInline(() => {
            const vpc = aws.ec2.getVpcOutput({ default: true });
            const subnets = aws.ec2.getSubnetsOutput({ filters: [{ name: "vpc-id", values: [vpc.id] }] });
            const first = aws.ec2.getSubnetOutput({ id: subnets.ids[0] });
            return { vpc: vpc.id, cidr: vpc.cidrBlock, ids: subnets.ids, zone: first.availabilityZone, zones: aws.getAvailabilityZonesOutput().zoneIds };
        }, "t", "eu-west-1");
        const out = run.outputs as Record<string, any>;
        assert.match(out.vpc, /^vpc-[0-9a-f]{17}$/);
        assert.equal(out.cidr, "172.31.0.0/16");
        assert.equal(out.ids.length, 6);
        assert.equal(out.zone, "eu-west-1a");
        assert.deepEqual(out.zones.slice(0, 2), ["euw1-az1", "euw1-az2"]);
    });

    it("GIVEN lookups by name THEN zones, certificates, secrets, AMIs, ECS-optimized AMI metadata and the policy document answer", async () => {
        const run = await runInline(() => {
            const doc = aws.iam.getPolicyDocumentOutput({ statements: [{ actions: ["s3:GetObject"], resources: ["*"] }] });
            const role = new aws.iam.Role("r", { assumeRolePolicy: doc.json });
            new aws.iam.RolePolicy("p", { role: role.name, policy: doc.json });
            return {
                zone: aws.route53.getZoneOutput({ name: "example.com." }).zoneId,
                cert: aws.acm.getCertificateOutput({ domain: "www.example.com" }).arn,
                secret: aws.secretsmanager.getSecretVersionOutput({ secretId: "db" }).arn,
                ami: aws.ec2.getAmiOutput({ owners: ["amazon"], filters: [{ name: "name", values: ["al2023-ami-*-x86_64"] }], mostRecent: true }).id,
                ecsAmi: aws.ssm.getParameterOutput({ name: "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended" }).value,
                elb: aws.elb.getServiceAccountOutput().arn,
            };
        });
        const out = run.outputs as Record<string, any>;
        assert.match(out.zone, /^Z[0-9A-F]{20}$/);
        assert.match(out.cert, /^arn:aws:acm:us-east-1:123456789012:certificate\/[0-9a-f-]{36}$/);
        assert.match(out.secret, /^arn:aws:secretsmanager:us-east-1:123456789012:secret:db-[0-9a-f]{6}$/);
        assert.match(out.ami, /^ami-[0-9a-f]{17}$/);
        assert.match(JSON.parse(out.ecsAmi).image_id, /^ami-[0-9a-f]{17}$/);
        assert.equal(out.elb, "arn:aws:iam::127311923021:root");
        assert.equal(JSON.parse(inputs(one(run, AWS_TYPES.iamRolePolicy)).policy).Statement[0].Action, "s3:GetObject");
    });
});

describe("object types of the provider's output declarations", () => {
    it("GIVEN a type of one namespace THEN its required fields; a name from another namespace finds nothing", () => {
        assert.deepEqual(
            objectFields("@pulumi/aws", "elasticache.ClusterCacheNode").map(f => [f.name, f.shape.kind]),
            [["address", "string"], ["availabilityZone", "string"], ["id", "string"], ["outpostArn", "string"], ["port", "number"]],
        );
        assert.deepEqual(objectFields("@pulumi/aws", "ecs.ClusterCacheNode"), []);
        assert.deepEqual(objectFields("@pulumi/aws", "elasticache.NoSuchType"), []);
    });
});

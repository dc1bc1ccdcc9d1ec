/**
 * The loader refuses, by config key, the values AWS would refuse at apply time in what the program derives
 * from them, before any resource exists; and it refuses exactly those the apply-time rules would refuse.
 */
import { strict as assert } from "node:assert";
import { evaluateApplyRules } from "../../harness/applyRules";
import { fixture } from "../../harness/fixtures";
import { readStackConfig } from "../../harness/projectConfig";
import { ProgramError } from "../../harness/errors";
import { ConfigError, parseStackConfig } from "../../components/stackConfig";
import { childName } from "../../components/naming";
import { hostBitsSet } from "../../components/awsLimits";
import { PROJECT_DIR, runStack } from "../support/stacks";

const P = "fargate-web";

function problems(stack: string, changes: Record<string, string>, secretKeys: string[] = [], as = stack): readonly string[] {
    const base = readStackConfig(PROJECT_DIR, stack);
    try {
        parseStackConfig({ project: base.project, stack: as, values: { ...base.config, ...changes }, secretKeys: [...base.secretKeys, ...secretKeys] });
    } catch (e) {
        assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
        return e.problems;
    }
    return [];
}

const CERT = (region: string) => `arn:aws:acm:${region}:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666`;
const KEY = (region: string) => `arn:aws:kms:${region}:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666`;

describe("stack config loader: apply-time limits", () => {
    it("GIVEN serviceName internal or internal-api THEN it is refused: the load balancer's name would start internal-", () => {
        for (const name of ["internal", "internal-api"]) {
            assert.deepEqual(problems("dev", { [`${P}:serviceName`]: name }), [
                `${P}:serviceName is "${name}"; the load balancer's name would start with "internal-", which ELB reserves; choose another name`,
            ]);
        }
        assert.deepEqual(problems("dev", { [`${P}:serviceName`]: "internals" }), []);
    });

    it("GIVEN serviceName sg or sg-web THEN it is refused: security group names would start sg-", () => {
        assert.deepEqual(problems("dev", { [`${P}:serviceName`]: "sg-web" }), [
            `${P}:serviceName is "sg-web"; security group names would start with "sg-", which EC2 reserves; choose another name`,
        ]);
        assert.deepEqual(problems("dev", { [`${P}:serviceName`]: "sgweb" }), []);
    });

    it("THEN for service names the key's pattern allows, the loader accepts exactly those whose derived names the apply-time rules accept", () => {
        const candidates = ["web", "internal", "internal-x", "internalx", "sg", "sg-1", "sgx", "a".repeat(20), "x-internal", "s-g"];
        for (const name of candidates) {
            const derived = [
                fixture("aws:lb/loadBalancer:LoadBalancer", childName(name, "alb"), {}),
                fixture("aws:lb/targetGroup:TargetGroup", childName(name, "tg"), {}),
                fixture("aws:ec2/securityGroup:SecurityGroup", childName(name, "alb-sg"), { description: "d" }),
                fixture("aws:ec2/securityGroup:SecurityGroup", childName(name, "task-sg"), { description: "d" }),
                fixture("aws:iam/role:Role", childName(name, "execution-role"), {}),
                fixture("aws:iam/role:Role", childName(name, "flow-logs-role"), {}),
                fixture("aws:ecs/cluster:Cluster", childName(name, "cluster"), {}),
                fixture("aws:ecs/service:Service", childName(name, "service"), {}),
                fixture("aws:cloudwatch/logGroup:LogGroup", childName(name, "flow-logs"), {}),
                fixture("aws:s3/bucket:Bucket", childName(name, "bucket"), {}),
            ];
            const refusedByRules = evaluateApplyRules(derived, { config: { "aws:region": "us-east-1" } }).length > 0;
            const refusedByLoader = problems("dev", { [`${P}:serviceName`]: name }).length > 0;
            assert.equal(refusedByLoader, refusedByRules, `${name}: loader ${refusedByLoader}, rules ${refusedByRules}`);
        }
    });

    it("GIVEN a stack name with a dot THEN the task definition family is refused, naming the stack", () => {
        // The one-service form: dev's stack file without its services.
        assert.deepEqual(problems("dev", { [`${P}:services`]: "{}" }, [], "dev.eu"), [
            `stack name "dev.eu" makes the task definition family "dev.eu-web"; ECS accepts only letters, digits, underscores and hyphens (no dots)`,
        ]);
    });

    it("GIVEN a stack name with a dot and dev's two services THEN each service's family is refused, naming the entry", () => {
        const found = problems("dev", {}, [], "dev.eu");
        for (const service of ["web", "worker"]) {
            assert.ok(
                found.includes(`${P}:services has "${service}"; stack name "dev.eu" makes the task definition family "dev.eu-${service}"; ECS accepts only letters, digits, underscores and hyphens (no dots)`),
                found.join("\n"),
            );
        }
        assert.ok(found.every(p => p.includes(`stack name "dev.eu" makes the task definition family`)), found.join("\n"));
    });

    it("GIVEN vpcCidr with host bits set THEN it is refused with the network address to use", () => {
        assert.deepEqual(problems("dev", { [`${P}:vpcCidr`]: "10.0.0.1/16" }), [
            `${P}:vpcCidr is "10.0.0.1/16"; host bits are set, and EC2 accepts only a network address; use 10.0.0.0/16`,
        ]);
        assert.deepEqual(problems("dev", { [`${P}:vpcCidr`]: "10.0.128.0/17" }), []);
        assert.equal(hostBitsSet("192.168.255.255/16"), "192.168.0.0/16");
        assert.equal(hostBitsSet("172.16.4.0/22"), undefined);
    });

    it("GIVEN a certificate or KMS key of another region THEN each is refused, naming both regions", () => {
        assert.deepEqual(problems("dev", { [`${P}:certificateArn`]: CERT("eu-west-1") }), [
            `${P}:certificateArn is "${CERT("eu-west-1")}"; the certificate is in eu-west-1 but the stack deploys to us-east-1 (aws:region); use one from us-east-1`,
        ]);
        assert.deepEqual(problems("dev", { [`${P}:kmsKeyArn`]: KEY("us-west-2") }), [
            `${P}:kmsKeyArn is "${KEY("us-west-2")}"; the key is in us-west-2 but the stack deploys to us-east-1 (aws:region); use one from us-east-1`,
        ]);
        assert.deepEqual(problems("dev", { [`${P}:certificateArn`]: CERT("us-east-1"), [`${P}:kmsKeyArn`]: KEY("us-east-1") }), []);
    });

    it("GIVEN a kmsKeyArn set with --secret in another region THEN it is refused without printing it", () => {
        const found = problems("dev", { [`${P}:kmsKeyArn`]: KEY("us-west-2") }, [`${P}:kmsKeyArn`]);
        assert.equal(found.length, 1);
        assert.ok(found[0].startsWith(`${P}:kmsKeyArn is [secret]; `), found[0]);
        assert.ok(!found[0].includes("0a1b2c3d"), found[0]);
    });

    it("GIVEN a tag value of 257 characters THEN it is refused; 256 passes", () => {
        assert.deepEqual(problems("dev", { [`${P}:tags`]: JSON.stringify({ team: "v".repeat(256) }) }), []);
        const [problem] = problems("dev", { [`${P}:tags`]: JSON.stringify({ team: "v".repeat(257) }) });
        assert.match(problem, /tag values are at most 256 characters \(team has 257\)$/);
    });

    it("GIVEN a tag value with a comma or angle brackets THEN it is refused, naming the key", () => {
        assert.deepEqual(problems("dev", { [`${P}:tags`]: JSON.stringify({ Owner: "Jane <jane@example.com>" }) }), [
            `${P}:tags is {"Owner":"Jane <jane@example.com>"}; tag values may hold letters, digits, spaces and _ . : / = + - @ only (IAM, ELB and ECS refuse others)`,
        ]);
        assert.deepEqual(problems("dev", { [`${P}:tags`]: JSON.stringify({ Owner: "Jane jane@example.com", Site: "Zürich" }) }), []);
    });

    it("GIVEN 45 tags, or 40 with 5 more from aws:defaultTags THEN the 50-tag limit is counted with the program's own", () => {
        const tags = (n: number) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"])));
        assert.deepEqual(problems("dev", { [`${P}:tags`]: tags(45) }), []);
        assert.deepEqual(problems("dev", { [`${P}:tags`]: tags(46) }), [
            `${P}:tags has 46 keys; with the program's own (Project, Stack, Service, Environment, Name) a resource would carry 51 tags; AWS allows at most 50`,
        ]);
        const defaults = JSON.stringify({ tags: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`d${i}`, "v"])) });
        assert.deepEqual(problems("dev", { [`${P}:tags`]: tags(40), "aws:defaultTags": defaults }), [
            `${P}:tags has 40 keys; with the program's own (Project, Stack, Service, Environment, Name) and 6 from aws:defaultTags a resource would carry 51 tags; AWS allows at most 50`,
        ]);
    });

    it("GIVEN the program run with serviceName internal THEN it fails on the config key before any resource is created", async () => {
        await assert.rejects(runStack("dev", { values: { [`${P}:serviceName`]: "internal" } }), (e: unknown) => {
            assert.ok(e instanceof ProgramError);
            assert.match(e.message, /fargate-web:serviceName is "internal"; the load balancer's name would start with "internal-"/);
            return true;
        });
    });
});

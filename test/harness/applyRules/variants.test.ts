/**
 * The variants a hurried user or another program writes: generated names at their limits, `aws:alb`
 * aliases, default tags from config and from explicit providers, regions from a provider or the
 * resource itself, IPv6 blocks, inline and standalone rule forms, placement through the cluster's default
 * strategy, unknown values (skipped) and secret values (never printed).
 */
import * as assert from "node:assert/strict";
import { evaluateApplyRules } from "../../../harness/applyRules";
import { networkOf } from "../../../harness/applyRules/cidr";
import { fixture } from "../../../harness/fixtures";
import { UNKNOWN } from "../../../harness/serialisation";
import { RecordedResource } from "../../../harness/types";
import { placedService } from "./cases";
import { AWSX_TYPES, AWS_TYPES } from "../../../policy/facts/typeTokens";

const REGION = { "aws:region": "us-east-1" };
const judge = (resources: RecordedResource[], config: Record<string, string> = REGION, secretKeys: string[] = []) =>
    evaluateApplyRules(resources, { config, secretKeys });
const rulesOf = (resources: RecordedResource[], config?: Record<string, string>) => judge(resources, config).map(e => `${e.rule} ${e.path}`);
const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });

describe("apply-time rules: variants", () => {
    describe("generated names", () => {
        it("GIVEN target-group logical names of 24 and 25 characters THEN 24 fits and 25 is refused with the provider's own words", () => {
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.lbTargetGroup, "a".repeat(24), {})]), []);
            const [error] = judge([fixture(AWS_TYPES.lbTargetGroup, "a".repeat(25), {})]);
            assert.equal(error.rule, "elb-target-group-name");
            assert.match(error.allowed, /plus 7 random chars is longer than maximum length 32/);
        });
        it("GIVEN the aws:alb alias with a 25-character logical name THEN Terraform's 32-character limit refuses the generated name", () => {
            const [error] = judge([fixture(AWS_TYPES.albTargetGroup, "a".repeat(25), {})]);
            assert.equal(error.path, "(autoname)");
            assert.match(error.allowed, /at most 32 characters \(33 given\)/);
        });
        it("GIVEN a load balancer logical name starting internal- or with an underscore THEN the generated name is refused", () => {
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.lbLoadBalancer, "internal-api", {})]), ["elb-load-balancer-name (autoname)"]);
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.albLoadBalancer, "web_alb", {})]), ["elb-load-balancer-name (autoname)"]);
        });
        it("GIVEN an explicit name or a namePrefix THEN no name is generated, and a prefix is held to 6 characters", () => {
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.lbLoadBalancer, "x".repeat(40), { name: "web" })]), []);
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.lbLoadBalancer, "x".repeat(40), { namePrefix: "webalb" })]), []);
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.lbLoadBalancer, "x", { namePrefix: "web-alb" })]), ["elb-load-balancer-name namePrefix"]);
        });
        it("GIVEN explicit names ending with a hyphen or starting internal- THEN both are refused", () => {
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.lbLoadBalancer, "x", { name: "internal-web" })]), ["elb-load-balancer-name name"]);
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.lbTargetGroup, "x", { name: "web-" })]), ["elb-target-group-name name"]);
        });
        it("GIVEN pulumi:autonaming in the stack config THEN generated names are not judged", () => {
            const long = fixture(AWS_TYPES.lbTargetGroup, "a".repeat(40), {});
            assert.equal(rulesOf([long]).length, 1);
            assert.deepEqual(rulesOf([long], { ...REGION, "pulumi:autonaming": '{"pattern":"${name}"}' }), []);
        });
        it("GIVEN an IAM role logical name of 57 characters THEN the provider's 64 refuses it; a secret name prefix of 487 is refused", () => {
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.iamRole, "r".repeat(56), {})]), []);
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.iamRole, "r".repeat(57), {})]), ["iam-role-name (autoname)"]);
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.secretsmanagerSecret, "s", { namePrefix: "p".repeat(487) })]), ["secretsmanager-secret-name namePrefix"]);
        });
        it("GIVEN a log group name prefix THEN 483 characters pass and 484 are refused, as the provider's validLogGroupNamePrefix does", () => {
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.cloudwatchLogGroup, "g", { namePrefix: "p".repeat(483) })]), []);
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.cloudwatchLogGroup, "g", { namePrefix: "p".repeat(484) })]), ["logs-log-group-name namePrefix"]);
        });
        it("GIVEN IAM paths THEN / and /a/b/ pass and a path without a closing slash is refused", () => {
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.iamRole, "r", { path: "/" }), fixture(AWS_TYPES.iamRole, "q", { path: "/service-role/" })]), []);
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.iamRole, "r", { path: "/service-role" })]), ["iam-role-name path"]);
        });
        it("GIVEN bucket names AWS reserves or misreads THEN each is refused; a 55-character logical name is the longest generated", () => {
            for (const bucket of ["192.168.1.1", "my..logs", "xn--logs", "logs-s3alias", "ab", "-logs", "Logs"]) {
                assert.deepEqual([...new Set(rulesOf([fixture(AWS_TYPES.s3Bucket, "b", { bucket })]))], ["s3-bucket-name bucket"], bucket);
            }
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.s3BucketV2, "b".repeat(55), {})]), []);
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.s3BucketV2, "b".repeat(56), {})]), ["s3-bucket-name (autoname)"]);
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.s3Bucket, "b", { bucketPrefix: "p".repeat(38) })]), ["s3-bucket-name bucketPrefix"]);
        });
        it("GIVEN a log group name starting aws/ THEN it is refused", () => {
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.cloudwatchLogGroup, "l", { name: "aws/ecs/web" })]), ["logs-log-group-name name"]);
        });
    });

    describe("security-group descriptions in every form", () => {
        it("GIVEN inline ingress and egress, a securityGroupRule and a vpc ingress rule with an apostrophe THEN each is refused at its path", () => {
            const bad = "Web's port";
            const errors = rulesOf([
                fixture(AWS_TYPES.ec2SecurityGroup, "web-sg", { description: "ok", ingress: [{ description: "fine" }, { description: bad }], egress: [{ description: bad }] }),
                fixture(AWS_TYPES.ec2SecurityGroupRule, "r1", { type: "ingress", description: bad }),
                fixture(AWS_TYPES.vpcSecurityGroupIngressRule, "r2", { description: bad }),
            ]);
            assert.deepEqual(errors, [
                "ec2-security-group-rule-description ingress[1].description",
                "ec2-security-group-rule-description egress[0].description",
                "ec2-security-group-rule-description description",
                "ec2-security-group-rule-description description",
            ]);
        });
        it("GIVEN the VPC's default security group taken over with an inline rule THEN its description and CIDR are judged too", () => {
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.ec2DefaultSecurityGroup, "default", { ingress: [{ description: "Ops' VPN", cidrBlocks: ["10.8.0.1/24"] }] })]), [
                "ec2-security-group-rule-description ingress[0].description",
                "ec2-cidr-network-address ingress[0].cidrBlocks[0]",
            ]);
        });
        it("GIVEN every allowed punctuation mark and 255 characters THEN it passes; 256 is refused", () => {
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.ec2SecurityGroup, "web-sg", { description: "a-zA-Z 0-9. _-:/()#,@[]+=&;{}!$*" })]), []);
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.ec2SecurityGroup, "web-sg", { description: "d".repeat(255) })]), []);
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.ec2SecurityGroup, "web-sg", { description: "d".repeat(256) })]), ["ec2-security-group-description description"]);
        });
        it("GIVEN non-ASCII letters, quotes or a newline THEN they are refused", () => {
            for (const text of ["Zugriff für Web", 'say "hi"', "line\nbreak", "tab\there", "50%"]) {
                assert.deepEqual(rulesOf([fixture(AWS_TYPES.ec2SecurityGroup, "web-sg", { description: text })]), ["ec2-security-group-description description"], text);
            }
        });
    });

    describe("tags", () => {
        const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
        it("GIVEN 48 own tags and 3 default tags from aws:defaultTags THEN 51 are refused, naming the defaults", () => {
            const config = { ...REGION, "aws:defaultTags": JSON.stringify({ tags: { a: "1", b: "2", c: "3" } }) };
            const errors = judge([fixture(AWS_TYPES.s3Bucket, "b", { tags: tags(48) })], config);
            assert.equal(errors.length, 1);
            assert.equal(errors[0].given, "51 tags (3 from the provider's defaultTags)");
            assert.deepEqual(judge([fixture(AWS_TYPES.s3Bucket, "b", { tags: tags(47) })], config), []);
        });
        it("GIVEN a default tag the resource overrides THEN it is counted once", () => {
            const config = { ...REGION, "aws:defaultTags": JSON.stringify({ tags: { k0: "x", k1: "y" } }) };
            assert.deepEqual(judge([fixture(AWS_TYPES.s3Bucket, "b", { tags: tags(50) })], config), []);
        });
        it("GIVEN an explicit provider with defaultTags THEN its resources get those, not aws:defaultTags", () => {
            const provider = fixture("pulumi:providers:aws", "eu", { region: "eu-west-1", defaultTags: JSON.stringify({ tags: { "aws:team": "x" } }) });
            const bucket = { ...fixture(AWS_TYPES.s3Bucket, "b", { tags: {} }), provider: `${provider.urn}::eu-id` };
            assert.deepEqual(rulesOf([provider, bucket]), ["tags-limits defaultTags.tags.aws:team"]);
        });
        it("GIVEN a key of 129 characters and a value of 257 THEN both are refused; 128 and 256 pass", () => {
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.s3Bucket, "b", { tags: { ["k".repeat(128)]: "v".repeat(256) } })]), []);
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.s3Bucket, "b", { tags: { ["k".repeat(129)]: "v".repeat(257) } })]), [
                `tags-limits tags.${"k".repeat(129)}`,
                `tags-limits tags.${"k".repeat(129)}`,
            ]);
        });
        it("GIVEN a comma in a tag value THEN a role refuses it, a security group (EC2) accepts it, and Unicode letters pass", () => {
            const tagsWith = (value: string) => ({ tags: { Teams: value } });
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.iamRole, "r", tagsWith("web,api"))]), ["tags-characters tags.Teams"]);
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.ec2SecurityGroup, "web-sg", { description: "d", ...tagsWith("web,api") })]), []);
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.iamRole, "r", tagsWith("Zürich Team 2 @ Ops/Web"))]), []);
        });
        it("GIVEN the awsx VPC component with 51 tags THEN they are refused: they reach every VPC resource it creates", () => {
            const vpc = { ...fixture(AWSX_TYPES.ec2Vpc, "vpc", { tags: tags(51) }), component: true };
            assert.deepEqual(rulesOf([vpc]), ["tags-limits tags"]);
            assert.deepEqual(rulesOf([{ ...fixture("fargate-web:lb:LoadBalancer", "web", { tags: tags(51) }), component: true }]), []);
        });
        it("GIVEN AWS:Owner (any case) THEN the reserved prefix is refused", () => {
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.s3Bucket, "b", { tags: { "AWS:Owner": "me" } })]), ["tags-limits tags.AWS:Owner"]);
        });
    });

    describe("CIDR blocks", () => {
        it("THEN network addresses are computed for IPv4 and IPv6", () => {
            assert.deepEqual(networkOf("10.0.0.1/16"), { network: "10.0.0.0/16", hostBitsSet: true });
            assert.deepEqual(networkOf("0.0.0.0/0"), { network: "0.0.0.0/0", hostBitsSet: false });
            assert.deepEqual(networkOf("10.1.2.3/32"), { network: "10.1.2.3/32", hostBitsSet: false });
            assert.deepEqual(networkOf("2001:db8::1/32"), { network: "2001:db8::/32", hostBitsSet: true });
            assert.deepEqual(networkOf("::/0"), { network: "::/0", hostBitsSet: false });
            assert.equal(networkOf("not a cidr"), undefined);
        });
        it("GIVEN host bits in a subnet, an inline rule, a securityGroupRule list, a vpc rule and the awsx VPC THEN each is refused", () => {
            const awsxVpc = { ...fixture(AWSX_TYPES.ec2Vpc, "vpc", { cidrBlock: "10.0.0.1/16" }), component: true };
            assert.deepEqual(
                rulesOf([
                    fixture(AWS_TYPES.ec2Subnet, "s", { cidrBlock: "10.0.1.1/24" }),
                    fixture(AWS_TYPES.ec2SecurityGroup, "web-sg", { description: "d", egress: [{ cidrBlocks: ["0.0.0.0/0", "10.0.0.5/8"] }] }),
                    fixture(AWS_TYPES.ec2SecurityGroupRule, "r", { cidrBlocks: ["192.168.1.1/24"], ipv6CidrBlocks: ["2001:db8::1/64"] }),
                    fixture(AWS_TYPES.vpcSecurityGroupEgressRule, "e", { cidrIpv4: "172.16.0.1/12" }),
                    awsxVpc,
                ]),
                [
                    "ec2-cidr-network-address cidrBlock",
                    "ec2-cidr-network-address egress[0].cidrBlocks[1]",
                    "ec2-cidr-network-address cidrBlocks[0]",
                    "ec2-cidr-network-address ipv6CidrBlocks[0]",
                    "ec2-cidr-network-address cidrIpv4",
                    "ec2-cidr-network-address cidrBlock",
                ],
            );
        });
    });

    describe("Fargate placement", () => {
        it("GIVEN X86_64 on FARGATE_SPOT THEN 1.3.0 passes and 1.2.0 is refused; LATEST and unset pass", () => {
            assert.deepEqual(rulesOf(placedService("X86_64", "LINUX", ["FARGATE_SPOT"], "1.3.0")), []);
            assert.deepEqual(rulesOf(placedService("X86_64", "LINUX", ["FARGATE", "FARGATE_SPOT"], "1.2.0")), ["ecs-fargate-platform platformVersion"]);
            assert.deepEqual(rulesOf(placedService("ARM64", "LINUX", ["FARGATE_SPOT"], "LATEST")), []);
            assert.deepEqual(rulesOf(placedService("ARM64", "LINUX", ["FARGATE_SPOT"])), []);
        });
        it("GIVEN ARM64 on plain FARGATE at 1.3.0 THEN it is refused too", () => {
            assert.deepEqual(rulesOf(placedService("ARM64", "LINUX", ["FARGATE"], "1.3.0")), ["ecs-fargate-platform platformVersion"]);
        });
        it("GIVEN Windows on FARGATE_SPOT or on ARM64 THEN both are refused", () => {
            assert.deepEqual(rulesOf(placedService("X86_64", "WINDOWS_SERVER_2022_CORE", ["FARGATE_SPOT"])), ["ecs-fargate-platform capacityProviderStrategies"]);
            assert.deepEqual(rulesOf(placedService("ARM64", "WINDOWS_SERVER_2022_CORE", ["FARGATE"])), ["ecs-fargate-platform taskDefinition"]);
        });
        it("GIVEN no strategy on the service THEN the cluster's default strategy decides", () => {
            const [td, service] = placedService("ARM64", "LINUX", [], "1.3.0");
            const cluster = fixture(AWS_TYPES.ecsCluster, "c", {});
            const defaults = {
                ...fixture(AWS_TYPES.ecsClusterCapacityProviders, "cp", { clusterName: "c", defaultCapacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT" }] }),
                propertyDependencies: { clusterName: [cluster.urn] },
            };
            const placed = { ...service, inputs: { ...service.inputs, capacityProviderStrategies: undefined }, propertyDependencies: { ...service.propertyDependencies, cluster: [cluster.urn] } };
            assert.deepEqual(rulesOf([td, cluster, defaults, placed]), ["ecs-fargate-platform platformVersion"]);
        });
        it("GIVEN a task definition the service does not depend on THEN nothing is guessed", () => {
            const [td, service] = placedService("ARM64", "LINUX", ["FARGATE_SPOT"], "1.3.0");
            assert.deepEqual(rulesOf([td, { ...service, propertyDependencies: {} }]), []);
        });
    });

    describe("regions", () => {
        const arn = (region: string) => `arn:aws:acm:${region}:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666`;
        it("GIVEN a resource's own region input or its provider's region THEN that region is the one compared", () => {
            assert.deepEqual(rulesOf([fixture(AWS_TYPES.lbListener, "l", { region: "eu-west-1", certificateArn: arn("eu-west-1") })]), []);
            const provider = fixture("pulumi:providers:aws", "eu", { region: "eu-west-1" });
            const listener = { ...fixture(AWS_TYPES.albListener, "l", { certificateArn: arn("us-east-1") }), provider: `${provider.urn}::eu-id` };
            assert.deepEqual(rulesOf([provider, listener]), ["acm-certificate-region certificateArn"]);
        });
        it("GIVEN a provider that was not recorded, or whose region is unknown THEN no region is guessed", () => {
            const listener = { ...fixture(AWS_TYPES.lbListener, "l", { certificateArn: arn("eu-west-1") }), provider: "urn:pulumi:test::fixtures::pulumi:providers:aws::gone::id" };
            assert.deepEqual(rulesOf([listener]), []);
            const provider = fixture("pulumi:providers:aws", "p", { region: UNKNOWN });
            assert.deepEqual(rulesOf([provider, { ...listener, provider: `${provider.urn}::p-id` }]), []);
        });
        it("GIVEN a CloudFront distribution THEN its certificate must be in us-east-1 whatever the stack's region", () => {
            const cdn = (region: string) => fixture(AWS_TYPES.cloudfrontDistribution, "cdn", { viewerCertificate: { acmCertificateArn: arn(region) } });
            assert.deepEqual(rulesOf([cdn("us-east-1")], { "aws:region": "eu-west-1" }), []);
            assert.deepEqual(rulesOf([cdn("eu-west-1")], { "aws:region": "eu-west-1" }), ["acm-certificate-region viewerCertificate.acmCertificateArn"]);
        });
        it("GIVEN KMS keys of ECR, ECS Exec and Secrets Manager in another region, and key ids or aliases THEN only the ARNs are judged", () => {
            const key = "arn:aws:kms:eu-west-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef";
            assert.deepEqual(
                rulesOf([
                    fixture(AWS_TYPES.ecrRepository, "r", { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: key }] }),
                    fixture(AWS_TYPES.ecsCluster, "c", { configuration: { executeCommandConfiguration: { kmsKeyId: key } } }),
                    fixture(AWS_TYPES.secretsmanagerSecret, "s", { kmsKeyId: key }),
                    fixture(AWS_TYPES.cloudwatchLogGroup, "l", { kmsKeyId: "alias/logs" }),
                ]),
                ["kms-key-region encryptionConfigurations[0].kmsKey", "kms-key-region configuration.executeCommandConfiguration.kmsKeyId", "kms-key-region kmsKeyId"],
            );
        });
    });

    describe("unknown and secret values", () => {
        it("GIVEN unknown descriptions, names, CIDRs and ARNs THEN nothing is judged", () => {
            assert.deepEqual(
                rulesOf([
                    fixture(AWS_TYPES.ec2SecurityGroup, "web-sg", { description: UNKNOWN, ingress: UNKNOWN }),
                    fixture(AWS_TYPES.lbTargetGroup, "a".repeat(40), { name: UNKNOWN }),
                    fixture(AWS_TYPES.ec2Vpc, "v", { cidrBlock: UNKNOWN }),
                    fixture(AWS_TYPES.lbListener, "l", { certificateArn: UNKNOWN }),
                    fixture(AWS_TYPES.s3Bucket, "b", { tags: UNKNOWN }),
                ]),
                [],
            );
        });
        it("GIVEN a secret description, tag value and CIDR that break rules THEN they are refused without their values", () => {
            const value = "s3cr3t's value";
            const errors = judge([
                fixture(AWS_TYPES.ec2SecurityGroupRule, "r", { description: secret(value), cidrBlocks: secret(["10.9.8.7/8"]) }),
                fixture(AWS_TYPES.s3Bucket, "b", { tags: secret({ team: "v".repeat(300) }) }),
            ]);
            assert.deepEqual(errors.map(e => `${e.rule} ${e.path} ${e.given}`), [
                "ec2-security-group-rule-description description [secret]",
                "ec2-cidr-network-address cidrBlocks[0] [secret]",
                "tags-limits tags.team [secret]",
            ]);
            const text = JSON.stringify(errors);
            for (const leaked of ["s3cr3t", "10.9.8.7", "10.0.0.0/8", "vvvv"]) assert.ok(!text.includes(leaked), `${leaked} printed`);
        });
        it("GIVEN aws:defaultTags set with --secret THEN a default tag is refused without its value", () => {
            const config = { ...REGION, "aws:defaultTags": JSON.stringify({ tags: { owner: "x".repeat(300) } }) };
            const errors = judge([fixture(AWS_TYPES.s3Bucket, "b", { tags: {} })], config, ["aws:defaultTags"]);
            assert.deepEqual(errors.map(e => e.given), ["[secret]"]);
        });
        it("GIVEN an explicit provider whose defaultTags are secret THEN its default tags are refused without their keys or values", () => {
            const provider = fixture("pulumi:providers:aws", "eu", { region: "eu-west-1", defaultTags: secret(JSON.stringify({ tags: { "aws:s3cr3t-key": "x", owner: "v!<hunter2>" } })) });
            const role = { ...fixture(AWS_TYPES.iamRole, "r", { name: "r", tags: {} }), provider: `${provider.urn}::eu-id` };
            const errors = judge([provider, role]);
            assert.deepEqual(errors.map(e => `${e.rule} ${e.given}`), ["tags-limits [secret]", "tags-characters [secret]"]);
            const text = JSON.stringify(errors.map(e => [e.given, e.allowed]));
            for (const leaked of ["hunter2", "s3cr3t"]) assert.ok(!text.includes(leaked), `${leaked} printed`);
        });
    });
});

import { strict as assert } from "node:assert";
import { ec2DescriptionProblem } from "../../components/ec2Description";
import { FargateService } from "../../components/fargateService";
import { LoadBalancer } from "../../components/loadBalancer";
import { ProgramRun } from "../../harness/runProgram";
import { inputs, runInline, runStack } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

// EC2 API reference, CreateSecurityGroup GroupDescription and IpRange Description: "Allowed characters are
// a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*", up to 255 characters. Spelled out here on its own, so
// that a wrong pattern in the program cannot also make this test pass.
const ALLOWED = new Set([..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ._-:/()#,@[]+=&;{}!$*"]);
const acceptedByEc2 = (text: string): boolean => text.length <= 255 && [...text].every(c => ALLOWED.has(c));

const SECURITY_GROUP = AWS_TYPES.ec2SecurityGroup;
const RULE_TYPES: readonly string[] = [
    AWS_TYPES.ec2SecurityGroupRule,
    AWS_TYPES.vpcSecurityGroupIngressRule,
    AWS_TYPES.vpcSecurityGroupEgressRule,
];

/** Every description EC2 will see: groups, their inline rules, and standalone rules, with where each came from. */
function descriptions(run: ProgramRun): Array<{ where: string; text: unknown }> {
    const found: Array<{ where: string; text: unknown }> = [];
    for (const r of run.resources) {
        const props = inputs(r);
        if (r.type === SECURITY_GROUP || r.type === AWS_TYPES.ec2DefaultSecurityGroup) {
            if (r.type === SECURITY_GROUP) {
                found.push({ where: `${r.name} description`, text: props.description });
            }
            for (const direction of ["ingress", "egress"]) {
                for (const [i, rule] of (props[direction] ?? []).entries()) {
                    if (rule.description !== undefined) {
                        found.push({ where: `${r.name} ${direction}[${i}]`, text: rule.description });
                    }
                }
            }
        } else if (RULE_TYPES.includes(r.type)) {
            found.push({ where: `${r.name} description`, text: props.description });
        }
    }
    return found;
}

describe("security group and rule descriptions EC2 accepts (item: apply-time character set)", () => {
    for (const stack of ["dev", "prod"]) {
        it(`GIVEN the ${stack} stack THEN every group and rule description uses only EC2's characters and fits 255`, async () => {
            const found = descriptions(await runStack(stack));
            // Both groups (load balancer, tasks) and all four standalone rules at least.
            assert.ok(found.length >= 6, `only ${found.length} descriptions found`);
            const refused = found.filter(d => typeof d.text !== "string" || !acceptedByEc2(d.text));
            assert.deepEqual(refused, []);
        });
    }

    it("GIVEN text with an apostrophe, a quote, a non-ASCII letter or 256 characters THEN the rule names the problem", () => {
        assert.equal(ec2DescriptionProblem("To the targets port inside the VPC"), undefined);
        assert.equal(ec2DescriptionProblem("._-:/()#,@[]+=&;{}!$* ok"), undefined);
        assert.match(ec2DescriptionProblem("To the targets' port")!, /contains "'"/);
        assert.match(ec2DescriptionProblem('say "hi"')!, /contains "\\""/);
        assert.match(ec2DescriptionProblem("Zugriff für alle")!, /contains "ü"/);
        assert.match(ec2DescriptionProblem("tab\there")!, /contains "\\t"/);
        assert.equal(ec2DescriptionProblem("a".repeat(255)), undefined);
        assert.match(ec2DescriptionProblem("a".repeat(256))!, /256 characters long; EC2 allows at most 255/);
        // The program's pattern agrees with the independent set on every printable ASCII character.
        for (let code = 0x20; code < 0x7f; code++) {
            const c = String.fromCharCode(code);
            assert.equal(ec2DescriptionProblem(c) === undefined, ALLOWED.has(c), `character ${JSON.stringify(c)}`);
        }
    });

    it("GIVEN a component name EC2 would refuse in a group description THEN the component throws before registering", async () => {
        await assert.rejects(
            runInline(() => {
                new LoadBalancer("bob's", { vpcId: "vpc-1", vpcCidrBlock: "10.0.0.0/16", subnetIds: ["subnet-a", "subnet-b"], targetPort: 8080 });
            }),
            /LoadBalancer bob's: the security group description "Load balancer bob's: listener ports from the internet" contains "'"/,
        );
        await assert.rejects(
            runInline(() => {
                new FargateService("bob's", {
                    cluster: { arn: "arn:aws:ecs:us-east-1:123456789012:cluster/web", name: "web" },
                    vpcId: "vpc-1",
                    subnetIds: ["subnet-a"],
                    loadBalancer: { securityGroupId: "sg-1", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc" },
                    image: `repo@sha256:${"a".repeat(64)}`,
                    region: "us-east-1",
                });
            }),
            /FargateService bob's: the security group description "Tasks of bob's: only from the load balancer" contains "'"/,
        );
    });
});

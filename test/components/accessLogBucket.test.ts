import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { AccessLogBucket } from "../../components/accessLogBucket";
import { ELB_ACCOUNT_REGIONS, hasElbAccount } from "../../components/elbLogDelivery";
import { evaluatePack, mandatory } from "../../harness/policyEngine";
import { pack } from "../../policy/pack";
import { inputs, one, PROJECT_DIR, runInline, runStack, state } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const P = "fargate-web";
const POLICY = AWS_TYPES.s3BucketPolicy;
const build = (region: string) =>
    runInline(
        () => {
            new AccessLogBucket("web", { protect: true });
        },
        "prod",
        region,
    );
const statementsOf = (policy: string) => JSON.parse(policy).Statement as Array<{ Sid: string; Principal: unknown; Resource: unknown }>;

describe("AccessLogBucket: who may deliver access logs, per region", () => {
    it("GIVEN us-east-1 THEN the policy is what prod has always had: the ELB account, the delivery principal, TLS only", async () => {
        const run = await build("us-east-1");
        const bucketArn = state(one(run, AWS_TYPES.s3Bucket)).arn;
        const logs = `${bucketArn}/*/AWSLogs/123456789012/*`;
        assert.deepEqual(JSON.parse(inputs(one(run, POLICY)).policy), {
            Version: "2012-10-17",
            Statement: [
                { Sid: "ElbAccount", Effect: "Allow", Principal: { AWS: "arn:aws:iam::127311923021:root" }, Action: "s3:PutObject", Resource: logs },
                { Sid: "ElbLogDelivery", Effect: "Allow", Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" }, Action: "s3:PutObject", Resource: logs },
                { Sid: "TlsOnly", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucketArn, `${bucketArn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
            ],
        });
    });

    for (const region of ["ap-south-2", "ap-southeast-4", "eu-south-2", "eu-central-2", "me-central-1", "il-central-1", "ca-west-1", "mx-central-1", "ap-southeast-5"]) {
        it(`GIVEN ${region} (no ELB account) THEN it deploys, and only the delivery principal may write`, async () => {
            const run = await build(region);
            const statements = statementsOf(inputs(one(run, POLICY)).policy);
            assert.deepEqual(statements.map(s => [s.Sid, s.Principal]), [
                ["ElbLogDelivery", { Service: "logdelivery.elasticloadbalancing.amazonaws.com" }],
                ["TlsOnly", "*"],
            ]);
        });
    }

    it("GIVEN a region with an ELB account THEN that region's account, looked up for the bucket's region", async () => {
        const statements = statementsOf(inputs(one(await build("eu-west-2"), POLICY)).policy);
        assert.deepEqual(statements[0].Principal, { AWS: "arn:aws:iam::652711504416:root" });
    });

    it("THEN the bucket policy keeps its logical name and parent in every region (never replaced)", async () => {
        const expected = `urn:pulumi:prod::${P}::${P}:lb:AccessLogBucket$${POLICY}::web-policy`;
        for (const region of ["us-east-1", "ap-south-2"]) {
            assert.equal(one(await build(region), POLICY).urn, expected);
        }
        assert.equal(one(await runStack("prod"), POLICY).urn, expected);
    });

    it("THEN the regions with an account are AWS's pre-August-2022 list, and newer ones are not in it", () => {
        assert.equal(ELB_ACCOUNT_REGIONS.length, 26);
        assert.ok(hasElbAccount("us-east-1") && hasElbAccount("ap-southeast-3") && hasElbAccount("us-gov-west-1"));
        assert.ok(!hasElbAccount("ap-south-2") && !hasElbAccount("me-central-1") && !hasElbAccount("us-east-1 "));
    });

    it("GIVEN the prod stack in a region without an ELB account THEN it runs and the pack's access-log checks pass", async () => {
        const run = await runStack("prod", { values: { "aws:region": "ap-south-2" } });
        const config = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", "prod.json"), "utf8"));
        const result = await evaluatePack(pack, run.resources, config);
        assert.deepEqual(mandatory(result).map(d => `${d.policyName}: ${d.detail}`), []);
        assert.deepEqual(result.diagnostics.filter(d => d.policyName === "lb-load-balancer-access-logs"), []);
        assert.equal(inputs(one(run, AWS_TYPES.lbLoadBalancer)).accessLogs.enabled, true);
    });
});

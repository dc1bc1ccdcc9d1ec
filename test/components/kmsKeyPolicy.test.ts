import { strict as assert } from "node:assert";
import * as fs from "fs";
import * as path from "path";
import { stackKeyPolicy } from "../../components/kmsKeyPolicy";
import { PROJECT_DIR } from "../support/stacks";

describe("the key policy kmsKeyArn needs", () => {
    it("THEN CloudWatch Logs of the stack's region may use the key, only for the account's log groups", () => {
        const logs = stackKeyPolicy({ accountId: "123456789012", region: "eu-west-1" }).Statement.find(s => s.Sid === "CloudWatchLogs")!;
        assert.deepEqual(logs.Principal, { Service: "logs.eu-west-1.amazonaws.com" });
        assert.deepEqual(logs.Condition, { ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:123456789012:log-group:*" } });
        assert.ok((logs.Action as string[]).includes("kms:GenerateDataKey*") && (logs.Action as string[]).includes("kms:Decrypt*"));
    });

    it("THEN the account's IAM policies decide everything else (AWS's default statement)", () => {
        const account = stackKeyPolicy({ accountId: "123456789012", region: "us-east-1" }).Statement.find(s => s.Sid === "AccountIamPolicies")!;
        assert.deepEqual([account.Principal, account.Action, account.Resource], [{ AWS: "arn:aws:iam::123456789012:root" }, "kms:*", "*"]);
    });

    it("THEN CloudWatch alarms and EventBridge may use the key to publish to the encrypted alarm topic, and nothing more", () => {
        const statements = stackKeyPolicy({ accountId: "123456789012", region: "us-east-1" }).Statement;
        for (const [sid, service] of [["CloudWatchAlarmsToSns", "cloudwatch.amazonaws.com"], ["EventBridgeToSns", "events.amazonaws.com"]]) {
            const statement = statements.find(s => s.Sid === sid)!;
            assert.deepEqual([statement.Principal, statement.Action, statement.Resource], [{ Service: service }, ["kms:Decrypt", "kms:GenerateDataKey*"], "*"], sid);
            // Only SNS's data keys for this account's topics in the region: the key also protects logs, images and secrets.
            assert.deepEqual(statement.Condition, { StringLike: { "kms:EncryptionContext:aws:sns:topicArn": "arn:aws:sns:us-east-1:123456789012:*" } }, sid);
        }
        assert.deepEqual(statements.map(s => s.Sid), ["AccountIamPolicies", "CloudWatchLogs", "CloudWatchAlarmsToSns", "EventBridgeToSns"]);
    });

    it("GIVEN China or GovCloud THEN partition and service domain follow", () => {
        const cn = stackKeyPolicy({ accountId: "123456789012", region: "cn-north-1", partition: "aws-cn" });
        assert.deepEqual(cn.Statement[1].Principal, { Service: "logs.cn-north-1.amazonaws.com.cn" });
        assert.equal(cn.Statement[0].Principal!.AWS, "arn:aws-cn:iam::123456789012:root");
        const gov = stackKeyPolicy({ accountId: "123456789012", region: "us-gov-west-1", partition: "aws-us-gov" });
        assert.equal(gov.Statement[1].Condition!.ArnLike["kms:EncryptionContext:aws:logs:arn"], "arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:*");
    });

    it("THEN the README prints exactly this policy", () => {
        const readme = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");
        const section = readme.slice(readme.indexOf("### Customer-managed KMS key"));
        const block = /```json\n([\s\S]*?)\n```/.exec(section);
        assert.ok(block, "README has no key policy block");
        assert.deepEqual(JSON.parse(block[1]), stackKeyPolicy({ accountId: "123456789012", region: "us-east-1" }));
    });
});

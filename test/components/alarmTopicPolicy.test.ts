import { strict as assert } from "node:assert";
import { alarmTopicPolicy, topicArnParts, TOPIC_OWNER_ACTIONS } from "../../components/alarmTopicPolicy";

const TOPIC = "arn:aws:sns:eu-west-1:123456789012:web-alarms-1a2b3c4";
const RULES = ["arn:aws:events:eu-west-1:123456789012:rule/web-ecs-deployments-1", "arn:aws:events:eu-west-1:123456789012:rule/web-ecs-spot-interruptions-2"];

describe("the alarm topic's policy (pure)", () => {
    it("THEN the account keeps what SNS's default policy gave it, through its IAM policies", () => {
        const owner = alarmTopicPolicy(TOPIC, RULES).Statement.find(s => s.Sid === "OwnerAccount")!;
        assert.deepEqual(owner, { Sid: "OwnerAccount", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: TOPIC_OWNER_ACTIONS, Resource: TOPIC });
        assert.ok(TOPIC_OWNER_ACTIONS.includes("SNS:Publish") && TOPIC_OWNER_ACTIONS.includes("SNS:Subscribe"));
    });

    it("THEN CloudWatch may publish for this account's alarms in this region only", () => {
        const cloudwatch = alarmTopicPolicy(TOPIC, RULES).Statement.find(s => s.Sid === "CloudWatchAlarms")!;
        assert.deepEqual(cloudwatch, {
            Sid: "CloudWatchAlarms",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: "SNS:Publish",
            Resource: TOPIC,
            Condition: { ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:*" }, StringEquals: { "aws:SourceAccount": "123456789012" } },
        });
    });

    it("THEN EventBridge may publish for exactly the stack's rules, and nothing else", () => {
        const events = alarmTopicPolicy(TOPIC, RULES).Statement.find(s => s.Sid === "EventBridgeRules")!;
        assert.deepEqual(events, {
            Sid: "EventBridgeRules",
            Effect: "Allow",
            Principal: { Service: "events.amazonaws.com" },
            Action: "SNS:Publish",
            Resource: TOPIC,
            Condition: { ArnEquals: { "aws:SourceArn": RULES } },
        });
        assert.deepEqual(alarmTopicPolicy(TOPIC, RULES).Statement.map(s => s.Sid), ["OwnerAccount", "CloudWatchAlarms", "EventBridgeRules"]);
    });

    it("GIVEN no rules THEN there is no EventBridge statement (an empty aws:SourceArn list would match nothing anyway)", () => {
        assert.deepEqual(alarmTopicPolicy(TOPIC, []).Statement.map(s => s.Sid), ["OwnerAccount", "CloudWatchAlarms"]);
    });

    it("GIVEN GovCloud THEN the partition follows; GIVEN something else THEN it says what it expected", () => {
        assert.deepEqual(topicArnParts("arn:aws-us-gov:sns:us-gov-west-1:123456789012:t"), { partition: "aws-us-gov", region: "us-gov-west-1", accountId: "123456789012" });
        assert.deepEqual(alarmTopicPolicy("arn:aws-us-gov:sns:us-gov-west-1:123456789012:t", []).Statement[0].Principal, { AWS: "arn:aws-us-gov:iam::123456789012:root" });
        assert.throws(() => alarmTopicPolicy("web-alarms", []), { message: 'expected an SNS topic ARN (arn:<partition>:sns:<region>:<account>:<name>), got "web-alarms"' });
    });
});

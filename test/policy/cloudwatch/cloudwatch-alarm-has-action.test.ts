import * as assert from "node:assert/strict";
import { cloudwatchAlarmHasAction as policy } from "../../../policy/cloudwatch/cloudwatch-alarm-has-action";
import { isAlarmActionArn } from "../../../policy/cloudwatch/alarmActions";
import { fixture } from "../../../harness/fixtures";
import { UNKNOWN } from "../../../harness/serialisation";
import { ALARM_TOPIC_ARN, assertViolations, COMPOSITE_ALARM, evaluate, METRIC_ALARM, resourceOf } from "../baselines/ecs";

const NAME = "cloudwatch-alarm-has-action";
const EMPTY = "alarmActions is empty, so nobody hears of the alarm; set alarmActions to the ARN of an SNS topic that notifies the service's owners.";
const DISABLED = "actionsEnabled is false, so the alarm changes state without running any action; remove it or set it to true.";
const notArn = (shown: string) =>
    `alarmActions ${shown} is not an ARN CloudWatch takes as an action (sns, lambda, automate, swf, autoscaling, ssm, ssm-incidents, aiops); name an SNS topic's ARN, e.g. [topic.arn].`;

describe(NAME, () => {
    it("GIVEN the metric (metric-math) and composite alarm baselines THEN no violation", async () => {
        assertViolations(await evaluate(policy, [resourceOf(METRIC_ALARM, "web-5xx"), resourceOf(COMPOSITE_ALARM, "web-rollout")]), NAME, "mandatory", []);
    });

    for (const type of [METRIC_ALARM, COMPOSITE_ALARM]) {
        it(`GIVEN a ${type} without alarmActions, with null or an empty list THEN reported`, async () => {
            for (const alarmActions of [undefined, null, []]) {
                assertViolations(await evaluate(policy, [resourceOf(type, "a", { alarmActions })]), NAME, "mandatory", [EMPTY]);
            }
        });

        it(`GIVEN a ${type} with actionsEnabled false THEN reported even though it names a topic`, async () => {
            assertViolations(await evaluate(policy, [resourceOf(type, "a", { actionsEnabled: false })]), NAME, "mandatory", [DISABLED]);
        });
    }

    it("GIVEN only okActions or insufficientDataActions THEN reported: they never run on ALARM", async () => {
        const result = await evaluate(policy, [
            resourceOf(METRIC_ALARM, "ok-only", { alarmActions: undefined, okActions: [ALARM_TOPIC_ARN] }),
            resourceOf(METRIC_ALARM, "insufficient-only", { alarmActions: [], insufficientDataActions: [ALARM_TOPIC_ARN] }),
        ]);
        assertViolations(result, NAME, "mandatory", [EMPTY, EMPTY]);
    });

    it("GIVEN actionsEnabled spelled as a string, a number or an object THEN reported as not a boolean", async () => {
        for (const [value, shown] of [["false", '"false"'], ["FALSE", '"FALSE"'], ["true", '"true"'], [0, "0"], [{ value: true }, '{"value":true}']] as const) {
            assertViolations(await evaluate(policy, [resourceOf(METRIC_ALARM, "a", { actionsEnabled: value })]), NAME, "mandatory", [
                `actionsEnabled is ${shown}, not a boolean; remove it or set it to true so the alarm's actions run.`,
            ]);
        }
    });

    it("GIVEN actionsEnabled true or null (the default) THEN no violation", async () => {
        for (const actionsEnabled of [true, null, undefined]) {
            assertViolations(await evaluate(policy, [resourceOf(METRIC_ALARM, "a", { actionsEnabled })]), NAME, "mandatory", []);
        }
    });

    it("GIVEN actions that are blank, not ARNs or ARNs CloudWatch cannot act on THEN each is named", async () => {
        const cases: [unknown[], string][] = [
            [[""], notArn('""')],
            [["   "], notArn('"   "')],
            [["web-alarms"], notArn('"web-alarms"')],
            [[` ${ALARM_TOPIC_ARN}`], notArn(`" ${ALARM_TOPIC_ARN}"`)],
            [["arn:aws:s3:::web-alarms"], notArn('"arn:aws:s3:::web-alarms"')],
            [[null], notArn("null")],
        ];
        for (const [alarmActions, message] of cases) {
            assertViolations(await evaluate(policy, [resourceOf(METRIC_ALARM, "a", { alarmActions })]), NAME, "mandatory", [message]);
        }
        // One good action does not excuse a bad one: CloudWatch refuses the whole request.
        assertViolations(await evaluate(policy, [resourceOf(METRIC_ALARM, "a", { alarmActions: [ALARM_TOPIC_ARN, "", 7] })]), NAME, "mandatory", [
            'alarmActions "", 7 are not ARNs CloudWatch takes as an action (sns, lambda, automate, swf, autoscaling, ssm, ssm-incidents, aiops); name an SNS topic\'s ARN, e.g. [topic.arn].',
        ]);
    });

    it("GIVEN alarmActions as one string rather than a list THEN reported", async () => {
        assertViolations(await evaluate(policy, [resourceOf(METRIC_ALARM, "a", { alarmActions: ALARM_TOPIC_ARN })]), NAME, "mandatory", [
            `alarmActions is "${ALARM_TOPIC_ARN}", not a list; set it to a list of ARNs, e.g. [topic.arn].`,
        ]);
    });

    it("GIVEN the action ARNs of the PutMetricAlarm reference, in every partition THEN accepted", () => {
        for (const arn of [
            ALARM_TOPIC_ARN,
            "arn:aws-cn:sns:cn-north-1:123456789012:alarms",
            "arn:aws-us-gov:sns:us-gov-west-1:123456789012:alarms",
            "arn:aws:lambda:eu-west-1:123456789012:function:page:live",
            "arn:aws:automate:eu-west-1:ec2:recover",
            "arn:aws:swf:eu-west-1:123456789012:action/actions/AWS_EC2.InstanceId.Reboot/1.0",
            "arn:aws:autoscaling:eu-west-1:123456789012:scalingPolicy:1a2b:resource/ecs/service/web/web:policyName/up",
            "arn:aws:ssm:eu-west-1:123456789012:opsitem:1#CATEGORY=Availability",
            "arn:aws:ssm-incidents::123456789012:responseplan/web",
            "arn:aws:aiops:eu-west-1:123456789012:investigation-group/abc",
        ]) {
            assert.ok(isAlarmActionArn(arn), arn);
        }
        for (const value of ["", "arn:aws:sqs:eu-west-1:123456789012:q", "arn:aws:sns", "sns:eu-west-1:123456789012:alarms", `${ALARM_TOPIC_ARN} `]) {
            assert.ok(!isAlarmActionArn(value), value);
        }
    });

    it("GIVEN a topic ARN not known yet (preview) THEN it counts as an action; a bad action beside it is still reported", async () => {
        assertViolations(await evaluate(policy, [resourceOf(METRIC_ALARM, "a", { alarmActions: [UNKNOWN] })]), NAME, "mandatory", []);
        assertViolations(await evaluate(policy, [resourceOf(METRIC_ALARM, "a", { alarmActions: [UNKNOWN, "oops"] })]), NAME, "mandatory", [notArn('"oops"')]);
    });

    it("GIVEN a whole action list not known yet THEN the rest is checked and the engine notes it could not run", async () => {
        const result = await evaluate(policy, [resourceOf(METRIC_ALARM, "a", { alarmActions: UNKNOWN, actionsEnabled: false })]);
        const levels = result.diagnostics.map(d => [d.enforcementLevel, d.detail.split(".")[0]]);
        assert.deepEqual(levels[0], ["mandatory", "actionsEnabled is false, so the alarm changes state without running any action; remove it or set it to true"]);
        assert.equal(result.diagnostics.length, 2);
        assert.equal(result.diagnostics[1].enforcementLevel, "advisory");
        assert.match(result.diagnostics[1].message, /can't run policy/);
    });

    it("GIVEN other resource types THEN not applicable", async () => {
        assertViolations(await evaluate(policy, [fixture("aws:sns/topic:Topic", "t", {}), resourceOf(METRIC_ALARM, "ok")]), NAME, "mandatory", []);
    });
});

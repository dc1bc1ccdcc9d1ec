/**
 * The Scheduler rules on the variants a hurried user or another program writes, and the ScheduledTask
 * component's own schedule judged clean.
 */
import * as assert from "node:assert/strict";
import { evaluateApplyRules } from "../../../harness/applyRules";
import { fixture } from "../../../harness/fixtures";
import { UNKNOWN } from "../../../harness/serialisation";
import { RecordedResource } from "../../../harness/types";
import { ScheduledTask } from "../../../components/scheduledTask";
import { runInline } from "../../support/stacks";

const SCHEDULE = "aws:scheduler/schedule:Schedule";
const REGION = { "aws:region": "us-east-1" };
const judge = (resources: RecordedResource[]) => evaluateApplyRules(resources, { config: REGION });
const found = (resources: RecordedResource[]) => judge(resources).map(e => `${e.rule} ${e.path} ${e.given}: ${e.allowed}`);

describe("apply-time rules: EventBridge Scheduler", () => {
    it("GIVEN a 56-character logical name THEN the generated 64 fits, and 57 is refused", () => {
        assert.deepEqual(found([fixture(SCHEDULE, "a".repeat(56), { scheduleExpression: "rate(1 day)" })]), []);
        assert.deepEqual(judge([fixture(SCHEDULE, "a".repeat(57), { scheduleExpression: "rate(1 day)" })]).map(e => [e.rule, e.path]), [["scheduler-schedule-name", "(autoname)"]]);
    });

    it("GIVEN a name with a slash, a 39-character prefix or an empty group name THEN each is refused at its path", () => {
        assert.deepEqual(
            found([
                fixture(SCHEDULE, "a", { name: "jobs/nightly", scheduleExpression: "rate(1 day)" }),
                fixture(SCHEDULE, "b", { namePrefix: "p".repeat(39), scheduleExpression: "rate(1 day)" }),
                fixture(SCHEDULE, "c", { name: "c", groupName: "", scheduleExpression: "rate(1 day)" }),
            ]),
            [
                'scheduler-schedule-name name "jobs/nightly": letters, digits and - _ .; "/" is not allowed',
                `scheduler-schedule-name namePrefix "${"p".repeat(39)}": at most 38 characters (39 given)`,
                'scheduler-schedule-name groupName "": at least 1 characters',
            ],
        );
    });

    it("GIVEN the expression and zone another program wrote THEN both are judged; unknown values are skipped", () => {
        assert.deepEqual(found([fixture(SCHEDULE, "s", { name: "s", scheduleExpression: "rate(1 hours)", scheduleExpressionTimezone: "utc" })]), [
            'scheduler-schedule-expression scheduleExpression "rate(1 hours)": a value of 1 takes the singular unit: rate(1 hour)',
            'scheduler-schedule-expression scheduleExpressionTimezone "utc": expected a time zone name of the tz database such as "UTC", "Europe/Paris" or "America/New_York", with its capitals (did you mean "UTC"?)',
        ]);
        assert.deepEqual(found([fixture(SCHEDULE, "s", { name: "s", scheduleExpression: UNKNOWN, scheduleExpressionTimezone: UNKNOWN })]), []);
    });

    it("GIVEN the ScheduledTask component's resources THEN no apply-time rule refuses them", async () => {
        const run = await runInline(() => {
            new ScheduledTask("nightly", {
                clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/dev",
                taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/dev-nightly:1",
                executionRoleArn: "arn:aws:iam::123456789012:role/e",
                taskRoleArn: "arn:aws:iam::123456789012:role/t",
                vpcId: "vpc-1",
                subnetIds: ["subnet-a"],
                schedule: "cron(30 2 ? * MON-FRI *)",
                timezone: "Europe/Berlin",
            });
        });
        assert.ok(run.resources.some(r => r.type === SCHEDULE));
        assert.deepEqual(evaluateApplyRules(run.resources, { config: REGION }), []);
    });
});

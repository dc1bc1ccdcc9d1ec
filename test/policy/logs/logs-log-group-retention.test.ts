import * as assert from "node:assert/strict";
import { LOG_RETENTION_DAYS } from "../../../policy/facts/logRetention";
import { logsLogGroupRetention as policy } from "../../../policy/logs/logs-log-group-retention";
import { assertViolations, evaluate, LOG_GROUP, resourceOf } from "../baselines/ecs";

const NAME = "logs-log-group-retention";
const PERIODS = LOG_RETENTION_DAYS.join(", ");
const run = (retentionInDays: unknown, config = {}) => evaluate(policy, [resourceOf(LOG_GROUP, "web", { retentionInDays })], config);

describe(NAME, () => {
    it("GIVEN 365 (baseline), 7 (dev) or a numeric string THEN no violation with the default minimum of 7", async () => {
        for (const days of [365, 7, "14"]) {
            assertViolations(await run(days), NAME, "advisory", []);
        }
    });

    it("GIVEN no retention or 0 THEN reported (logs kept forever)", async () => {
        const message = "retentionInDays is not set, so logs are kept (and billed) forever; set retentionInDays to at least 7.";
        assertViolations(await run(undefined), NAME, "advisory", [message]);
        assertViolations(await run(0), NAME, "advisory", [message]);
    });

    it("GIVEN a value CloudWatch does not accept THEN the accepted values are listed", async () => {
        assertViolations(await run(10), NAME, "advisory", [`retentionInDays is 10, which CloudWatch Logs does not accept; use one of ${PERIODS}.`]);
        assertViolations(await run("a week"), NAME, "advisory", [`retentionInDays is "a week", which CloudWatch Logs does not accept; use one of ${PERIODS}.`]);
    });

    it("GIVEN production config (mandatory, 365 days) THEN 7 days is reported as mandatory", async () => {
        const result = await run(7, { [NAME]: { enforcementLevel: "mandatory", minimumRetentionDays: 365 } });
        assertViolations(result, NAME, "mandatory", ["retentionInDays is 7, below the required 365 days; set it to at least 365."]);
    });

    it("GIVEN level remediate THEN a short retention is raised to the smallest accepted value meeting the minimum", async () => {
        const result = await run(30, { [NAME]: { enforcementLevel: "remediate", minimumRetentionDays: 200 } });
        assert.deepEqual(result.diagnostics, []);
        assert.equal(result.remediations[0].properties.retentionInDays, 365);
    });

    it("GIVEN level remediate on a group that keeps logs forever THEN no remediation (it would delete old logs), still reported", async () => {
        const result = await run(undefined, { [NAME]: "remediate" });
        assert.deepEqual(result.remediations, []);
        assertViolations(result, NAME, "mandatory", ["retentionInDays is not set, so logs are kept (and billed) forever; set retentionInDays to at least 7."]);
    });
});

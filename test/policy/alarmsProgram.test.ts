/**
 * The alarm rules over a program that creates alarms and services with `@pulumi/aws` (not hand-made
 * fixtures): the inputs the SDK registers are the shapes the policies read, topic ARNs and alarm names
 * taken from other resources included.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { evaluatePack, EvaluationResult } from "../../harness/policyEngine";
import { readStackConfig } from "../../harness/projectConfig";
import { runProgram } from "../../harness/runProgram";
import { pack } from "../../policy/pack";
import { PROJECT_DIR } from "../support/stacks";

const RULES = ["cloudwatch-alarm-has-action", "ecs-service-alarm-rollback"];

const DIR = path.join(PROJECT_DIR, "test", "fixtures", "programs", "alarms");

async function evaluateAlarms(firstPreview: boolean): Promise<EvaluationResult> {
    const run = await runProgram({
        program: path.join(DIR, "index.ts"),
        ...readStackConfig(DIR, "test"),
        ...(firstPreview ? { preview: true, mocks: { firstPreview: true } } : {}),
    });
    return evaluatePack(pack, run.resources, { "ecs-service-alarm-rollback": "mandatory" });
}

/** The two rules' findings, one line each: level, rule, resource and the detail's first clause. */
const findings = (result: EvaluationResult): string[] =>
    result.diagnostics
        .filter(d => RULES.includes(d.policyName))
        .map(d => `${d.enforcementLevel} ${d.policyName} ${d.urn?.split("::").pop()}: ${d.detail.split(",")[0]}`)
        .sort();

const EXPECTED = [
    "mandatory cloudwatch-alarm-has-action muted: actionsEnabled is false",
    "mandatory cloudwatch-alarm-has-action ok-only: alarmActions is empty",
    "mandatory ecs-service-alarm-rollback no-alarms: alarms is not set",
    "mandatory ecs-service-alarm-rollback stops-only: alarms.rollback is not true",
];

describe("the alarm rules over a program with alarms (test/fixtures/programs/alarms)", () => {
    it("GIVEN every value known THEN exactly the muted alarm, the OK-only alarm and the two services that do not roll back are reported", async () => {
        assert.deepEqual(findings(await evaluateAlarms(false)), EXPECTED);
    });

    it("GIVEN a first preview (topic ARNs and alarm names unknown) THEN the same findings, and nothing deferred", async () => {
        const result = await evaluateAlarms(true);
        assert.deepEqual(findings(result), EXPECTED);
        assert.deepEqual(result.diagnostics.filter(d => RULES.includes(d.policyName) && /can't run policy/.test(d.message)), []);
    });
});

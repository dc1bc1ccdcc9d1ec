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

describe("the alarm rules over a program with alarms (test/fixtures/programs/alarms)", () => {
    let result: EvaluationResult;
    before(async () => {
        const dir = path.join(PROJECT_DIR, "test", "fixtures", "programs", "alarms");
        const run = await runProgram({ program: path.join(dir, "index.ts"), ...readStackConfig(dir, "test") });
        result = await evaluatePack(pack, run.resources, { "ecs-service-alarm-rollback": "mandatory" });
    });

    it("THEN exactly the muted alarm, the OK-only alarm and the two services that do not roll back are reported, each as mandatory", () => {
        const found = result.diagnostics
            .filter(d => RULES.includes(d.policyName))
            .map(d => `${d.enforcementLevel} ${d.policyName} ${d.urn?.split("::").pop()}: ${d.detail.split(",")[0]}`)
            .sort();
        assert.deepEqual(found, [
            "mandatory cloudwatch-alarm-has-action muted: actionsEnabled is false",
            "mandatory cloudwatch-alarm-has-action ok-only: alarmActions is empty",
            "mandatory ecs-service-alarm-rollback no-alarms: alarms is not set",
            "mandatory ecs-service-alarm-rollback stops-only: alarms.rollback is not true",
        ]);
    });

    it("THEN every check of the two rules could run (names and ARNs from other resources were known)", () => {
        assert.deepEqual(result.diagnostics.filter(d => /can't run policy/.test(d.message)).map(d => d.policyName), []);
    });
});

/**
 * The check's text report for blue/green, canary and linear services: the strategy, the phases of the
 * rollout estimate, what is left out (pauses, unknown values), and the double capacity's share of the cost.
 * A rolling stack reads as before, with one line naming its strategy (see the golden reports).
 */
import * as assert from "node:assert/strict";
import { estimateMonthlyCost, estimateRollout } from "../../estimates";
import { UNKNOWN } from "../../harness/serialisation";
import { RecordedResource } from "../../harness/types";
import { checkCoverage } from "../../tools/checkCoverage";
import { CheckReport, formatReport } from "../../tools/checkReport";
import { dashboard, sharedAlb, webAlarms, webService } from "../estimates/builders";
import { deploying } from "../estimates/deploymentBuilders";

function reportOf(resources: RecordedResource[]): CheckReport {
    const cost = estimateMonthlyCost(resources);
    const rollout = estimateRollout(resources, { environment: "prod" });
    return {
        stack: "prod",
        project: "p",
        resources: [],
        violations: [],
        applyErrors: [],
        cost: { ...cost, ...(cost.deployments.length > 0 ? {} : { deployments: undefined }) },
        rollout: { ...rollout, slowestService: rollout.slowestService ?? null },
        coverage: checkCoverage([], []),
    };
}

const lines = (text: string, from: string) => text.slice(text.indexOf(from)).split("\n");

describe("check report text, deployment strategies", () => {
    it("GIVEN a linear service with a pause hook THEN the headline, each phase with its seconds and the pause's cap", () => {
        const text = formatReport(
            reportOf(
                deploying({
                    strategy: "LINEAR",
                    bakeTimeInMinutes: "10",
                    linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: "2" },
                    lifecycleHooks: [{ lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"], targetType: "PAUSE", timeoutConfiguration: { timeoutInMinutes: 60 } }],
                }),
            ),
        );
        assert.deepEqual(lines(text, "Rollout estimate").slice(0, 9), [
            "Rollout estimate: 1070 s for the stack; slowest service web-svc (linear, pauses excluded)",
            "  Service web-svc: deployment strategy LINEAR (linear), 2 task(s) (desiredCount): traffic fully on the new revision at 410 s, old revision gone at 1070 s, pauses excluded (they can add up to 3600 s); the bake time dominates (600 s).",
            "  Phases of web-svc's linear deployment (pauses excluded):",
            "    scale-up of the new revision to 2 task(s)      50 s  20 s start + 30 s health (max of grace 30 s, start period 10 s + target group checks 20 s); every task starts at once",
            "    test traffic shift                              0 s  ECS points the test listener rule at the new revision",
            "    production traffic shift                      360 s  4 shift(s) of 25 % (stepPercent 25), 3 step bake(s) of 2 min between them (stepBakeTimeInMinutes 2), none after 100 %",
            "    bake time                                     600 s  bakeTimeInMinutes 10: both revisions run",
            "    old revision drained and stopped               60 s  deregistration delay 30 s + stop timeout 30 s",
            "    note: pause hook at POST_TEST_TRAFFIC_SHIFT: waits for ContinueServiceDeployment, at most 60 min each (timeoutInMinutes 60), then ROLLBACK; not in the figures: up to 3600 s more.",
        ]);
        // 2 × 0.0123425 × 1070 / 3600 × 20 = $0.147
        assert.match(text, /^ {2}of which double capacity during deployments, 20 a month per service \(assumed\): \$0\.15$/m);
    });

    it("GIVEN a bake time unknown until deploy THEN the phase reads unknown and the cost a lower bound", () => {
        const text = formatReport(reportOf(deploying({ strategy: "BLUE_GREEN", bakeTimeInMinutes: UNKNOWN })));
        assert.match(text, /^ {4}bake time +unknown {2}bakeTimeInMinutes unknown until deploy: both revisions run$/m);
        assert.match(text, /^Rollout estimate: 110 s for the stack; slowest service web-svc \(blue\/green, pauses excluded\)$/m);
        // Known: 50 + 0 + 0 + 60 = 110 s; 2 × 0.0123425 × 110 / 3600 × 20 = $0.015
        assert.match(text, /^ {2}of which double capacity during deployments, 20 a month per service \(assumed\): at least \$0\.02$/m);
    });

    it("GIVEN a rolling stack with alarms and a dashboard THEN their costs show, with no double-capacity line and no phases", () => {
        const alb = sharedAlb();
        const web = webService("web", alb, { priority: 100, paths: ["/*"] });
        const text = formatReport(reportOf([...alb, ...web, ...webAlarms("web", web), dashboard()]));
        // 4 alarms on one metric (latency, unhealthy hosts, CPU, memory) + 2 metric-math alarms of 2 metrics each (5xx rate, running tasks) = 8.
        assert.match(text, /^ {2}CloudWatch alarm metrics \(standard resolution\) +8 × 0\.1 +\s= \$0\.80$/m);
        assert.match(text, /^ {2}CloudWatch dashboards +1 × 3 +\s= \$3\.00$/m);
        assert.doesNotMatch(text, /double capacity|Phases of/);
        assert.match(text, /^Rollout estimate: 50 s per wave, 1 wave$/m);
        assert.match(text, /^ {2}Service web: deployment strategy ROLLING \(ECS's default\): the waves above\.$/m);
    });
});

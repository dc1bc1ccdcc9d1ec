/**
 * The check's text report for a stack of several services: each service's cost and the shared part once,
 * the stack's rollout and its slowest service. A one-service stack reads as before (see the golden reports).
 */
import * as assert from "node:assert/strict";
import { RecordedResource } from "../../harness/types";
import { estimateMonthlyCost, estimateRollout } from "../../estimates";
import { checkCoverage } from "../../tools/checkCoverage";
import { CheckReport, formatReport } from "../../tools/checkReport";
import { scheduledTask, sharedAlb, webService, workerService } from "../estimates/builders";

/** The report `check` would build from `resources`, estimates included. */
function reportOf(resources: RecordedResource[]): CheckReport {
    const cost = estimateMonthlyCost(resources);
    const rollout = estimateRollout(resources, { environment: "prod" });
    return {
        stack: "dev",
        project: "p",
        resources: [],
        violations: [],
        applyErrors: [],
        cost: { ...cost },
        rollout: { ...rollout, slowestService: rollout.slowestService ?? null },
        coverage: checkCoverage([], []),
    };
}

describe("check report text, several services", () => {
    const alb = sharedAlb();
    const stack = [
        ...alb,
        ...webService("web", alb, { priority: 200, paths: ["/*"] }, { scaling: [1, 3], healthCheck: { startPeriod: 10 } }),
        ...webService("api", alb, { priority: 100, paths: ["/api/*"], interval: 30, healthyThreshold: 5, deregistrationDelay: 300 }),
        ...workerService("jobs", { healthCheck: { interval: 10, startPeriod: 5 } }),
        ...scheduledTask("nightly", "cron(0 3 * * ? *)"),
        ...scheduledTask("monthly", "cron(0 3 ? * 6#5 *)"),
    ];

    it("GIVEN web services, a worker and scheduled tasks THEN each has its line, the shared part one line, and an unknown cost says so", () => {
        const text = formatReport(reportOf(stack));
        // Per task 9.010025; nightly 30.4167 runs × 10/60 h × 0.0123425 = 0.062566 ≈ $0.06; shared 29.565
        // total: 9.010025 × 3 + 0.062566 + 29.565 = 56.657641 ≈ $56.66
        const section = text.slice(text.indexOf("Monthly cost estimate:"), text.indexOf("  note:"));
        assert.equal(
            section,
            [
                "Monthly cost estimate: $56.66 USD (up to $74.68 at the scaling maximum), us-east-1 (partial: some resources are not priced, see the notes)",
                // 3 tasks × 0.25 × 730 = 547.5 + nightly 30.416667 × 1/6 h × 0.25 = 1.267361 vCPU-hours
                "  Fargate vCPU (x86, on-demand)                548.767361 × 0.04048   = $22.21",
                // 3 × 0.5 × 730 = 1095 + 30.416667 × 1/6 × 0.5 = 2.534722 GB-hours
                "  Fargate memory GB (x86, on-demand)           1097.534722 × 0.004445  = $4.88",
                "  Application Load Balancer hours                   730 × 0.0225    = $16.43",
                "  ALB LCU (1 per LB)                                730 × 0.008     = $5.84",
                "  Public IPv4 addresses                            1460 × 0.005     = $7.30",
                "  Per service, at the scaling minimum:",
                "    web (web, 1..3 tasks)                                            $9.01 (up to $27.03)",
                "    api (web, 1 task)                                                $9.01",
                "    jobs (worker, 1 task)                                            $9.01",
                "    nightly (scheduled, 1 task, 30.4167 runs a month of 10 min (assumed)) $0.06",
                "    monthly (scheduled, 1 task, runs a month unknown of 10 min (assumed)) unknown",
                "    shared, counted once (load balancers, NAT, addresses, secrets)   $29.57",
                "",
            ].join("\n"),
        );
    });

    it("GIVEN several services THEN the rollout headline is the stack's total and names the slowest service", () => {
        const text = formatReport(reportOf(stack));
        assert.match(text, /^Rollout estimate: 470 s for the stack; slowest service api \(470 s per wave, 1 wave\)$/m);
        assert.match(text, /^ {2}Stack: 3 services roll out in parallel unless one waits for another; the slowest, api, ends at 470 s\.$/m);
    });
});

import { strict as assert } from "node:assert";
import { estimateMonthlyCost } from "../../estimates";
import { alarmBilling } from "../../estimates/alarms";
import { defaultPrices } from "../../estimates/priceList";
import { RecordedResource } from "../../harness/types";
import { asFirstPreview, dashboard, metricAlarm, serviceAlarms, sharedAlb, topicSubscription, webAlarms, webService, workerService } from "./builders";

// Every figure is hand-computed from prices.json: $0.10 per standard alarm metric-month, $0.30 per
// high-resolution one, $3.00 per dashboard-month.
const round = (usd: number) => Math.round(usd * 100) / 100;
const alarmLines = (items: ReadonlyArray<{ item: string; quantity: number; monthlyUsd: number }>) =>
    items.filter(i => i.item.startsWith("CloudWatch")).map(i => [i.item, i.quantity, i.monthlyUsd]);

/** One web service and one worker behind a shared ALB, each with its alarms, and one dashboard. */
function stack(period = 60): RecordedResource[] {
    const alb = sharedAlb();
    const web = webService("web", alb, { priority: 10, paths: ["/*"] }, { desiredCount: 1 });
    const worker = workerService("worker", { desiredCount: 1 });
    const workerService_ = worker.find(r => r.type === "aws:ecs/service:Service")!;
    return [...alb, ...web, ...worker, ...webAlarms("web", web, period), ...serviceAlarms("worker", workerService_, period), dashboard()];
}

describe("cost model: CloudWatch alarms, dashboards and SNS", () => {
    describe("alarmBilling (alarm metrics per alarm)", () => {
        it("GIVEN an alarm on one metric THEN it is one standard alarm metric; at a 10, 20 or 30 s period it is high resolution", () => {
            assert.deepEqual(alarmBilling({ metricName: "CPUUtilization", period: 60 }), { alarmMetrics: 1, highResolution: false, caveats: [] });
            assert.deepEqual(alarmBilling({ metricName: "CPUUtilization", period: 300 }).highResolution, false);
            for (const period of [10, 20, 30, "30"]) {
                assert.equal(alarmBilling({ metricName: "CPUUtilization", period }).highResolution, true, String(period));
            }
        });

        it("GIVEN a metric-math alarm THEN each metric it reads is an alarm metric and the expressions are free", () => {
            const [fiveXx] = webAlarms("web", webService("web", sharedAlb(), { priority: 1, paths: ["/*"] }));
            assert.equal(alarmBilling(fiveXx.inputs as Record<string, unknown>).alarmMetrics, 2);
            const three = {
                metricQueries: [
                    { id: "a", metric: { metricName: "A", period: 60, stat: "Sum" } },
                    { id: "b", metric: { metricName: "B", period: 60, stat: "Sum" } },
                    { id: "c", metric: { metricName: "C", period: 60, stat: "Sum" } },
                    { id: "e1", expression: "a + b", returnData: false },
                    { id: "e2", expression: "e1 / c", returnData: true },
                ],
            };
            assert.deepEqual(alarmBilling(three), { alarmMetrics: 3, highResolution: false, caveats: [] });
        });

        it("GIVEN a metric-math alarm with one metric or its expression under 60 s THEN the whole alarm is high resolution", () => {
            const queries = (metricPeriod: number, expressionPeriod?: number) => ({
                metricQueries: [
                    { id: "a", metric: { metricName: "A", period: 60, stat: "Sum" } },
                    { id: "b", metric: { metricName: "B", period: metricPeriod, stat: "Sum" } },
                    { id: "e", expression: "a / b", returnData: true, ...(expressionPeriod ? { period: expressionPeriod } : {}) },
                ],
            });
            assert.equal(alarmBilling(queries(60)).highResolution, false);
            assert.equal(alarmBilling(queries(10)).highResolution, true);
            assert.equal(alarmBilling(queries(60, 30)).highResolution, true);
        });

        it("GIVEN an anomaly-detection alarm THEN it is three alarm metrics per metric read", () => {
            const band = {
                comparisonOperator: "LessThanLowerOrGreaterThanUpperThreshold",
                thresholdMetricId: "band",
                metricQueries: [
                    { id: "m", metric: { metricName: "RequestCount", period: 300, stat: "Sum" }, returnData: true },
                    { id: "band", expression: "ANOMALY_DETECTION_BAND(m, 2)" },
                ],
            };
            assert.equal(alarmBilling(band).alarmMetrics, 3);
            assert.equal(alarmBilling({ ...band, comparisonOperator: "GreaterThanThreshold" }).alarmMetrics, 1);
        });

        it("GIVEN a Metrics Insights query THEN the figure is flagged as a lower bound", () => {
            const insights = { metricQueries: [{ id: "q", expression: 'SELECT AVG(CPUUtilization) FROM "AWS/ECS"', period: 60, returnData: true }] };
            assert.deepEqual(alarmBilling(insights).caveats, ["a Metrics Insights query is billed per metric it analyses, which offline cannot know; counted as the metrics listed"]);
        });
    });

    describe("in the estimate", () => {
        it("GIVEN a web service's and a worker's alarms THEN each pays for its own (web 8 alarm metrics $0.80, worker 4 $0.40) and the dashboard is shared ($3.00)", () => {
            const estimate = estimateMonthlyCost(stack());
            const web = estimate.services.find(s => s.service === "web")!;
            const worker = estimate.services.find(s => s.service === "worker")!;
            // web: 5xx rate 2 (5XX count, RequestCount) + p99 latency 1 + unhealthy 1 + CPU 1 + memory 1 + tasks 2 = 8 × $0.10
            assert.deepEqual(alarmLines(web.items), [["CloudWatch alarm metrics (standard resolution)", 8, 0.8]]);
            // worker: CPU 1 + memory 1 + tasks 2 (RunningTaskCount, DesiredTaskCount) = 4 × $0.10
            assert.deepEqual(alarmLines(worker.items), [["CloudWatch alarm metrics (standard resolution)", 4, 0.4]]);
            assert.deepEqual(alarmLines(estimate.shared.items), [["CloudWatch dashboards", 1, 3]]);
            assert.deepEqual(alarmLines(estimate.items), [
                ["CloudWatch alarm metrics (standard resolution)", 12, 1.2],
                ["CloudWatch dashboards", 1, 3],
            ]);
        });

        it("GIVEN the same alarms THEN they add $4.20 to both ends of the range, as each service's and the shared part's sums", () => {
            const alb = sharedAlb();
            const web = webService("web", alb, { priority: 10, paths: ["/*"] }, { desiredCount: 1 });
            const worker = workerService("worker", { desiredCount: 1 });
            const without = estimateMonthlyCost([...alb, ...web, ...worker]);
            const withAlarms = estimateMonthlyCost(stack());
            assert.equal(round(withAlarms.monthlyUsd - without.monthlyUsd), 4.2);
            assert.equal(round(withAlarms.monthlyUsdMax - without.monthlyUsdMax), 4.2);
            const part = (e: typeof without, name: string) => e.services.find(s => s.service === name)!.monthlyUsd!;
            assert.equal(round(part(withAlarms, "web") - part(without, "web")), 0.8);
            assert.equal(round(part(withAlarms, "worker") - part(without, "worker")), 0.4);
            assert.equal(round(withAlarms.shared.monthlyUsd - without.shared.monthlyUsd), 3);
        });

        it("GIVEN alarms at a 10 s period THEN they are priced as high-resolution alarm metrics ($0.30 each)", () => {
            const estimate = estimateMonthlyCost(stack(10));
            assert.deepEqual(alarmLines(estimate.items), [
                ["CloudWatch alarm metrics (high resolution)", 12, 3.6],
                ["CloudWatch dashboards", 1, 3],
            ]);
        });

        it("GIVEN a first preview (every ARN and name unknown) THEN the engine's dependency records still give each alarm its service", () => {
            const estimate = estimateMonthlyCost(asFirstPreview(stack()));
            const byKind = (kind: string) => estimate.services.find(s => s.kind === kind)!;
            assert.deepEqual(alarmLines(byKind("web").items), [["CloudWatch alarm metrics (standard resolution)", 8, 0.8]]);
            assert.deepEqual(alarmLines(byKind("worker").items), [["CloudWatch alarm metrics (standard resolution)", 4, 0.4]]);
        });

        it("GIVEN an alarm naming no service, or two, THEN it is shared", () => {
            const alb = sharedAlb();
            const web = webService("web", alb, { priority: 10, paths: ["/*"] });
            const worker = workerService("worker");
            const lbOnly = metricAlarm("alb-5xx", { namespace: "AWS/ApplicationELB", metricName: "HTTPCode_ELB_5XX_Count", statistic: "Sum", period: 60, dimensions: { LoadBalancer: "app/shared-alb/0123456789abcdef" } }, { dimensions: [alb[0]] });
            const both = metricAlarm("both", {
                metricQueries: [
                    { id: "a", metric: { namespace: "AWS/ECS", metricName: "CPUUtilization", stat: "Average", period: 60, dimensions: { ClusterName: "shared", ServiceName: "web" } } },
                    { id: "b", metric: { namespace: "AWS/ECS", metricName: "CPUUtilization", stat: "Average", period: 60, dimensions: { ClusterName: "shared", ServiceName: "worker" } } },
                    { id: "e", expression: "MAX([a, b])", returnData: true },
                ],
            });
            const estimate = estimateMonthlyCost([...alb, ...web, ...worker, lbOnly, both]);
            assert.deepEqual(alarmLines(estimate.shared.items), [["CloudWatch alarm metrics (standard resolution)", 3, 0.3]]);
            assert.ok(estimate.services.every(s => alarmLines(s.items).length === 0));
        });

        it("GIVEN an alarm on a service of the same name in another cluster THEN it is not that service's", () => {
            const worker = workerService("worker");
            const elsewhere = metricAlarm("other-cpu", { namespace: "AWS/ECS", metricName: "CPUUtilization", statistic: "Average", period: 60, dimensions: { ClusterName: "other", ServiceName: "worker" } });
            const estimate = estimateMonthlyCost([...worker, elsewhere]);
            assert.deepEqual(alarmLines(estimate.services[0].items), []);
            assert.deepEqual(alarmLines(estimate.shared.items), [["CloudWatch alarm metrics (standard resolution)", 1, 0.1]]);
        });

        it("GIVEN alarms or dashboards THEN the notes say the per-account free tier is not deducted; without them they do not", () => {
            const note = "CloudWatch's free tier (10 standard alarm metrics and 3 dashboards a month) is per account and shared with everything else in it: not deducted here.";
            assert.ok(estimateMonthlyCost(stack()).notes.includes(note));
            assert.ok(estimateMonthlyCost([dashboard()]).notes.includes(note));
            assert.ok(!estimateMonthlyCost(workerService("worker")).notes.includes(note));
            // Three dashboards are $9.00: the three free ones are not assumed to be this stack's.
            assert.deepEqual(alarmLines(estimateMonthlyCost([dashboard("a"), dashboard("b"), dashboard("c")]).items), [["CloudWatch dashboards", 3, 9]]);
        });

        it("GIVEN an email subscription THEN the notes give SNS's email free tier and price and count alarm emails as $0; other protocols get no such note", () => {
            const notes = estimateMonthlyCost([topicSubscription("email"), topicSubscription("email-json", "ops2@example.com")]).notes;
            assert.ok(
                notes.includes(
                    "SNS: 2 email subscription(s); the first 1,000 email notifications a month are free, then $2.00 per 100,000. Alarm notifications are counted within the free tier ($0): their number depends on incidents.",
                ),
                JSON.stringify(notes),
            );
            assert.ok(notes.includes("Billed by usage, not estimated: aws:sns/topicSubscription:TopicSubscription ×2."), JSON.stringify(notes));
            assert.ok(!estimateMonthlyCost([topicSubscription("https", "https://hooks.example.com")]).notes.some(n => n.startsWith("SNS:")));
        });

        it("GIVEN alarms and dashboards THEN they are priced, not listed as left out", () => {
            const unpriced = estimateMonthlyCost(stack()).unpriced.map(u => u.type);
            assert.ok(!unpriced.includes("aws:cloudwatch/metricAlarm:MetricAlarm") && !unpriced.includes("aws:cloudwatch/dashboard:Dashboard"), JSON.stringify(unpriced));
        });

        it("records the CloudWatch and SNS prices with their free tiers", () => {
            const { alarmMetricMonth, alarmHighResMetricMonth, dashboardMonth, snsEmailNotification } = defaultPrices.items;
            assert.deepEqual(
                [alarmMetricMonth, alarmHighResMetricMonth, dashboardMonth, snsEmailNotification].map(p => [p.usd, p.freePerMonth]),
                [
                    [0.1, 10],
                    [0.3, undefined],
                    [3, 3],
                    [0.00002, 1000],
                ],
            );
        });
    });
});

import { strict as assert } from "node:assert";
import { REQUESTS_PER_TARGET_EXPRESSION, requestsPerTargetQueries } from "../../components/requestScalingMetric";
import { alarmSeries } from "../support/metricMath";

const groups = { loadBalancer: "app/web/123", targetGroup: "targetgroup/api-tg/456", alternateTargetGroup: "targetgroup/api-alt/789" };

describe("request scaling metric of a shifted service (pure)", () => {
    const queries = requestsPerTargetQueries(groups);

    it("THEN it reads RequestCountPerTarget (Sum, its only statistic) of both groups and returns one expression", () => {
        const metric = (targetGroup: string) => ({
            metric: {
                namespace: "AWS/ApplicationELB",
                metricName: "RequestCountPerTarget",
                dimensions: [
                    { name: "LoadBalancer", value: "app/web/123" },
                    { name: "TargetGroup", value: targetGroup },
                ],
            },
            stat: "Sum",
        });
        assert.deepEqual(queries, [
            { id: "perTarget", returnData: false, metricStat: metric("targetgroup/api-tg/456") },
            { id: "perTargetAlt", returnData: false, metricStat: metric("targetgroup/api-alt/789") },
            { id: "requestsPerTarget", label: "Requests per target, busier group", returnData: true, expression: "MAX(FILL([perTarget, perTargetAlt], 0))" },
        ]);
        assert.equal(REQUESTS_PER_TARGET_EXPRESSION, queries[2].expression);
    });

    it("GIVEN production on either group, or both during a canary THEN the tracked value is the live group's requests per target every minute", () => {
        const u = undefined;
        // Minutes 0-1 primary live; 2 a canary step (the new revision takes a tenth); 3-4 alternate live; 5 no requests.
        const series = alarmSeries(queries, { perTarget: [400, 600, 540, u, u, u], perTargetAlt: [u, u, 60, 700, 300, u] }, 6);
        assert.deepEqual(series, [400, 600, 540, 700, 300, 0]);
    });
});

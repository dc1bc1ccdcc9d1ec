import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asArray, isRecord } from "../lib/coerce";
import { resourcesOfType } from "../lib/ecsStack";
import { missingHalf, shiftedTargetGroups } from "../lib/shiftedTargetGroups";
import { METRIC_ALARM } from "../lib/types";
import { peek } from "../lib/unknowns";

/** The TargetGroup dimension values an alarm reads: its own dimensions and each metric query's. */
function targetGroupsRead(alarm: PolicyResource): string[] {
    const maps = [peek(alarm.props, "dimensions"), ...asArray(peek(alarm.props, "metricQueries")).map(q => (isRecord(q) && isRecord(q.metric) ? q.metric.dimensions : undefined))];
    return maps.filter(isRecord).map(d => d.TargetGroup).filter((v): v is string => typeof v === "string");
}

/**
 * Deployment safety (not covered by the catalog's tools). A blue/green, canary or linear service has two
 * target groups, and ECS sends production to the other one at every deployment ("the alternate target
 * group becomes the production target group", ECS developer guide, blue/green deployments with an
 * Application Load Balancer). A rollback alarm that reads the primary group's metrics (5xx, latency,
 * unhealthy hosts) and not the alternate's sees no traffic after every other deployment: the deployment it
 * should stop is never rolled back. So every alarm of the stack that a traffic-shifting service names in
 * `alarms.alarmNames` and that reads one of its two groups reads the other too (metric math over both,
 * each series filled with 0 where it has no data). Alarms on other metrics (CPU, a custom metric) are not
 * judged; names, ARNs and alarms not known yet, or outside the stack, are skipped: nothing is guessed.
 */
export const ecsServiceAlarmsWatchBothTargetGroups: StackValidationPolicy = {
    name: "ecs-service-alarms-watch-both-target-groups",
    description: "Rollback alarms of blue/green, canary and linear services must read both of their target groups.",
    enforcementLevel: "advisory",
    severity: "high",
    validateStack: (args, report) => {
        const alarms = resourcesOfType(args.resources, METRIC_ALARM);
        for (const pair of shiftedTargetGroups(args.resources)) {
            const settings = peek(pair.service.props, "alarms");
            const names = isRecord(settings) ? asArray(peek(settings, "alarmNames")).filter((n): n is string => typeof n === "string") : [];
            for (const alarm of alarms.filter(a => names.includes(peek(a.props, "name") as string))) {
                const half = missingHalf(pair, targetGroupsRead(alarm));
                if (half) {
                    report(
                        `Alarm "${peek(alarm.props, "name")}" rolls service "${pair.service.name}" back but reads only target group ${half.reads}, ` +
                            `not ${half.misses}; ECS moves production between the two at every deployment, so after every other one the alarm sees no traffic. ` +
                            "Read both groups by metric math (e.g. FILL(errors, 0) + FILL(errorsAlt, 0)).",
                        alarm.urn,
                    );
                }
            }
        }
    },
};

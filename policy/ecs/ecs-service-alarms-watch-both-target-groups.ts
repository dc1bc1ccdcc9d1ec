import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asArray, isRecord } from "../lib/coerce";
import { loadBalancerEntries, shiftsTraffic } from "../lib/ecsDeployment";
import { resourcesOfType } from "../lib/ecsStack";
import { ECS_SERVICE, METRIC_ALARM } from "../lib/types";
import { peek } from "../lib/unknowns";

/** `targetgroup/<name>/<id>`, what CloudWatch's TargetGroup dimension holds, of a target group ARN. */
const targetGroupSuffix = (arn: unknown): string | undefined => (typeof arn === "string" ? /:(targetgroup\/[^:]+)$/.exec(arn)?.[1] : undefined);

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
        for (const service of resourcesOfType(args.resources, ECS_SERVICE)) {
            if (!shiftsTraffic(service.props)) continue;
            const alarmSettings = peek(service.props, "alarms");
            const names = isRecord(alarmSettings) ? asArray(peek(alarmSettings, "alarmNames")).filter((n): n is string => typeof n === "string") : [];
            for (const { entry } of loadBalancerEntries(service.props)) {
                const advanced = peek(entry, "advancedConfiguration");
                const primary = targetGroupSuffix(peek(entry, "targetGroupArn"));
                const alternate = isRecord(advanced) ? targetGroupSuffix(peek(advanced, "alternateTargetGroupArn")) : undefined;
                if (primary === undefined || alternate === undefined || primary === alternate) continue;
                for (const alarm of alarms.filter(a => names.includes(peek(a.props, "name") as string))) {
                    const read = targetGroupsRead(alarm);
                    const missing = [primary, alternate].filter(g => !read.includes(g));
                    if (missing.length === 1) {
                        report(
                            `Alarm "${peek(alarm.props, "name")}" rolls service "${service.name}" back but reads only target group ${missing[0] === alternate ? primary : alternate}, ` +
                                `not ${missing[0]}; ECS moves production between the two at every deployment, so after every other one the alarm sees no traffic. ` +
                                "Read both groups by metric math (e.g. FILL(errors, 0) + FILL(errorsAlt, 0)).",
                            alarm.urn,
                        );
                    }
                }
            }
        }
    },
};

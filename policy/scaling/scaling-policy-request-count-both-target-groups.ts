import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asArray, isRecord } from "../lib/coerce";
import { resourcesOfType } from "../lib/ecsStack";
import { missingHalf, shiftedTargetGroups } from "../lib/shiftedTargetGroups";
import { SCALING_POLICY } from "../lib/types";
import { peek } from "../lib/unknowns";

/**
 * The target groups a target-tracking policy's metric reads: the `targetgroup/…` half of an
 * `ALBRequestCountPerTarget` resource label (`app/<lb>/<id>/targetgroup/<tg>/<id>`), and the TargetGroup
 * dimension of a customized metric or of each of its metric-math queries.
 */
function targetGroupsRead(policy: PolicyResource): string[] {
    const config = peek(policy.props, "targetTrackingScalingPolicyConfiguration");
    if (!isRecord(config)) return [];
    const read: string[] = [];
    const predefined = peek(config, "predefinedMetricSpecification");
    const label = isRecord(predefined) ? peek(predefined, "resourceLabel") : undefined;
    if (typeof label === "string") read.push(...(/(targetgroup\/[^/]+\/[^/]+)$/.exec(label)?.slice(1) ?? []));
    const custom = peek(config, "customizedMetricSpecification");
    if (isRecord(custom)) {
        const lists = [peek(custom, "dimensions"), ...asArray(peek(custom, "metrics")).map(q => (isRecord(q) && isRecord(q.metricStat) && isRecord(q.metricStat.metric) ? q.metricStat.metric.dimensions : undefined))];
        for (const d of lists.flatMap(l => asArray(l))) {
            if (isRecord(d) && d.name === "TargetGroup" && typeof d.value === "string") read.push(d.value);
        }
    }
    return read;
}

/**
 * Availability (not covered by the catalog's tools). `ALBRequestCountPerTarget` takes one target group, and
 * ECS moves a blue/green, canary or linear service's production to its other group at every deployment: a
 * request-count policy on one group sees no requests half of the time and scales the service in under load.
 * So a target-tracking policy of the stack whose metric reads one of such a service's two groups reads the
 * other too: a customized metric by metric math over both groups' `RequestCountPerTarget` ("Create a target
 * tracking scaling policy for Application Auto Scaling using metric math",
 * https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking-metric-math.html).
 * Labels, dimensions and ARNs not known yet are skipped: nothing is guessed.
 */
export const scalingPolicyRequestCountBothTargetGroups: StackValidationPolicy = {
    name: "scaling-policy-request-count-both-target-groups",
    description: "Request-count scaling of blue/green, canary and linear services must track both of their target groups.",
    enforcementLevel: "advisory",
    severity: "high",
    validateStack: (args, report) => {
        const pairs = shiftedTargetGroups(args.resources);
        for (const policy of resourcesOfType(args.resources, SCALING_POLICY)) {
            const read = targetGroupsRead(policy);
            for (const pair of pairs) {
                const half = missingHalf(pair, read);
                if (half) {
                    report(
                        `Scaling policy "${policy.name}" tracks requests of target group ${half.reads} only, not ${half.misses}; service "${pair.service.name}" ` +
                            "shifts production between the two at every deployment, so the policy sees no requests after every other one and scales the service in. " +
                            "Track both by metric math: customizedMetricSpecification.metrics over both groups' RequestCountPerTarget, e.g. MAX(FILL([perTarget, perTargetAlt], 0)).",
                        policy.urn,
                    );
                }
            }
        }
    },
};

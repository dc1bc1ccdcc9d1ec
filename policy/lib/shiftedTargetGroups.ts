/**
 * The two target groups of each service whose traffic ECS shifts (blue/green, canary, linear), by the
 * `targetgroup/<name>/<id>` suffixes CloudWatch's TargetGroup dimension and a scaling policy's
 * `resourceLabel` carry. ECS sends production to the other group at every deployment, so anything that
 * watches or scales on one group's metrics alone is blind after every other deployment.
 */
import { PolicyResource } from "@pulumi/policy";
import { isRecord } from "./coerce";
import { loadBalancerEntries, shiftsTraffic } from "./ecsDeployment";
import { resourcesOfType } from "./ecsStack";
import { ECS_SERVICE } from "./types";
import { peek } from "./unknowns";

/** `targetgroup/<name>/<id>` of a target group ARN; undefined for anything else, values not known yet included. */
export const targetGroupSuffix = (arn: unknown): string | undefined => (typeof arn === "string" ? /:(targetgroup\/[^:]+)$/.exec(arn)?.[1] : undefined);

/** A traffic-shifting service and its two target groups' suffixes. */
export interface ShiftedTargetGroups {
    readonly service: PolicyResource;
    readonly primary: string;
    readonly alternate: string;
}

/** Every traffic-shifting service's known pair of distinct target groups, one entry per load-balancer entry. */
export function shiftedTargetGroups(resources: readonly PolicyResource[]): ShiftedTargetGroups[] {
    const pairs: ShiftedTargetGroups[] = [];
    for (const service of resourcesOfType(resources, ECS_SERVICE)) {
        if (!shiftsTraffic(service.props)) continue;
        for (const { entry } of loadBalancerEntries(service.props)) {
            const advanced = peek(entry, "advancedConfiguration");
            const primary = targetGroupSuffix(peek(entry, "targetGroupArn"));
            const alternate = isRecord(advanced) ? targetGroupSuffix(peek(advanced, "alternateTargetGroupArn")) : undefined;
            if (primary !== undefined && alternate !== undefined && primary !== alternate) pairs.push({ service, primary, alternate });
        }
    }
    return pairs;
}

/** The one group of `pair` that `read` lacks while it has the other; undefined when it reads both or neither. */
export function missingHalf(pair: ShiftedTargetGroups, read: readonly string[]): { reads: string; misses: string } | undefined {
    const hasPrimary = read.includes(pair.primary);
    const hasAlternate = read.includes(pair.alternate);
    if (hasPrimary === hasAlternate) return undefined;
    return hasPrimary ? { reads: pair.primary, misses: pair.alternate } : { reads: pair.alternate, misses: pair.primary };
}

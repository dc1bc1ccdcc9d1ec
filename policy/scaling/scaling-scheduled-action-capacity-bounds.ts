import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { isRecord, toNumber } from "../lib/coerce";
import { SCALING_SCHEDULED_ACTION } from "../lib/types";
import { MinimumCapacityConfig, minimumCapacityProperty } from "../lib/minimumCapacity";

/**
 * A scheduled action (`aws:appautoscaling/scheduledAction`) rewrites the scaling target's bounds at its
 * time: a `scalableTargetAction.minCapacity` below the minimum — or a `maxCapacity` below it, which forces
 * the count down — takes the service below what `scaling-target-capacity-bounds` holds the target to, every
 * night or weekend. Both must reach `minimumCapacity` (production: 2, the same number as the target's).
 * Scaling policies cannot: Application Auto Scaling clamps their adjustments to the target's bounds.
 */
export const scalingScheduledActionCapacityBounds: ResourceValidationPolicy = {
    name: "scaling-scheduled-action-capacity-bounds",
    description: "Scheduled scaling actions must not lower capacity below the minimum.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            minimumCapacity: minimumCapacityProperty("Lowest minCapacity and maxCapacity a scheduled action may set (2 in production)."),
        },
    },
    validateResource: validateTypes(SCALING_SCHEDULED_ACTION, (props, args, report) => {
        const { minimumCapacity } = args.getConfig<MinimumCapacityConfig>();
        const action = isRecord(props.scalableTargetAction) ? props.scalableTargetAction : {};
        for (const key of ["minCapacity", "maxCapacity"]) {
            const raw = action[key];
            if (raw === undefined || raw === null) {
                continue; // left unchanged by the action
            }
            const value = toNumber(raw);
            if (value === undefined || value < minimumCapacity) {
                report(
                    `Scheduled action "${args.name}" sets scalableTargetAction.${key} to ${JSON.stringify(raw)}, below the minimum of ${minimumCapacity} tasks; ` +
                        `set it to at least ${minimumCapacity}.`,
                );
            }
        }
    }),
};

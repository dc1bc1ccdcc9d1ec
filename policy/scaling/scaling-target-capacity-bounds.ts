import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { toNumber } from "../lib/coerce";
import { SCALING_TARGET } from "../lib/types";
import { MinimumCapacityConfig, minimumCapacityProperty } from "../lib/minimumCapacity";

interface Config extends MinimumCapacityConfig {
    maximumCapacity: number;
}

/**
 * Catalog #50 — no tool has one. An Application Auto Scaling target keeps at least `minimumCapacity` tasks
 * (production: 2, so losing a task or an Availability Zone does not take the service down), caps growth at
 * `maximumCapacity` (a runaway scale-out is a bill), and has maxCapacity ≥ minCapacity.
 */
export const scalingTargetCapacityBounds: ResourceValidationPolicy = {
    name: "scaling-target-capacity-bounds",
    description: "Auto scaling targets must keep a minimum capacity and a bounded maximum capacity.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            minimumCapacity: minimumCapacityProperty("Lowest minCapacity accepted (2 in production)."),
            maximumCapacity: {
                type: "integer",
                default: 50,
                minimum: 1,
                description: "Highest maxCapacity accepted.",
            },
        },
    },
    validateResource: validateTypes(SCALING_TARGET, (props, args, report) => {
        const { minimumCapacity, maximumCapacity } = args.getConfig<Config>();
        const min = toNumber(props.minCapacity);
        const max = toNumber(props.maxCapacity);
        if (min === undefined) {
            report(`minCapacity is not set to a number; set it to at least ${minimumCapacity}.`);
        } else if (min < minimumCapacity) {
            report(
                `minCapacity is ${min}, below the required ${minimumCapacity}; set minCapacity to at least ${minimumCapacity} ` +
                    `so the service keeps running when a task or an Availability Zone fails.`,
            );
        }
        if (max === undefined) {
            report(`maxCapacity is not set to a number; set it to at most ${maximumCapacity}.`);
        } else if (max > maximumCapacity) {
            report(`maxCapacity is ${max}, above the limit of ${maximumCapacity}; lower it so a scaling runaway cannot multiply the bill.`);
        }
        if (min !== undefined && max !== undefined && max < min) {
            report(`maxCapacity ${max} is below minCapacity ${min}; set maxCapacity to at least minCapacity.`);
        }
    }),
};

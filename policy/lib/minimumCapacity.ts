/**
 * The fewest tasks a service may run, as pack config: `scaling-target-capacity-bounds`,
 * `ecs-service-minimum-capacity` and `scaling-scheduled-action-capacity-bounds` each guard one way of going
 * below it, and each takes the same `minimumCapacity` (policy config is per policy, so every config file
 * repeats the number; test/policy/pack.test.ts holds the three equal). The schema has one owner here.
 */
import { PolicyConfigSchema } from "@pulumi/policy";

/** The config every minimum-capacity rule reads. */
export interface MinimumCapacityConfig {
    minimumCapacity: number;
}

/** The `minimumCapacity` config-schema property, described for the rule that declares it. */
export const minimumCapacityProperty = (description: string): PolicyConfigSchema["properties"][string] => ({
    type: "integer",
    default: 1,
    minimum: 0,
    description,
});

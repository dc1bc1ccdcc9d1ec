import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { asArray, isRecord, toNumber, upper } from "../lib/coerce";
import { ECS_SERVICE } from "../lib/types";
import { MinimumCapacityConfig, minimumCapacityProperty } from "../lib/minimumCapacity";

/**
 * `scaling-target-capacity-bounds` holds the scaling target's minCapacity; the service itself can still take
 * the count below it: `desiredCount` (the provider's default is 0) is what ECS runs after every `pulumi up`
 * that changes it, and Fargate Spot tasks may all be reclaimed at once, so only the on-demand `base` of the
 * capacity provider strategy is capacity the service keeps. Both must reach `minimumCapacity` (production:
 * 2, the same number as the scaling target's). DAEMON services and other deployment controllers are skipped.
 */
export const ecsServiceMinimumCapacity: ResourceValidationPolicy = {
    name: "ecs-service-minimum-capacity",
    description: "ECS services must run, and keep on on-demand capacity, at least the minimum number of tasks.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            minimumCapacity: minimumCapacityProperty("Fewest tasks a service may run (2 in production; keep equal to scaling-target-capacity-bounds' minimumCapacity)."),
        },
    },
    validateResource: validateTypes(ECS_SERVICE, (props, args, report) => {
        const controller = props.deploymentController;
        if ((isRecord(controller) && typeof controller.type === "string" && controller.type !== "ECS") || props.schedulingStrategy === "DAEMON") {
            return;
        }
        const { minimumCapacity } = args.getConfig<MinimumCapacityConfig>();
        const desired = props.desiredCount === undefined || props.desiredCount === null ? 0 : toNumber(props.desiredCount);
        if (desired === undefined || desired < minimumCapacity) {
            const given = props.desiredCount === undefined || props.desiredCount === null ? "not set (ECS runs 0 tasks)" : JSON.stringify(props.desiredCount);
            report(`desiredCount is ${given}, below the minimum of ${minimumCapacity} tasks; set desiredCount to at least ${minimumCapacity}.`);
        }
        const strategies = asArray(props.capacityProviderStrategies).filter(isRecord);
        const spot = strategies.some(s => upper(s.capacityProvider) === "FARGATE_SPOT");
        if (spot) {
            const onDemand = strategies
                .filter(s => upper(s.capacityProvider) === "FARGATE")
                .reduce((sum, s) => sum + (toNumber(s.base) ?? 0), 0);
            if (onDemand < minimumCapacity) {
                report(
                    `The capacity provider strategy keeps ${onDemand} on-demand task${onDemand === 1 ? "" : "s"} (FARGATE base) and runs the rest on FARGATE_SPOT, ` +
                        `which AWS may reclaim all at once; give FARGATE a base of at least ${minimumCapacity}.`,
                );
            }
        }
    }),
};

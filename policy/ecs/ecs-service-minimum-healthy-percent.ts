import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { isRecord, toNumber } from "../lib/coerce";
import { ECS_SERVICE } from "../lib/types";

interface Config {
    minimumHealthyPercent: number;
    requireForAllServices: boolean;
}

/** ECS defaults for the rolling-update controller. */
const DEFAULT_MINIMUM_HEALTHY_PERCENT = 100;
const DEFAULT_MAXIMUM_PERCENT = 200;

/**
 * Deployment safety (not covered by the catalog's tools): a rolling update keeps full capacity —
 * `deploymentMinimumHealthyPercent` (ECS default 100) at least `minimumHealthyPercent` — for services with
 * `desiredCount` ≥ 2, or for every service with `requireForAllServices` (production); and
 * `deploymentMaximumPercent` (default 200) leaves room above it to start new tasks, or the rollout cannot
 * proceed. Services using the CODE_DEPLOY or EXTERNAL controller, and DAEMON services, are skipped.
 */
export const ecsServiceMinimumHealthyPercent: ResourceValidationPolicy = {
    name: "ecs-service-minimum-healthy-percent",
    description: "Rolling deployments must keep the service's full healthy capacity.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            minimumHealthyPercent: {
                type: "integer",
                default: 100,
                minimum: 0,
                maximum: 100,
                description: "Lowest deploymentMinimumHealthyPercent accepted.",
            },
            requireForAllServices: {
                type: "boolean",
                default: false,
                description: "Check every service, not only those with desiredCount of 2 or more (set true in production).",
            },
        },
    },
    validateResource: validateTypes(ECS_SERVICE, (props, args, report) => {
        const controller = props.deploymentController;
        if ((isRecord(controller) && typeof controller.type === "string" && controller.type !== "ECS") || props.schedulingStrategy === "DAEMON") {
            return;
        }
        const { minimumHealthyPercent, requireForAllServices } = args.getConfig<Config>();
        const desired = toNumber(props.desiredCount);
        const minimum = toNumber(props.deploymentMinimumHealthyPercent) ?? DEFAULT_MINIMUM_HEALTHY_PERCENT;
        const maximum = toNumber(props.deploymentMaximumPercent) ?? DEFAULT_MAXIMUM_PERCENT;
        if ((requireForAllServices === true || (desired !== undefined && desired >= 2)) && minimum < minimumHealthyPercent) {
            const why = desired !== undefined && desired >= 2 ? `desiredCount is ${desired}` : "this stack requires it";
            report(
                `deploymentMinimumHealthyPercent is ${minimum}, so a deployment may stop healthy tasks before replacements are ready; ` +
                    `${why}, so set it to at least ${minimumHealthyPercent}.`,
            );
        }
        if (maximum <= minimum) {
            report(
                `deploymentMaximumPercent ${maximum} is not above deploymentMinimumHealthyPercent ${minimum}, so no new task can start ` +
                    `during a deployment; set deploymentMaximumPercent above it (e.g. 200).`,
            );
        }
    }),
};

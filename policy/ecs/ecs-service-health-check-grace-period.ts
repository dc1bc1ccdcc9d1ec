import { StackValidationPolicy } from "@pulumi/policy";
import { asArray, isRecord, toNumber } from "../lib/coerce";
import { containerName, isEssential, parseContainerDefinitions } from "../lib/containerDefinitions";
import { findTaskDefinition, resourcesOfType, taskDefinitionLabel } from "../lib/ecsStack";
import { ECS_SERVICE } from "../lib/types";

/**
 * Headline ("required health checks") — not covered by the catalog's tools. A service behind a load
 * balancer gives new tasks a `healthCheckGracePeriodSeconds` (default 0) at least as long as the longest
 * `healthCheck.startPeriod` of its task definition's essential containers; otherwise the load balancer's
 * health checks can kill tasks that are still starting, and a deployment never settles. The service's
 * `taskDefinition` is matched to a task definition's `arn` in the stack; services whose task definition is
 * not in the stack, or cannot be parsed, are skipped.
 */
export const ecsServiceHealthCheckGracePeriod: StackValidationPolicy = {
    name: "ecs-service-health-check-grace-period",
    description: "Services behind a load balancer must have a health check grace period covering their containers' start period.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        for (const service of resourcesOfType(args.resources, ECS_SERVICE)) {
            if (asArray(service.props.loadBalancers).length === 0) {
                continue;
            }
            const td = findTaskDefinition(args.resources, service.props.taskDefinition);
            const parsed = td ? parseContainerDefinitions(td.props.containerDefinitions) : undefined;
            if (!td || !parsed?.ok) {
                continue;
            }
            let slowest: { name: string; startPeriod: number } | undefined;
            parsed.containers.forEach((c, i) => {
                const startPeriod = isEssential(c) && isRecord(c.healthCheck) ? toNumber(c.healthCheck.startPeriod) : undefined;
                if (startPeriod !== undefined && (slowest === undefined || startPeriod > slowest.startPeriod)) {
                    slowest = { name: containerName(c) ?? `#${i + 1}`, startPeriod };
                }
            });
            const grace = toNumber(service.props.healthCheckGracePeriodSeconds) ?? 0;
            if (slowest !== undefined && grace < slowest.startPeriod) {
                report(
                    `Service "${service.name}" is behind a load balancer with healthCheckGracePeriodSeconds ${grace}, shorter than the ` +
                        `${slowest.startPeriod}-second health check startPeriod of container "${slowest.name}" in task definition ` +
                        `"${taskDefinitionLabel(td)}"; set healthCheckGracePeriodSeconds to at least ${slowest.startPeriod}.`,
                    service.urn,
                );
            }
        }
    },
};

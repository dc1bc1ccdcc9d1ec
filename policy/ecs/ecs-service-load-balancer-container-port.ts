import { StackValidationPolicy } from "@pulumi/policy";
import { asArray, isRecord, quoteList, toNumber } from "../lib/coerce";
import { containerName, parseContainerDefinitions, portMappings } from "../lib/containerDefinitions";
import { findTaskDefinition, resourcesOfType, taskDefinitionLabel } from "../lib/ecsStack";
import { ECS_SERVICE, ECS_TASK_SET } from "../lib/types";

/**
 * Not covered by the catalog's tools: each `loadBalancers[]` entry of a service or task set names a
 * container of its task definition (`containerName`) that maps `containerPort`, so the target group receives
 * the port the application listens on; a mismatch otherwise fails the deployment or leaves every target
 * unhealthy. Task definitions are matched by `arn` in the stack; unresolvable or unparseable ones are skipped.
 * A missing containerName or containerPort is `ecs-service-load-balancer-target-complete`'s violation, which
 * the service alone shows and so is reported before the service is created.
 */
export const ecsServiceLoadBalancerContainerPort: StackValidationPolicy = {
    name: "ecs-service-load-balancer-container-port",
    description: "Load balancer entries of ECS services must name a container and port of their task definition.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        for (const service of resourcesOfType(args.resources, [...ECS_SERVICE, ...ECS_TASK_SET])) {
            const entries = asArray(service.props.loadBalancers);
            if (entries.length === 0) {
                continue;
            }
            const td = findTaskDefinition(args.resources, service.props.taskDefinition);
            const parsed = td ? parseContainerDefinitions(td.props.containerDefinitions) : undefined;
            if (!td || !parsed?.ok) {
                continue;
            }
            const kind = ECS_TASK_SET.includes(service.type as (typeof ECS_TASK_SET)[number]) ? "Task set" : "Service";
            const names = parsed.containers.map(containerName).filter((n): n is string => n !== undefined);
            entries.forEach((entry, i) => {
                if (!isRecord(entry)) {
                    return;
                }
                const where = `${kind} "${service.name}" loadBalancers[${i}]`;
                const name = entry.containerName;
                const port = toNumber(entry.containerPort);
                const container = typeof name === "string" ? parsed.containers.find(c => containerName(c) === name) : undefined;
                const choices = names.length > 0 ? `one of ${quoteList(names, "or")}` : "a container it defines";
                if (typeof name !== "string" || name === "") {
                    return; // ecs-service-load-balancer-target-complete
                }
                if (!container) {
                    report(
                        `${where} routes to container "${name}", which task definition "${taskDefinitionLabel(td)}" does not define; ` +
                            `set containerName to ${choices}.`,
                        service.urn,
                    );
                    return;
                }
                const ports = portMappings(container).map(m => m.containerPort).filter((p): p is number => p !== undefined);
                const mapped = ports.length > 0 ? `it maps ${quoteList(ports)}` : "it maps no ports";
                if (port !== undefined && !ports.includes(port)) {
                    report(
                        `${where} sends traffic to port ${port} of container "${name}", which has no port mapping for it (${mapped}); ` +
                            `set containerPort to a mapped port or add the port mapping.`,
                        service.urn,
                    );
                }
            });
        }
    },
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { asArray, isNonEmptyString, isRecord, toNumber } from "../lib/coerce";
import { ECS_SERVICE, ECS_TASK_SET } from "../lib/types";

/**
 * The part of `ecs-service-load-balancer-container-port` [S] that the service alone shows, checked before
 * the service is created (a stack policy runs only after `pulumi up` has created everything): each
 * `loadBalancers[]` entry names its target (`targetGroupArn`, or `elbName` for a Classic Load Balancer), a
 * `containerName` and a numeric `containerPort`; without them ECS refuses the service or the load balancer
 * reaches the wrong port. The stack policy then checks the names against the task definition.
 */
export const ecsServiceLoadBalancerTargetComplete: ResourceValidationPolicy = {
    name: "ecs-service-load-balancer-target-complete",
    description: "Load balancer entries of ECS services must name a target, a container and a container port.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes([...ECS_SERVICE, ...ECS_TASK_SET], (props, args, report) => {
        const kind = (ECS_TASK_SET as readonly string[]).includes(args.type) ? "Task set" : "Service";
        asArray(props.loadBalancers).forEach((entry, i) => {
            const where = `${kind} "${args.name}" loadBalancers[${i}]`;
            if (!isRecord(entry)) {
                report(`${where} is not an object; give it targetGroupArn, containerName and containerPort.`);
                return;
            }
            if (!isNonEmptyString(entry.targetGroupArn) && !isNonEmptyString(entry.elbName)) {
                report(`${where} names no target group; set targetGroupArn to the target group that should receive the traffic.`);
            }
            if (!isNonEmptyString(entry.containerName)) {
                report(`${where} names no containerName; set it to the container of the task definition that serves the traffic.`);
            }
            if (toNumber(entry.containerPort) === undefined) {
                report(`${where} sets no numeric containerPort; set it to the port that container listens on.`);
            }
        });
    }),
};

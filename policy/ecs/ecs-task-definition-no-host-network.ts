import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { requiresFargate } from "../lib/containerDefinitions";
import { TASK_DEFINITION } from "../lib/types";

/**
 * Catalog #6 — Security Hub ECS.1 / ECS.17. `networkMode: "host"` gives containers the host's network
 * stack; Fargate tasks must use "awsvpc" (each task gets its own ENI and security groups). The user half of
 * ECS.1 is `ecs-task-definition-non-root-user`.
 */
export const ecsTaskDefinitionNoHostNetwork: ResourceValidationPolicy = {
    name: "ecs-task-definition-no-host-network",
    description: "Task definitions must not use host networking; Fargate tasks use awsvpc.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(TASK_DEFINITION, (props, _args, report) => {
        const mode = props.networkMode;
        if (mode === "host") {
            report('networkMode is "host", which shares the host\'s network stack with the containers; use "awsvpc".');
        } else if (requiresFargate(props.requiresCompatibilities) && mode !== "awsvpc") {
            const given = typeof mode === "string" ? `"${mode}"` : "not set";
            report(`networkMode is ${given}, but Fargate task definitions must use "awsvpc"; set networkMode to "awsvpc".`);
        }
    }),
};

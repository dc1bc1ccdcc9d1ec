import { ResourceValidationPolicy } from "@pulumi/policy";
import { remediateTypes, validateTypes } from "../lib/applies";
import { copyProps, upper } from "../lib/coerce";
import { TASK_DEFINITION } from "../lib/types";

/**
 * Catalog #5 — Security Hub ECS.3, Checkov CKV_AWS_335. `pidMode: "host"` lets containers see and signal
 * every process on the host (the value is compared case-insensitively, as a hurried user may write "HOST").
 * Remediation removes `pidMode` (each task gets its own PID namespace).
 */
export const ecsTaskDefinitionNoHostPid: ResourceValidationPolicy = {
    name: "ecs-task-definition-no-host-pid",
    description: "Task definitions must not share the host's process namespace.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(TASK_DEFINITION, (props, _args, report) => {
        if (upper(props.pidMode) === "HOST") {
            report('pidMode is "host", which shares the host\'s process namespace with the containers; remove pidMode or set it to "task".');
        }
    }),
    remediateResource: remediateTypes(TASK_DEFINITION, props => {
        if (upper(props.pidMode) !== "HOST") {
            return undefined;
        }
        const fixed = copyProps(props);
        delete fixed.pidMode;
        return fixed;
    }),
};

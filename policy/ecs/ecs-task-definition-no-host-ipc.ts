import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { upper } from "../lib/coerce";
import { TASK_DEFINITION } from "../lib/types";

/**
 * Checkov CKV_AWS_335's sibling for IPC; Docker's CIS benchmark 5.16. `ipcMode: "host"` shares the host's
 * IPC namespace (shared memory, semaphores, message queues) with the containers, so they can read or corrupt
 * other processes' shared memory. Fargate refuses it; on EC2 it is accepted. Compared case-insensitively.
 */
export const ecsTaskDefinitionNoHostIpc: ResourceValidationPolicy = {
    name: "ecs-task-definition-no-host-ipc",
    description: "Task definitions must not share the host's IPC namespace.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(TASK_DEFINITION, (props, _args, report) => {
        if (upper(props.ipcMode) === "HOST") {
            report('ipcMode is "host", which shares the host\'s shared memory and semaphores with the containers; remove ipcMode or set it to "task" or "none".');
        }
    }),
};

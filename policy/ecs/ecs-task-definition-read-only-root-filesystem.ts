import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { describeContainer, forEachContainer } from "../lib/containerDefinitions";
import { TASK_DEFINITION } from "../lib/types";

/**
 * Catalog #4 — Security Hub ECS.5, Checkov CKV_AWS_336. A read-only root filesystem stops an intruder
 * from altering the image's binaries. Windows containers cannot use it and are skipped. No remediation:
 * an application that writes to its filesystem would break; it needs a volume for those paths first.
 */
export const ecsTaskDefinitionReadOnlyRootFilesystem: ResourceValidationPolicy = {
    name: "ecs-task-definition-read-only-root-filesystem",
    description: "Containers must run with a read-only root filesystem.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(TASK_DEFINITION, (props, _args, report) => {
        forEachContainer(props, (container, i) => {
            if (container.readonlyRootFilesystem !== true) {
                report(
                    `${describeContainer(container, i)} has a writable root filesystem; set "readonlyRootFilesystem": true ` +
                        `and mount a volume for the paths it writes.`,
                );
            }
        }, { skipWindows: true });
    }),
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { isNonEmptyString } from "../lib/coerce";
import { sameRoleReference } from "../lib/iamRoles";
import { TASK_DEFINITION } from "../lib/types";

/**
 * Catalog #9 — Checkov CKV_AWS_249. The execution role (used by the ECS agent to pull images, write logs
 * and read secrets) and the task role (used by the application) are different roles, so the application
 * does not hold the agent's permissions. The two are compared as roles, not strings: an ARN and the short
 * name ECS also accepts for the task role, or names differing only in case, are the same role.
 */
export const ecsTaskDefinitionSeparateExecutionRole: ResourceValidationPolicy = {
    name: "ecs-task-definition-separate-execution-role",
    description: "A task definition's execution role must differ from its task role.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateTypes(TASK_DEFINITION, (props, _args, report) => {
        const execution = props.executionRoleArn;
        if (isNonEmptyString(execution) && (execution === props.taskRoleArn || sameRoleReference(execution, props.taskRoleArn))) {
            report(
                "executionRoleArn and taskRoleArn are the same role, so the application holds the image-pull, log and secret-read " +
                    "permissions of the ECS agent; give the task its own role.",
            );
        }
    }),
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { isNonEmptyString, isRecord } from "../lib/coerce";
import { describeContainer, forEachContainer } from "../lib/containerDefinitions";
import { TASK_DEFINITION } from "../lib/types";

/**
 * Catalog #2 — Security Hub ECS.9, cdk-nag AwsSolutions-ECS7. Every container sends its output somewhere:
 * `logConfiguration.logDriver` is set; with the `awslogs` driver, the `awslogs-group` and `awslogs-region`
 * options it cannot start without are present too.
 */
export const ecsTaskDefinitionContainersLog: ResourceValidationPolicy = {
    name: "ecs-task-definition-containers-log",
    description: "Every container must have a log configuration with a log driver.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(TASK_DEFINITION, (props, _args, report) => {
        forEachContainer(props, (container, i) => {
            const label = describeContainer(container, i);
            const logging = container.logConfiguration;
            if (!isRecord(logging)) {
                report(`${label} has no logConfiguration; set logConfiguration.logDriver (e.g. "awslogs") so its output reaches CloudWatch Logs.`);
                return;
            }
            if (!isNonEmptyString(logging.logDriver)) {
                report(`${label} has a logConfiguration without a logDriver; set logConfiguration.logDriver (e.g. "awslogs").`);
                return;
            }
            if (logging.logDriver === "awslogs") {
                const options = isRecord(logging.options) ? logging.options : {};
                for (const option of ["awslogs-group", "awslogs-region"]) {
                    if (!isNonEmptyString(options[option])) {
                        report(`${label} logs with "awslogs" but sets no "${option}" option; add it to logConfiguration.options.`);
                    }
                }
            }
        });
    }),
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { remediateTypes, validateTypes } from "../lib/applies";
import { copyProps } from "../lib/coerce";
import { describeContainer, forEachContainer, parseContainerDefinitions } from "../lib/containerDefinitions";
import { TASK_DEFINITION } from "../lib/types";

/**
 * Catalog #3 — Security Hub ECS.4, Checkov CKV_AWS_334. A privileged container has root on the host.
 * Remediation drops `privileged` from the containers that set it to true (Fargate rejects it anyway).
 */
export const ecsTaskDefinitionNoPrivilegedContainers: ResourceValidationPolicy = {
    name: "ecs-task-definition-no-privileged-containers",
    description: "Containers must not run privileged.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(TASK_DEFINITION, (props, _args, report) => {
        forEachContainer(props, (container, i) => {
            if (container.privileged === true) {
                report(`${describeContainer(container, i)} runs privileged; remove "privileged": true from its definition.`);
            }
        });
    }),
    remediateResource: remediateTypes(TASK_DEFINITION, props => {
        const parsed = parseContainerDefinitions(props.containerDefinitions);
        if (!parsed.ok || !parsed.containers.some(c => c.privileged === true)) {
            return undefined;
        }
        const containers = JSON.parse(JSON.stringify(parsed.containers)) as Record<string, unknown>[];
        for (const c of containers) {
            if (c.privileged === true) {
                delete c.privileged;
            }
        }
        return { ...copyProps(props), containerDefinitions: JSON.stringify(containers) };
    }),
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { containerName, describeContainer, parseContainerDefinitions } from "../lib/containerDefinitions";
import { TASK_DEFINITION } from "../lib/types";

/**
 * Support rule for catalog #1–#8 and the container rules: `containerDefinitions` is a JSON array of
 * container objects, each with a unique name and an image. The other container policies skip a task
 * definition whose `containerDefinitions` cannot be parsed, so a malformed value is reported once, here.
 */
export const ecsTaskDefinitionContainerDefinitionsValid: ResourceValidationPolicy = {
    name: "ecs-task-definition-container-definitions-valid",
    description: "Task definition containerDefinitions must be a JSON array of named containers with images.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(TASK_DEFINITION, (props, _args, report) => {
        const parsed = parseContainerDefinitions(props.containerDefinitions);
        if (!parsed.ok) {
            report(
                `containerDefinitions ${parsed.reason}; set it to a JSON array of container definitions ` +
                    `(e.g. with pulumi.jsonStringify([...])). No container rule can check this task definition until then.`,
            );
            return;
        }
        if (parsed.containers.length === 0) {
            report("containerDefinitions is an empty array; define at least one container.");
            return;
        }
        const seen = new Set<string>();
        parsed.containers.forEach((c, i) => {
            const name = containerName(c);
            if (name === undefined) {
                report(`Container #${i + 1} has no "name"; give every container a unique name.`);
            } else if (seen.has(name)) {
                report(`Container "${name}" is defined more than once; give every container a unique name.`);
            } else {
                seen.add(name);
            }
            if (typeof c.image !== "string" || c.image.trim() === "") {
                report(`${describeContainer(c, i)} has no "image"; set it to the image to run.`);
            }
        });
    }),
};

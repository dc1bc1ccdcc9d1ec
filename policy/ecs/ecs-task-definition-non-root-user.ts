import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { describeContainer, forEachContainer } from "../lib/containerDefinitions";
import { TASK_DEFINITION } from "../lib/types";

/** True for "root", uid 0 (also written "00"), and `user:group` forms whose user part is one of those. */
const isRootUser = (user: string): boolean => {
    const name = user.split(":")[0].trim().toLowerCase();
    return name === "root" || /^0+$/.test(name);
};

/**
 * Catalog #7 — Security Hub ECS.20, Control Tower CT.ECS.PR.3 (and the user half of ECS.1). Linux
 * containers set `user` to a non-root user; without it they run as the image's user, usually root.
 * Windows containers are skipped (they have no `user` setting).
 */
export const ecsTaskDefinitionNonRootUser: ResourceValidationPolicy = {
    name: "ecs-task-definition-non-root-user",
    description: "Containers must run as a non-root user.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateTypes(TASK_DEFINITION, (props, _args, report) => {
        forEachContainer(props, (container, i) => {
            const label = describeContainer(container, i);
            const user = container.user;
            if (typeof user !== "string" || user.trim() === "") {
                report(`${label} sets no "user", so it runs as the image's default user (often root); set "user" to a non-root UID such as "1000".`);
            } else if (isRootUser(user)) {
                report(`${label} runs as root ("user": "${user}"); set "user" to a non-root UID such as "1000".`);
            }
        }, { skipWindows: true });
    }),
};

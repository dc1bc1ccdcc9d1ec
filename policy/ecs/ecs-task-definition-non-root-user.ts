import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { describeContainer, forEachContainer } from "../lib/containerDefinitions";
import { TASK_DEFINITION } from "../lib/types";

/**
 * True for "root" and id 0 (also written "00", "+0" or "-0": the runtimes read a numeric id with Go's
 * `strconv.Atoi`, which takes a sign): the root user's name and uid, or the root group's name and gid.
 */
const isRoot = (part: string): boolean => {
    const name = part.trim().toLowerCase();
    return name === "root" || /^[+-]?0+$/.test(name);
};

/**
 * Catalog #7 — Security Hub ECS.20, Control Tower CT.ECS.PR.3 (and the user half of ECS.1). Linux
 * containers set `user` to a non-root user; without it they run as the image's user, usually root. The
 * group counts too: `"1000:0"` or `"app:root"` runs in the root group, which owns (and may write) root's
 * group-writable files and sockets. Windows containers are skipped (they have no `user` setting).
 */
export const ecsTaskDefinitionNonRootUser: ResourceValidationPolicy = {
    name: "ecs-task-definition-non-root-user",
    description: "Containers must run as a non-root user and group.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateTypes(TASK_DEFINITION, (props, _args, report) => {
        forEachContainer(props, (container, i) => {
            const label = describeContainer(container, i);
            const user = container.user;
            if (typeof user !== "string" || user.trim() === "") {
                report(`${label} sets no "user", so it runs as the image's default user (often root); set "user" to a non-root UID such as "1000".`);
            } else if (isRoot(user.split(":")[0])) {
                report(`${label} runs as root ("user": "${user}"); set "user" to a non-root UID such as "1000".`);
            } else if (user.includes(":") && isRoot(user.slice(user.indexOf(":") + 1))) {
                report(`${label} runs in the root group ("user": "${user}"); set a non-root group too, such as "1000:1000".`);
            }
        }, { skipWindows: true });
    }),
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { ECS_TASKS, ecsTasksTrust } from "../lib/ecsTasksTrust";
import { parsePolicyDocument } from "../lib/iamDocuments";
import { IAM_ROLE } from "../lib/types";

/**
 * The resource-level half of `iam-role-ecs-task-trust` [S] (catalog #48): a role whose trust policy lets
 * "ecs-tasks.amazonaws.com" assume it is an ECS task or execution role, and the role alone shows when it
 * also trusts another principal (an account, a user, another service, "*"), so it is refused before
 * `pulumi up` creates it; the stack policy runs only after. Whoever else may assume the role gets the
 * permissions given to the tasks. Trust policies that do not parse are `iam-role-no-wildcard-trust`'s.
 */
export const iamRoleEcsTasksTrustExclusive: ResourceValidationPolicy = {
    name: "iam-role-ecs-tasks-trust-exclusive",
    description: 'Roles that ECS tasks assume must trust only "ecs-tasks.amazonaws.com".',
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(IAM_ROLE, (props, args, report) => {
        const parsed = parsePolicyDocument(props.assumeRolePolicy);
        if (!parsed.ok) {
            return;
        }
        const trust = ecsTasksTrust(parsed.statements);
        if (!trust.ecsTasks) {
            return;
        }
        for (const other of trust.others) {
            report(`Role "${args.name}" lets ECS tasks assume it, and its trust policy also lets ${other} assume it; trust only the service principal "${ECS_TASKS}".`);
        }
    }),
};

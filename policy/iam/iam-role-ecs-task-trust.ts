import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { ECS_TASKS, ecsTasksTrust } from "../lib/ecsTasksTrust";
import { parsePolicyDocument } from "../lib/iamDocuments";
import { resourcesOfType, taskDefinitionLabel } from "../lib/ecsStack";
import { findRole, roleLabel } from "../lib/iamRoles";
import { TASK_DEFINITION } from "../lib/types";

/**
 * Catalog #48 (ECS roles) — Checkov CKV_AWS_60 / CKV_AWS_61 applied to what ECS needs. A role that a task
 * definition in the stack uses as its execution or task role (matched by ARN or name, as `findRole` resolves them) trusts the
 * service principal "ecs-tasks.amazonaws.com" and nobody else, so no user, account or other service can
 * assume the permissions given to the tasks. Roles outside the stack and trust policies that do not parse
 * (reported by `iam-role-no-wildcard-trust`) are skipped. Extra principals of a role that does trust
 * "ecs-tasks.amazonaws.com" are reported, before creation, by `iam-role-ecs-tasks-trust-exclusive` alone;
 * here only those of a role that lacks it (which the role alone does not show to be a task role).
 */
export const iamRoleEcsTaskTrust: StackValidationPolicy = {
    name: "iam-role-ecs-task-trust",
    description: 'Roles used by ECS task definitions must trust only "ecs-tasks.amazonaws.com".',
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        const checked = new Set<PolicyResource>();
        for (const td of resourcesOfType(args.resources, TASK_DEFINITION)) {
            for (const [field, use] of [["executionRoleArn", "execution role"], ["taskRoleArn", "task role"]] as const) {
                const role = findRole(args.resources, td.props[field]);
                if (!role || checked.has(role)) {
                    continue;
                }
                checked.add(role);
                const parsed = parsePolicyDocument(role.props.assumeRolePolicy);
                if (!parsed.ok) {
                    continue;
                }
                const context = `Role "${roleLabel(role)}" is the ${use} of task definition "${taskDefinitionLabel(td)}"`;
                const trust = ecsTasksTrust(parsed.statements);
                if (trust.ecsTasks) {
                    continue;
                }
                report(`${context}, but its trust policy does not let "${ECS_TASKS}" assume it; add that service principal so ECS can use the role.`, role.urn);
                for (const other of trust.others) {
                    report(`${context}, but its trust policy also lets ${other} assume it; trust only the service principal "${ECS_TASKS}".`, role.urn);
                }
            }
        }
    },
};

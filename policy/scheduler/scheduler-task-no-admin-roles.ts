import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { findTaskDefinition, taskDefinitionLabel } from "../lib/ecsStack";
import { adminGrants } from "../lib/iamAdmin";
import { findRole, roleLabel } from "../lib/iamRoles";
import { UnknownDeferral, referencedResource } from "../lib/unknowns";
import { IAM_ROLE, TASK_DEFINITION } from "../lib/types";
import { scheduledEcsTarget } from "./scheduledTasks";

/**
 * Catalog #46 / #47 for scheduled tasks — Security Hub IAM.1, Checkov CKV_AWS_62/63/274, cdk-nag IAM4/IAM5,
 * applied to the roles a schedule brings together. A schedule (EventBridge Scheduler `Schedule` with
 * `target.ecsParameters`, or an EventBridge rule's `EventTarget` with `ecsTarget`) runs its task
 * unattended: its own role (`target.roleArn` / `roleArn`) needs only `ecs:RunTask` on that task
 * definition and `iam:PassRole` on the task's two roles, and the task's roles (`taskRoleArn`,
 * `executionRoleArn` of the task definition it names, found by ARN, family or family:revision) only what
 * the task uses. None may be admin-equivalent as `../lib/iamAdmin` reads it: "*" or "*:*", "NotAction",
 * `iam:PassRole` / `ecs:RunTask` / another escalation action on "*" or `…:role/*`, or an AWS-managed
 * policy such as AdministratorAccess, PowerUserAccess, AmazonECS_FullAccess,
 * AmazonEventBridgeSchedulerFullAccess or AmazonEC2ContainerServiceEventsRole. Roles and task definitions
 * outside the stack are skipped; a reference not known during preview is followed through the resource's
 * dependencies (the one role, or task definition, its input came from), else reported by the engine as
 * "can't run during preview" after the known ones are checked. Mandatory: a schedule's role that may pass any role
 * to any task is a standing path to the account's most privileged role.
 */
export const schedulerTaskNoAdminRoles: StackValidationPolicy = {
    name: "scheduler-task-no-admin-roles",
    description: "Schedules that run ECS tasks, and those tasks, must not use admin-equivalent roles.",
    enforcementLevel: "mandatory",
    severity: "critical",
    validateStack: (args, report) => {
        const deferral = new UnknownDeferral();
        for (const resource of args.resources) {
            const target = scheduledEcsTarget(resource.type, resource.name, resource.props);
            if (!target) {
                continue;
            }
            const uses: { role: PolicyResource; use: string; fix: string }[] = [];
            deferral.run(() => {
                const role = referencedResource(resource, target.roleProperty, IAM_ROLE, target.roleArn, ref => findRole(args.resources, ref));
                if (role) {
                    uses.push({
                        role,
                        use: `the role of ${target.label} (${target.roleField})`,
                        fix: "give it only ecs:RunTask on the task definition's ARN and iam:PassRole on the task's execution and task role ARNs",
                    });
                }
            });
            deferral.run(() => {
                const td = referencedResource(resource, target.ecsProperty, TASK_DEFINITION, target.taskDefinition, ref => findTaskDefinition(args.resources, ref));
                if (!td) {
                    return;
                }
                for (const [field, use] of [["taskRoleArn", "task role"], ["executionRoleArn", "execution role"]] as const) {
                    deferral.run(() => {
                        const role = referencedResource(td, field, IAM_ROLE, () => td.props[field], ref => findRole(args.resources, ref));
                        if (role && !uses.some(u => u.role === role)) {
                            uses.push({
                                role,
                                use: `the ${use} of task definition "${taskDefinitionLabel(td)}" (run by ${target.label})`,
                                fix: "give it only the actions and resources the task uses",
                            });
                        }
                    });
                }
            });
            for (const { role, use, fix } of uses) {
                deferral.run(() => {
                    for (const grant of adminGrants(args.resources, role)) {
                        report(`Role "${roleLabel(role)}" is ${use} and ${grant}, which makes it admin-equivalent; ${fix}.`, role.urn);
                    }
                });
            }
        }
        deferral.rethrow();
    },
};

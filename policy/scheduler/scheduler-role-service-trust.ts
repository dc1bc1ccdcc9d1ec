import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { parsePolicyDocument } from "../lib/iamDocuments";
import { findRole, roleLabel } from "../lib/iamRoles";
import { serviceTrust } from "../lib/serviceTrust";
import { UnknownDeferral, referencedResource } from "../lib/unknowns";
import { IAM_ROLE } from "../lib/types";
import { scheduledEcsTarget } from "./scheduledTasks";

/**
 * Catalog #48 for scheduled tasks — Checkov CKV_AWS_60 / CKV_AWS_61 applied to the scheduler's role. The
 * role an EventBridge Scheduler schedule assumes (`target.roleArn`) trusts "scheduler.amazonaws.com" and
 * nobody else; the role of an EventBridge rule's ECS target (`roleArn`) trusts "events.amazonaws.com" and
 * nobody else (EventBridge Scheduler User Guide, "Set up the execution role"; EventBridge User Guide,
 * "Amazon ECS targets"). Any other principal could assume the role and run, or pass roles to, tasks. A
 * role found by ARN or name (`../lib/iamRoles`) is checked once per service; roles outside the stack and
 * trust policies that do not parse (reported by `iam-role-no-wildcard-trust`) are skipped.
 */
export const schedulerRoleServiceTrust: StackValidationPolicy = {
    name: "scheduler-role-service-trust",
    description: "Roles that schedules assume to run ECS tasks trust only the scheduling service.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        const deferral = new UnknownDeferral();
        const checked = new Set<string>();
        for (const resource of args.resources) {
            const target = scheduledEcsTarget(resource.type, resource.name, resource.props);
            if (!target) {
                continue;
            }
            deferral.run(() => {
                const role: PolicyResource | undefined = referencedResource(resource, target.roleProperty, IAM_ROLE, target.roleArn, ref => findRole(args.resources, ref));
                if (!role || checked.has(`${role.urn} ${target.service}`)) {
                    return;
                }
                checked.add(`${role.urn} ${target.service}`);
                const parsed = parsePolicyDocument(role.props.assumeRolePolicy);
                if (!parsed.ok) {
                    return;
                }
                const context = `Role "${roleLabel(role)}" is the role of ${target.label} (${target.roleField})`;
                const trust = serviceTrust(parsed.statements, target.service);
                if (!trust.trusted) {
                    report(`${context}, but its trust policy does not let "${target.service}" assume it; add that service principal so the task can be started.`, role.urn);
                }
                for (const other of trust.others) {
                    report(`${context}, but its trust policy also lets ${other} assume it; trust only the service principal "${target.service}".`, role.urn);
                }
            });
        }
        deferral.rethrow();
    },
};

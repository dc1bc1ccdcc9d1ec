/**
 * What makes a role admin-equivalent, read across the stack (`./iamRoles` gathers its documents and
 * attachments): an Allow of every action ("*", "*:*"), an Allow with "NotAction" on broad resources, a
 * privilege-escalation action (`./iamBreadth`: iam:PassRole, ecs:RunTask, sts:AssumeRole, …, however
 * wildcarded) on broad resources ("*", `…:role/*`, any "NotResource"), iam:PassRole on any wildcard role
 * pattern (`…:role/a*`, `…:role/*-task`; `./iamBreadth` isWildcardRolePattern), or an attached AWS-managed policy
 * that grants administrator or service-wide access (`broadManagedPolicies` name patterns, plus
 * `AmazonEC2ContainerServiceEventsRole`, which allows ecs:RunTask and iam:PassRole on "*").
 */
import { PolicyResource } from "@pulumi/policy";
import { quoteList } from "./coerce";
import { escalationActions, isBroadResource, onBroadResources, wildcardPassRoleResources } from "./iamBreadth";
import { actionMatches, globMatches, parsePolicyDocument, statementWhere } from "./iamDocuments";
import { awsManagedPolicyName, rolePolicies } from "./iamRoles";

/**
 * Name patterns (`*` wildcard) of AWS-managed policies that grant administrator or service-wide write
 * access: AdministratorAccess and its variants, PowerUserAccess, IAMFullAccess, SystemAdministrator and
 * every "…FullAccess" (AmazonECS_FullAccess, AmazonEventBridgeSchedulerFullAccess, …).
 */
export const BROAD_MANAGED_POLICIES: readonly string[] = ["AdministratorAccess*", "PowerUserAccess", "IAMFullAccess", "SystemAdministrator", "*FullAccess"];

/** AWS-managed policies that are not "…FullAccess" by name but let the holder run any task and pass any role. */
export const RUN_ANY_TASK_MANAGED_POLICIES: readonly string[] = ["AmazonEC2ContainerServiceEventsRole"];

/** Every admin-equivalent grant of `role`, each a phrase completing "… and …" in a message. */
export function adminGrants(resources: readonly PolicyResource[], role: PolicyResource, broadManagedPolicies: readonly string[] = BROAD_MANAGED_POLICIES): string[] {
    const { sources, awsManagedPolicyArns } = rolePolicies(resources, role);
    const found: string[] = [];
    for (const source of sources) {
        const parsed = parsePolicyDocument(source.document);
        if (!parsed.ok) {
            continue; // reported by iam-policy-no-wildcard-actions
        }
        for (const s of parsed.statements.filter(st => st.effect === "Allow")) {
            const where = statementWhere(source.label, s);
            const broad = onBroadResources(s);
            const on = s.notResources !== undefined ? 'every resource not in "NotResource"' : quoteList((s.resources ?? []).filter(isBroadResource));
            const everything = (s.actions ?? []).filter(a => actionMatches(a, "anyservice:AnyAction") && actionMatches(a, "iam:PassRole"));
            if (everything.length > 0 && broad) {
                found.push(`${where} allows every action (${quoteList(everything)}) on ${on}`);
            } else if (s.notActions !== undefined && broad) {
                found.push(`${where} allows every action not in "NotAction" on ${on}`);
            } else if (broad) {
                const escalation = escalationActions(s);
                if (escalation.length > 0) {
                    const shown = escalation.length > 4 ? `${quoteList(escalation.slice(0, 4))} and ${escalation.length - 4} more` : quoteList(escalation);
                    found.push(`${where} allows ${shown} on ${on}`);
                }
            }
            const passed = wildcardPassRoleResources(s).filter(r => !isBroadResource(r));
            if (passed.length > 0) {
                found.push(`${where} allows "iam:PassRole" on ${quoteList(passed)}, a wildcard that matches roles created later`);
            }
        }
    }
    for (const arn of awsManagedPolicyArns) {
        const name = awsManagedPolicyName(arn);
        if (name !== undefined && [...broadManagedPolicies, ...RUN_ANY_TASK_MANAGED_POLICIES].some(p => globMatches(p, name))) {
            found.push(`has the AWS-managed policy "${name}" attached`);
        }
    }
    return found;
}

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { documentsOfResource, parsePolicyDocument, statementWhere } from "../lib/iamDocuments";
import { escalationActions, isBroadResource, onBroadResources, wildcardPassRoleResources } from "../lib/iamBreadth";
import { quoteList } from "../lib/coerce";
import { IAM_GROUP_POLICY, IAM_POLICY, IAM_ROLE, IAM_ROLE_POLICY, IAM_USER_POLICY } from "../lib/types";

interface Config {
    allowedServiceWildcards: string[];
}

/**
 * Catalog #46 — Security Hub IAM.1 (full "*" admin) and IAM.21 (service-wide wildcards), Checkov
 * CKV_AWS_62 / CKV_AWS_63 / CKV_AWS_355, cdk-nag IAM5. Allow statements of `aws.iam.Policy`,
 * `aws.iam.RolePolicy`, `aws.iam.UserPolicy`, `aws.iam.GroupPolicy` and `aws.iam.Role` inline policies name
 * their actions: no "*", no "<service>:*" (unless allow-listed), no wildcard service prefix ("*:Get*",
 * "i?m:*"), and no "NotAction" (which allows everything not listed). Whatever the spelling (a partial
 * wildcard such as "iam:Pass*" or "iam:?assRole" included), no privilege-escalation action
 * (`../lib/iamBreadth` ESCALATION_ACTIONS: iam:PassRole, iam:CreatePolicyVersion, sts:AssumeRole,
 * lambda:UpdateFunctionCode, …) is allowed on broad resources ("*", `arn:aws:iam::123456789012:role/*`,
 * `arn:*:*`, any "NotResource"). iam:PassRole (by any spelling, "iam:*" and "*" included) is allowed only on
 * exact role ARNs: a wildcard or policy variable anywhere in a resource that may name a role (`role/a*`,
 * `role/*-task`, `role/${aws:username}`) is reported whatever its `Condition` (`../lib/iamBreadth`
 * isWildcardRolePattern).
 * Also reports documents that are not valid policy JSON, since nothing else can check them.
 */
export const iamPolicyNoWildcardActions: ResourceValidationPolicy = {
    name: "iam-policy-no-wildcard-actions",
    description: "IAM policies must not allow wildcard actions.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowedServiceWildcards: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: 'Service-wide wildcards accepted, e.g. ["xray:*"] (case-insensitive).',
            },
        },
    },
    validateResource: validateTypes([...IAM_POLICY, ...IAM_ROLE_POLICY, ...IAM_ROLE, ...IAM_USER_POLICY, ...IAM_GROUP_POLICY], (props, args, report) => {
        const allowed = (args.getConfig<Config>().allowedServiceWildcards ?? []).map(a => String(a).toLowerCase());
        for (const { label, field, document } of documentsOfResource(args.type, props)) {
            const parsed = parsePolicyDocument(document);
            if (!parsed.ok) {
                report(`${label ?? field} is not a valid IAM policy document: ${parsed.reason}; fix it so its permissions can be checked.`);
                continue;
            }
            for (const s of parsed.statements) {
                if (s.effect !== "Allow") {
                    continue;
                }
                const where = statementWhere(label, s);
                if (s.notActions !== undefined) {
                    report(`${where} uses "NotAction" with "Allow", which allows every action not listed; list the allowed actions in "Action" instead.`);
                }
                const unreported: string[] = [];
                for (const action of s.actions ?? []) {
                    const [service, name] = action.includes(":") ? [action.slice(0, action.indexOf(":")), action.slice(action.indexOf(":") + 1)] : [action, ""];
                    if (action === "*" || (/^\*+$/.test(service) && /^\*+$/.test(name))) {
                        const onEverything = (s.resources ?? []).includes("*");
                        report(
                            onEverything
                                ? `${where} allows every action ("${action}") on every resource ("*"), which is full administrator access; list only the actions and resources the workload needs.`
                                : `${where} allows every action ("${action}"); list only the actions the workload needs.`,
                        );
                    } else if (service.includes("*") || service.includes("?")) {
                        report(`${where} allows "${action}", which matches actions of every service; name the service and the actions needed.`);
                    } else if (/^\*+$/.test(name) && !allowed.includes(action.toLowerCase())) {
                        report(`${where} allows every "${service}" action ("${action}"); list the specific ${service} actions needed.`);
                    } else {
                        unreported.push(action);
                    }
                }
                const escalation = escalationActions({ ...s, actions: unreported, notActions: undefined });
                if (s.notActions === undefined && escalation.length > 0 && onBroadResources(s)) {
                    const on =
                        s.notResources !== undefined
                            ? 'every resource not in "NotResource"'
                            : quoteList((s.resources ?? []).filter(isBroadResource));
                    const shown = escalation.length > 4 ? `${quoteList(escalation.slice(0, 4))} and ${escalation.length - 4} more` : quoteList(escalation);
                    report(
                        `${where} allows ${shown} on ${on}; ${escalation.length === 1 ? "that action lets" : "those actions let"} the holder raise its own privileges, ` +
                            `so name the actions needed without them, or scope "Resource" to the exact ARNs (e.g. the one role to pass).`,
                    );
                }
                // narrower-looking wildcards ("role/a*", "role/*-task", "${aws:username}") still pass roles created later
                const passed = wildcardPassRoleResources({ ...s, notActions: undefined }).filter(r => !isBroadResource(r));
                if (passed.length > 0) {
                    report(
                        `${where} allows "iam:PassRole" on ${quoteList(passed)}, a wildcard that also matches every role created later under such a name (a "Condition" on iam:PassedToService limits only the service); ` +
                            `list the exact ARN of each role to pass.`,
                    );
                }
            }
        }
    }),
};

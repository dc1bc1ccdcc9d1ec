import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { parsePolicyDocument, principalsOf, statementWhere } from "../lib/iamDocuments";
import { IAM_ROLE } from "../lib/types";

/**
 * Catalog #48 (any role) — Checkov CKV_AWS_60 / CKV_AWS_61. A role's trust policy (`assumeRolePolicy`)
 * does not let any principal assume it: no Allow statement names "*" (bare, or as the AWS, Service or
 * Federated principal) without a condition, and none uses "NotPrincipal" (everyone except those listed).
 * Also reports trust policies that are not valid JSON. Roles used by ECS tasks are further checked by
 * `iam-role-ecs-task-trust`.
 */
export const iamRoleNoWildcardTrust: ResourceValidationPolicy = {
    name: "iam-role-no-wildcard-trust",
    description: "Role trust policies must not let any principal assume the role.",
    enforcementLevel: "mandatory",
    severity: "critical",
    validateResource: validateTypes(IAM_ROLE, (props, _args, report) => {
        const parsed = parsePolicyDocument(props.assumeRolePolicy);
        if (!parsed.ok) {
            report(`assumeRolePolicy is not a valid IAM policy document: ${parsed.reason}; fix it so the role's trust can be checked.`);
            return;
        }
        for (const s of parsed.statements) {
            if (s.effect !== "Allow") {
                continue;
            }
            const where = statementWhere("Trust policy", s);
            if (s.notPrincipal !== undefined) {
                report(`${where} uses "NotPrincipal" with "Allow", which lets everyone not listed assume the role; name the trusted principals in "Principal".`);
            }
            if (s.hasCondition) {
                continue;
            }
            for (const p of principalsOf(s.principal)) {
                if (p.value === "*") {
                    const given = p.kind === "*" ? '"*"' : `{"${p.kind}": "*"}`;
                    report(
                        `${where} lets any principal (${given}) assume the role; name the service (e.g. "ecs-tasks.amazonaws.com") ` +
                            `or account that needs it, or restrict it with a condition.`,
                    );
                }
            }
        }
    }),
};

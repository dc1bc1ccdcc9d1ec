import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { parsePolicyDocument, statementWhere } from "../lib/iamDocuments";
import { publicAccess, sharedFederatedAccess } from "../lib/principalScope";
import { IAM_ROLE } from "../lib/types";

/**
 * Catalog #48 (any role) — Checkov CKV_AWS_60 / CKV_AWS_61. A role's trust policy (`assumeRolePolicy`)
 * does not let any principal assume it: no Allow statement names a wildcard principal ("*" bare, or as the
 * AWS, Service or Federated principal, or a pattern such as `arn:aws:iam::*:root`) unless a condition
 * restricts who the principal is (`./principalScope`: aws:PrincipalOrgID, aws:PrincipalAccount, … under a
 * plain operator with specific values — a condition on anything else does not excuse it), and none uses
 * "NotPrincipal" (everyone except those listed).
 * A federated principal that is a provider shared by everyone (GitHub Actions' OIDC provider, Cognito
 * identity, Google) is a wildcard too unless a condition pins whose identity it is (`sharedFederatedAccess`).
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
            const problem = publicAccess(s);
            if (problem !== undefined) {
                report(
                    `${statementWhere("Trust policy", s)} ${problem}, so any AWS account can assume the role; ` +
                        `name in "Principal" the service (e.g. "ecs-tasks.amazonaws.com") or the account or role that needs it.`,
                );
            }
            const federated = sharedFederatedAccess(s);
            if (federated !== undefined) {
                report(`${statementWhere("Trust policy", s)} ${federated}`);
            }
        }
    }),
};

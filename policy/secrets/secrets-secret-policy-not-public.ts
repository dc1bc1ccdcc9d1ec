import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { describeStatement, parsePolicyDocument } from "../lib/iamDocuments";
import { publicAccess } from "../lib/principalScope";
import { SECRET, SECRET_POLICY } from "../lib/types";

/**
 * Extra (no catalog row; the resource-policy side of catalog #29 and #48 applied to secrets). Critical.
 *
 * A secret's resource policy (`aws.secretsmanager.SecretPolicy`, or a Secret's own `policy`) does not let
 * everyone read it: no Allow statement with a wildcard principal (`"*"`, `{ AWS: "*" }`,
 * `arn:aws:iam::*:root`, …) unless a condition restricts WHO the principal is (`../lib/principalScope`),
 * and no "NotPrincipal" with "Allow". Execution roles get secrets through their own IAM policies
 * (`iam-execution-role-secret-grants`), so a secret needs no public statement.
 */
export const secretsSecretPolicyNotPublic: ResourceValidationPolicy = {
    name: "secrets-secret-policy-not-public",
    description: "Secret resource policies do not grant access to everyone.",
    enforcementLevel: "mandatory",
    severity: "critical",
    validateResource: validateTypes([...SECRET_POLICY, ...SECRET], (props, args, report) => {
        const document = props.policy;
        if (SECRET.includes(args.type as never) && (document === undefined || document === null || document === "")) {
            return;
        }
        const parsed = parsePolicyDocument(document);
        if (!parsed.ok) {
            report(`Secret policy of "${args.name}" is not a valid policy document: ${parsed.reason}; fix the policy document.`);
            return;
        }
        for (const s of parsed.statements) {
            const problem = publicAccess(s);
            if (problem !== undefined) {
                const where = describeStatement(s);
                report(
                    `Secret policy of "${args.name}" ${where.charAt(0).toLowerCase()}${where.slice(1)} ${problem}; ` +
                        `name in "Principal" the roles that read the secret (or drop the statement and grant them through IAM).`,
                );
            }
        }
    }),
};

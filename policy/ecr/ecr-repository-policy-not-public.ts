import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { ECR_REPOSITORY_POLICY } from "../lib/types";
import { isRecord } from "../lib/coerce";

const isWildcardPrincipal = (principal: unknown): boolean => {
    if (principal === "*") {
        return true;
    }
    if (!isRecord(principal)) {
        return false;
    }
    const aws = principal.AWS;
    return aws === "*" || (Array.isArray(aws) && aws.includes("*"));
};

/**
 * Catalog #29 — Checkov CKV_AWS_32, Trivy AVD-AWS-0032, cdk-nag ECR1. High.
 *
 * A repository policy must not allow any principal (`"*"` or `{ AWS: "*" }`). A statement that pairs
 * the wildcard with a `Condition` (e.g. `aws:PrincipalOrgID`) is accepted: the condition is what scopes
 * it. The policy may be a JSON string or an object; a malformed document is itself reported.
 */
export const ecrRepositoryPolicyNotPublic: ResourceValidationPolicy = {
    name: "ecr-repository-policy-not-public",
    description: "ECR repository policies do not grant access to everyone.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(ECR_REPOSITORY_POLICY, (props, args, reportViolation) => {
        const given = props.policy;
        let document: unknown = given;
        if (typeof given === "string") {
            try {
                document = JSON.parse(given);
            } catch {
                reportViolation(`Repository policy "${args.name}" is not valid JSON; fix the policy document.`);
                return;
            }
        }
        if (!isRecord(document)) {
            reportViolation(`Repository policy "${args.name}" has no policy document object; set policy to an IAM policy JSON document.`);
            return;
        }
        const raw = document.Statement;
        const statements: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
        statements.forEach((statement, i) => {
            if (!isRecord(statement) || statement.Effect !== "Allow" || !isWildcardPrincipal(statement.Principal)) {
                return;
            }
            const condition = statement.Condition;
            if (isRecord(condition) && Object.keys(condition).length > 0) {
                return;
            }
            const id = typeof statement.Sid === "string" && statement.Sid !== "" ? `"${statement.Sid}"` : `#${i}`;
            reportViolation(
                `Repository policy "${args.name}" statement ${id} allows any principal ("*"); name the accounts or roles that need access, or scope it with a Condition such as aws:PrincipalOrgID.`,
            );
        });
    }),
};

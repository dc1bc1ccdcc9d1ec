import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { describeStatement, parsePolicyDocument } from "../lib/iamDocuments";
import { publicAccess } from "../lib/principalScope";
import { ECR_PUBLIC_REPOSITORY, ECR_PUBLIC_REPOSITORY_POLICY, ECR_REGISTRY_POLICY, ECR_REPOSITORY_POLICY } from "../lib/types";

const KIND: Record<string, string> = {
    [ECR_REPOSITORY_POLICY[0]]: "Repository policy",
    [ECR_REGISTRY_POLICY[0]]: "Registry policy",
    [ECR_PUBLIC_REPOSITORY_POLICY[0]]: "Public repository policy",
};

/**
 * Catalog #29 — Checkov CKV_AWS_32, Trivy AVD-AWS-0032, cdk-nag ECR1. High.
 *
 * ECR access policies — repository policies (`aws.ecr.RepositoryPolicy`), the registry policy
 * (`aws.ecr.RegistryPolicy`, which can let other accounts replicate or pull into the registry) and ECR
 * Public repository policies — do not let everyone in: no Allow statement with a wildcard principal
 * (`"*"`, `{ AWS: "*" }`, `arn:aws:iam::*:root`, …) unless a condition restricts WHO the principal is
 * (`../lib/principalScope`; a condition on anything else does not), and no "NotPrincipal" with "Allow".
 * An ECR Public repository (`aws.ecrpublic.Repository`) serves its images to anyone by design, so it is
 * reported too: ship service images from a private repository. The policy may be a JSON string or an
 * object; a malformed document is itself reported.
 */
export const ecrRepositoryPolicyNotPublic: ResourceValidationPolicy = {
    name: "ecr-repository-policy-not-public",
    description: "ECR repository and registry policies do not grant access to everyone.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(
        [...ECR_REPOSITORY_POLICY, ...ECR_REGISTRY_POLICY, ...ECR_PUBLIC_REPOSITORY_POLICY, ...ECR_PUBLIC_REPOSITORY],
        (props, args, reportViolation) => {
            if (ECR_PUBLIC_REPOSITORY.includes(args.type as never)) {
                reportViolation(
                    `ECR Public repository "${args.name}" serves its images to anyone on the internet; use a private aws.ecr.Repository and grant pull access to named accounts or roles.`,
                );
                return;
            }
            const kind = KIND[args.type];
            const parsed = parsePolicyDocument(props.policy);
            if (!parsed.ok) {
                reportViolation(`${kind} "${args.name}" is not a valid policy document: ${parsed.reason}; fix the policy document.`);
                return;
            }
            for (const s of parsed.statements) {
                const problem = publicAccess(s);
                if (problem !== undefined) {
                    const where = describeStatement(s);
                    reportViolation(
                        `${kind} "${args.name}" ${where.charAt(0).toLowerCase()}${where.slice(1)} ${problem}; name in "Principal" the accounts or roles that need access.`,
                    );
                }
            }
        },
    ),
};

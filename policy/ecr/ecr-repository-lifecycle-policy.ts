import { StackValidationPolicy } from "@pulumi/policy";
import { ECR_LIFECYCLE_POLICY, ECR_REPOSITORY } from "../lib/types";

/**
 * Catalog #30 [S] — Security Hub ECR.3. Medium.
 *
 * Every repository has an `aws.ecr.LifecyclePolicy` whose `repository` is the repository's name (its
 * state `name`, input `name`, or id, which for ECR is the name), so old images expire instead of
 * accumulating storage cost and stale vulnerabilities.
 */
export const ecrRepositoryLifecyclePolicy: StackValidationPolicy = {
    name: "ecr-repository-lifecycle-policy",
    description: "Every ECR repository has a lifecycle policy.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateStack: (args, reportViolation) => {
        const repositories = args.resources.filter(r => (ECR_REPOSITORY as readonly string[]).includes(r.type));
        if (repositories.length === 0) {
            return;
        }
        const covered = new Set<string>();
        for (const r of args.resources) {
            if ((ECR_LIFECYCLE_POLICY as readonly string[]).includes(r.type) && typeof r.props.repository === "string") {
                covered.add(r.props.repository);
            }
        }
        for (const repo of repositories) {
            const names = [repo.props.name, repo.props.id].filter((n): n is string => typeof n === "string" && n !== "");
            if (names.length > 0 && !names.some(n => covered.has(n))) {
                reportViolation(
                    `Repository "${repo.name}" has no lifecycle policy; add an aws.ecr.LifecyclePolicy for it that expires old and untagged images.`,
                    repo.urn,
                );
            }
        }
    },
};

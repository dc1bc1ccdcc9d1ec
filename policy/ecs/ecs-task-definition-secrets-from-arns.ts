import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { asArray, isNonEmptyString, isRecord } from "../lib/coerce";
import { describeContainer, forEachContainer } from "../lib/containerDefinitions";
import { classifySecretReference } from "../lib/secretDetection";
import { TASK_DEFINITION } from "../lib/types";

const ARN_FORMS =
    "a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>), an SSM parameter ARN " +
    "(arn:aws:ssm:<region>:<account>:parameter/<name>) or the name of an SSM parameter in the task's Region (/<path>/<name> or <name>)";

/**
 * Catalog #1 (headline, second half) — the secure form of what Security Hub ECS.8 asks for: every secret a
 * container reads (`secrets[]`, `logConfiguration.secretOptions[]`, `repositoryCredentials`) is referenced
 * by the full ARN of a Secrets Manager secret or SSM parameter, or by the name of an SSM parameter in the
 * task's own Region (which ECS accepts: API_Secret), so the execution role's grant can be scoped to exactly
 * those parameters (see `iam-execution-role-secret-grants`), and the task definition has an execution role
 * to read them with. A reference that holds the secret itself is `ecs-task-definition-no-plaintext-secrets`'
 * finding. The `valueFrom` text is never echoed: a misplaced secret value would leak.
 */
export const ecsTaskDefinitionSecretsFromArns: ResourceValidationPolicy = {
    name: "ecs-task-definition-secrets-from-arns",
    description: "Container secrets must be referenced by Secrets Manager ARN or SSM parameter ARN or name, and read by an execution role.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(TASK_DEFINITION, (props, _args, report) => {
        let readsSecrets = false;
        forEachContainer(props, (container, i) => {
            const label = describeContainer(container, i);
            const check = (entries: unknown, where: string) => {
                asArray(entries).forEach((entry, j) => {
                    readsSecrets = true;
                    if (!isRecord(entry)) {
                        report(`${label} has ${where}[${j}] that is not an object; give it "name" and "valueFrom".`);
                        return;
                    }
                    const name = isNonEmptyString(entry.name) ? `"${entry.name}"` : `${where}[${j}]`;
                    if (!isNonEmptyString(entry.name)) {
                        report(`${label} has ${where}[${j}] without a "name"; name the variable the secret is exposed as.`);
                    }
                    if (!isNonEmptyString(entry.valueFrom)) {
                        report(`${label} reads secret ${name} without a "valueFrom"; set it to ${ARN_FORMS}.`);
                    } else if (classifySecretReference(entry.valueFrom).kind === "other") {
                        report(
                            `${label} reads secret ${name} from a valueFrom that is not ${ARN_FORMS}; ` +
                                `ECS cannot resolve it; use the full ARN so the execution role's grant can be scoped to it.`,
                        );
                    }
                });
            };
            check(container.secrets, "secrets");
            if (isRecord(container.logConfiguration)) {
                check(container.logConfiguration.secretOptions, "logConfiguration.secretOptions");
            }
            if (isRecord(container.repositoryCredentials)) {
                readsSecrets = true;
                const parameter = container.repositoryCredentials.credentialsParameter;
                if (classifySecretReference(parameter).kind !== "secretsmanager") {
                    report(
                        `${label} has repositoryCredentials.credentialsParameter that is not a Secrets Manager secret ARN; ` +
                            `set it to arn:aws:secretsmanager:<region>:<account>:secret:<name>.`,
                    );
                }
            }
        });
        if (readsSecrets && !isNonEmptyString(props.executionRoleArn)) {
            report("The task definition reads secrets but has no executionRoleArn; set an execution role that is granted access to exactly those secrets.");
        }
    }),
};

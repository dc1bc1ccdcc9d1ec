import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { asArray, isRecord } from "../lib/coerce";
import { describeContainer, forEachContainer } from "../lib/containerDefinitions";
import {
    DEFAULT_ENTROPY_MIN_LENGTH,
    DEFAULT_ENTROPY_THRESHOLD,
    detectPlaintextSecret,
    valueSecretReason,
} from "../lib/secretDetection";
import { TASK_DEFINITION } from "../lib/types";

interface Config {
    allowedNames: string[];
    entropyThreshold: number;
    entropyMinLength: number;
}

/**
 * Catalog #1 (headline) — Security Hub ECS.8, Trivy AVD-AWS-0036, cdk-nag AwsSolutions-ECS2.
 * No secret in a container's plain `environment`: by value pattern (AWS keys, credentials in URLs and
 * connection strings, PEM keys, JWTs, vendor tokens), by name (PASSWORD, SECRET, TOKEN, API_KEY, …) and by
 * Shannon entropy; see `policy/lib/secretDetection.ts` for the tiers and the threshold choice. `command` and
 * `entryPoint` arguments are checked against the value patterns only. Messages never echo the value.
 */
export const ecsTaskDefinitionNoPlaintextSecrets: ResourceValidationPolicy = {
    name: "ecs-task-definition-no-plaintext-secrets",
    description: "Containers must read secrets from Secrets Manager, not from plain environment variables or arguments.",
    enforcementLevel: "mandatory",
    severity: "critical",
    configSchema: {
        properties: {
            allowedNames: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Variable names (case-insensitive) exempt from the name and entropy checks; value patterns still apply.",
            },
            entropyThreshold: {
                type: "number",
                default: DEFAULT_ENTROPY_THRESHOLD,
                minimum: 0,
                description: "Shannon entropy (bits per character) at or above which a random-looking token is reported.",
            },
            entropyMinLength: {
                type: "integer",
                default: DEFAULT_ENTROPY_MIN_LENGTH,
                minimum: 1,
                description: "Shortest token the entropy check considers.",
            },
        },
    },
    validateResource: validateTypes(TASK_DEFINITION, (props, args, report) => {
        const config = args.getConfig<Config>();
        const options = {
            allowedNames: Array.isArray(config.allowedNames) ? config.allowedNames : [],
            entropyThreshold: config.entropyThreshold,
            entropyMinLength: config.entropyMinLength,
        };
        forEachContainer(props, (container, i) => {
            const label = describeContainer(container, i);
            asArray(container.environment).forEach((entry, j) => {
                if (!isRecord(entry)) {
                    return;
                }
                const name = typeof entry.name === "string" && entry.name !== "" ? entry.name : `environment[${j}]`;
                const finding = detectPlaintextSecret(typeof entry.name === "string" ? entry.name : "", entry.value, options);
                if (finding) {
                    report(
                        `${label} sets ${name} in plain environment and ${finding.reason}; ` +
                            `store it in Secrets Manager and reference it in "secrets" with valueFrom.`,
                    );
                }
            });
            for (const field of ["command", "entryPoint"] as const) {
                asArray(container[field]).forEach((arg, j) => {
                    const reason = typeof arg === "string" ? valueSecretReason(arg) : undefined;
                    if (reason) {
                        report(
                            `${label} has a secret in "${field}" argument ${j + 1} (${reason}); ` +
                                `store it in Secrets Manager, reference it in "secrets" with valueFrom and read it from the environment.`,
                        );
                    }
                });
            }
        });
    }),
};

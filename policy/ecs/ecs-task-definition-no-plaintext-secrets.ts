import { ReportViolation, ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { asArray, isRecord } from "../lib/coerce";
import { describeContainer, forEachContainer } from "../lib/containerDefinitions";
import {
    DEFAULT_ENTROPY_MIN_LENGTH,
    DEFAULT_ENTROPY_THRESHOLD,
    detectSecretInNamedValue,
    detectSecretsInArguments,
    literalSecretInReference,
    SecretDetectionOptions,
    valueSecretReason,
} from "../lib/secretDetection";
import { TASK_DEFINITION } from "../lib/types";

interface Config {
    allowedNames: string[];
    entropyThreshold: number;
    entropyMinLength: number;
}

const SECRETS_FIX = 'store it in Secrets Manager and reference it in "secrets" with valueFrom.';
const ARGUMENT_FIX = 'store it in Secrets Manager, reference it in "secrets" with valueFrom and read it from the environment.';
const LOG_FIX = "move it to logConfiguration.secretOptions with a valueFrom naming a Secrets Manager secret or SSM parameter.";

/** Container fields with a dedicated check below; every other field gets the value patterns only. */
const CHECKED_FIELDS = new Set(
    ["name", "environment", "command", "entryPoint", "healthCheck", "dockerLabels", "logConfiguration", "firelensConfiguration", "secrets", "repositoryCredentials"].map(
        f => f.toLowerCase(),
    ),
);

/** Every string leaf of `value` with its dotted path (array elements as `[i]`). */
function stringLeaves(value: unknown, path: string, out: { path: string; text: string }[]): void {
    if (typeof value === "string") {
        out.push({ path, text: value });
    } else if (Array.isArray(value)) {
        (value as unknown[]).forEach((v, i) => stringLeaves(v, `${path}[${i}]`, out));
    } else if (isRecord(value)) {
        for (const key of Object.keys(value)) {
            stringLeaves(value[key], path === "" ? key : `${path}.${key}`, out);
        }
    }
}

/**
 * Catalog #1 (headline) — Security Hub ECS.8, Trivy AVD-AWS-0036, cdk-nag AwsSolutions-ECS2.
 * No secret in plain text anywhere a container definition carries text to ECS or the task. Each place gets
 * the detector of `policy/lib/secretDetection.ts` that fits it:
 * - name/value maps (`environment`, `dockerLabels`, `logConfiguration.options`,
 *   `firelensConfiguration.options`, and the task's Docker volume `driverOpts` and `labels`): all three
 *   tiers (value pattern, secret-like name however short or path-like the value, entropy), and the name
 *   tier again for settings passed inside a value (`JAVA_OPTS=-Ddb.password=x`);
 * - argument lists (`command`, `entryPoint`, `healthCheck.command`), arguments and shell strings alike:
 *   value patterns, every `NAME=value`, `--name=value`, `--name value`, `export NAME=value` and
 *   `"name": "value"` through all tiers, passwords given to a known program by a short flag (`mysql
 *   -pS3cret`, `redis-cli -a x`, `sshpass -p x`; `../lib/passwordFlags`, a command read after its
 *   entryPoint), `-u user:password`, authorization headers, entropy;
 *   `secrets[].valueFrom`, `logConfiguration.secretOptions[].valueFrom` and
 *   `repositoryCredentials.credentialsParameter` holding the secret itself rather than naming it;
 * - every other string of the container (image, hostname, extra hosts, …): value patterns.
 * Messages never echo the value.
 */
export const ecsTaskDefinitionNoPlaintextSecrets: ResourceValidationPolicy = {
    name: "ecs-task-definition-no-plaintext-secrets",
    description: "Containers must read secrets from Secrets Manager, not from plain environment variables, arguments, labels or log options.",
    enforcementLevel: "mandatory",
    severity: "critical",
    configSchema: {
        properties: {
            allowedNames: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Variable, label and option names (case-insensitive) exempt from the name and entropy checks; value patterns still apply.",
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
        const options: SecretDetectionOptions = {
            allowedNames: Array.isArray(config.allowedNames) ? config.allowedNames : [],
            entropyThreshold: config.entropyThreshold,
            entropyMinLength: config.entropyMinLength,
        };
        forEachContainer(props, (container, i) => checkContainer(describeContainer(container, i), container, options, report));
        asArray(props.volumes).forEach((volume, i) => {
            if (!isRecord(volume) || !isRecord(volume.dockerVolumeConfiguration)) {
                return;
            }
            const label = `Volume "${typeof volume.name === "string" ? volume.name : `#${i + 1}`}"`;
            for (const field of ["driverOpts", "labels"]) {
                checkMap(volume.dockerVolumeConfiguration[field], options, (key, reason) =>
                    report(`${label} sets dockerVolumeConfiguration.${field} "${key}" and ${reason}; keep credentials out of volume options (use an EFS volume with IAM authorization instead).`),
                );
            }
        });
    }),
};

/** Runs the detector over a name/value map, calling `found` with the key and the reason. */
function checkMap(map: unknown, options: SecretDetectionOptions, found: (key: string, reason: string) => void): void {
    if (!isRecord(map)) {
        return;
    }
    for (const key of Object.keys(map)) {
        const finding = detectSecretInNamedValue(key, map[key], options);
        if (finding) {
            found(key, finding.reason);
        }
    }
}

function checkContainer(label: string, container: Record<string, any>, options: SecretDetectionOptions, report: ReportViolation): void {
    asArray(container.environment).forEach((entry, j) => {
        if (!isRecord(entry)) {
            return;
        }
        const name = typeof entry.name === "string" && entry.name !== "" ? entry.name : `environment[${j}]`;
        const finding = detectSecretInNamedValue(typeof entry.name === "string" ? entry.name : "", entry.value, options);
        if (finding) {
            report(`${label} sets ${name} in plain environment and ${finding.reason}; ${SECRETS_FIX}`);
        }
    });

    const healthCheck = isRecord(container.healthCheck) ? container.healthCheck : {};
    // ECS runs the entryPoint with the command after it: a command's flags belong to the entryPoint's program
    const argumentLists: [string, unknown, unknown[]][] = [
        ["command", container.command, asArray(container.entryPoint)],
        ["entryPoint", container.entryPoint, []],
        ["healthCheck.command", healthCheck.command, []],
    ];
    for (const [field, list, leading] of argumentLists) {
        for (const f of detectSecretsInArguments(asArray(list), options, leading)) {
            const under = f.name !== undefined ? `${f.name}: ` : "";
            report(`${label} has a secret in "${field}" argument ${f.index + 1} (${under}${f.reason}); ${ARGUMENT_FIX}`);
        }
    }

    checkMap(container.dockerLabels, options, (key, reason) =>
        report(
            `${label} sets docker label "${key}" and ${reason}; labels are readable by anyone who can describe the task, ` +
                `so remove it and ${SECRETS_FIX}`,
        ),
    );
    const log = isRecord(container.logConfiguration) ? container.logConfiguration : {};
    checkMap(log.options, options, (key, reason) => report(`${label} sets logConfiguration.options "${key}" and ${reason}; ${LOG_FIX}`));
    const firelens = isRecord(container.firelensConfiguration) ? container.firelensConfiguration : {};
    checkMap(firelens.options, options, (key, reason) =>
        report(`${label} sets firelensConfiguration.options "${key}" and ${reason}; ${LOG_FIX}`),
    );

    const references: [string, unknown][] = [
        ...asArray(container.secrets).map((s, j): [string, unknown] => [`secrets[${j}].valueFrom`, isRecord(s) ? s.valueFrom : undefined]),
        ...asArray(log.secretOptions).map((s, j): [string, unknown] => [
            `logConfiguration.secretOptions[${j}].valueFrom`,
            isRecord(s) ? s.valueFrom : undefined,
        ]),
        [
            "repositoryCredentials.credentialsParameter",
            isRecord(container.repositoryCredentials) ? container.repositoryCredentials.credentialsParameter : undefined,
        ],
    ];
    for (const [where, reference] of references) {
        const finding = literalSecretInReference(reference, options);
        if (finding) {
            report(
                `${label} puts the secret itself in ${where} (${finding.reason}); store it in Secrets Manager and set ${where} to the secret's ARN.`,
            );
        }
    }

    const leaves: { path: string; text: string }[] = [];
    for (const key of Object.keys(container)) {
        if (!CHECKED_FIELDS.has(key.toLowerCase())) {
            stringLeaves(container[key], key, leaves);
        }
    }
    for (const { path, text } of leaves) {
        const reason = valueSecretReason(text);
        if (reason) {
            report(`${label} has a secret in "${path}" (${reason.replace(/^its value/, "it")}); remove it and ${SECRETS_FIX}`);
        }
    }
}

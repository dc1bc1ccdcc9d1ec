import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { isRecord, toNumber } from "../lib/coerce";
import { resourcesOfType } from "../lib/ecsStack";
import { SECRET, SECRET_ROTATION } from "../lib/types";

interface Config {
    maximumRotationDays: number;
    exemptSecrets: string[];
}

/** Days between rotations as a schedule states it; undefined for cron schedules (not a fixed interval). */
function intervalDays(rules: Record<string, any>): number | "cron" | undefined {
    const days = toNumber(rules.automaticallyAfterDays);
    if (days !== undefined) {
        return days;
    }
    const schedule = typeof rules.scheduleExpression === "string" ? rules.scheduleExpression.trim() : "";
    const rate = /^rate\(\s*(\d+)\s+(day|days|hour|hours)\s*\)$/i.exec(schedule);
    if (rate) {
        return rate[2].toLowerCase().startsWith("day") ? Number(rate[1]) : Number(rate[1]) / 24;
    }
    return /^cron\(.+\)$/i.test(schedule) ? "cron" : undefined;
}

/** True when the rotation's `secretId` designates the secret (its ARN, which is also its id, its name or URN). */
const rotates = (rotation: PolicyResource, secret: PolicyResource): boolean => {
    const id = rotation.props.secretId;
    return typeof id === "string" && id !== "" && (id === secret.urn || id === secret.props.id || id === secret.props.arn || id === secret.props.name);
};

/**
 * Catalog #44 — Security Hub SecretsManager.1 / .4, Checkov CKV2_AWS_57, cdk-nag SMG4. Every secret has an
 * `aws.secretsmanager.SecretRotation` that is enabled and rotates at least every `maximumRotationDays` (90):
 * `rotationRules.automaticallyAfterDays`, or a `rate(N days|hours)` schedule; `cron(…)` schedules are
 * accepted as they are. Secrets that cannot be rotated (third-party API keys) go in `exemptSecrets`
 * (logical or secret names).
 */
export const secretsSecretRotation: StackValidationPolicy = {
    name: "secrets-secret-rotation",
    description: "Secrets must rotate automatically at least every 90 days.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            maximumRotationDays: {
                type: "integer",
                default: 90,
                minimum: 1,
                description: "Longest accepted interval between rotations.",
            },
            exemptSecrets: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Logical names or secret names of secrets that cannot be rotated automatically.",
            },
        },
    },
    validateStack: (args, report) => {
        const { maximumRotationDays, exemptSecrets } = args.getConfig<Config>();
        const exempt = Array.isArray(exemptSecrets) ? exemptSecrets : [];
        const rotations = resourcesOfType(args.resources, SECRET_ROTATION);
        for (const rotation of rotations) {
            const label = `Secret rotation "${rotation.name}"`;
            if (rotation.props.rotationEnabled === false) {
                report(`${label} has rotationEnabled false; set it to true (or remove it) so the secret rotates.`, rotation.urn);
                continue;
            }
            const rules = rotation.props.rotationRules;
            const days = isRecord(rules) ? intervalDays(rules) : undefined;
            if (days === undefined) {
                report(
                    `${label} has no rotation schedule; set rotationRules.automaticallyAfterDays to at most ${maximumRotationDays}.`,
                    rotation.urn,
                );
            } else if (days !== "cron" && days > maximumRotationDays) {
                report(
                    `${label} rotates every ${days} days; set rotationRules.automaticallyAfterDays to at most ${maximumRotationDays}.`,
                    rotation.urn,
                );
            }
        }
        for (const secret of resourcesOfType(args.resources, SECRET)) {
            if (exempt.includes(secret.name) || (typeof secret.props.name === "string" && exempt.includes(secret.props.name))) {
                continue;
            }
            if (!rotations.some(rotation => rotates(rotation, secret))) {
                report(
                    `Secret "${secret.name}" is never rotated; add an aws.secretsmanager.SecretRotation with ` +
                        `rotationRules.automaticallyAfterDays of at most ${maximumRotationDays}, or list it in exemptSecrets if it cannot be rotated.`,
                    secret.urn,
                );
            }
        }
    },
};

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "./naming";

/** Arguments of {@link ServiceSecrets}. */
export interface ServiceSecretsArgs {
    /** Variable name to secret value; each becomes a Secrets Manager secret. Values stay secret in state. */
    readonly values: Record<string, pulumi.Input<string>>;
    /** Customer-managed KMS key; the AWS-managed `aws/secretsmanager` key when unset. @default undefined */
    readonly kmsKeyArn?: string;
    /** Protect the secrets from deletion and keep them when the stack is destroyed. @default false */
    readonly protect?: boolean;
    /**
     * Days Secrets Manager keeps a deleted secret recoverable; 0 deletes at once (dev stacks).
     * @default 30
     */
    readonly recoveryWindowInDays?: number;
    /** Tags for every resource. @default {} */
    readonly tags?: Record<string, string>;
}

/**
 * ECS `valueFrom` for one version of a whole Secrets Manager secret:
 * `<secret-arn>:<json-key>:<version-stage>:<version-id>` with the key and stage empty (AWS ECS developer
 * guide, "Pass Secrets Manager secrets through Amazon ECS environment variables"; CDK's
 * `Secret.fromSecretsManagerVersion` builds the same string). A new value is a new version id, so the task
 * definition changes with it and the service rolls its tasks; the id is no function of the value, so
 * nothing about the value reaches the plaintext task definition.
 */
export function versionPinnedValueFrom(secretArn: string, versionId: string): string {
    if (!/^arn:[\w-]+:secretsmanager:[\w-]+:\d{12}:secret:[\w/+=.@-]+$/.test(secretArn)) {
        throw new Error(`secret ARN ${JSON.stringify(secretArn)} is not a whole Secrets Manager secret ARN.`);
    }
    if (!/^[\w-]{32,64}$/.test(versionId)) {
        throw new Error(`version id ${JSON.stringify(versionId)} is not a Secrets Manager version id.`);
    }
    return `${secretArn}:::${versionId}`;
}

/** Secrets Manager names: letters, digits and /_+=.@- only. */
const secretNameFor = (prefix: string, variable: string): string => `${prefix}/${variable}`;

/**
 * Secrets Manager secrets created from secret config values, so that a team can start with
 * `pulumi config set --secret` and the container still reads its secrets by ARN.
 */
export class ServiceSecrets extends pulumi.ComponentResource {
    /** Variable name to the secret's ARN. */
    public readonly arns: Record<string, pulumi.Output<string>>;
    /**
     * Variable name to a task definition's `secrets[].valueFrom`, pinned to the version this stack wrote
     * (see {@link versionPinnedValueFrom}). It resolves only once that version exists, so a task
     * definition using it depends on the version and no task starts before the value is there.
     */
    public readonly valueFroms: Record<string, pulumi.Output<string>>;

    constructor(name: string, args: ServiceSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component itself registers: bad arguments leave nothing behind.
        const protect = args.protect ?? false;
        const recoveryWindowInDays = args.recoveryWindowInDays ?? 30;
        if (recoveryWindowInDays !== 0 && (recoveryWindowInDays < 7 || recoveryWindowInDays > 30)) {
            throw new Error(`ServiceSecrets: recoveryWindowInDays is ${recoveryWindowInDays}; expected 0 or 7 to 30.`);
        }
        super("fargate-web:secrets:ServiceSecrets", name, {}, opts);
        this.arns = {};
        this.valueFroms = {};
        for (const variable of Object.keys(args.values).sort()) {
            // The variable name as is: names differing only in case are distinct variables, and must stay
            // distinct resources.
            const role = `secret-${variable}`;
            const secret = new aws.secretsmanager.Secret(
                childName(name, role),
                {
                    namePrefix: `${secretNameFor(`${pulumi.getProject()}/${pulumi.getStack()}/${name}`, variable)}-`,
                    description: `${variable} for ${name} (${pulumi.getStack()}), from secret stack config.`,
                    kmsKeyId: args.kmsKeyArn,
                    recoveryWindowInDays,
                    tags: args.tags ?? {},
                },
                { parent: this, protect, retainOnDelete: protect },
            );
            // Not protected, even in prod: the provider replaces a version when its value changes (its
            // update only moves version stages), and protect would refuse that. The secret itself stays
            // protected; retainOnDelete keeps the old version (as AWSPREVIOUS) when a new one replaces it.
            const version = new aws.secretsmanager.SecretVersion(
                childName(name, `${role}-value`),
                { secretId: secret.id, secretString: pulumi.secret(args.values[variable]) },
                { parent: this, retainOnDelete: protect },
            );
            this.arns[variable] = secret.arn;
            this.valueFroms[variable] = pulumi.all([secret.arn, version.versionId]).apply(([arn, versionId]) => versionPinnedValueFrom(arn, versionId));
        }
        this.registerOutputs({ arns: this.arns, valueFroms: this.valueFroms });
    }
}

/**
 * IAM policy documents for the service's roles. Pure, so that least privilege is tested without mocks.
 */

/** An IAM policy statement. */
export interface PolicyStatement {
    readonly Sid?: string;
    readonly Effect: "Allow" | "Deny";
    readonly Action: string | string[];
    readonly Resource?: string | string[];
    readonly Principal?: Record<string, string>;
    readonly Condition?: Record<string, Record<string, string>>;
}

/** An IAM policy document. */
export interface PolicyDocument {
    readonly Version: "2012-10-17";
    readonly Statement: PolicyStatement[];
}

/**
 * Trust policy letting ECS tasks of one account assume a role. The source-account and source-ARN
 * conditions stop another account's ECS from assuming it (the confused-deputy guard AWS recommends).
 */
export function ecsTasksTrustPolicy(accountId: string, region: string, partition = "aws"): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Service: "ecs-tasks.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "aws:SourceAccount": accountId },
                    ArnLike: { "aws:SourceArn": `arn:${partition}:ecs:${region}:${accountId}:*` },
                },
            },
        ],
    };
}

/**
 * Trust policy of an ECS infrastructure role (Service Connect TLS): the `ecs.amazonaws.com` principal, as
 * AWS documents it ("Amazon ECS infrastructure IAM role"). No source conditions: AWS documents none that
 * ECS sets when it assumes this role, and one it does not set would deny every certificate issue.
 */
export function ecsInfrastructureTrustPolicy(): PolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:AssumeRole" }],
    };
}

/** The grant one ECS `secrets[].valueFrom` needs. */
export interface SecretGrant {
    readonly action: "secretsmanager:GetSecretValue" | "ssm:GetParameters";
    readonly resource: string;
}

/**
 * The action and resource that let the execution role read `valueFrom`. A Secrets Manager reference may
 * carry `:<json-key>:<version-stage>:<version-id>` after the secret ARN; the grant is on the secret. A
 * partial secret ARN (no random suffix) needs AWS's documented `-??????` wildcard.
 */
export function secretGrant(valueFrom: string): SecretGrant {
    const parts = valueFrom.split(":");
    if (parts[2] === "ssm") {
        return { action: "ssm:GetParameters", resource: valueFrom };
    }
    if (parts[2] !== "secretsmanager" || parts[5] !== "secret" || !parts[6]) {
        throw new Error(`secrets: valueFrom ${JSON.stringify(valueFrom)} is not a Secrets Manager or SSM parameter ARN.`);
    }
    const secretArn = parts.slice(0, 7).join(":");
    return {
        action: "secretsmanager:GetSecretValue",
        resource: /-[A-Za-z0-9]{6}$/.test(secretArn) ? secretArn : `${secretArn}-??????`,
    };
}

/** What the execution role must reach. */
export interface ExecutionRoleNeeds {
    /** ECR repository the image is pulled from; none for images from other registries. */
    readonly repositoryArn?: string;
    /** Log group the awslogs driver writes to. */
    readonly logGroupArn: string;
    /** Every `valueFrom` of the container's secrets. */
    readonly secretValueFroms: readonly string[];
    /** Customer-managed KMS key encrypting the secrets, if any. */
    readonly kmsKeyArn?: string;
}

/**
 * The execution role's permissions: pull exactly this image repository, write exactly this log group, and
 * read exactly the referenced secrets — never `*` for secrets, and `kms:Decrypt` only for a customer key.
 */
export function executionRolePolicy(needs: ExecutionRoleNeeds): PolicyDocument {
    const statements: PolicyStatement[] = [];
    if (needs.repositoryArn) {
        // GetAuthorizationToken has no resource-level permissions: "*" is the only valid resource.
        statements.push({ Sid: "EcrAuth", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" });
        statements.push({
            Sid: "EcrPull",
            Effect: "Allow",
            Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
            Resource: needs.repositoryArn,
        });
    }
    statements.push({
        Sid: "Logs",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: `${needs.logGroupArn}:*`,
    });
    const grants = needs.secretValueFroms.map(secretGrant);
    for (const action of ["secretsmanager:GetSecretValue", "ssm:GetParameters"] as const) {
        const resources = [...new Set(grants.filter(g => g.action === action).map(g => g.resource))].sort();
        if (resources.length > 0) {
            statements.push({ Sid: action === "ssm:GetParameters" ? "Parameters" : "Secrets", Effect: "Allow", Action: action, Resource: resources });
        }
    }
    if (needs.kmsKeyArn && grants.length > 0) {
        statements.push({ Sid: "DecryptSecrets", Effect: "Allow", Action: "kms:Decrypt", Resource: needs.kmsKeyArn });
    }
    return { Version: "2012-10-17", Statement: statements };
}

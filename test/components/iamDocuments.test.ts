import { strict as assert } from "node:assert";
import { ecsTasksTrustPolicy, executionRolePolicy, secretGrant } from "../../components/iamDocuments";

const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf";
const PARTIAL = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api";
const PARAM = "arn:aws:ssm:us-east-1:123456789012:parameter/prod/feature-flags";
const LOGS = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/p/prod/web";
const REPO = "arn:aws:ecr:us-east-1:123456789012:repository/web";

describe("IAM documents", () => {
    it("lets only this account's ECS tasks assume the roles", () => {
        assert.deepEqual(ecsTasksTrustPolicy("123456789012", "eu-west-1"), {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "ecs-tasks.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: {
                        StringEquals: { "aws:SourceAccount": "123456789012" },
                        ArnLike: { "aws:SourceArn": "arn:aws:ecs:eu-west-1:123456789012:*" },
                    },
                },
            ],
        });
    });

    it("grants a JSON key's secret, a partial ARN's wildcard, and parameters", () => {
        assert.deepEqual(secretGrant(`${SECRET}:password::`), { action: "secretsmanager:GetSecretValue", resource: SECRET });
        assert.deepEqual(secretGrant(PARTIAL), { action: "secretsmanager:GetSecretValue", resource: `${PARTIAL}-??????` });
        assert.deepEqual(secretGrant(PARAM), { action: "ssm:GetParameters", resource: PARAM });
        assert.throws(() => secretGrant("db-password"), /is not a Secrets Manager or SSM parameter ARN/);
    });

    it("lists exactly the referenced secrets, once each, and decrypt only with a customer key", () => {
        const policy = executionRolePolicy({
            repositoryArn: REPO,
            logGroupArn: LOGS,
            secretValueFroms: [SECRET, `${SECRET}:username::`, PARAM],
            kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555",
        });
        assert.deepEqual(policy.Statement, [
            { Sid: "EcrAuth", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
            { Sid: "EcrPull", Effect: "Allow", Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource: REPO },
            { Sid: "Logs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${LOGS}:*` },
            { Sid: "Secrets", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: [SECRET] },
            { Sid: "Parameters", Effect: "Allow", Action: "ssm:GetParameters", Resource: [PARAM] },
            { Sid: "DecryptSecrets", Effect: "Allow", Action: "kms:Decrypt", Resource: "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555" },
        ]);
    });

    it("has no secret statement, and no wildcard, without secrets", () => {
        const policy = executionRolePolicy({ logGroupArn: LOGS, secretValueFroms: [], kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/x" });
        assert.deepEqual(policy.Statement.map(s => s.Sid), ["Logs"]);
    });
});

import { secretsSecretCustomerManagedKms as policy } from "../../../policy/secrets/secrets-secret-customer-managed-kms";
import { assertViolations, evaluate, resourceOf, SECRET } from "../baselines/ecs";

const NAME = "secrets-secret-customer-managed-kms";

describe(NAME, () => {
    it("GIVEN a customer-managed key (baseline) or alias THEN no violation", async () => {
        const result = await evaluate(policy, [resourceOf(SECRET, "db"), resourceOf(SECRET, "alias", { kmsKeyId: "alias/web-secrets" })]);
        assertViolations(result, NAME, "advisory", []);
    });

    it("GIVEN no key THEN reported", async () => {
        assertViolations(await evaluate(policy, [resourceOf(SECRET, "db", { kmsKeyId: undefined })]), NAME, "advisory", [
            'kmsKeyId is not set, so the secret is encrypted with the AWS-managed "aws/secretsmanager" key; set kmsKeyId to a customer-managed KMS key.',
        ]);
    });

    it("GIVEN the AWS-managed alias, by name or ARN THEN reported", async () => {
        const message = 'kmsKeyId names the AWS-managed "aws/secretsmanager" key; set it to a customer-managed KMS key.';
        const result = await evaluate(policy, [
            resourceOf(SECRET, "a", { kmsKeyId: "alias/aws/secretsmanager" }),
            resourceOf(SECRET, "b", { kmsKeyId: "arn:aws:kms:eu-west-1:123456789012:alias/aws/secretsmanager" }),
        ]);
        assertViolations(result, NAME, "advisory", [message, message]);
    });
});

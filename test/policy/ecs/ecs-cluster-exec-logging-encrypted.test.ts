import { ecsClusterExecLoggingEncrypted as policy } from "../../../policy/ecs/ecs-cluster-exec-logging-encrypted";
import { assertViolations, CLUSTER, evaluate, KMS_KEY_ARN, resourceOf } from "../baselines/ecs";

const NAME = "ecs-cluster-exec-logging-encrypted";
const exec = (executeCommandConfiguration: unknown) => resourceOf(CLUSTER, "web", { configuration: { executeCommandConfiguration } });

describe(NAME, () => {
    it("GIVEN no ECS Exec configuration (baseline) THEN no violation by default", async () => {
        assertViolations(await evaluate(policy, [resourceOf(CLUSTER, "web")]), NAME, "advisory", []);
    });

    it("GIVEN requireConfiguration THEN a cluster without it is reported", async () => {
        const result = await evaluate(policy, [resourceOf(CLUSTER, "web")], { [NAME]: { requireConfiguration: true } });
        assertViolations(result, NAME, "advisory", [
            "configuration.executeCommandConfiguration is not set; set it with a kmsKeyId and logging to an encrypted CloudWatch log group or S3 bucket so ECS Exec sessions are recorded.",
        ]);
    });

    it("GIVEN OVERRIDE logging to encrypted CloudWatch with a KMS key, or DEFAULT with a key THEN no violation", async () => {
        const result = await evaluate(policy, [
            exec({ kmsKeyId: KMS_KEY_ARN, logging: "OVERRIDE", logConfiguration: { cloudWatchLogGroupName: "/ecs/exec", cloudWatchEncryptionEnabled: true } }),
            exec({ kmsKeyId: KMS_KEY_ARN, logging: "DEFAULT" }),
        ]);
        assertViolations(result, NAME, "advisory", []);
    });

    it("GIVEN logging NONE without a key THEN both are reported", async () => {
        assertViolations(await evaluate(policy, [exec({ logging: "NONE" })]), NAME, "advisory", [
            'executeCommandConfiguration.logging is "NONE", so ECS Exec sessions are not recorded; set it to "DEFAULT" or "OVERRIDE".',
            "executeCommandConfiguration.kmsKeyId is not set; set it to a customer-managed KMS key so ECS Exec session data is encrypted with it.",
        ]);
    });

    it("GIVEN OVERRIDE without destination, or with unencrypted destinations THEN reported", async () => {
        assertViolations(await evaluate(policy, [exec({ kmsKeyId: KMS_KEY_ARN, logging: "OVERRIDE" })]), NAME, "advisory", [
            'executeCommandConfiguration.logging is "OVERRIDE" but logConfiguration names no destination; set logConfiguration.cloudWatchLogGroupName or s3BucketName.',
        ]);
        const unencrypted = exec({ kmsKeyId: KMS_KEY_ARN, logging: "OVERRIDE", logConfiguration: { cloudWatchLogGroupName: "/ecs/exec", s3BucketName: "exec-logs" } });
        assertViolations(await evaluate(policy, [unencrypted]), NAME, "advisory", [
            "ECS Exec logs go to CloudWatch without encryption; set logConfiguration.cloudWatchEncryptionEnabled to true.",
            "ECS Exec logs go to S3 without encryption; set logConfiguration.s3BucketEncryptionEnabled to true.",
        ]);
    });
});

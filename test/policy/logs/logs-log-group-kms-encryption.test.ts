import { logsLogGroupKmsEncryption as policy } from "../../../policy/logs/logs-log-group-kms-encryption";
import { assertViolations, evaluate, LOG_GROUP, resourceOf } from "../baselines/ecs";

const NAME = "logs-log-group-kms-encryption";

describe(NAME, () => {
    it("GIVEN a KMS key (baseline) THEN no violation", async () => {
        assertViolations(await evaluate(policy, [resourceOf(LOG_GROUP, "web")]), NAME, "advisory", []);
    });

    for (const [label, kmsKeyId] of [["missing", undefined], ["empty", ""]] as const) {
        it(`GIVEN kmsKeyId ${label} THEN an advisory violation`, async () => {
            assertViolations(await evaluate(policy, [resourceOf(LOG_GROUP, "web", { kmsKeyId })]), NAME, "advisory", [
                "kmsKeyId is not set, so the logs are encrypted with a key CloudWatch owns; set kmsKeyId to a customer-managed KMS key ARN.",
            ]);
        });
    }
});

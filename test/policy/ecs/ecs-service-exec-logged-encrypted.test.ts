import { ecsServiceExecLoggedEncrypted as policy } from "../../../policy/ecs/ecs-service-exec-logged-encrypted";
import { ACCOUNT, assertViolations, CLUSTER, ecsStack, evaluate, KMS_KEY_ARN, REGION, resourceOf, SERVICE, withResource } from "../baselines/ecs";

const NAME = "ecs-service-exec-logged-encrypted";
const CLUSTER_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/web`;
const PREFIX = 'Service "web" turns on ECS Exec, but its cluster "web" does not record it safely: ';
const execOn = (overrides: Record<string, unknown> = {}) => resourceOf(SERVICE, "web", { enableExecuteCommand: true, cluster: CLUSTER_ARN, ...overrides });
const cluster = (configuration?: unknown) => resourceOf(CLUSTER, "web", { configuration }, { arn: CLUSTER_ARN });
const safe = {
    executeCommandConfiguration: {
        kmsKeyId: KMS_KEY_ARN,
        logging: "OVERRIDE",
        logConfiguration: { cloudWatchLogGroupName: "/ecs/exec", cloudWatchEncryptionEnabled: true },
    },
};

describe(NAME, () => {
    it("GIVEN the baseline stack (exec off) THEN no violation", async () => {
        assertViolations(await evaluate(policy, ecsStack()), NAME, "advisory", []);
    });

    it("GIVEN exec on in a cluster that logs and encrypts sessions THEN no violation", async () => {
        assertViolations(await evaluate(policy, withResource(ecsStack(), cluster(safe), execOn())), NAME, "advisory", []);
    });

    it("GIVEN exec on in a cluster without exec configuration (which the cluster rule alone accepts) THEN reported", async () => {
        assertViolations(await evaluate(policy, withResource(ecsStack(), cluster(undefined), execOn())), NAME, "advisory", [
            `${PREFIX}configuration.executeCommandConfiguration is not set; set it with a kmsKeyId and logging to an encrypted CloudWatch log group or S3 bucket.`,
        ]);
    });

    it("GIVEN exec on (as the string \"true\") in a cluster found by name, logging NONE and no key THEN each problem reported", async () => {
        const weak = cluster({ executeCommandConfiguration: { logging: "NONE" } });
        const result = await evaluate(policy, withResource(ecsStack(), weak, execOn({ enableExecuteCommand: "true", cluster: "web" })), { [NAME]: "mandatory" });
        assertViolations(result, NAME, "mandatory", [
            `${PREFIX}executeCommandConfiguration.logging is "NONE", so ECS Exec sessions are not recorded; set it to "DEFAULT" or "OVERRIDE".`,
            `${PREFIX}executeCommandConfiguration.kmsKeyId is not set; set it to a customer-managed KMS key so ECS Exec session data is encrypted with it.`,
        ]);
    });

    it("GIVEN exec on in a cluster outside the stack THEN reported unless trusted", async () => {
        const external = "arn:aws:ecs:eu-west-1:123456789012:cluster/shared";
        const resources = withResource(ecsStack(), execOn({ cluster: external }));
        assertViolations(await evaluate(policy, resources), NAME, "advisory", [
            `Service "web" turns on ECS Exec in cluster "${external}", which is not in this stack, so its exec logging cannot be checked; set enableExecuteCommand to false, or list the cluster in this policy's trustedClusters once it logs and encrypts exec sessions.`,
        ]);
        assertViolations(await evaluate(policy, resources, { [NAME]: { trustedClusters: [external] } }), NAME, "advisory", []);
    });
});

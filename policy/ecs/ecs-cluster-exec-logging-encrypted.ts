import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { execConfigurationOf, execConfigurationProblems } from "../lib/ecsExec";
import { ECS_CLUSTER } from "../lib/types";

interface Config {
    requireConfiguration: boolean;
}

/**
 * Catalog #13 — Checkov CKV_AWS_223 (ECS Exec logged), CKV_AWS_224 (logged and encrypted with a KMS key).
 * When a cluster configures ECS Exec (`configuration.executeCommandConfiguration`), sessions are logged
 * (`logging` not "NONE"; "OVERRIDE" names a CloudWatch log group or S3 bucket with encryption on) and the
 * session data channel is encrypted with a customer-managed key (`kmsKeyId`). A cluster without the block
 * uses the DEFAULT logging (the task's awslogs configuration) and passes unless `requireConfiguration`;
 * `ecs-service-exec-logged-encrypted` holds clusters whose services actually turn ECS Exec on to the full rule.
 */
export const ecsClusterExecLoggingEncrypted: ResourceValidationPolicy = {
    name: "ecs-cluster-exec-logging-encrypted",
    description: "ECS Exec sessions must be logged and encrypted with a KMS key.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            requireConfiguration: {
                type: "boolean",
                default: false,
                description: "Also report clusters that do not configure executeCommandConfiguration at all.",
            },
        },
    },
    validateResource: validateTypes(ECS_CLUSTER, (props, args, report) => {
        const exec = execConfigurationOf(props);
        if (!exec) {
            if (args.getConfig<Config>().requireConfiguration === true) {
                report(
                    "configuration.executeCommandConfiguration is not set; set it with a kmsKeyId and logging to an encrypted " +
                        "CloudWatch log group or S3 bucket so ECS Exec sessions are recorded.",
                );
            }
            return;
        }
        execConfigurationProblems(exec).forEach(problem => report(problem));
    }),
};

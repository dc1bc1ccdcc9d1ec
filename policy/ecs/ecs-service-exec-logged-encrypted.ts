import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asStringList } from "../lib/coerce";
import { execConfigurationOf, execConfigurationProblems } from "../lib/ecsExec";
import { resourcesOfType } from "../lib/ecsStack";
import { ECS_CLUSTER, ECS_SERVICE } from "../lib/types";

interface Config {
    trustedClusters: string[];
}

/** The cluster a service names in `cluster`: by ARN, id or name. */
function findCluster(resources: readonly PolicyResource[], reference: unknown): PolicyResource | undefined {
    if (typeof reference !== "string" || reference === "") {
        return undefined;
    }
    return resourcesOfType(resources, ECS_CLUSTER).find(c => reference === c.props.arn || reference === c.props.id || reference === c.props.name);
}

/**
 * Checkov CKV_AWS_223/224 judge the cluster alone, and pass a cluster without exec configuration. The risk
 * is a service that turns ECS Exec on (`enableExecuteCommand: true`): anyone allowed `ecs:ExecuteCommand`
 * then gets a shell in production tasks, so its cluster must record and encrypt those sessions — an
 * `executeCommandConfiguration` with a `kmsKeyId`, logging not "NONE", and encrypted destinations when
 * "OVERRIDE". The cluster is found in the stack by ARN, id or name; a cluster outside the stack cannot be
 * checked and is reported unless listed in `trustedClusters`.
 */
export const ecsServiceExecLoggedEncrypted: StackValidationPolicy = {
    name: "ecs-service-exec-logged-encrypted",
    description: "Services with ECS Exec turned on must run in a cluster that logs and encrypts exec sessions.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: {
        properties: {
            trustedClusters: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Clusters outside the stack (ARN or name, as the service names them) whose exec configuration is known to be logged and encrypted.",
            },
        },
    },
    validateStack: (args, report) => {
        const trusted = asStringList(args.getConfig<Config>().trustedClusters);
        for (const service of resourcesOfType(args.resources, ECS_SERVICE)) {
            const on = service.props.enableExecuteCommand;
            if (on !== true && on !== "true") {
                continue;
            }
            const label = `Service "${service.name}" turns on ECS Exec`;
            const reference = service.props.cluster;
            const cluster = findCluster(args.resources, reference);
            if (!cluster) {
                if (typeof reference !== "string" || !trusted.includes(reference)) {
                    report(
                        `${label} in cluster ${JSON.stringify(reference ?? "default")}, which is not in this stack, so its exec logging cannot be checked; ` +
                            `set enableExecuteCommand to false, or list the cluster in this policy's trustedClusters once it logs and encrypts exec sessions.`,
                        service.urn,
                    );
                }
                continue;
            }
            const exec = execConfigurationOf(cluster.props);
            const problems = exec
                ? execConfigurationProblems(exec)
                : ["configuration.executeCommandConfiguration is not set; set it with a kmsKeyId and logging to an encrypted CloudWatch log group or S3 bucket."];
            for (const problem of problems) {
                report(`${label}, but its cluster "${cluster.name}" does not record it safely: ${problem}`, service.urn);
            }
        }
    },
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { isRecord } from "../lib/coerce";
import { ECS_SERVICE, ECS_TASK_SET } from "../lib/types";

/**
 * Catalog #10 — Security Hub ECS.2 / ECS.16, Checkov CKV_AWS_333. Tasks of services and task sets get no
 * public IP: they sit in private subnets and reach the internet through NAT or VPC endpoints. Advisory by
 * default because a dev stack without NAT needs public IPs to pull images; mandatory in production.
 */
export const ecsServiceNoPublicIp: ResourceValidationPolicy = {
    name: "ecs-service-no-public-ip",
    description: "ECS services and task sets must not assign public IP addresses to tasks.",
    enforcementLevel: "advisory",
    severity: "high",
    validateResource: validateTypes([...ECS_SERVICE, ...ECS_TASK_SET], (props, _args, report) => {
        const network = props.networkConfiguration;
        if (isRecord(network) && network.assignPublicIp === true) {
            report(
                "networkConfiguration.assignPublicIp is true, so every task gets a public IP address; set it to false, " +
                    "run tasks in private subnets and reach the internet through a NAT gateway or VPC endpoints.",
            );
        }
    }),
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { EVENT_TARGET, SCHEDULE } from "../lib/types";
import { assignsPublicIp, scheduledEcsTarget } from "./scheduledTasks";

/**
 * Catalog #10 for scheduled tasks — Security Hub ECS.2 / ECS.16, Checkov CKV_AWS_333 check services and task
 * sets, not the tasks a schedule starts. An EventBridge Scheduler schedule (`target.ecsParameters`) or an
 * EventBridge rule target (`ecsTarget`) that runs an ECS task — also through Scheduler's universal
 * `aws-sdk:ecs:runTask` target, whose RunTask request sits in `target.input` — must not give it a public IP
 * (`networkConfiguration.assignPublicIp` true, or "ENABLED" in any case as the APIs spell it). Advisory by
 * default, like `ecs-service-no-public-ip`: a dev stack without NAT needs public IPs to pull images;
 * mandatory in production.
 */
export const schedulerTaskNoPublicIp: ResourceValidationPolicy = {
    name: "scheduler-task-no-public-ip",
    description: "Scheduled ECS tasks must not be given public IP addresses.",
    enforcementLevel: "advisory",
    severity: "high",
    validateResource: validateTypes([...SCHEDULE, ...EVENT_TARGET], (props, args, report) => {
        const target = scheduledEcsTarget(args.type, args.name, props);
        const publicIp = target?.publicIp();
        if (target && publicIp && assignsPublicIp(publicIp.value)) {
            report(
                `${publicIp.field} is ${JSON.stringify(publicIp.value)}, so every task the ${target.label} starts gets a public IP address; ` +
                    "set it to false, run the task in private subnets and reach the internet through a NAT gateway or VPC endpoints.",
            );
        }
    }),
};

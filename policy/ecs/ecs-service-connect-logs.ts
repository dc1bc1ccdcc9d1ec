import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { isNonEmptyString, isRecord } from "../lib/coerce";
import { ECS_SERVICE } from "../lib/types";
import { enabledServiceConnect } from "./serviceConnect";

/**
 * Catalog #2 (every container logs) — Security Hub ECS.9, cdk-nag AwsSolutions-ECS7 — for the container ECS
 * adds to a task when Service Connect is on: its proxy is not in the task definition, so
 * `ecs-task-definition-containers-log` cannot see it, and it logs only where
 * `serviceConnectConfiguration.logConfiguration.logDriver` says (Amazon ECS Developer Guide, "Service
 * Connect configuration": "logConfiguration … for the Service Connect proxy"). Without it, connection
 * errors and retries between services leave no trace. Advisory by default; mandatory in prod.
 */
export const ecsServiceConnectLogs: ResourceValidationPolicy = {
    name: "ecs-service-connect-logs",
    description: "Services with Service Connect must send the Service Connect proxy's logs to a log driver.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateTypes(ECS_SERVICE, (props, _args, report) => {
        const config = enabledServiceConnect(props);
        if (config && !(isRecord(config.logConfiguration) && isNonEmptyString(config.logConfiguration.logDriver))) {
            report(
                "serviceConnectConfiguration has no logConfiguration with a logDriver, so the Service Connect proxy's logs are lost; " +
                    'set logConfiguration to { logDriver: "awslogs", options: { "awslogs-group": …, "awslogs-region": …, "awslogs-stream-prefix": … } }.',
            );
        }
    }),
};

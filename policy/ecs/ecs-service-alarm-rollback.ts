import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { asArray, isNonEmptyString, isRecord } from "../lib/coerce";
import { isUnknownSentinel } from "../lib/goDecode";
import { ECS_SERVICE } from "../lib/types";
import { peek, UNKNOWN } from "../lib/unknowns";

interface Config {
    requireForAllServices: boolean;
}

/** Deployment alarms apply to the ECS deployment controller only, as the circuit breaker does. */
const usesEcsController = (props: Record<string, any>): boolean =>
    !isRecord(props.deploymentController) ||
    props.deploymentController.type === undefined ||
    props.deploymentController.type === null ||
    props.deploymentController.type === "ECS";

const FIX = "set alarms: { alarmNames: [<5xx, latency and unhealthy-host alarms>], enable: true, rollback: true }";

/**
 * Deployment safety (not covered by the catalog's tools): the circuit breaker
 * (`ecs-service-deployment-circuit-breaker`) stops a deployment whose tasks never get healthy, but not one
 * whose tasks are healthy and serve errors or answer slowly. ECS watches the CloudWatch alarms a service
 * names in `alarms` during a deployment and, with `rollback`, returns to the last completed deployment when
 * one goes into ALARM (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html).
 * So services behind a load balancer (every service with `requireForAllServices`) name at least one alarm
 * with `enable` and `rollback` true. Alarm names not known yet (alarms still to be created) count as names.
 * Services using the CODE_DEPLOY or EXTERNAL controller are skipped, as by the circuit breaker's policy.
 */
export const ecsServiceAlarmRollback: ResourceValidationPolicy = {
    name: "ecs-service-alarm-rollback",
    description: "ECS services must roll a deployment back when one of their CloudWatch alarms goes into ALARM.",
    enforcementLevel: "advisory",
    severity: "high",
    configSchema: {
        properties: {
            requireForAllServices: {
                type: "boolean",
                default: false,
                description: "Check every service, not only those behind a load balancer (whose 5xx, latency and unhealthy-host alarms are the rollback's signal).",
            },
        },
    },
    validateResource: validateTypes(ECS_SERVICE, (props, args, report) => {
        if (!usesEcsController(props)) {
            return;
        }
        const { requireForAllServices } = args.getConfig<Config>();
        if (requireForAllServices !== true && asArray(props.loadBalancers).length === 0) {
            return;
        }
        const raw = peek(props, "alarms");
        if (raw === UNKNOWN) {
            void props.alarms; // the engine's UnknownValueError: "can't run during preview", nothing guessed
            return;
        }
        if (!isRecord(raw)) {
            report(`alarms is not set, so a deployment that serves errors or answers slowly is not rolled back; ${FIX}.`);
            return;
        }
        const alarms = props.alarms as Record<string, any>;
        const names = peek(alarms, "alarmNames");
        if (names === UNKNOWN) {
            void alarms.alarmNames;
        } else if (!asArray(names).some(n => isUnknownSentinel(n) || isNonEmptyString(n))) {
            report(`alarms.alarmNames names no alarm, so ECS has nothing to watch during a deployment; ${FIX}.`);
        }
        if (alarms.enable !== true) {
            report("alarms.enable is not true, so ECS ignores the alarms during a deployment; set it to true.");
        }
        if (alarms.rollback !== true) {
            report("alarms.rollback is not true, so an alarm stops a deployment without returning to the last working task definition; set it to true.");
        }
    }),
};

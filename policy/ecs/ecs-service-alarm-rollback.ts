import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { asArray, isNonEmptyString, isRecord } from "../lib/coerce";
import { controllerType, usesExternalController } from "../lib/ecsDeployment";
import { isUnknownSentinel } from "../lib/goDecode";
import { ECS_SERVICE } from "../lib/types";
import { peek, UNKNOWN, UnknownDeferral } from "../lib/unknowns";

interface Config {
    requireForAllServices: boolean;
    acceptExternalControllers: boolean;
}

const FIX = "set alarms: { alarmNames: [<5xx, latency and unhealthy-host alarms>], enable: true, rollback: true }";

/**
 * Deployment safety (not covered by the catalog's tools): the circuit breaker
 * (`ecs-service-deployment-circuit-breaker`) stops a deployment whose tasks never get healthy, but not one
 * whose tasks are healthy and serve errors or answer slowly. ECS watches the CloudWatch alarms a service
 * names in `alarms` during a deployment and, with `rollback`, returns to the last completed deployment when
 * one goes into ALARM (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html).
 * That holds for every strategy of the ECS controller, ROLLING as much as BLUE_GREEN, LINEAR and CANARY
 * ("Both methods only support rolling update deployment and blue/green deployment types",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-failure-detection.html), so services
 * behind a load balancer (every service with `requireForAllServices`) name at least one alarm with `enable`
 * and `rollback` exactly true, whatever their strategy, even one spelled in a way ECS refuses. A rolling
 * service needs the circuit breaker as well: `ecs-service-deployment-circuit-breaker` holds that half.
 *
 * Alarm names not known yet (alarms still to be created) count as names; `enable` and `rollback` are judged
 * even while the name list itself is unknown, and only then does the engine note it could not finish.
 *
 * CODE_DEPLOY and EXTERNAL controllers cannot use ECS's deployment alarms ("You can only use the
 * DeploymentAlarms method to detect failures when the DeploymentController is set to ECS", API reference
 * `DeploymentAlarms`; ECS refuses a service of those controllers that sets them, aws/aws-cdk#26317): such a
 * service gets no alarm rollback from ECS and is reported, unless `acceptExternalControllers` says its
 * rollback is configured where it deploys (a CodeDeploy deployment group's alarm configuration).
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
            acceptExternalControllers: {
                type: "boolean",
                default: false,
                description: "Accept services on the CODE_DEPLOY or EXTERNAL controller, whose rollback is configured outside ECS (e.g. a CodeDeploy deployment group's alarms).",
            },
        },
    },
    validateResource: validateTypes(ECS_SERVICE, (props, args, report) => {
        const { requireForAllServices, acceptExternalControllers } = args.getConfig<Config>();
        if (requireForAllServices !== true && asArray(props.loadBalancers).length === 0) {
            return;
        }
        if (usesExternalController(props)) {
            const type = String(controllerType(props));
            const alarms = peek(props, "alarms");
            if (isRecord(alarms) && (alarms as Record<string, any>).enable === true) {
                report(`alarms is enabled on a service whose deploymentController.type is "${type}", which ECS refuses (deployment alarms need the ECS controller); remove alarms, or use the ECS controller.`);
            }
            if (acceptExternalControllers !== true) {
                report(
                    `deploymentController.type is "${type}", so ECS watches no deployment alarm and nothing rolls a deployment that serves errors back; ` +
                        `use the ECS controller (strategy BLUE_GREEN, CANARY or LINEAR for a traffic shift) with ${FIX.slice("set ".length)}, ` +
                        `or set this policy's acceptExternalControllers once the ${type === "CODE_DEPLOY" ? "CodeDeploy deployment group" : "external deployer"} rolls back on alarms.`,
                );
            }
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
        const deferral = new UnknownDeferral();
        const names = peek(alarms, "alarmNames");
        if (names === UNKNOWN) {
            deferral.run(() => alarms.alarmNames);
        } else if (!asArray(names).some(n => isUnknownSentinel(n) || isNonEmptyString(n))) {
            report(`alarms.alarmNames names no alarm, so ECS has nothing to watch during a deployment; ${FIX}.`);
        }
        if (deferral.run(() => alarms.enable) !== true && peek(alarms, "enable") !== UNKNOWN) {
            report("alarms.enable is not true, so ECS ignores the alarms during a deployment; set it to true.");
        }
        if (deferral.run(() => alarms.rollback) !== true && peek(alarms, "rollback") !== UNKNOWN) {
            report("alarms.rollback is not true, so an alarm stops a deployment without returning to the last working task definition; set it to true.");
        }
        deferral.rethrow();
    }),
};

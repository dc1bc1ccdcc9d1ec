import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asStringList, isNonEmptyString, isRecord } from "../lib/coerce";
import { relaxesCircuitBreaker, rollbackAlarmNames, usesExternalController } from "../lib/ecsDeployment";
import { resourcesOfType } from "../lib/ecsStack";
import { CLOUDWATCH_ALARM, ECS_SERVICE } from "../lib/types";
import { peek, UnknownDeferral } from "../lib/unknowns";

interface Config {
    trustedAlarmNames: string[];
}

/** Pulumi's auto-name of a resource without an explicit name: its logical name, "-" and 7 hex digits. */
const AUTONAME_SUFFIX = /^-[0-9a-f]{7}$/;

/** True when `alarmName` is the name of `alarm`: its `name` (MetricAlarm) or `alarmName` (CompositeAlarm), or, when neither is set, Pulumi's auto-name of it. */
function names(alarm: PolicyResource, alarmName: string): boolean {
    const given = [peek(alarm.props, "name"), peek(alarm.props, "alarmName")].filter(isNonEmptyString);
    if (given.length > 0) {
        return given.includes(alarmName);
    }
    return alarmName.startsWith(alarm.name) && AUTONAME_SUFFIX.test(alarmName.slice(alarm.name.length));
}

/**
 * Deployment safety, the stack half of `ecs-service-deployment-circuit-breaker`: that policy accepts a
 * BLUE_GREEN, CANARY or LINEAR service without the circuit breaker when it rolls back on its CloudWatch
 * alarms (`alarms: { alarmNames, enable: true, rollback: true }`). ECS watches alarms by name
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html), so a name no
 * alarm has watches nothing, and the service would deploy with neither failure detector. Such a service
 * passes only when at least one of its alarm names is the name of a `aws:cloudwatch/metricAlarm:MetricAlarm`
 * (`name`) or `aws:cloudwatch/compositeAlarm:CompositeAlarm` (`alarmName`) of the stack (an alarm without an
 * explicit name has Pulumi's auto-name, its logical name plus "-" and 7 hex digits), or is listed in
 * `trustedAlarmNames` (alarms managed elsewhere). A name not known yet during preview counts, as the pack
 * treats unknowns elsewhere; services with a complete breaker, or on the CODE_DEPLOY or EXTERNAL
 * controller, are not this policy's concern.
 */
export const ecsServiceRollbackAlarmsExist: StackValidationPolicy = {
    name: "ecs-service-rollback-alarms-exist",
    description: "Blue/green, canary and linear services that roll back on alarms instead of the circuit breaker name alarms that exist.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            trustedAlarmNames: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Names of CloudWatch alarms outside the stack that a service may roll back on in place of the circuit breaker.",
            },
        },
    },
    validateStack: (args, report) => {
        const trusted = asStringList(args.getConfig<Config>().trustedAlarmNames);
        const alarms = resourcesOfType(args.resources, CLOUDWATCH_ALARM);
        const deferral = new UnknownDeferral();
        for (const service of resourcesOfType(args.resources, ECS_SERVICE)) {
            deferral.run(() => {
                const breaker: unknown = service.props.deploymentCircuitBreaker;
                if (usesExternalController(service.props) || (isRecord(breaker) && breaker.enable === true && breaker.rollback === true) || !relaxesCircuitBreaker(service.props)) {
                    return;
                }
                const given = rollbackAlarmNames(service.props);
                if (given === undefined || given.pending || given.known.some(n => trusted.includes(n) || alarms.some(a => names(a, n)))) {
                    return;
                }
                report(
                    `Service "${service.name}" rolls back on alarms ${given.known.map(n => JSON.stringify(n)).join(", ")} instead of the deployment circuit breaker, but none of them is an alarm in this stack, ` +
                        `so a failing deployment would be detected by nothing; name the stack's aws.cloudwatch.MetricAlarm or CompositeAlarm in alarms.alarmNames, ` +
                        `list alarms managed elsewhere in this policy's trustedAlarmNames, or set deploymentCircuitBreaker: { enable: true, rollback: true }.`,
                    service.urn,
                );
            });
        }
        deferral.rethrow();
    },
};

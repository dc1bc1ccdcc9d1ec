import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asStringList, isNonEmptyString, isRecord } from "../lib/coerce";
import { relaxesCircuitBreaker, rollbackAlarmNames, usesExternalController } from "../lib/ecsDeployment";
import { resourcesOfType } from "../lib/ecsStack";
import { CLOUDWATCH_ALARM, ECS_SERVICE } from "../lib/types";
import { isUnknownSentinel } from "../lib/goDecode";
import { peek, UNKNOWN, UnknownDeferral } from "../lib/unknowns";

interface Config {
    trustedAlarmNames: string[];
    requireForAllServices: boolean;
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
 *
 * With `requireForAllServices` (on in `config/prod.json`), every service that rolls back on alarms, on
 * any strategy and with or without the breaker, has each of its alarm names judged: a name that is no
 * alarm of the stack and not in `trustedAlarmNames` is reported (a misspelt name makes ECS watch nothing
 * under it, and `ecs-service-alarm-rollback` counts it as a rollback alarm all the same). While a name or
 * an alarm's own name is not known yet, nothing is guessed.
 */
export const ecsServiceRollbackAlarmsExist: StackValidationPolicy = {
    name: "ecs-service-rollback-alarms-exist",
    description: "Services that roll back on alarms name alarms that exist: blue/green, canary and linear ones without the circuit breaker always, every name of every service with requireForAllServices.",
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
            requireForAllServices: {
                type: "boolean",
                default: false,
                description: "Judge every alarm name of every service that rolls back on alarms, not only services excused from the circuit breaker.",
            },
        },
    },
    validateStack: (args, report) => {
        const config = args.getConfig<Config>();
        const trusted = asStringList(config.trustedAlarmNames);
        const alarms = resourcesOfType(args.resources, CLOUDWATCH_ALARM);
        // an alarm whose own name is not known yet may be any name: no name is called missing then
        const alarmNamesKnown = !alarms.some(a => [peek(a.props, "name"), peek(a.props, "alarmName")].includes(UNKNOWN));
        const exists = (n: string) => trusted.includes(n) || alarms.some(a => names(a, n));
        const deferral = new UnknownDeferral();
        for (const service of resourcesOfType(args.resources, ECS_SERVICE)) {
            deferral.run(() => {
                if (usesExternalController(service.props)) {
                    return;
                }
                const breaker: unknown = service.props.deploymentCircuitBreaker;
                const excused = !(isRecord(breaker) && breaker.enable === true && breaker.rollback === true) && relaxesCircuitBreaker(service.props);
                if (!excused && config.requireForAllServices !== true) {
                    return;
                }
                const given = rollbackAlarmNames(service.props);
                if (given === undefined) {
                    return;
                }
                const known = given.known.filter(n => !isUnknownSentinel(n));
                if (excused && !given.pending && !known.some(exists)) {
                    reportNoneExist(service, known);
                    return;
                }
                const missing = known.filter(n => !exists(n));
                if (config.requireForAllServices === true && alarmNamesKnown && missing.length > 0) {
                    report(
                        `Service "${service.name}" rolls back on ${missing.length === 1 ? "alarm" : "alarms"} ${missing.map(n => JSON.stringify(n)).join(", ")}, ` +
                            `which no alarm in this stack is named, so ECS watches nothing under ${missing.length === 1 ? "that name" : "those names"} during a deployment; ` +
                            `name the stack's aws.cloudwatch.MetricAlarm or CompositeAlarm in alarms.alarmNames, or list alarms managed elsewhere in this policy's trustedAlarmNames.`,
                        service.urn,
                    );
                }
            });
        }
        deferral.rethrow();

        function reportNoneExist(service: PolicyResource, known: string[]): void {
            report(
                `Service "${service.name}" rolls back on alarms ${known.map(n => JSON.stringify(n)).join(", ")} instead of the deployment circuit breaker, but none of them is an alarm in this stack, ` +
                    `so a failing deployment would be detected by nothing; name the stack's aws.cloudwatch.MetricAlarm or CompositeAlarm in alarms.alarmNames, ` +
                    `list alarms managed elsewhere in this policy's trustedAlarmNames, or set deploymentCircuitBreaker: { enable: true, rollback: true }.`,
                service.urn,
            );
        }
    },
};

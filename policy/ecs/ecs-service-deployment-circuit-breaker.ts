import { ResourceValidationPolicy, UnknownValueError } from "@pulumi/policy";
import { remediateTypes, validateTypes } from "../lib/applies";
import { copyProps, isRecord } from "../lib/coerce";
import { deploymentStrategy, relaxesCircuitBreaker, usesExternalController } from "../lib/ecsDeployment";
import { ECS_SERVICE } from "../lib/types";

const breakerComplete = (breaker: unknown): boolean => isRecord(breaker) && breaker.enable === true && breaker.rollback === true;

/** True when a BLUE_GREEN, LINEAR or CANARY service rolls back on its alarms (so the breaker is optional). */
const shiftsWithAlarmRollback = relaxesCircuitBreaker;

/**
 * Deployment safety (not covered by the catalog's tools): services deployed by ECS's own controller have
 * `deploymentCircuitBreaker: { enable: true, rollback: true }`, so a deployment whose tasks cannot become
 * healthy stops and returns to the last working task definition instead of retrying forever.
 *
 * The breaker and CloudWatch alarms are ECS's two failure detectors, and both work for rolling and blue/green
 * deployments ("Both methods only support rolling update deployment and blue/green deployment types",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-failure-detection.html). A service
 * whose strategy is exactly BLUE_GREEN, LINEAR or CANARY (ECS's traffic-shifting family) and that rolls back
 * on its alarms (`alarms` naming an alarm, `enable` and `rollback` true) is accepted without the breaker:
 * the new revision takes production traffic only after it is healthy, and an alarm returns traffic to the
 * old one. Those alarms must exist: a resource policy cannot see the rest of the stack, so the stack policy
 * `ecs-service-rollback-alarms-exist` reports a service relaxed here whose alarm names name no alarm in the
 * stack (nor one trusted by name). A rolling service needs the breaker whatever its alarms, and so does a strategy ECS would refuse
 * ("blue_green"): nothing is relaxed for a spelling. Services on the CODE_DEPLOY or EXTERNAL controller are
 * skipped (the breaker is ECS-controller only, API reference `DeploymentCircuitBreaker`;
 * `ecs-service-alarm-rollback` reports them). Remediation enables both settings.
 */
export const ecsServiceDeploymentCircuitBreaker: ResourceValidationPolicy = {
    name: "ecs-service-deployment-circuit-breaker",
    description: "ECS services must enable the deployment circuit breaker with rollback.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(ECS_SERVICE, (props, _args, report) => {
        if (usesExternalController(props)) {
            return;
        }
        const breaker = props.deploymentCircuitBreaker;
        if (breakerComplete(breaker) || shiftsWithAlarmRollback(props)) {
            return;
        }
        const strategy = deploymentStrategy(props);
        const or =
            strategy !== undefined && strategy !== "ROLLING"
                ? `, or roll the ${strategy} deployment back on alarms (alarms: { alarmNames: [...], enable: true, rollback: true })`
                : "";
        if (!isRecord(breaker)) {
            report(`deploymentCircuitBreaker is not set; set deploymentCircuitBreaker: { enable: true, rollback: true } so a failed deployment stops and rolls back${or}.`);
            return;
        }
        if (breaker.enable !== true) {
            report(`deploymentCircuitBreaker.enable is not true; set it to true so a deployment whose tasks keep failing is stopped${or}.`);
        }
        if (breaker.rollback !== true) {
            report(`deploymentCircuitBreaker.rollback is not true; set it to true so a failed deployment returns to the last working task definition${or}.`);
        }
    }),
    remediateResource: remediateTypes(ECS_SERVICE, props => {
        if (usesExternalController(props) || breakerComplete(props.deploymentCircuitBreaker)) {
            return undefined;
        }
        try {
            if (shiftsWithAlarmRollback(props)) {
                return undefined;
            }
        } catch (e) {
            // Alarms not known yet: the breaker works for every strategy, so enabling it is safe either way.
            if (!(e instanceof UnknownValueError)) {
                throw e;
            }
        }
        return { ...copyProps(props), deploymentCircuitBreaker: { enable: true, rollback: true } };
    }),
};

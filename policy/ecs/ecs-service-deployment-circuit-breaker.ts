import { ResourceValidationPolicy } from "@pulumi/policy";
import { remediateTypes, validateTypes } from "../lib/applies";
import { copyProps, isRecord } from "../lib/coerce";
import { ECS_SERVICE } from "../lib/types";

/** The circuit breaker applies to the rolling-update (ECS) deployment controller only. */
const usesEcsController = (props: Record<string, any>): boolean =>
    !isRecord(props.deploymentController) ||
    props.deploymentController.type === undefined ||
    props.deploymentController.type === null ||
    props.deploymentController.type === "ECS";

/**
 * Deployment safety (not covered by the catalog's tools): services deployed by ECS rolling updates have
 * `deploymentCircuitBreaker: { enable: true, rollback: true }`, so a deployment whose tasks cannot become
 * healthy stops and returns to the last working task definition instead of retrying forever. Services using
 * the CODE_DEPLOY or EXTERNAL controller are skipped. Remediation enables both settings.
 */
export const ecsServiceDeploymentCircuitBreaker: ResourceValidationPolicy = {
    name: "ecs-service-deployment-circuit-breaker",
    description: "ECS services must enable the deployment circuit breaker with rollback.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(ECS_SERVICE, (props, _args, report) => {
        if (!usesEcsController(props)) {
            return;
        }
        const breaker = props.deploymentCircuitBreaker;
        if (!isRecord(breaker)) {
            report("deploymentCircuitBreaker is not set; set deploymentCircuitBreaker: { enable: true, rollback: true } so a failed deployment stops and rolls back.");
            return;
        }
        if (breaker.enable !== true) {
            report("deploymentCircuitBreaker.enable is not true; set it to true so a deployment whose tasks keep failing is stopped.");
        }
        if (breaker.rollback !== true) {
            report("deploymentCircuitBreaker.rollback is not true; set it to true so a failed deployment returns to the last working task definition.");
        }
    }),
    remediateResource: remediateTypes(ECS_SERVICE, props => {
        const breaker = props.deploymentCircuitBreaker;
        if (!usesEcsController(props) || (isRecord(breaker) && breaker.enable === true && breaker.rollback === true)) {
            return undefined;
        }
        return { ...copyProps(props), deploymentCircuitBreaker: { enable: true, rollback: true } };
    }),
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { remediateTypes, validateTypes } from "../lib/applies";
import { LOAD_BALANCER } from "../lib/types";
import { copyProps } from "../lib/coerce";
import { isApplicationLoadBalancer } from "./props";

/**
 * Catalog #18 — Security Hub ELB.4, Checkov CKV_AWS_131, Trivy AVD-AWS-0052, cdk-nag. Medium/high.
 *
 * Application Load Balancers must drop headers with invalid names (an HTTP desync/smuggling vector).
 * Remediation sets `dropInvalidHeaderFields: true`, which no valid client notices.
 */
export const lbLoadBalancerDropInvalidHeaders: ResourceValidationPolicy = {
    name: "lb-load-balancer-drop-invalid-headers",
    description: "Application Load Balancers drop invalid HTTP header fields.",
    enforcementLevel: "mandatory",
    severity: "medium",
    validateResource: validateTypes(LOAD_BALANCER, (props, args, reportViolation) => {
        if (isApplicationLoadBalancer(props) && props.dropInvalidHeaderFields !== true) {
            reportViolation(
                `Load balancer "${args.name}" forwards headers with invalid names; set dropInvalidHeaderFields: true.`,
            );
        }
    }),
    remediateResource: remediateTypes(LOAD_BALANCER, props => {
        if (!isApplicationLoadBalancer(props) || props.dropInvalidHeaderFields === true) {
            return undefined;
        }
        return { ...copyProps(props), dropInvalidHeaderFields: true };
    }),
};

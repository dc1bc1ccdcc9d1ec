import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { LOAD_BALANCER } from "../lib/types";
import { isApplicationLoadBalancer } from "./props";

/**
 * Catalog #19 — Security Hub ELB.12, Checkov CKV_AWS_328. Medium.
 *
 * `desyncMitigationMode` "monitor" lets requests that may cause HTTP desync through; AWS's default
 * ("defensive", used when unset) and "strictest" are accepted.
 */
export const lbLoadBalancerDesyncMitigation: ResourceValidationPolicy = {
    name: "lb-load-balancer-desync-mitigation",
    description: 'Application Load Balancers mitigate HTTP desync ("defensive" or "strictest").',
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateTypes(LOAD_BALANCER, (props, args, reportViolation) => {
        if (!isApplicationLoadBalancer(props)) {
            return;
        }
        const mode = props.desyncMitigationMode;
        if (mode === undefined || mode === null) {
            return;
        }
        const normalised = typeof mode === "string" ? mode.trim().toLowerCase() : undefined;
        if (normalised !== "defensive" && normalised !== "strictest") {
            reportViolation(
                `Load balancer "${args.name}" sets desyncMitigationMode ${JSON.stringify(mode)}; set it to "defensive" or "strictest" (or leave it unset).`,
            );
        }
    }),
};

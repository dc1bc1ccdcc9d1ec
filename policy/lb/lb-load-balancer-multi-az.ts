import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { LOAD_BALANCER } from "../lib/types";

/**
 * Catalog #22 — Security Hub ELB.13. Medium.
 *
 * A load balancer lists at least two subnets (`subnets` or `subnetMappings`). Which availability zone
 * a subnet is in cannot be known offline, so two subnets stand for two zones; give one subnet per zone.
 * A subnet list that is not known yet (preview) cannot be judged and is reported as such by the engine.
 */
export const lbLoadBalancerMultiAz: ResourceValidationPolicy = {
    name: "lb-load-balancer-multi-az",
    description: "Load balancers span at least two availability zones.",
    enforcementLevel: "mandatory",
    severity: "medium",
    validateResource: validateTypes(LOAD_BALANCER, (props, args, reportViolation) => {
        const subnets = props.subnets;
        const count = Array.isArray(subnets) && subnets.length > 0
            ? subnets.length
            : Array.isArray(props.subnetMappings)
              ? props.subnetMappings.length
              : 0;
        if (count < 2) {
            reportViolation(
                `Load balancer "${args.name}" lists ${count} subnet${count === 1 ? "" : "s"}; give it subnets in at least two availability zones.`,
            );
        }
    }),
};

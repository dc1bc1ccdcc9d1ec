import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { LOAD_BALANCER } from "../lib/types";

/**
 * Catalog #21 — Security Hub ELB.6, Checkov CKV_AWS_150, cdk-nag, awsguard. Medium.
 *
 * Production load balancers carry deletion protection. Advisory by default: dev stacks are torn down.
 * No remediation, since enabling it would block `pulumi destroy` of a stack that means to go away.
 */
export const lbLoadBalancerDeletionProtection: ResourceValidationPolicy = {
    name: "lb-load-balancer-deletion-protection",
    description: "Load balancers have deletion protection enabled.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateTypes(LOAD_BALANCER, (props, args, reportViolation) => {
        if (props.enableDeletionProtection !== true) {
            reportViolation(`Load balancer "${args.name}" can be deleted by accident; set enableDeletionProtection: true.`);
        }
    }),
};

import { StackValidationPolicy } from "@pulumi/policy";
import { LOAD_BALANCER, WAF_ACL_ASSOCIATION } from "../lib/types";
import { isApplicationLoadBalancer, isInternetFacing } from "./props";

/**
 * Catalog #23 [S] — Security Hub ELB.16, Checkov CKV2_AWS_28, cdk-nag.
 *
 * Every internet-facing Application Load Balancer has an `aws.wafv2.WebAclAssociation` whose
 * `resourceArn` equals the load balancer's `arn`. A load balancer whose ARN is not in the stack's
 * state cannot be matched and is not reported. Advisory: WAF costs money and needs a rule set.
 */
export const lbLoadBalancerWafAttached: StackValidationPolicy = {
    name: "lb-load-balancer-waf-attached",
    description: "Internet-facing Application Load Balancers are protected by an AWS WAF web ACL.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateStack: (args, reportViolation) => {
        const exposed = args.resources.filter(
            r =>
                (LOAD_BALANCER as readonly string[]).includes(r.type) &&
                isApplicationLoadBalancer(r.props) &&
                isInternetFacing(r.props),
        );
        if (exposed.length === 0) {
            return;
        }
        const protectedArns = new Set<string>();
        for (const r of args.resources) {
            if ((WAF_ACL_ASSOCIATION as readonly string[]).includes(r.type) && typeof r.props.resourceArn === "string") {
                protectedArns.add(r.props.resourceArn);
            }
        }
        for (const lb of exposed) {
            const arn = lb.props.arn;
            if (typeof arn === "string" && arn !== "" && !protectedArns.has(arn)) {
                reportViolation(
                    `Load balancer "${lb.name}" is internet-facing without a WAF web ACL; add an aws.wafv2.WebAclAssociation whose resourceArn is its arn.`,
                    lb.urn,
                );
            }
        }
    },
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { LOAD_BALANCER } from "../lib/types";
import { isRecord, upper } from "../lib/coerce";

/**
 * Catalog #20 — Security Hub ELB.5, Checkov CKV_AWS_91, cdk-nag ELB2, awsguard, compliance-policies.
 * Medium.
 *
 * Application and Network Load Balancers write access logs: `accessLogs.enabled` is true (AWS
 * defaults it to false even when a bucket is given) and `accessLogs.bucket` is set. Advisory by
 * default because the bucket costs money; mandatory in production.
 */
export const lbLoadBalancerAccessLogs: ResourceValidationPolicy = {
    name: "lb-load-balancer-access-logs",
    description: "Load balancers write access logs to S3.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateTypes(LOAD_BALANCER, (props, args, reportViolation) => {
        if (upper(props.loadBalancerType) === "GATEWAY") {
            return;
        }
        const logs = props.accessLogs;
        const fix = 'set accessLogs: { bucket: "<log bucket>", enabled: true }';
        if (!isRecord(logs)) {
            reportViolation(`Load balancer "${args.name}" has no access logs; ${fix}.`);
            return;
        }
        const bucket = logs.bucket;
        if (typeof bucket !== "string" || bucket.trim() === "") {
            reportViolation(`Load balancer "${args.name}" has access logs without a bucket; ${fix}.`);
        } else if (logs.enabled !== true) {
            reportViolation(
                `Load balancer "${args.name}" names log bucket "${bucket}" but does not enable access logs; set accessLogs.enabled: true.`,
            );
        }
    }),
};

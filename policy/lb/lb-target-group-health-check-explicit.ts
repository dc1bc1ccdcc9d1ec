import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { TARGET_GROUP } from "../lib/types";
import { isNonEmptyString, isRecord } from "../lib/coerce";
import { checksOverHttp } from "./lb-target-group-health-check";

/**
 * Companion of `lb-target-group-health-check` (#25): a target group that relies on AWS's default health
 * check (enabled, HTTP(S) GET "/", success code 200) is checked, but "/" usually proves only that the web
 * server is up. Advisory: name the endpoint that checks the service itself.
 */
export const lbTargetGroupHealthCheckExplicit: ResourceValidationPolicy = {
    name: "lb-target-group-health-check-explicit",
    description: "Target groups name their health check path rather than rely on AWS's default of \"/\".",
    enforcementLevel: "advisory",
    severity: "low",
    validateResource: validateTypes(TARGET_GROUP, (props, args, reportViolation) => {
        if (!checksOverHttp(props)) {
            return;
        }
        const check = props.healthCheck;
        if (isRecord(check) && (check.enabled === false || (check.path !== undefined && check.path !== null))) {
            return; // disabled or malformed: lb-target-group-health-check's violation
        }
        const what = isRecord(check) ? "sets no health check path" : "has no healthCheck block";
        if (!isRecord(check) || !isNonEmptyString(check.path)) {
            reportViolation(
                `Target group "${args.name}" ${what}, so AWS probes "/" and accepts only 200; set healthCheck.path to an endpoint that checks the service (e.g. "/health") and healthCheck.matcher.`,
            );
        }
    }),
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { TARGET_GROUP } from "../lib/types";
import { isRecord } from "../lib/coerce";
import { checksOverHttp, highestHealthyCode } from "./lb-target-group-health-check";

/**
 * Catalog: "What none of these tools checks" — target-group health path sanity.
 *
 * Complements `lb-target-group-health-check` (#25), which requires the path: when it is set, it is an
 * absolute path, and the success `matcher` is explicit and a list of codes or ranges. Left unset,
 * the matcher is exactly 200, so a health endpoint that redirects or answers 204 fails every check.
 */
export const lbTargetGroupHealthCheckWellFormed: ResourceValidationPolicy = {
    name: "lb-target-group-health-check-well-formed",
    description: 'Target group health checks have an absolute path and an explicit status matcher.',
    enforcementLevel: "advisory",
    severity: "low",
    validateResource: validateTypes(TARGET_GROUP, (props, args, reportViolation) => {
        if (!checksOverHttp(props)) {
            return;
        }
        const check = props.healthCheck;
        if (!isRecord(check) || check.enabled === false) {
            return;
        }
        const path = check.path;
        if (typeof path === "string" && path.trim() !== "" && !path.startsWith("/")) {
            reportViolation(
                `Target group "${args.name}" health check path "${path}" does not start with "/"; use an absolute path such as "/${path.trim()}".`,
            );
        }
        const matcher = check.matcher;
        if (matcher === undefined || matcher === null || matcher === "") {
            reportViolation(
                `Target group "${args.name}" has no health check matcher, so only 200 counts as healthy; set healthCheck.matcher, e.g. "200-399".`,
            );
        } else if (highestHealthyCode(matcher) === undefined) {
            reportViolation(
                `Target group "${args.name}" health check matcher ${JSON.stringify(matcher)} is not a list of status codes; use e.g. "200", "200-399" or "200,204".`,
            );
        }
    }),
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { TARGET_GROUP } from "../lib/types";
import { isRecord, upper } from "../lib/coerce";

/**
 * True for target groups whose health check is an HTTP(S) request: HTTP/HTTPS target groups, and
 * TCP/TLS ones told to check over HTTP(S).
 */
export function checksOverHttp(props: Record<string, any>): boolean {
    const protocol = upper(props.protocol);
    if (protocol === "HTTP" || protocol === "HTTPS") {
        return true;
    }
    const check = props.healthCheck;
    const checkProtocol = isRecord(check) ? upper(check.protocol) : undefined;
    return protocol !== undefined && (checkProtocol === "HTTP" || checkProtocol === "HTTPS");
}

/**
 * Catalog #25 — Checkov CKV_AWS_261. Headline rule, mandatory everywhere.
 *
 * Every HTTP(S) target group declares an enabled health check with an explicit path. Without it ECS
 * keeps routing to tasks that accept connections but cannot serve, and a deployment circuit breaker
 * never trips. (AWS would probe "/" by default, which usually proves only that the web server is up.)
 */
export const lbTargetGroupHealthCheck: ResourceValidationPolicy = {
    name: "lb-target-group-health-check",
    description: "Target groups define an enabled HTTP health check with a path.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(TARGET_GROUP, (props, args, reportViolation) => {
        if (!checksOverHttp(props)) {
            return;
        }
        const check = props.healthCheck;
        if (!isRecord(check)) {
            reportViolation(
                `Target group "${args.name}" has no health check; set healthCheck: { enabled: true, path: "/health", matcher: "200-399" }.`,
            );
            return;
        }
        if (check.enabled === false) {
            reportViolation(`Target group "${args.name}" disables its health check; set healthCheck.enabled: true.`);
            return;
        }
        const path = check.path;
        if (typeof path !== "string" || path.trim() === "") {
            reportViolation(
                `Target group "${args.name}" must define a health check path; set healthCheck.path to an endpoint the service answers (e.g. "/health").`,
            );
        }
    }),
};

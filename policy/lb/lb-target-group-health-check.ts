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
 * Every HTTP(S) target group keeps its health check enabled, so ECS stops routing to tasks that accept
 * connections but cannot serve, and a deployment circuit breaker can trip. AWS enables an HTTP(S) target
 * group's health check by default and probes "/" (CreateTargetGroup: HealthCheckEnabled, HealthCheckPath),
 * so a target group without a `healthCheck` block, or without a path, is checked: relying on that default is
 * `lb-target-group-health-check-explicit`'s advisory, not a violation here. A path that is set must be text.
 */
export const lbTargetGroupHealthCheck: ResourceValidationPolicy = {
    name: "lb-target-group-health-check",
    description: "Target groups keep their HTTP health check enabled.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(TARGET_GROUP, (props, args, reportViolation) => {
        if (!checksOverHttp(props)) {
            return;
        }
        const check = props.healthCheck;
        if (!isRecord(check)) {
            return; // AWS's default: enabled, HTTP(S) GET "/"
        }
        if (check.enabled === false) {
            reportViolation(`Target group "${args.name}" disables its health check; set healthCheck.enabled: true.`);
            return;
        }
        const path = check.path;
        if (path !== undefined && path !== null && (typeof path !== "string" || path.trim() === "")) {
            reportViolation(
                `Target group "${args.name}" has health check path ${JSON.stringify(path)}, which is not a path; set healthCheck.path to an endpoint the service answers (e.g. "/health").`,
            );
        }
    }),
};

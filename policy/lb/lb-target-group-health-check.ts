import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { TARGET_GROUP } from "../lib/types";
import { isRecord, upper } from "../lib/coerce";
import { grpcFailureCodesAccepted } from "./healthCheckMatcher";

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
 * The highest HTTP status a `matcher` ("200", "200-399", "200,404", "200 - 499") counts as healthy, or
 * undefined when it is not a list of codes and ranges (`lb-target-group-health-check-well-formed` reports those).
 */
export function highestHealthyCode(matcher: unknown): number | undefined {
    if (typeof matcher !== "string" || !/^\s*\d{1,3}(\s*-\s*\d{1,3})?(\s*,\s*\d{1,3}(\s*-\s*\d{1,3})?)*\s*$/.test(matcher)) {
        return undefined;
    }
    return Math.max(...matcher.split(/[,-]/).map(code => Number(code.trim())));
}

/**
 * Catalog #25 — Checkov CKV_AWS_261. Headline rule, mandatory everywhere.
 *
 * Every HTTP(S) target group keeps its health check enabled, so ECS stops routing to tasks that accept
 * connections but cannot serve, and a deployment circuit breaker can trip. AWS enables an HTTP(S) target
 * group's health check by default and probes "/" (CreateTargetGroup: HealthCheckEnabled, HealthCheckPath),
 * so a target group without a `healthCheck` block, or without a path, is checked: relying on that default is
 * `lb-target-group-health-check-explicit`'s advisory, not a violation here. A path that is set must be text.
 * A `matcher` that counts a 4xx or 5xx answer as healthy ("200-499", "200,404") makes a check that cannot
 * fail: the route is gone or the service errs, and the target stays in service. On a GRPC target group the
 * matcher holds gRPC codes (0-99): one that counts 2 UNKNOWN, 13 INTERNAL or 14 UNAVAILABLE as healthy,
 * the codes a failing or stopping server's gRPC library answers with (`./healthCheckMatcher`), is reported
 * the same way.
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
        const grpc = upper(props.protocolVersion) === "GRPC" && (upper(props.protocol) === "HTTP" || upper(props.protocol) === "HTTPS");
        const failures = grpc ? grpcFailureCodesAccepted(check.matcher) : [];
        if (failures.length > 0) {
            reportViolation(
                `Target group "${args.name}" counts gRPC ${failures.join(", ")} as healthy (matcher "${check.matcher}"), so a target whose server fails or shuts down stays in service; ` +
                    `accept only the codes a working service answers, e.g. matcher "0" (OK), or "12" for the default health check path.`,
            );
        }
        const highest = grpc ? undefined : highestHealthyCode(check.matcher);
        if (highest !== undefined && highest >= 400) {
            reportViolation(
                `Target group "${args.name}" counts HTTP ${highest} as healthy (matcher "${check.matcher}"), so a target that answers with errors stays in service; ` +
                    `accept only 2xx and 3xx codes, e.g. matcher "200-399".`,
            );
        }
        const path = check.path;
        if (path !== undefined && path !== null && (typeof path !== "string" || path.trim() === "")) {
            reportViolation(
                `Target group "${args.name}" has health check path ${JSON.stringify(path)}, which is not a path; set healthCheck.path to an endpoint the service answers (e.g. "/health").`,
            );
        }
    }),
};

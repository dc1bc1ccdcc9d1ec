import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { TARGET_GROUP } from "../lib/types";
import { isRecord, upper } from "../lib/coerce";
import { checksOverHttp, highestHealthyCode } from "./lb-target-group-health-check";
import { codesOutsideRange, GRPC_MATCHER, matcherRangeOf } from "./healthCheckMatcher";

/**
 * Catalog: "What none of these tools checks" — target-group health path sanity.
 *
 * Complements `lb-target-group-health-check` (#25), which requires the path: when it is set, it is an
 * absolute path, and the success `matcher` is explicit and a list of codes or ranges. Left unset,
 * the matcher is exactly 200, so a health endpoint that redirects or answers 204 fails every check.
 * The codes are judged by what the target group takes (`./healthCheckMatcher`): gRPC codes 0-99 on a
 * GRPC target group (left unset, only 12, UNIMPLEMENTED, counts), HTTP codes 200-499 on an HTTP or HTTPS
 * one and 200-599 on a Network Load Balancer's; AWS refuses any other code at apply time.
 */
export const lbTargetGroupHealthCheckWellFormed: ResourceValidationPolicy = {
    name: "lb-target-group-health-check-well-formed",
    description: "Target group health checks have an absolute path and an explicit status matcher of codes the target group takes.",
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
        const range = matcherRangeOf(props);
        const outside = range === undefined ? undefined : codesOutsideRange(matcher, range);
        if ((matcher === undefined || matcher === null || matcher === "") && range === GRPC_MATCHER) {
            reportViolation(
                `Target group "${args.name}" has no health check matcher, so only gRPC code 12 (UNIMPLEMENTED) counts as healthy; set healthCheck.matcher to gRPC codes, e.g. "0" (OK).`,
            );
        } else if (matcher === undefined || matcher === null || matcher === "") {
            reportViolation(
                `Target group "${args.name}" has no health check matcher, so only 200 counts as healthy; set healthCheck.matcher, e.g. "200-399".`,
            );
        } else if (highestHealthyCode(matcher) === undefined) {
            reportViolation(
                `Target group "${args.name}" health check matcher ${JSON.stringify(matcher)} is not a list of status codes; use e.g. "200", "200-399" or "200,204".`,
            );
        } else if (range !== undefined && outside !== undefined && outside.length > 0) {
            const hint =
                range === GRPC_MATCHER
                    ? 'use gRPC status codes, e.g. "0" (OK), or "0,12" to accept UNIMPLEMENTED from a server without the health service'
                    : `use HTTP status codes, e.g. "200-399"${upper(props.protocol) === "HTTP" || upper(props.protocol) === "HTTPS" ? ', or set protocolVersion "GRPC" for a gRPC service' : ""}`;
            reportViolation(
                `Target group "${args.name}" health check matcher ${JSON.stringify(matcher)} has ${outside.map(o => `"${o}"`).join(", ")} outside the ${range.codes} codes ${range.low}-${range.high} ` +
                    `a ${range.of} target group takes, so AWS refuses it; ${hint}.`,
            );
        }
    }),
};

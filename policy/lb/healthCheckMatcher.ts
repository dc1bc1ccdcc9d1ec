/**
 * The codes a target group's health-check `matcher` may hold, by what the provider sends it as. The AWS
 * provider sends `healthCheck.matcher` as `Matcher.GrpcCode` when `protocolVersion` is "GRPC" and as
 * `Matcher.HttpCode` otherwise (terraform-provider-aws `internal/service/elbv2/target_group.go`,
 * resourceTargetGroupCreate), and the ELB API reference, "Matcher"
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_Matcher.html), sets the ranges:
 * - GrpcCode: "You can specify values between 0 and 99 … The default value is 12."
 * - HttpCode: "For Application Load Balancers, you can specify values between 200 and 499, with the default
 *   value being 200"; "For Network Load Balancers, you can specify values between 200 and 599, with the
 *   default value being 200-399".
 * So an HTTP-style "200" on a GRPC target group and a gRPC "0" on an HTTP one are both refused by AWS at
 * `pulumi up`; the mocks and the provider's plan let them through.
 */
import { isRecord, upper } from "../lib/coerce";

/** The codes one kind of target group accepts in its matcher. */
export interface MatcherRange {
    /** "gRPC" or "HTTP", as a message names the codes. */
    readonly codes: "gRPC" | "HTTP";
    readonly low: number;
    readonly high: number;
    /** What the target group is, completing "… a … target group takes". */
    readonly of: string;
    /** The matcher AWS uses when none is set. */
    readonly defaultMatcher: string;
}

export const GRPC_MATCHER: MatcherRange = { codes: "gRPC", low: 0, high: 99, of: 'GRPC (protocolVersion "GRPC")', defaultMatcher: "12" };
export const ALB_HTTP_MATCHER: MatcherRange = { codes: "HTTP", low: 200, high: 499, of: "HTTP or HTTPS (Application Load Balancer)", defaultMatcher: "200" };
export const NLB_HTTP_MATCHER: MatcherRange = { codes: "HTTP", low: 200, high: 599, of: "Network Load Balancer", defaultMatcher: "200-399" };

const NLB_PROTOCOLS = ["TCP", "TLS", "UDP", "TCP_UDP"];

/**
 * The range of the matcher a target group's health check takes, or undefined when its check reads no
 * status code (a TCP check, a Lambda target group, a Gateway Load Balancer's GENEVE group) or its protocol
 * is not known yet.
 */
export function matcherRangeOf(props: Record<string, any>): MatcherRange | undefined {
    const protocol = upper(props.protocol);
    const check = isRecord(props.healthCheck) ? props.healthCheck : {};
    if (protocol === "HTTP" || protocol === "HTTPS") {
        return upper(props.protocolVersion) === "GRPC" ? GRPC_MATCHER : ALB_HTTP_MATCHER;
    }
    const checkProtocol = upper(check.protocol);
    return protocol !== undefined && NLB_PROTOCOLS.includes(protocol) && (checkProtocol === "HTTP" || checkProtocol === "HTTPS") ? NLB_HTTP_MATCHER : undefined;
}

/**
 * The entries of a matcher ("0", "0-5", "200,202", "200 - 299") outside `range`, in the order given; a
 * range written high to low is outside too. Undefined when the matcher is not a list of codes and ranges.
 */
export function codesOutsideRange(matcher: unknown, range: MatcherRange): string[] | undefined {
    if (typeof matcher !== "string" || !/^\s*\d{1,3}(\s*-\s*\d{1,3})?(\s*,\s*\d{1,3}(\s*-\s*\d{1,3})?)*\s*$/.test(matcher)) {
        return undefined;
    }
    return matcher
        .split(",")
        .map(entry => entry.trim())
        .filter(entry => {
            const [low, high = low] = entry.split("-").map(code => Number(code.trim()));
            return low < range.low || high > range.high || low > high;
        });
}

/**
 * gRPC status codes a server's own library returns when it fails (grpc/grpc `doc/statuscodes.md`: the
 * application throws → UNKNOWN, the server is shutting down → UNAVAILABLE, it cannot parse or decompress
 * → INTERNAL). A matcher that counts one of them as healthy keeps a failing target in service, as "200-499"
 * does for HTTP.
 */
export const GRPC_FAILURE_CODES: ReadonlyMap<number, string> = new Map([
    [2, "UNKNOWN"],
    [13, "INTERNAL"],
    [14, "UNAVAILABLE"],
]);

/** The gRPC failure codes (`GRPC_FAILURE_CODES`) a matcher counts as healthy, e.g. `["14 (UNAVAILABLE)"]`; empty when it is not a list of codes. */
export function grpcFailureCodesAccepted(matcher: unknown): string[] {
    if (codesOutsideRange(matcher, GRPC_MATCHER) === undefined) {
        return [];
    }
    const entries = (matcher as string).split(",").map(entry => entry.split("-").map(code => Number(code.trim())));
    return [...GRPC_FAILURE_CODES]
        .filter(([code]) => entries.some(([low, high = low]) => low <= code && code <= high))
        .map(([code, name]) => `${code} (${name})`);
}

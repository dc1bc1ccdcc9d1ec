/**
 * Target groups: a health-check matcher of codes the group does not take. The provider sends `matcher` as
 * gRPC codes on a GRPC target group and as HTTP codes otherwise, and checks neither range at plan time;
 * AWS refuses the request at `pulumi up`. The ranges and the judgement live in the policy pack
 * (`policy/lb/healthCheckMatcher.ts`), which `lb-target-group-health-check-well-formed` shares.
 */
import { TARGET_GROUP } from "../../policy/facts/typeTokens";
import { codesOutsideRange, matcherRangeOf } from "../../policy/lb/healthCheckMatcher";
import { isKnownString } from "./read";
import { ApplyRule, Finding } from "./types";

export const elbTargetGroupHealthCheckMatcher: ApplyRule = {
    id: "elb-target-group-health-check-matcher",
    types: TARGET_GROUP,
    aws: "Matcher: GrpcCode 0-99 when protocolVersion is GRPC; otherwise HttpCode 200-499 (Application Load Balancer) or 200-599 (Network Load Balancer); codes, lists and ranges low to high",
    source: "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_Matcher.html",
    configKeys: [],
    check: r => {
        const check = r.inputs.healthCheck;
        const matcher = check?.matcher;
        const known = (value: unknown) => value === undefined || value === null || isKnownString(value);
        if (!isKnownString(matcher) || ![r.inputs.protocol, r.inputs.protocolVersion, check?.protocol].every(known)) {
            return []; // a protocol not known yet could make either range right
        }
        const range = matcherRangeOf(r.inputs);
        const outside = range === undefined ? undefined : codesOutsideRange(matcher, range);
        const findings: Finding[] = [];
        if (range !== undefined && outside !== undefined && outside.length > 0) {
            findings.push({ path: "healthCheck.matcher", given: matcher, allowed: `${range.codes} codes ${range.low}-${range.high} on a ${range.of} target group (outside: ${outside.join(", ")})` });
        }
        return findings;
    },
};

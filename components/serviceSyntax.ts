/**
 * What the loader asks of the routing and schedule rules, in one place: listener-rule syntax, limits and
 * priorities come from `routing.ts` (the rules `LoadBalancer` applies); schedule expressions and time zones
 * from `scheduleExpression.ts` (the rules `ScheduledTask` applies), so the loader and the component judge
 * them alike. Pure.
 *
 * Source: ELB "Condition types for listener rules" (at most three values per condition).
 */
import { ALB_RULE_LIMITS } from "./routing";

export { ALB_RULE_LIMITS, derivePriorities, hostHeaderProblem, pathPatternProblem, routingProblems } from "./routing";
export type { RouteRequest } from "./routing";
export { scheduleExpressionProblem, timezoneProblem } from "./scheduleExpression";

/** ELB: at most three values in one path-pattern or host-header condition (routing.ts `ALB_RULE_LIMITS`). */
export const VALUES_PER_CONDITION = ALB_RULE_LIMITS.valuesPerCondition;

/** Why a rule's path or host condition holds more values than ELB accepts, or undefined. */
export function conditionSizeProblem(paths: readonly string[], hosts: readonly string[]): string | undefined {
    return paths.length > VALUES_PER_CONDITION || hosts.length > VALUES_PER_CONDITION
        ? `a listener rule takes at most ${VALUES_PER_CONDITION} paths and ${VALUES_PER_CONDITION} hosts`
        : undefined;
}

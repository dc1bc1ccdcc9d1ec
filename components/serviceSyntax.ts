/**
 * What the loader asks of the routing and schedule rules, in one place: listener-rule syntax, limits and
 * priorities come from `routing.ts` (the rules `LoadBalancer` applies); schedule expressions and time zones
 * are judged here until the scheduled-task module owns them. Pure.
 *
 * Sources: ELB "Condition types for listener rules" (at most three values per condition);
 * EventBridge Scheduler "Schedule types" (`at(yyyy-mm-ddThh:mm:ss)`, `rate(value unit)`,
 * `cron(minutes hours day-of-month month day-of-week year)`).
 */
export { ALB_RULE_LIMITS, derivePriorities, hostHeaderProblem, pathPatternProblem, routingProblems } from "./routing";
export type { RouteRequest } from "./routing";

/** ELB: at most three values in one path-pattern or host-header condition (the rule's own limits are routing.ts's). */
export const VALUES_PER_CONDITION = 3;

/** Why a rule's path or host condition holds more values than ELB accepts, or undefined. */
export function conditionSizeProblem(paths: readonly string[], hosts: readonly string[]): string | undefined {
    return paths.length > VALUES_PER_CONDITION || hosts.length > VALUES_PER_CONDITION
        ? `a listener rule takes at most ${VALUES_PER_CONDITION} paths and ${VALUES_PER_CONDITION} hosts`
        : undefined;
}

const RATE_UNITS = ["minute", "minutes", "hour", "hours", "day", "days"];

/** Why an EventBridge Scheduler expression is refused, or undefined. */
export function scheduleExpressionProblem(expression: string): string | undefined {
    const allowed = `expected cron(minutes hours day-of-month month day-of-week year), rate(<n> minutes|hours|days) or at(yyyy-mm-ddThh:mm:ss)`;
    const rate = /^rate\((\d+) ([a-z]+)\)$/.exec(expression);
    if (rate) {
        const value = Number(rate[1]);
        if (!RATE_UNITS.includes(rate[2]) || value < 1) {
            return allowed;
        }
        // Scheduler refuses "rate(1 minutes)" and "rate(5 minute)".
        return (value === 1) === rate[2].endsWith("s") ? `use "${value} ${value === 1 ? rate[2].replace(/s$/, "") : `${rate[2]}s`}": the unit is singular for 1 only` : undefined;
    }
    const at = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/.exec(expression);
    if (at) {
        const [, , month, day, hour, minute, second] = at.map(Number);
        return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59 ? undefined : allowed;
    }
    const cron = /^cron\((.+)\)$/.exec(expression);
    if (cron) {
        const fields = cron[1].split(" ");
        if (fields.length !== 6 || fields.some(f => !/^[0-9A-Za-z*?,\-/#L]+$/.test(f))) {
            return allowed;
        }
        // One of day-of-month and day-of-week must be "?" (EventBridge cron).
        return (fields[2] === "?") === (fields[4] === "?") ? `in cron(${cron[1]}) exactly one of day-of-month and day-of-week must be "?"` : undefined;
    }
    return allowed;
}

/** Why a schedule time zone is refused: an IANA name the runtime knows (Scheduler takes IANA names). */
export function timezoneProblem(timezone: string): string | undefined {
    const known = timezone === "UTC" || (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf("timeZone").includes(timezone);
    return known ? undefined : `expected an IANA time zone such as "UTC" or "Europe/Berlin"`;
}

/**
 * The syntax of what a `services` entry routes on and runs by: ALB path patterns and host names, rule
 * priorities, and EventBridge Scheduler expressions and time zones. Each check returns why a value is
 * refused, or undefined. Pure. The loader calls only these names, so that the components' own routing
 * and schedule modules can take their place as the one home of each rule.
 *
 * Sources: ELB "Condition types for listener rules" (path and host conditions: at most 128 characters,
 * the characters listed below; at most three values per condition, five per rule, five wildcards per
 * rule); EventBridge Scheduler "Schedule types" (`at(yyyy-mm-ddThh:mm:ss)`, `rate(value unit)`,
 * `cron(minutes hours day-of-month month day-of-week year)`).
 */

/** ELB: values per condition, and match evaluations (values) and wildcards per rule. */
export const RULE_LIMITS = { valuesPerCondition: 3, valuesPerRule: 5, wildcardsPerRule: 5 } as const;

/** Why an ALB path pattern is refused: up to 128 of A-Z a-z 0-9 _ - . $ / ~ " ' @ : + & * ?, starting with "/". */
export function pathPatternProblem(pattern: string): string | undefined {
    if (!/^\/[A-Za-z0-9_\-.$/~"'@:+&*?]{0,127}$/.test(pattern)) {
        return `expected a path pattern starting with "/" of at most 128 letters, digits and _ - . $ / ~ " ' @ : + & * ? (e.g. "/api/*")`;
    }
    return undefined;
}

/** Why an ALB host condition is refused: up to 128 of a-z 0-9 - . * ?, with a dot and a top-level label. */
export function hostHeaderProblem(host: string): string | undefined {
    if (!/^[A-Za-z0-9\-.*?]{1,128}$/.test(host) || !/\.[A-Za-z*?]+$/.test(host) || /\.\./.test(host)) {
        return `expected a host name such as "api.example.com" or "*.example.com" (letters, digits, - . * ?; at most 128)`;
    }
    return undefined;
}

/** Why a rule's conditions exceed what ELB accepts, or undefined. */
export function ruleSizeProblem(paths: readonly string[], hosts: readonly string[]): string | undefined {
    const { valuesPerCondition, valuesPerRule, wildcardsPerRule } = RULE_LIMITS;
    if (paths.length > valuesPerCondition || hosts.length > valuesPerCondition) {
        return `a listener rule takes at most ${valuesPerCondition} paths and ${valuesPerCondition} hosts`;
    }
    if (paths.length + hosts.length > valuesPerRule) {
        return `a listener rule takes at most ${valuesPerRule} paths and hosts together`;
    }
    const wildcards = [...paths, ...hosts].join("").replace(/[^*?]/g, "").length;
    if (wildcards > wildcardsPerRule) {
        return `a listener rule takes at most ${wildcardsPerRule} wildcards (* or ?) in its paths and hosts; it has ${wildcards}`;
    }
    return undefined;
}

/** One route as the priority derivation reads it. */
export interface RouteRequest {
    readonly name: string;
    readonly paths: readonly string[];
    readonly hosts: readonly string[];
    readonly priority?: number;
}

/** Gap between derived priorities, leaving room to place a rule between two by hand. */
export const PRIORITY_STEP = 10;

/** How specific a rule is: a rule on host and path first, then literal characters before the first wildcard. */
const specificity = (r: RouteRequest): number =>
    [...r.paths, ...r.hosts].reduce((sum, v) => sum + v.split(/[*?]/)[0].length, 0) + (r.paths.length > 0 && r.hosts.length > 0 ? 1000 : 0);

/**
 * Priorities for the rules that gave none: 10, 20, … from the most specific rule to the least
 * (`/api/admin/*` before `/api/*`), then by name, skipping the priorities given. The CLI hands the program
 * `services` sorted by name, so the order in the file cannot decide.
 */
export function derivePriorities(routes: readonly RouteRequest[]): Map<string, number> {
    const taken = new Set(routes.flatMap(r => (r.priority === undefined ? [] : [r.priority])));
    const derived = new Map<string, number>();
    let next = PRIORITY_STEP;
    for (const r of routes.filter(r => r.priority === undefined).sort((a, b) => specificity(b) - specificity(a) || (a.name < b.name ? -1 : 1))) {
        while (taken.has(next)) next += PRIORITY_STEP;
        taken.add(next);
        derived.set(r.name, next);
    }
    return derived;
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

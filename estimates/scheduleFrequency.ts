/**
 * How often an EventBridge Scheduler expression fires, per average month. Pure.
 *
 * Forms (EventBridge Scheduler user guide, "Schedule types"):
 *   rate(value unit)      unit minute(s) | hour(s) | day(s), value a positive whole number
 *   cron(min hour day-of-month month day-of-week year)
 *   at(yyyy-mm-ddThh:mm:ss)   one run
 * A month is `hoursPerMonth` hours (730 = 8760 / 12), so a daily rate and a daily cron agree. Only plain
 * cron fields are counted exactly ( * , - / and ? ; L, W and # where each means one day a month); anything
 * else is reported as unknown with the reason, not guessed. This reads expressions; it does not validate
 * them, and an expression it cannot read is simply unknown.
 */

/** What an expression's frequency is known to be. */
export interface ScheduleFrequency {
    /** Runs per average month; undefined when not known. */
    readonly runsPerMonth?: number;
    /** How the figure was reached, or why it is unknown. */
    readonly basis: string;
    /** An `at()` schedule: it runs once, not every month. */
    readonly oneTime?: boolean;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const UNIT_MINUTES: Record<string, number> = { minute: 1, minutes: 1, hour: 60, hours: 60, day: 1440, days: 1440 };

/** A cron field that cannot be counted: why. */
class Uncountable extends Error {}

/** Every value a plain cron field (`*`, `n`, `a-b`, `*\/n`, `a/n`, `a-b/n`, lists of these) selects. */
function values(field: string, what: string, min: number, max: number, names: readonly string[] = []): Set<number> {
    const value = (text: string): number => {
        const named = names.indexOf(text.toUpperCase());
        const n = named >= 0 ? named + min : /^\d+$/.test(text) ? Number(text) : NaN;
        if (!(n >= min && n <= max)) throw new Uncountable(`${what} "${field}" holds "${text}", not a value from ${min} to ${max}`);
        return n;
    };
    const selected = new Set<number>();
    for (const part of field.split(",")) {
        const match = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(part);
        if (!match) throw new Uncountable(`${what} "${field}" is not a plain list, range or step`);
        const [from, to] = match[1] === "*" ? [min, max] : match[1].includes("-") ? match[1].split("-").map(value) : [value(match[1]), match[2] ? max : value(match[1])];
        const step = match[2] === undefined ? 1 : Number(match[2]);
        if (from > to || step < 1) throw new Uncountable(`${what} "${field}" runs backwards or steps by 0`);
        for (let n = from; n <= to; n += step) selected.add(n);
    }
    return selected;
}

/** Days per (non-leap) year the day-of-month and day-of-week fields select within `months`. */
function daysPerYear(dayOfMonth: string, dayOfWeek: string, months: Set<number>): number {
    const monthDays = [...months].map(m => MONTH_DAYS[m - 1]);
    const total = monthDays.reduce((a, b) => a + b, 0);
    const dom = dayOfMonth === "?" ? undefined : dayOfMonth;
    const dow = dayOfWeek === "?" ? undefined : dayOfWeek;
    if (dom !== undefined && dow !== undefined) {
        throw new Uncountable("day-of-month and day-of-week are both set (one of them must be ?)");
    }
    if (dom === undefined && dow === undefined) {
        throw new Uncountable("day-of-month and day-of-week are both ? (one of them must be set)");
    }
    if (dom !== undefined) {
        // L (last day), LW (last weekday) and nW (the weekday nearest day n) each pick one day a month.
        if (/^(L|LW|([1-9]|[12]\d|3[01])W)$/i.test(dom)) return months.size;
        const days = values(dom, "day-of-month", 1, 31);
        return monthDays.reduce((sum, length) => sum + [...days].filter(d => d <= length).length, 0);
    }
    // n#k (the k-th such weekday, k ≤ 4, always exists) and nL (the last such weekday) are one day a month.
    if (/^([1-7]|[A-Za-z]{3})(#[1-4]|L)$/.test(dow!)) {
        values(dow!.replace(/(#\d|L)$/, ""), "day-of-week", 1, 7, WEEKDAYS);
        return months.size;
    }
    if (/#5$/.test(dow!)) throw new Uncountable(`day-of-week "${dow}" (a fifth weekday) occurs in some months only`);
    // Weekdays fall evenly over a year's 52 weeks and one day; the average month gets 1/7 of its days each.
    return (values(dow!, "day-of-week", 1, 7, WEEKDAYS).size * total) / 7;
}

function cronFrequency(body: string, hoursPerMonth: number): ScheduleFrequency {
    const fields = body.trim().split(/\s+/);
    if (fields.length !== 6) {
        return { basis: `cron(${body}) has ${fields.length} fields; EventBridge cron has 6 (minutes hours day-of-month month day-of-week year)` };
    }
    const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = fields;
    try {
        const months = values(month, "month", 1, 12, MONTHS);
        const perDay = values(minutes, "minutes", 0, 59).size * values(hours, "hours", 0, 23).size;
        if (year !== "*") values(year, "year", 1970, 2199);
        const runsPerYear = perDay * daysPerYear(dayOfMonth, dayOfWeek, months);
        // A year is 12 months of hoursPerMonth: scale so that a daily cron matches rate(1 day).
        const runsPerMonth = (runsPerYear / 12) * (hoursPerMonth / 730);
        const years = year === "*" ? "" : `; only in the years ${year}`;
        return { runsPerMonth, basis: `${perDay} run(s) a day on the days it selects, averaged over a 365-day year${years}` };
    } catch (e) {
        if (e instanceof Uncountable) return { basis: `cron(${body}): ${e.message}` };
        throw e;
    }
}

/** Runs per average month of an EventBridge Scheduler expression, or why that is not known. */
export function scheduleFrequency(expression: unknown, hoursPerMonth: number): ScheduleFrequency {
    if (typeof expression !== "string") {
        return { basis: "the schedule expression is not known yet" };
    }
    const rate = /^rate\(\s*(\d+)\s+([a-z]+)\s*\)$/i.exec(expression.trim());
    if (rate) {
        const minutes = UNIT_MINUTES[rate[2].toLowerCase()];
        const value = Number(rate[1]);
        if (minutes === undefined || value < 1) {
            return { basis: `${expression}: unit must be minute(s), hour(s) or day(s) and the value at least 1` };
        }
        return { runsPerMonth: (hoursPerMonth * 60) / (value * minutes), basis: `every ${value * minutes} minute(s) over a ${hoursPerMonth}-hour month` };
    }
    const cron = /^cron\((.*)\)$/i.exec(expression.trim());
    if (cron) {
        return cronFrequency(cron[1], hoursPerMonth);
    }
    if (/^at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)$/.test(expression.trim())) {
        return { runsPerMonth: 1, basis: "a one-time schedule: one run, in the month it fires", oneTime: true };
    }
    return { basis: `"${expression}" is none of rate(…), cron(…) or at(…)` };
}

/**
 * EventBridge Scheduler schedule expressions and time zones, judged before any resource is created. Pure.
 *
 * Sources:
 * - Scheduler User Guide, "Schedule types on EventBridge Scheduler"
 *   (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html): `rate(value unit)`,
 *   `cron(minutes hours day-of-month month day-of-week year)`, `at(yyyy-mm-ddThh:mm:ss)` evaluated in
 *   `ScheduleExpressionTimezone`, a time zone name of the tz database (UTC when unset).
 * - EventBridge User Guide, "Cron expressions reference" and "Rate expressions reference"
 *   (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cron-expressions.html,
 *   https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rate-expressions.html), which the Scheduler
 *   guide follows: the six fields, their ranges and wildcards, one of day-of-month and day-of-week `?`, one
 *   `#` expression only, and a unit that is singular for 1 and plural otherwise (`rate(1 hours)` is refused).
 * - Scheduler API Reference, CreateSchedule (https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html):
 *   `ScheduleExpression` 1 to 256 characters, `ScheduleExpressionTimezone` 1 to 50 (also the length checks of
 *   terraform-provider-aws `internal/service/scheduler/schedule.go`, the provider's only checks on both).
 *
 * Where the guides are silent, the rules of Quartz's `CronExpression` (whose syntax AWS's is) decide what is
 * refused: `L`, `W` and `#` stand alone in their field, and `?` in both day fields names no day at all.
 * Month and day names are held to the capitals the guides print (JAN-DEC, SUN-SAT).
 */

/** Longest `ScheduleExpression` CreateSchedule accepts. */
export const SCHEDULE_EXPRESSION_MAX = 256;
/** Longest `ScheduleExpressionTimezone` CreateSchedule accepts. */
export const SCHEDULE_TIMEZONE_MAX = 50;

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/** One field of a cron expression as the reference table lists it. */
interface CronField {
    readonly name: string;
    readonly min: number;
    readonly max: number;
    /** Names standing for min, min + 1, …; upper case only. */
    readonly names?: readonly string[];
    /** Wildcards the field accepts, as the table prints them. */
    readonly wildcards: string;
}

const FIELDS: readonly CronField[] = [
    { name: "minutes", min: 0, max: 59, wildcards: ", - * /" },
    { name: "hours", min: 0, max: 23, wildcards: ", - * /" },
    { name: "day-of-month", min: 1, max: 31, wildcards: ", - * ? / L W" },
    { name: "month", min: 1, max: 12, names: MONTHS, wildcards: ", - * /" },
    { name: "day-of-week", min: 1, max: 7, names: DAYS, wildcards: ", - * ? L #" },
    { name: "year", min: 1970, max: 2199, wildcards: ", - * /" },
];
const [, , DAY_OF_MONTH, , DAY_OF_WEEK, YEAR] = FIELDS;

const allowedIn = (f: CronField): string =>
    `${f.min}-${f.max}${f.names ? ` or ${f.names[0]}-${f.names[f.names.length - 1]}` : ""} with the wildcards ${f.wildcards}`;

/** The number a single value of `f` stands for, or why it stands for none. */
function valueOf(f: CronField, text: string): number | string {
    if (/^\d+$/.test(text)) {
        const n = Number(text);
        return n >= f.min && n <= f.max ? n : `${text} is out of range`;
    }
    if (f.names) {
        const i = f.names.indexOf(text);
        if (i >= 0) return f.min + i;
        if (f.names.includes(text.toUpperCase())) return `${text} must be written in capitals (${text.toUpperCase()})`;
    }
    return `${JSON.stringify(text)} is not a ${f.name} value`;
}

/** Why one comma-separated item of `f` is refused: a value, a range, `*`, or either with a `/` increment. */
function itemProblem(f: CronField, item: string): string | undefined {
    const [base, step, extra] = item.split("/");
    if (extra !== undefined) return `${JSON.stringify(item)} has more than one /`;
    if (step !== undefined) {
        if (!f.wildcards.includes("/")) return `the / wildcard is not allowed here`;
        if (!/^\d+$/.test(step) || Number(step) < 1 || Number(step) > f.max) return `the increment in ${JSON.stringify(item)} must be a whole number from 1 to ${f.max}`;
    }
    if (base === "*") return undefined;
    if (base === "?") return `? stands alone in its field`;
    const bounds = base.split("-");
    if (bounds.length > 2 || bounds.some(b => b === "")) return `${JSON.stringify(base)} is not a value or a range`;
    const values = bounds.map(b => valueOf(f, b));
    const bad = values.find((v): v is string => typeof v === "string");
    if (bad) return bad;
    // Quartz wraps a reversed range (FRI-MON, 22-2) round the field; a year range cannot wrap.
    if (f === YEAR && values.length === 2 && (values[0] as number) > (values[1] as number)) return `the range ${base} runs backwards`;
    return undefined;
}

/** Forms of `L`, `W` and `#` that stand alone in a day field. */
function specialProblem(f: CronField, field: string): string | undefined {
    if (f === DAY_OF_MONTH) {
        if (field === "L" || field === "LW") return undefined;
        const w = /^(\d+)W$/.exec(field);
        if (w) return Number(w[1]) >= 1 && Number(w[1]) <= 31 ? undefined : `${w[1]}W names no day of the month (1-31)`;
        return `L and W stand alone in the day-of-month field (L, LW or a day such as 15W)`;
    }
    if (field === "L") return undefined;
    if (/W(?![A-Za-z])/.test(field.replace(/WED/gi, ""))) return `W is allowed only in day-of-month`;
    const hash = /^([^#]+)#(.*)$/.exec(field);
    if (hash) {
        const day = valueOf(f, hash[1]);
        if (typeof day === "string") return day;
        return /^[1-5]$/.test(hash[2]) ? undefined : `the # in ${field} must be followed by the week of the month, 1 to 5`;
    }
    const last = /^(.+)L$/.exec(field);
    if (last) {
        const day = valueOf(f, last[1]);
        return typeof day === "string" ? day : undefined;
    }
    return `L and # stand alone in the day-of-week field (L, a last day such as 6L, or one expression such as 3#2)`;
}

/** Why field `f` of a cron expression is refused, or undefined. */
function fieldProblem(f: CronField, field: string): string | undefined {
    if (field === "?") return f.wildcards.includes("?") ? undefined : `? is allowed only in day-of-month and day-of-week`;
    // Names are taken out first: JUL holds an L and WED a W that are no wildcards.
    const special = /[LW#]/.test(field.replace(/[A-Za-z]{3}/g, name => (f.names?.includes(name.toUpperCase()) ? "" : name)));
    if (special) {
        if (f !== DAY_OF_MONTH && f !== DAY_OF_WEEK) return `${JSON.stringify(field)} is not allowed`;
        if (field.includes(",")) return f === DAY_OF_WEEK && field.includes("#") ? `only one # expression is allowed (${field} holds more)` : `L, W and # cannot be combined with other values`;
        return specialProblem(f, field);
    }
    for (const item of field.split(",")) {
        const problem = itemProblem(f, item);
        if (problem) return problem;
    }
    return undefined;
}

function cronProblem(body: string): string | undefined {
    const fields = body.trim().split(/\s+/).filter(Boolean);
    if (fields.length !== 6) {
        const hint = fields.length === 5 ? " (a Unix crontab has five; add the year, and ? in day-of-month or day-of-week: cron(0 3 * * ? *))" : "";
        return `${fields.length} field${fields.length === 1 ? "" : "s"} given; a cron expression has six: cron(minutes hours day-of-month month day-of-week year)${hint}`;
    }
    const problems = FIELDS.flatMap((f, i) => {
        const problem = fieldProblem(f, fields[i]);
        return problem ? [`${f.name} field ${JSON.stringify(fields[i])}: ${problem}; expected ${allowedIn(f)}`] : [];
    });
    if (problems.length > 0) return problems.join("; ");
    const [dom, dow] = [fields[2], fields[4]];
    if (dom === "?" && dow === "?") return "both day-of-month and day-of-week are ?; one of them must name the days (* for every day) and the other be ?";
    if (dom !== "?" && dow !== "?") return `day-of-month (${dom}) and day-of-week (${dow}) are both set; one of them must be ?, e.g. cron(0 3 * * ? *) or cron(0 3 ? * MON-FRI *)`;
    return undefined;
}

function rateProblem(body: string): string | undefined {
    const allowed = "expected rate(value unit) with a whole number above 0 and minute, hour or day for 1, minutes, hours or days above 1, e.g. rate(1 hour) or rate(5 minutes)";
    const m = /^(\d+) ([a-z]+)$/.exec(body);
    if (!m) return allowed;
    const [, text, unit] = m;
    const value = Number(text);
    if (value < 1) return `the value ${text} is not a whole number above 0; ${allowed}`;
    const singular = unit.replace(/s$/, "");
    if (!["minute", "hour", "day"].includes(singular)) return `the unit ${unit} is not one of minute(s), hour(s) or day(s); ${allowed}`;
    if (value === 1 && unit !== singular) return `a value of 1 takes the singular unit: rate(1 ${singular})`;
    if (value > 1 && unit === singular) return `a value above 1 takes the plural unit: rate(${value} ${singular}s)`;
    return undefined;
}

function atProblem(body: string): string | undefined {
    const allowed = "expected at(yyyy-mm-ddThh:mm:ss), a local date and time in the schedule's time zone, e.g. at(2027-01-31T09:30:00)";
    if (/(Z|[+-]\d{2}:?\d{2})$/.test(body) && body.length > 19) return `${body} carries a UTC offset; name the zone in the schedule's time zone instead; ${allowed}`;
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body);
    if (!m) return allowed;
    const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
    // setUTCFullYear, not Date.UTC: Date.UTC reads years 0 to 99 as 1900 to 1999.
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return `${body.slice(0, 10)} is no date of the calendar; ${allowed}`;
    if (hour > 23 || minute > 59 || second > 59) return `${body.slice(11)} is no time of day (00:00:00 to 23:59:59); ${allowed}`;
    return undefined;
}

/**
 * Why EventBridge Scheduler refuses `expression`, naming what was given and what is allowed; undefined when
 * it is a valid `cron(…)`, `rate(…)` or `at(…)` expression. Whether an `at` time is still in the future is
 * not judged: that depends on when the stack is deployed.
 */
export function scheduleExpressionProblem(expression: string): string | undefined {
    if (expression.length > SCHEDULE_EXPRESSION_MAX) return `${expression.length} characters; at most ${SCHEDULE_EXPRESSION_MAX}`;
    const m = /^(cron|rate|at)\((.*)\)$/s.exec(expression);
    if (!m && /^(cron|rate|at)\((.*)\)$/s.test(expression.trim())) return "remove the white space around the expression";
    if (!m) {
        const lower = /^(cron|rate|at)\(/i.exec(expression);
        const hint = lower ? ` (write ${lower[1].toLowerCase()} in lower case)` : /^[\d*?/,-]+(\s+[\w*?/,#-]+){4,5}$/.test(expression.trim()) ? " (wrap fields in cron(…))" : "";
        return `expected cron(minutes hours day-of-month month day-of-week year), rate(value unit) or at(yyyy-mm-ddThh:mm:ss)${hint}`;
    }
    const [, kind, body] = m;
    return kind === "cron" ? cronProblem(body) : kind === "rate" ? rateProblem(body) : atProblem(body);
}

/** Every IANA-style segment starts with a capital or a digit: `America/New_York`, `Etc/GMT+5`, `UTC`. */
const TZ_SHAPE = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z0-9][A-Za-z0-9_+-]*)*$/;

/** Zones already resolved: building an `Intl.DateTimeFormat` costs about 0.3 ms, and the answer never changes. */
const zones = new Map<string, string | undefined>();

/** The tz database name ICU resolves `name` to (case-insensitively), or undefined when it knows none. */
function resolvedZone(name: string): string | undefined {
    if (!zones.has(name)) {
        let resolved: string | undefined;
        try {
            resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
        } catch {
            resolved = undefined;
        }
        zones.set(name, resolved);
    }
    return zones.get(name);
}

/**
 * Why Scheduler refuses `timezone` as `ScheduleExpressionTimezone`, or undefined. A name is accepted when it
 * is spelled as in the tz database (case counts) and the tz database Node.js carries knows it: every name
 * of `Intl.supportedValuesOf("timeZone")`, `UTC`, and their links (`Asia/Kolkata`, `US/Eastern`, `Etc/UTC`).
 * Offsets such as `+05:00` or `GMT+5` are no zone names.
 */
export function timezoneProblem(timezone: string): string | undefined {
    const allowed = `expected a time zone name of the tz database such as "UTC", "Europe/Paris" or "America/New_York"`;
    if (timezone.length === 0) return allowed;
    if (timezone.length > SCHEDULE_TIMEZONE_MAX) return `${timezone.length} characters; at most ${SCHEDULE_TIMEZONE_MAX}`;
    // ICU still resolves the SystemV/ names, which tz database release 2020b removed (its NEWS: "The
    // long-obsolete files pacificnew, systemv, and yearistype.sh have been removed").
    if (/^systemv\//i.test(timezone)) return `${allowed} (the SystemV zones left the tz database in release 2020b)`;
    const resolved = resolvedZone(timezone);
    if (resolved && TZ_SHAPE.test(timezone)) return undefined;
    if (resolved) {
        const spelled = [...Intl.supportedValuesOf("timeZone"), "UTC"].find(z => z.toLowerCase() === timezone.toLowerCase()) ?? resolved;
        return `${allowed}, with its capitals (did you mean "${spelled}"?)`;
    }
    return allowed;
}

/** How the caller names the two inputs in messages: config keys in the loader, argument names in a component. */
export interface ScheduleKeys {
    readonly expression: string;
    readonly timezone: string;
}

/**
 * Every problem of a schedule expression and its time zone, each a sentence naming the key, the value given
 * and what is allowed; empty when Scheduler accepts both.
 */
export function scheduleProblems(expression: string, timezone: string, keys: ScheduleKeys = { expression: "schedule", timezone: "scheduleTimezone" }): string[] {
    const problems: string[] = [];
    const expressionProblem = scheduleExpressionProblem(expression);
    if (expressionProblem) problems.push(`${keys.expression} is ${JSON.stringify(expression)}: ${expressionProblem}`);
    const zoneProblem = timezoneProblem(timezone);
    if (zoneProblem) problems.push(`${keys.timezone} is ${JSON.stringify(timezone)}: ${zoneProblem}`);
    return problems;
}

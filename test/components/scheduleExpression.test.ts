/**
 * Schedule expressions and time zones as EventBridge Scheduler documents them: what passes, what is refused
 * and the exact words of each refusal.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { scheduleExpressionProblem, scheduleProblems, timezoneProblem } from "../../components/scheduleExpression";

const VALID = [
    "cron(0 3 * * ? *)",
    "cron(15 12 * * ? *)",
    "cron(0 18 ? * MON-FRI *)",
    "cron(0 8 1 * ? *)",
    "cron(0/15 * * * ? *)",
    "cron(0/10 * ? * MON-FRI *)",
    "cron(0/5 8-17 ? * MON-FRI *)",
    "cron(0 9 ? * 2#1 *)",
    "cron(0 9 ? * WED#2 *)",
    "cron(0 8 L * ? *)",
    "cron(0 8 LW * ? *)",
    "cron(0 8 15W * ? *)",
    "cron(0 8 ? * 6L *)",
    "cron(0 8 ? * FRIL *)",
    "cron(0 8 ? * L *)",
    "cron(0,30 * * JAN,FEB,DEC ? 2026-2030)",
    "cron(*/5 * * * ? *)",
    "cron(0 22-2 ? * FRI-MON *)",
    "cron(59 23 31 12 ? 2199)",
    "cron(0 0 1 1 ? 1970)",
    "cron(0  3 * * ? *)",
    "rate(1 minute)",
    "rate(5 minutes)",
    "rate(1 hour)",
    "rate(12 hours)",
    "rate(1 day)",
    "rate(7 days)",
    "at(2027-01-31T09:30:00)",
    "at(2028-02-29T23:59:59)",
    "at(0400-02-29T00:00:00)",
];

/** Given expression → the exact problem. */
const REFUSED: Array<[string, string]> = [
    [
        "cron(0 3 * * *)",
        "5 fields given; a cron expression has six: cron(minutes hours day-of-month month day-of-week year) (a Unix crontab has five; add the year, and ? in day-of-month or day-of-week: cron(0 3 * * ? *))",
    ],
    ["cron(0 0 3 * * ? *)", "7 fields given; a cron expression has six: cron(minutes hours day-of-month month day-of-week year)"],
    ["cron()", "0 fields given; a cron expression has six: cron(minutes hours day-of-month month day-of-week year)"],
    ["cron(0 3 1 * MON *)", "day-of-month (1) and day-of-week (MON) are both set; one of them must be ?, e.g. cron(0 3 * * ? *) or cron(0 3 ? * MON-FRI *)"],
    ["cron(0 3 * * * *)", "day-of-month (*) and day-of-week (*) are both set; one of them must be ?, e.g. cron(0 3 * * ? *) or cron(0 3 ? * MON-FRI *)"],
    ["cron(0 8 ? * ? *)", "both day-of-month and day-of-week are ?; one of them must name the days (* for every day) and the other be ?"],
    ["cron(60 3 * * ? *)", 'minutes field "60": 60 is out of range; expected 0-59 with the wildcards , - * /'],
    ["cron(0 24 * * ? *)", 'hours field "24": 24 is out of range; expected 0-23 with the wildcards , - * /'],
    ["cron(0 3 0 * ? *)", 'day-of-month field "0": 0 is out of range; expected 1-31 with the wildcards , - * ? / L W'],
    ["cron(0 3 ? 13 MON *)", 'month field "13": 13 is out of range; expected 1-12 or JAN-DEC with the wildcards , - * /'],
    ["cron(0 3 ? * 0 *)", 'day-of-week field "0": 0 is out of range; expected 1-7 or SUN-SAT with the wildcards , - * ? L #'],
    ["cron(0 3 * * ? 1969)", 'year field "1969": 1969 is out of range; expected 1970-2199 with the wildcards , - * /'],
    ["cron(0 3 ? jan MON *)", 'month field "jan": jan must be written in capitals (JAN); expected 1-12 or JAN-DEC with the wildcards , - * /'],
    ["cron(0 3 ? * mon-fri *)", 'day-of-week field "mon-fri": mon must be written in capitals (MON); expected 1-7 or SUN-SAT with the wildcards , - * ? L #'],
    ["cron(0 3 ? * Wed *)", 'day-of-week field "Wed": Wed must be written in capitals (WED); expected 1-7 or SUN-SAT with the wildcards , - * ? L #'],
    ["cron(0 3 ? * wed#2 *)", 'day-of-week field "wed#2": wed must be written in capitals (WED); expected 1-7 or SUN-SAT with the wildcards , - * ? L #'],
    ["cron(0 3 ? Jul MON *)", 'month field "Jul": Jul must be written in capitals (JUL); expected 1-12 or JAN-DEC with the wildcards , - * /'],
    ["cron(0 3 ? * 5W *)", 'day-of-week field "5W": W is allowed only in day-of-month; expected 1-7 or SUN-SAT with the wildcards , - * ? L #'],
    ["cron(0 3 L-3 * ? *)", 'day-of-month field "L-3": L and W stand alone in the day-of-month field (L, LW or a day such as 15W); expected 1-31 with the wildcards , - * ? / L W'],
    ["cron(0 3 ? JANUARY MON *)", 'month field "JANUARY": "JANUARY" is not a month value; expected 1-12 or JAN-DEC with the wildcards , - * /'],
    ["cron(0 3 ? * 3#1,6#3 *)", 'day-of-week field "3#1,6#3": only one # expression is allowed (3#1,6#3 holds more); expected 1-7 or SUN-SAT with the wildcards , - * ? L #'],
    ["cron(0 3 ? * 3#6 *)", 'day-of-week field "3#6": the # in 3#6 must be followed by the week of the month, 1 to 5; expected 1-7 or SUN-SAT with the wildcards , - * ? L #'],
    ["cron(0 3 ? * */2 *)", 'day-of-week field "*/2": the / wildcard is not allowed here; expected 1-7 or SUN-SAT with the wildcards , - * ? L #'],
    ["cron(0 3 32W * ? *)", 'day-of-month field "32W": 32W names no day of the month (1-31); expected 1-31 with the wildcards , - * ? / L W'],
    ["cron(0 3 1,L * ? *)", 'day-of-month field "1,L": L, W and # cannot be combined with other values; expected 1-31 with the wildcards , - * ? / L W'],
    ["cron(L 3 * * ? *)", 'minutes field "L": "L" is not allowed; expected 0-59 with the wildcards , - * /'],
    ["cron(? 3 * * ? *)", 'minutes field "?": ? is allowed only in day-of-month and day-of-week; expected 0-59 with the wildcards , - * /'],
    ["cron(0/0 3 * * ? *)", 'minutes field "0/0": the increment in "0/0" must be a whole number from 1 to 59; expected 0-59 with the wildcards , - * /'],
    ["cron(0 3 * * ? 2030-2026)", 'year field "2030-2026": the range 2030-2026 runs backwards; expected 1970-2199 with the wildcards , - * /'],
    ["cron(0 3- * * ? *)", 'hours field "3-": "3-" is not a value or a range; expected 0-23 with the wildcards , - * /'],
    [
        "cron(60 24 * * ? *)",
        'minutes field "60": 60 is out of range; expected 0-59 with the wildcards , - * /; hours field "24": 24 is out of range; expected 0-23 with the wildcards , - * /',
    ],
    ["rate(1 hours)", "a value of 1 takes the singular unit: rate(1 hour)"],
    ["rate(5 minute)", "a value above 1 takes the plural unit: rate(5 minutes)"],
    [
        "rate(0 minutes)",
        "the value 0 is not a whole number above 0; expected rate(value unit) with a whole number above 0 and minute, hour or day for 1, minutes, hours or days above 1, e.g. rate(1 hour) or rate(5 minutes)",
    ],
    [
        "rate(2 weeks)",
        "the unit weeks is not one of minute(s), hour(s) or day(s); expected rate(value unit) with a whole number above 0 and minute, hour or day for 1, minutes, hours or days above 1, e.g. rate(1 hour) or rate(5 minutes)",
    ],
    ["rate(1.5 hours)", "expected rate(value unit) with a whole number above 0 and minute, hour or day for 1, minutes, hours or days above 1, e.g. rate(1 hour) or rate(5 minutes)"],
    ["rate(-5 minutes)", "expected rate(value unit) with a whole number above 0 and minute, hour or day for 1, minutes, hours or days above 1, e.g. rate(1 hour) or rate(5 minutes)"],
    ["rate(5 Minutes)", "expected rate(value unit) with a whole number above 0 and minute, hour or day for 1, minutes, hours or days above 1, e.g. rate(1 hour) or rate(5 minutes)"],
    ["rate(5  minutes)", "expected rate(value unit) with a whole number above 0 and minute, hour or day for 1, minutes, hours or days above 1, e.g. rate(1 hour) or rate(5 minutes)"],
    [
        "at(2027-01-31T09:30:00Z)",
        "2027-01-31T09:30:00Z carries a UTC offset; name the zone in the schedule's time zone instead; expected at(yyyy-mm-ddThh:mm:ss), a local date and time in the schedule's time zone, e.g. at(2027-01-31T09:30:00)",
    ],
    [
        "at(2027-01-31T09:30:00+01:00)",
        "2027-01-31T09:30:00+01:00 carries a UTC offset; name the zone in the schedule's time zone instead; expected at(yyyy-mm-ddThh:mm:ss), a local date and time in the schedule's time zone, e.g. at(2027-01-31T09:30:00)",
    ],
    ["at()", "expected at(yyyy-mm-ddThh:mm:ss), a local date and time in the schedule's time zone, e.g. at(2027-01-31T09:30:00)"],
    ["at(2027-01-31 09:30:00)", "expected at(yyyy-mm-ddThh:mm:ss), a local date and time in the schedule's time zone, e.g. at(2027-01-31T09:30:00)"],
    ["at(2027-01-31T09:30)", "expected at(yyyy-mm-ddThh:mm:ss), a local date and time in the schedule's time zone, e.g. at(2027-01-31T09:30:00)"],
    ["at(2027-01-31T09:30:00.000)", "expected at(yyyy-mm-ddThh:mm:ss), a local date and time in the schedule's time zone, e.g. at(2027-01-31T09:30:00)"],
    ["at(2027-02-29T09:30:00)", "2027-02-29 is no date of the calendar; expected at(yyyy-mm-ddThh:mm:ss), a local date and time in the schedule's time zone, e.g. at(2027-01-31T09:30:00)"],
    ["at(0099-02-29T09:30:00)", "0099-02-29 is no date of the calendar; expected at(yyyy-mm-ddThh:mm:ss), a local date and time in the schedule's time zone, e.g. at(2027-01-31T09:30:00)"],
    ["at(2027-13-01T09:30:00)", "2027-13-01 is no date of the calendar; expected at(yyyy-mm-ddThh:mm:ss), a local date and time in the schedule's time zone, e.g. at(2027-01-31T09:30:00)"],
    ["at(2027-01-31T24:00:00)", "24:00:00 is no time of day (00:00:00 to 23:59:59); expected at(yyyy-mm-ddThh:mm:ss), a local date and time in the schedule's time zone, e.g. at(2027-01-31T09:30:00)"],
    ["0 3 * * *", "expected cron(minutes hours day-of-month month day-of-week year), rate(value unit) or at(yyyy-mm-ddThh:mm:ss) (wrap fields in cron(…))"],
    ["CRON(0 3 * * ? *)", "expected cron(minutes hours day-of-month month day-of-week year), rate(value unit) or at(yyyy-mm-ddThh:mm:ss) (write cron in lower case)"],
    ["@daily", "expected cron(minutes hours day-of-month month day-of-week year), rate(value unit) or at(yyyy-mm-ddThh:mm:ss)"],
    [" cron(0 3 * * ? *)", "remove the white space around the expression"],
    ["rate(1 day)\n", "remove the white space around the expression"],
    ["", "expected cron(minutes hours day-of-month month day-of-week year), rate(value unit) or at(yyyy-mm-ddThh:mm:ss)"],
    [`cron(${"0,".repeat(130)}0 3 * * ? *)`, "277 characters; at most 256"],
];

describe("schedule expressions", () => {
    for (const expression of VALID) {
        it(`GIVEN ${expression} THEN Scheduler accepts it`, () => {
            assert.equal(scheduleExpressionProblem(expression), undefined);
        });
    }
    for (const [expression, problem] of REFUSED) {
        it(`GIVEN ${JSON.stringify(expression.slice(0, 60))} THEN it is refused saying why and what is allowed`, () => {
            assert.equal(scheduleExpressionProblem(expression), problem);
        });
    }
});

describe("schedule time zones", () => {
    for (const zone of ["UTC", "Europe/Paris", "America/New_York", "America/Argentina/Buenos_Aires", "Asia/Kolkata", "Europe/Kyiv", "US/Eastern", "Etc/UTC", "Etc/GMT+5", "America/Port-au-Prince"]) {
        it(`GIVEN ${zone} THEN it is accepted`, () => assert.equal(timezoneProblem(zone), undefined));
    }
    const ALLOWED = `expected a time zone name of the tz database such as "UTC", "Europe/Paris" or "America/New_York"`;
    const REFUSED_ZONES: Array<[string, string]> = [
        ["utc", `${ALLOWED}, with its capitals (did you mean "UTC"?)`],
        ["america/new_york", `${ALLOWED}, with its capitals (did you mean "America/New_York"?)`],
        ["+05:00", ALLOWED],
        ["GMT+5", ALLOWED],
        ["Europe/Pariss", ALLOWED],
        ["SystemV/AST4", `${ALLOWED} (the SystemV zones left the tz database in release 2020b)`],
        ["", ALLOWED],
        ["America/Argentina/Buenos_Aires/And/Then/Some/More/Segments", "58 characters; at most 50"],
    ];
    for (const [zone, problem] of REFUSED_ZONES) {
        it(`GIVEN ${JSON.stringify(zone)} THEN it is refused: ${problem.slice(0, 40)}…`, () => assert.equal(timezoneProblem(zone), problem));
    }

    it("THEN every zone Node.js lists, and UTC, is accepted", () => {
        const refused = [...Intl.supportedValuesOf("timeZone"), "UTC"].filter(z => timezoneProblem(z) !== undefined);
        assert.deepEqual(refused, []);
    });
});

describe("scheduleProblems (what the loader calls per service)", () => {
    it("GIVEN both inputs wrong THEN both are reported, each naming its key and the value given", () => {
        assert.deepEqual(scheduleProblems("rate(1 hours)", "utc", { expression: "services.nightly.schedule", timezone: "services.nightly.timezone" }), [
            'services.nightly.schedule is "rate(1 hours)": a value of 1 takes the singular unit: rate(1 hour)',
            `services.nightly.timezone is "utc": expected a time zone name of the tz database such as "UTC", "Europe/Paris" or "America/New_York", with its capitals (did you mean "UTC"?)`,
        ]);
    });
    it("GIVEN a valid pair THEN nothing is reported", () => {
        assert.deepEqual(scheduleProblems("cron(0 3 * * ? *)", "Europe/Paris"), []);
    });
});

/** A cron field drawn from its documented range and wildcards. */
const numberIn = (min: number, max: number) => fc.integer({ min, max }).map(String);
const listOf = (item: fc.Arbitrary<string>) => fc.array(item, { minLength: 1, maxLength: 3 }).map(items => items.join(","));
const rangeOf = (min: number, max: number) => fc.tuple(fc.integer({ min, max }), fc.integer({ min, max })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`);
const stepOf = (min: number, max: number) => fc.tuple(fc.oneof(fc.constant("*"), numberIn(min, max)), fc.integer({ min: 1, max })).map(([base, step]) => `${base}/${step}`);
const field = (min: number, max: number, names: readonly string[] = []) =>
    fc.oneof(
        fc.constant("*"),
        listOf(fc.oneof(numberIn(min, max), rangeOf(min, max), ...(names.length ? [fc.constantFrom(...names)] : []))),
        stepOf(min, max),
    );
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const dayOfWeek = fc.oneof(fc.constant("*"), listOf(fc.oneof(numberIn(1, 7), rangeOf(1, 7), fc.constantFrom(...DAYS))), fc.constant("L"), fc.tuple(numberIn(1, 7), numberIn(1, 5)).map(([d, n]) => `${d}#${n}`));
const validCron = fc
    .tuple(field(0, 59), field(0, 23), field(1, 31), field(1, 12, MONTHS), dayOfWeek, field(1970, 2199), fc.boolean())
    .map(([min, hour, dom, month, dow, year, dayOfMonthSet]) => `cron(${min} ${hour} ${dayOfMonthSet ? dom : "?"} ${month} ${dayOfMonthSet ? "?" : dow} ${year})`);

describe("schedule expressions: properties", () => {
    it("THEN every cron expression built from the documented ranges and wildcards is accepted", () => {
        fc.assert(fc.property(validCron, expression => scheduleExpressionProblem(expression) === undefined));
    });

    it("THEN a valid cron expression with one field dropped or one added is refused for its field count", () => {
        fc.assert(
            fc.property(validCron, fc.boolean(), (expression, drop) => {
                const fields = expression.slice(5, -1).split(" ");
                const changed = drop ? fields.slice(1) : [...fields, "*"];
                return /^\d+ fields? given; a cron expression has six/.test(scheduleExpressionProblem(`cron(${changed.join(" ")})`) ?? "");
            }),
        );
    });

    it("THEN a valid cron expression with both day fields set is refused", () => {
        fc.assert(
            fc.property(validCron, expression => {
                const fields = expression.slice(5, -1).split(" ");
                fields[2] = fields[2] === "?" ? "1" : fields[2];
                fields[4] = fields[4] === "?" ? "MON" : fields[4];
                return /are both set; one of them must be \?/.test(scheduleExpressionProblem(`cron(${fields.join(" ")})`) ?? "");
            }),
        );
    });

    it("THEN a valid cron expression with a month or day name written in lower case is refused, naming the capitals", () => {
        fc.assert(
            fc.property(validCron, expression => {
                const name = /(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|SUN|MON|TUE|WED|THU|FRI|SAT)/.exec(expression)?.[1];
                fc.pre(name !== undefined);
                const lowered = expression.replace(name!, name!.toLowerCase());
                return (scheduleExpressionProblem(lowered) ?? "").includes(`${name!.toLowerCase()} must be written in capitals (${name})`);
            }),
        );
    });

    it("THEN any text at all gets an answer, never an exception: undefined or a sentence", () => {
        const near = fc.oneof(
            fc.string(),
            fc.string({ unit: fc.constantFrom(..."0123456789 */,-?#LW()cronateJANMOSU".split("")) }).map(s => `cron(${s})`),
            fc.string().map(s => `rate(${s})`),
            fc.string().map(s => `at(${s})`),
        );
        fc.assert(
            fc.property(near, expression => {
                const problem = scheduleExpressionProblem(expression);
                return problem === undefined || (typeof problem === "string" && problem.length > 10);
            }),
            { numRuns: 2000 },
        );
    });

    it("THEN rate(n unit) is accepted exactly when the unit agrees with n", () => {
        fc.assert(
            fc.property(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom("minute", "hour", "day"), fc.boolean(), (n, unit, plural) => {
                const accepted = scheduleExpressionProblem(`rate(${n} ${unit}${plural ? "s" : ""})`) === undefined;
                return accepted === (plural === n > 1);
            }),
        );
    });

    it("THEN at() accepts every real date and time and refuses it with any UTC offset appended", () => {
        fc.assert(
            fc.property(fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2199-12-31T23:59:59Z"), noInvalidDate: true }), fc.constantFrom("Z", "+00:00", "-05:00", "+0530"), (date, offset) => {
                const local = date.toISOString().slice(0, 19);
                return scheduleExpressionProblem(`at(${local})`) === undefined && /carries a UTC offset/.test(scheduleExpressionProblem(`at(${local}${offset})`) ?? "");
            }),
        );
    });

    it("THEN any out-of-range minute or hour is refused naming its field", () => {
        fc.assert(
            fc.property(fc.integer({ min: 60, max: 999 }), fc.integer({ min: 24, max: 999 }), fc.boolean(), (minute, hour, which) => {
                const expression = which ? `cron(${minute} 3 * * ? *)` : `cron(0 ${hour} * * ? *)`;
                return (scheduleExpressionProblem(expression) ?? "").startsWith(which ? `minutes field "${minute}"` : `hours field "${hour}"`);
            }),
        );
    });
});

import { strict as assert } from "node:assert";
import { scheduleFrequency } from "../../estimates";

// A month is 730 hours (8760 / 12): a daily job runs 365 / 12 = 30.4167 times in it.
const runs = (expression: unknown) => {
    const f = scheduleFrequency(expression, 730);
    return f.runsPerMonth === undefined ? undefined : Number(f.runsPerMonth.toFixed(4));
};

describe("schedule frequency (runs per month of an EventBridge Scheduler expression)", () => {
    it("GIVEN rate(…) THEN the month's minutes over the period, in every unit and its plural", () => {
        assert.equal(runs("rate(1 day)"), 30.4167);
        assert.equal(runs("rate(2 days)"), 15.2083);
        assert.equal(runs("rate(1 hour)"), 730);
        assert.equal(runs("rate(2 hours)"), 365);
        assert.equal(runs("rate(5 minutes)"), 8760);
        assert.equal(runs("rate(1 minute)"), 43800);
    });

    it("GIVEN a daily cron THEN it agrees with rate(1 day); a 15-minute cron with rate(15 minutes)", () => {
        assert.equal(runs("cron(0 3 * * ? *)"), runs("rate(1 day)"));
        assert.equal(runs("cron(0/15 * * * ? *)"), runs("rate(15 minutes)"));
        assert.equal(runs("cron(*/15 * ? * * *)"), 2920);
    });

    it("GIVEN weekdays, hour ranges, lists and steps THEN each field's values multiply", () => {
        // 5 of 7 days: 5 × 365 / 7 / 12 = 21.7262
        assert.equal(runs("cron(0 9 ? * MON-FRI *)"), 21.7262);
        assert.equal(runs("cron(0 9 ? * 2-6 *)"), 21.7262);
        // 10 hours × 5 days: 217.2619
        assert.equal(runs("cron(0 8-17 ? * 2-6 *)"), 217.2619);
        // minutes 0 and 30, hours 0, 6, 12, 18 every day: 8 × 30.4167
        assert.equal(runs("cron(0,30 0/6 * * ? *)"), 243.3333);
        assert.equal(runs("cron(0 12 ? * SUN,sat *)"), 8.6905);
    });

    it("GIVEN days of the month THEN only the months that have them count (a non-leap year)", () => {
        assert.equal(runs("cron(0 0 1 * ? *)"), 1);
        assert.equal(runs("cron(0 0 1,15 * ? *)"), 2);
        // The 31st exists in 7 months, the 30th in 11: 7 / 12 and 11 / 12
        assert.equal(runs("cron(0 0 31 * ? *)"), 0.5833);
        assert.equal(runs("cron(0 0 30 * ? *)"), 0.9167);
        // January and July only: 2 / 12
        assert.equal(runs("cron(0 0 1 JAN,JUL ? *)"), 0.1667);
        assert.equal(runs("cron(0 0 * 2 ? *)"), Number((28 / 12).toFixed(4)));
    });

    it("GIVEN L, W and # where each means one day a month THEN one run a month per time of day", () => {
        for (const expression of ["cron(0 0 L * ? *)", "cron(0 0 LW * ? *)", "cron(0 0 15W * ? *)", "cron(0 12 ? * 2#1 *)", "cron(0 12 ? * MON#4 *)", "cron(0 12 ? * 6L *)"]) {
            assert.equal(runs(expression), 1, expression);
        }
    });

    it("GIVEN a one-time at(…) THEN one run, marked one-time", () => {
        assert.deepEqual(scheduleFrequency("at(2026-12-24T18:00:00)", 730), { runsPerMonth: 1, basis: "a one-time schedule: one run, in the month it fires", oneTime: true });
    });

    it("GIVEN forms that cannot be counted or read THEN unknown, with the reason, never a guess", () => {
        const why = (expression: unknown) => {
            const f = scheduleFrequency(expression, 730);
            assert.equal(f.runsPerMonth, undefined, String(expression));
            return f.basis;
        };
        assert.equal(why("cron(0 3 ? * 6#5 *)"), 'cron(0 3 ? * 6#5 *): day-of-week "6#5" (a fifth weekday) occurs in some months only');
        assert.equal(why("cron(0 0 1 * MON *)"), "cron(0 0 1 * MON *): day-of-month and day-of-week are both set (one of them must be ?)");
        assert.equal(why("cron(0 0 ? * ? *)"), "cron(0 0 ? * ? *): day-of-month and day-of-week are both ? (one of them must be set)");
        assert.equal(why("cron(0 0 ? * FRI-MON *)"), 'cron(0 0 ? * FRI-MON *): day-of-week "FRI-MON" runs backwards or steps by 0');
        assert.equal(why("cron(0 25 * * ? *)"), 'cron(0 25 * * ? *): hours "25" holds "25", not a value from 0 to 23');
        assert.equal(why("cron(0 0 1-L * ? *)"), 'cron(0 0 1-L * ? *): day-of-month "1-L" holds "L", not a value from 1 to 31');
        assert.equal(why("cron(0 3 * * ?)"), "cron(0 3 * * ?) has 5 fields; EventBridge cron has 6 (minutes hours day-of-month month day-of-week year)");
        assert.equal(why("rate(1 week)"), "rate(1 week): unit must be minute(s), hour(s) or day(s) and the value at least 1");
        assert.equal(why("rate(0 minutes)"), "rate(0 minutes): unit must be minute(s), hour(s) or day(s) and the value at least 1");
        assert.equal(why("every day"), '"every day" is none of rate(…), cron(…) or at(…)');
        assert.equal(why(undefined), "the schedule expression is not known yet");
    });

    it("GIVEN a cron limited to some years THEN the monthly figure within them, and the basis says so", () => {
        const f = scheduleFrequency("cron(0 3 * * ? 2027)", 730);
        assert.equal(Number(f.runsPerMonth?.toFixed(4)), 30.4167);
        assert.match(f.basis, /only in the years 2027$/);
    });
});

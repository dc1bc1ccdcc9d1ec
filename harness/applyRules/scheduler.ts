/**
 * EventBridge Scheduler: what CreateSchedule refuses that the mock runtime lets through. The provider checks only lengths (1 to 256 for the expression, 1 to 50 for the time zone) and
 * `name`'s characters at plan time, which the mocks skip; the expression's grammar and the time zone are
 * judged by AWS alone, at `pulumi up`.
 */
import { scheduleExpressionProblem, timezoneProblem } from "../../components/scheduleExpression";
import { SCHEDULE } from "../../policy/facts/typeTokens";
import { isKnownString, lengthFinding, charsetFinding, AUTONAME, AUTONAME_RANDOM, autoname, PREFIX_SUFFIX } from "./read";
import { ApplyRule, Finding, RuleContext, RuleResource } from "./types";

const MAX = 64;
const CHARSET = "0-9a-zA-Z\\-_.";
const SHOWN = "letters, digits and - _ .";

/** A name of 1 to 64 of [0-9a-zA-Z-_.] at `path`. */
function nameFindings(path: string, value: string, max = MAX): Finding[] {
    return [...lengthFinding(path, value, max, "characters", 1), ...charsetFinding(path, value, CHARSET, SHOWN)];
}

/** `name`, `namePrefix` (26 characters appended) and, when neither is set, the name the bridge generates. */
function ownName(r: RuleResource, context: RuleContext): Finding[] {
    const findings: Finding[] = [];
    if (isKnownString(r.inputs.name)) findings.push(...nameFindings("name", r.inputs.name));
    if (isKnownString(r.inputs.namePrefix)) findings.push(...nameFindings("namePrefix", r.inputs.namePrefix, MAX - PREFIX_SUFFIX));
    const generated = autoname(r, context);
    if (generated) {
        findings.push(
            ...nameFindings(AUTONAME, generated.example).map(f => ({
                ...f,
                allowed: `${f.allowed} (generated from the logical name "${r.name}": at most ${MAX - AUTONAME_RANDOM - 1} characters of ${SHOWN}; shorten or rename it, or set name)`,
            })),
        );
    }
    return findings;
}

export const schedulerScheduleName: ApplyRule = {
    id: "scheduler-schedule-name",
    types: SCHEDULE,
    aws: "Name and GroupName: 1 to 64 of [0-9a-zA-Z-_.]; name_prefix at most 38",
    source: "https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html",
    configKeys: [],
    check: (r, context) => [...ownName(r, context), ...(isKnownString(r.inputs.groupName) ? nameFindings("groupName", r.inputs.groupName) : [])],
};

export const schedulerScheduleExpression: ApplyRule = {
    id: "scheduler-schedule-expression",
    types: SCHEDULE,
    aws: "ScheduleExpression: cron(minutes hours day-of-month month day-of-week year) with one day field ?, rate(value unit) with a singular unit for 1, or at(yyyy-mm-ddThh:mm:ss); ScheduleExpressionTimezone: a tz database name",
    source: "https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html",
    configKeys: [],
    check: r => {
        const findings: Finding[] = [];
        const expression = r.inputs.scheduleExpression;
        const expressionProblem = isKnownString(expression) ? scheduleExpressionProblem(expression) : undefined;
        if (expressionProblem) findings.push({ path: "scheduleExpression", given: expression, allowed: expressionProblem });
        const zone = r.inputs.scheduleExpressionTimezone;
        const zoneProblem = isKnownString(zone) ? timezoneProblem(zone) : undefined;
        if (zoneProblem) findings.push({ path: "scheduleExpressionTimezone", given: zone, allowed: zoneProblem });
        return findings;
    },
};

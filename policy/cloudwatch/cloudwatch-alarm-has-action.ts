import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { isUnknownSentinel } from "../lib/goDecode";
import { CLOUDWATCH_ALARM } from "../lib/types";
import { peek, UNKNOWN, UnknownDeferral } from "../lib/unknowns";
import { ALARM_ACTION_SERVICES, isAlarmActionArn } from "./alarmActions";

/** A value as a message shows it: `false`, `"false"`, `0`, `{"a":1}`. */
const shown = (value: unknown): string => JSON.stringify(value) ?? String(value);

/**
 * Observability (not covered by the catalog's tools): an alarm nobody hears is a dashboard tile. Metric and
 * composite alarms name at least one `alarmActions` ARN (an SNS topic, typically) and leave `actionsEnabled`
 * at its default, true: `actionsEnabled: false` (or any other value) turns every action off while the alarm
 * keeps changing state. `okActions` and `insufficientDataActions` do not count: they never run on ALARM.
 * Actions not known yet (preview of a topic still to be created) count as actions; a whole list not known
 * yet gets the engine's "can't run during preview" advisory, nothing is guessed.
 */
export const cloudwatchAlarmHasAction: ResourceValidationPolicy = {
    name: "cloudwatch-alarm-has-action",
    description: "CloudWatch alarms must have actions enabled and notify at least one target when they go into ALARM.",
    enforcementLevel: "mandatory",
    severity: "medium",
    validateResource: validateTypes(CLOUDWATCH_ALARM, (props, _args, report) => {
        const deferral = new UnknownDeferral();
        const enabled = peek(props, "actionsEnabled");
        if (enabled === UNKNOWN) {
            deferral.run(() => props.actionsEnabled);
        } else if (enabled === false) {
            report("actionsEnabled is false, so the alarm changes state without running any action; remove it or set it to true.");
        } else if (enabled !== undefined && enabled !== null && enabled !== true) {
            report(`actionsEnabled is ${shown(enabled)}, not a boolean; remove it or set it to true so the alarm's actions run.`);
        }
        const actions = peek(props, "alarmActions");
        if (actions === UNKNOWN) {
            deferral.run(() => props.alarmActions);
        } else if (actions === undefined || actions === null || (Array.isArray(actions) && actions.length === 0)) {
            report("alarmActions is empty, so nobody hears of the alarm; set alarmActions to the ARN of an SNS topic that notifies the service's owners.");
        } else if (!Array.isArray(actions)) {
            report(`alarmActions is ${shown(actions)}, not a list; set it to a list of ARNs, e.g. [topic.arn].`);
        } else {
            const refused = actions.filter(a => !isUnknownSentinel(a) && !(typeof a === "string" && isAlarmActionArn(a)));
            if (refused.length > 0) {
                report(
                    `alarmActions ${refused.map(shown).join(", ")} ${refused.length === 1 ? "is not an ARN" : "are not ARNs"} CloudWatch takes as an action ` +
                        `(${ALARM_ACTION_SERVICES.join(", ")}); name an SNS topic's ARN, e.g. [topic.arn].`,
                );
            }
        }
        deferral.rethrow();
    }),
};

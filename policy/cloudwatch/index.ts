import { cloudwatchAlarmHasAction } from "./cloudwatch-alarm-has-action";

/** CloudWatch policies: metric and composite alarms. */
export const cloudwatchPolicies = [cloudwatchAlarmHasAction];

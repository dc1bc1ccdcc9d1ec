/**
 * The retention periods CloudWatch Logs accepts for a log group, in days. Pure, with no import: the config
 * loader, the policy pack and the tests all read this one list.
 *
 * Source: `PutRetentionPolicy`, Amazon CloudWatch Logs API Reference,
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
 * (`retentionInDays`: "Possible values are: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
 * 1096, 1827, 2192, 2557, 2922, 3288, and 3653"), checked 2026-11-30; `test/policy/facts/logRetention.test.ts`
 * holds it against the `retentionInDays` documentation of the installed `@pulumi/aws`. 0 (or unset) keeps
 * logs forever and is deliberately not in the list: the program and the pack want a retention.
 */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** A retention period CloudWatch Logs accepts, in days. */
export type LogRetentionDays = (typeof LOG_RETENTION_DAYS)[number];

/** True when CloudWatch Logs accepts a retention of `days`. */
export const isLogRetentionDays = (days: number): days is LogRetentionDays => (LOG_RETENTION_DAYS as readonly number[]).includes(days);

/** The shortest retention CloudWatch Logs accepts that keeps logs at least `days`; the longest when none does. */
export const shortestLogRetentionOfAtLeast = (days: number): LogRetentionDays =>
    LOG_RETENTION_DAYS.find(p => p >= days) ?? LOG_RETENTION_DAYS[LOG_RETENTION_DAYS.length - 1];

/** The longest retention CloudWatch Logs accepts (ten years), in days. */
export const LOG_RETENTION_MAX_DAYS: LogRetentionDays = LOG_RETENTION_DAYS[LOG_RETENTION_DAYS.length - 1];

import { ResourceValidationPolicy } from "@pulumi/policy";
import { isLogRetentionDays, LOG_RETENTION_DAYS, shortestLogRetentionOfAtLeast } from "../facts/logRetention";
import { remediateTypes, validateTypes } from "../lib/applies";
import { copyProps, toNumber } from "../lib/coerce";
import { LOG_GROUP } from "../lib/types";

interface Config {
    minimumRetentionDays: number;
}

/**
 * Catalog #41 — Checkov CKV_AWS_66 (retention set) and CKV_AWS_338 (at least a year), cdk-nag, Security Hub
 * CloudWatch.16. Log groups set `retentionInDays` (unset or 0 keeps logs, and their cost, forever) to a value
 * CloudWatch accepts and at least `minimumRetentionDays` (production: 365). Remediation raises a retention
 * that is too short to the smallest accepted value that meets the minimum; it never sets a retention on a
 * group that keeps logs forever, since that would delete old logs.
 */
export const logsLogGroupRetention: ResourceValidationPolicy = {
    name: "logs-log-group-retention",
    description: "Log groups must set a retention period of at least the required number of days.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            minimumRetentionDays: {
                type: "integer",
                default: 7,
                minimum: 1,
                description: "Shortest retentionInDays accepted (365 in production).",
            },
        },
    },
    validateResource: validateTypes(LOG_GROUP, (props, args, report) => {
        const { minimumRetentionDays } = args.getConfig<Config>();
        const raw = props.retentionInDays;
        const days = toNumber(raw);
        if (raw === undefined || raw === null || days === 0) {
            report(`retentionInDays is not set, so logs are kept (and billed) forever; set retentionInDays to at least ${minimumRetentionDays}.`);
        } else if (days === undefined || !isLogRetentionDays(days)) {
            report(`retentionInDays is ${JSON.stringify(raw)}, which CloudWatch Logs does not accept; use one of ${LOG_RETENTION_DAYS.join(", ")}.`);
        } else if (days < minimumRetentionDays) {
            report(`retentionInDays is ${days}, below the required ${minimumRetentionDays} days; set it to at least ${minimumRetentionDays}.`);
        }
    }),
    remediateResource: remediateTypes(LOG_GROUP, (props, args) => {
        const { minimumRetentionDays } = args.getConfig<Config>();
        const days = toNumber(props.retentionInDays);
        if (days === undefined || days === 0 || days >= minimumRetentionDays) {
            return undefined;
        }
        const raised = shortestLogRetentionOfAtLeast(minimumRetentionDays);
        return { ...copyProps(props), retentionInDays: raised };
    }),
};

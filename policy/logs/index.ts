import { logsLogGroupKmsEncryption } from "./logs-log-group-kms-encryption";
import { logsLogGroupRetention } from "./logs-log-group-retention";

/** CloudWatch Logs policies. */
export const logsPolicies = [logsLogGroupRetention, logsLogGroupKmsEncryption];

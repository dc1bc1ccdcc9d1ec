/**
 * Reusable components for a containerised web service on ECS Fargate, and the pure helpers they share.
 */
export * from "./network";
export * from "./containerImage";
export * from "./cluster";
export * from "./loadBalancer";
export * from "./fargateService";
export * from "./fargateTask";
export * from "./routing";
export * from "./serviceTopology";
export * from "./scaling";
export * from "./serviceSecrets";
export * from "./accessLogBucket";
export * from "./capacity";
export * from "./fargateSizes";
export * from "./iamDocuments";
export * from "./kmsKeyPolicy";
export * from "./containerDefinition";
export { parseStackConfig, ConfigError, StackSettings, RawStackConfig, SecretReference, LOG_RETENTION_DAYS } from "./stackConfig";
export { loadStackConfig, LoadedServiceSettings, LoadedStackSettings } from "./loadStackConfig";
export { deployStack, StackOutputs } from "./stack";
export * from "./scheduledTask";
export * from "./scheduledTaskIam";
export * from "./scheduleExpression";
export * from "./serviceAlarms";
export * from "./stackObservability";
export * from "./alarmRules";
export * from "./dashboardBody";

/**
 * Offline estimates over the resources a program run records: monthly cost and rollout duration, per
 * service and for the stack.
 */
export { DEPLOYMENTS_PER_MONTH, estimateMonthlyCost } from "./cost";
export { defaultPrices } from "./priceList";
export type { CostEstimate, CostItem, CostOptions, CostPart, DeploymentCost, ScheduleUsage, ServiceCost } from "./cost";
export type { PriceEntry, PriceKey, Prices } from "./priceList";
export { estimateRollout, tasksPerWave, AWS_DEFAULTS, PULL_AND_START_SECONDS, WAVE_BUDGET_SECONDS } from "./rollout";
export type { RolloutEstimate, ServiceRollout } from "./rollout";
export { linearShifts } from "./rolloutStrategy";
export type { PauseHook, PhaseKey, RolloutPhase, StrategyRollout } from "./rolloutStrategy";
export type { EcsStrategy } from "./deploymentConfig";
export { scheduleFrequency } from "./scheduleFrequency";
export type { ScheduleFrequency } from "./scheduleFrequency";
export { ASSUMED_RUN_MINUTES, EXPECTED_DURATION_TAG } from "./scheduledTasks";

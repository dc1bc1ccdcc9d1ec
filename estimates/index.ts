/**
 * Offline estimates over the resources a program run records: monthly cost and rollout duration.
 */
export { estimateMonthlyCost } from "./cost";
export { defaultPrices } from "./priceList";
export type { CostEstimate, CostItem } from "./cost";
export type { PriceEntry, PriceKey, Prices } from "./priceList";
export { estimateRollout, tasksPerWave, AWS_DEFAULTS, PULL_AND_START_SECONDS, WAVE_BUDGET_SECONDS } from "./rollout";
export type { RolloutEstimate, ServiceRollout } from "./rollout";

/**
 * Capacity-provider strategy for a Fargate service. Pure.
 */

/** Fargate capacity providers. */
export type CapacityProvider = "FARGATE" | "FARGATE_SPOT";

/** One entry of an ECS capacity-provider strategy. */
export interface CapacityProviderStrategyItem {
    readonly capacityProvider: CapacityProvider;
    readonly base: number;
    readonly weight: number;
}

/**
 * The strategy that places `onDemandBase` tasks on FARGATE and every other task on `provider`.
 * With provider FARGATE this is a single on-demand entry; with FARGATE_SPOT and a base, on-demand carries
 * the base at weight 0 so that tasks above the base all go to Spot.
 */
export function capacityProviderStrategy(provider: CapacityProvider, onDemandBase: number): CapacityProviderStrategyItem[] {
    if (!Number.isInteger(onDemandBase) || onDemandBase < 0) {
        throw new Error(`onDemandBase is ${onDemandBase}; expected a whole number of tasks, 0 or more`);
    }
    if (provider === "FARGATE") {
        return [{ capacityProvider: "FARGATE", base: onDemandBase, weight: 1 }];
    }
    const spot: CapacityProviderStrategyItem = { capacityProvider: "FARGATE_SPOT", base: 0, weight: 1 };
    return onDemandBase > 0 ? [{ capacityProvider: "FARGATE", base: onDemandBase, weight: 0 }, spot] : [spot];
}

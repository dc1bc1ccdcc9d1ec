/**
 * What a blue/green, canary or linear deployment costs beyond the steady state: the new revision's tasks
 * run beside the old revision's from the scale-up until the old ones stop. Pure.
 *
 * Fargate bills a task from the start of its image pull until it stops
 * (https://aws.amazon.com/fargate/pricing/), so the extra tasks are billed for the whole deployment as the
 * rollout model times it: scale-up, traffic shifts, bake and the old revision's drain and stop (pauses
 * excluded: their length is not known offline). At the scaling minimum ECS starts `min` new tasks, at the
 * maximum `max`; each is placed on-demand or on Spot as the service's capacity-provider strategy places
 * its tasks. The second target group and the listener rules have no hourly price: an ALB is billed per
 * hour and LCU, and rules only by rule evaluations beyond the first 10 a request meets
 * (https://aws.amazon.com/elasticloadbalancing/pricing/), which the cost model notes per listener.
 */
import { addFargateTasks, Usage } from "./fargateTasks";
import { Prices } from "./priceList";
import { ServiceView } from "./recorded";
import { StrategyRollout } from "./rolloutStrategy";

/** Deployments a month per service the monthly figure assumes unless told otherwise: about one a working day. */
export const DEPLOYMENTS_PER_MONTH = 20;

/** The double capacity of one service's deployments. */
export interface DeploymentCost {
    readonly service: string;
    readonly strategy: StrategyRollout["strategy"];
    readonly deploymentsPerMonth: number;
    /** Seconds both revisions run in one deployment, pauses excluded (a lower bound when `complete` is false). */
    readonly seconds: number;
    /** False when a phase's length is unknown: the figures are then lower bounds. */
    readonly complete: boolean;
    /** The new revision's tasks at the scaling minimum and maximum. */
    readonly extraTasks: number;
    readonly extraTasksMax: number;
    /** One deployment, in dollars to 4 decimals (a deployment of small tasks costs well under a cent). */
    readonly perDeploymentUsd: number;
    readonly perDeploymentUsdMax: number;
    /** deploymentsPerMonth deployments, rounded to cents. */
    readonly monthlyUsd: number;
    readonly monthlyUsdMax: number;
}

const price = (usage: Usage, prices: Prices): number => [...usage].reduce((sum, [key, units]) => sum + units * prices.items[key].usd, 0);

/**
 * The monthly usage of `deploymentsPerMonth` deployments of `service` (at its scaling minimum and maximum)
 * and what one and all of them cost; `note` receives what cannot be priced.
 */
export function doubleCapacity(
    service: ServiceView,
    rollout: StrategyRollout,
    deploymentsPerMonth: number,
    prices: Prices,
    note: (text: string) => void,
): { low: Usage; high: Usage; cost: DeploymentCost } {
    const runner = { label: `Service ${service.name}`, taskDefinition: service.taskDefinition, placement: service.inputs };
    const seconds = rollout.completeSeconds ?? rollout.knownSeconds;
    const hours = seconds / 3600;
    const usage = (tasks: number, deployments: number): Usage => {
        const u: Usage = new Map();
        addFargateTasks(u, runner, tasks, hours * deployments, note);
        return u;
    };
    const [one, oneMax] = [usage(service.tasks.min, 1), usage(service.tasks.max, 1)];
    const [low, high] = [usage(service.tasks.min, deploymentsPerMonth), usage(service.tasks.max, deploymentsPerMonth)];
    const cents = (usd: number) => Math.round(Number((usd * 100).toFixed(6))) / 100;
    return {
        low,
        high,
        cost: {
            service: service.name,
            strategy: rollout.strategy,
            deploymentsPerMonth,
            seconds,
            complete: rollout.completeSeconds !== null,
            extraTasks: service.tasks.min,
            extraTasksMax: service.tasks.max,
            perDeploymentUsd: Number(price(one, prices).toFixed(4)),
            perDeploymentUsdMax: Number(price(oneMax, prices).toFixed(4)),
            monthlyUsd: cents(price(low, prices)),
            monthlyUsdMax: cents(price(high, prices)),
        },
    };
}

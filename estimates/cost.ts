/**
 * Monthly cost model over the resources a program run records. Pure: prices come from `prices.json`.
 */
import { RecordedResource } from "../harness/types";
import { emailSubscriptions, monitoringUsage } from "./alarms";
import { UnpricedType, unpricedNotes, unpricedTypes } from "./coverage";
import { DeploymentCost, DEPLOYMENTS_PER_MONTH, doubleCapacity } from "./deploymentCost";
import { addFargateTasks, addUsage, sumUsage, Usage } from "./fargateTasks";
import { defaultPrices, ITEM_NAMES, PriceKey, Prices } from "./priceList";
import { ecsServices, Json, known, linkedOne, num, ofTypes, TaskCount, TYPES } from "./recorded";
import { serviceStrategyRollout } from "./rolloutStrategy";
import { EXPECTED_DURATION_TAG, MINIMUM_BILLED_MINUTES, ScheduledTaskView, scheduledTasks } from "./scheduledTasks";
import { scheduleFrequency } from "./scheduleFrequency";

export { parseMemoryGb, parseVcpu, splitByStrategy } from "./fargateTasks";
export type { StrategyItem } from "./fargateTasks";
export { DEPLOYMENTS_PER_MONTH } from "./deploymentCost";
export type { DeploymentCost } from "./deploymentCost";

/** One line of the estimate. `quantity` is in billing units per month, so quantity × unitUsd = monthlyUsd. */
export interface CostItem {
    readonly item: string;
    readonly unit: string;
    /** Billing units per month at the scaling minimum (e.g. vCPU-hours). */
    readonly quantity: number;
    /** Full-precision price per unit. */
    readonly unitUsd: number;
    /** At the scaling minimum, rounded to cents. */
    readonly monthlyUsd: number;
    readonly quantityMax: number;
    /** At the scaling maximum, rounded to cents. */
    readonly monthlyUsdMax: number;
}

/** What `estimateMonthlyCost` returns. */
export interface CostEstimate {
    /** Every service at its scaling minimum, rounded to cents (from unrounded items). */
    readonly monthlyUsd: number;
    /** Every service at its scaling maximum, rounded to cents. */
    readonly monthlyUsdMax: number;
    readonly currency: "USD";
    /** Region the prices are for. */
    readonly region: string;
    readonly hoursPerMonth: number;
    /** Lines with a non-zero quantity at the maximum, in a fixed order. */
    readonly items: CostItem[];
    /** Resource types the estimate leaves out (not priced, billed by usage, or remote components). */
    readonly unpriced: UnpricedType[];
    readonly notes: string[];
    /** Each ECS service and scheduled task with what its own tasks cost, in the order they were recorded. */
    readonly services: ServiceCost[];
    /**
     * What the services share, counted once: load balancers, NAT gateways, their addresses, secrets,
     * dashboards and the alarms that watch no single service.
     */
    readonly shared: CostPart;
    /**
     * Blue/green, canary and linear services: the new revision running beside the old one during each
     * deployment, already in the services' items and the totals. Empty when every service rolls.
     */
    readonly deployments: DeploymentCost[];
}

/** What the estimate assumes beyond the recorded resources. */
export interface CostOptions {
    /** Deployments a month of each blue/green, canary or linear service. @default DEPLOYMENTS_PER_MONTH (20) */
    readonly deploymentsPerMonth?: number;
}

/** A part of the estimate: its lines and their sums (rounded from unrounded lines). */
export interface CostPart {
    readonly monthlyUsd: number;
    readonly monthlyUsdMax: number;
    readonly items: CostItem[];
}

/** A scheduled task's runs: how often, how many tasks, for how long, and where each figure came from. */
export interface ScheduleUsage {
    readonly expression: string | null;
    /** Runs per average month; null when it cannot be known from the expression (see `basis`). */
    readonly runsPerMonth: number | null;
    readonly basis: string;
    readonly taskCount: number;
    readonly runMinutes: number;
    /** `tag`: the ExpectedDurationMinutes tag; `assumed`: ASSUMED_RUN_MINUTES. */
    readonly durationFrom: "tag" | "assumed";
}

/** One service's own tasks. `monthlyUsd` is null when its cost cannot be known (a schedule of unknown frequency). */
export interface ServiceCost {
    readonly service: string;
    readonly kind: "web" | "worker" | "scheduled";
    readonly tasks: TaskCount | { readonly min: number; readonly max: number; readonly from: "schedule" };
    readonly monthlyUsd: number | null;
    readonly monthlyUsdMax: number | null;
    readonly items: CostItem[];
    /** Scheduled tasks only. */
    readonly schedule?: ScheduleUsage;
}

/** Notes on the free tiers the model does not deduct and the SNS email it counts as free. */
function monitoringNotes(resources: readonly RecordedResource[], alarms: number, dashboards: number, prices: Prices, note: (text: string) => void): void {
    const { alarmMetricMonth, dashboardMonth, snsEmailNotification } = prices.items;
    if (alarms + dashboards > 0) {
        note(
            `CloudWatch's free tier (${alarmMetricMonth.freePerMonth ?? 0} standard alarm metrics and ${dashboardMonth.freePerMonth ?? 0} dashboards a month) ` +
                "is per account and shared with everything else in it: not deducted here.",
        );
    }
    const emails = emailSubscriptions(resources);
    if (emails > 0) {
        const per100k = (snsEmailNotification.usd * 100_000).toFixed(2);
        note(
            `SNS: ${emails} email subscription(s); the first ${(snsEmailNotification.freePerMonth ?? 0).toLocaleString("en-US")} email notifications a month are free, ` +
                `then $${per100k} per 100,000. Alarm notifications are counted within the free tier ($0): their number depends on incidents.`,
        );
    }
}

/** What a service's deployments add, and why the second target group and the listener rules add nothing. */
function deploymentNote(d: DeploymentCost): string {
    const range = (a: number, b: number, f: (n: number) => string) => (b > a ? `${f(a)} (up to ${f(b)})` : f(a));
    const usd4 = (n: number) => `$${n.toFixed(4)}`;
    const usd2 = (n: number) => `$${n.toFixed(2)}`;
    const bound = d.complete ? "" : "at least ";
    return (
        `Service ${d.service} (${d.strategy}): each deployment runs ${range(d.extraTasks, d.extraTasksMax, String)} new task(s) beside the old ones for ${bound}${d.seconds} s ` +
        `(scale-up to the old revision stopped, pauses excluded): ${bound}${range(d.perDeploymentUsd, d.perDeploymentUsdMax, usd4)} a deployment, ` +
        `${bound}${range(d.monthlyUsd, d.monthlyUsdMax, usd2)} a month at ${d.deploymentsPerMonth} deployments a month (assumed), included above. ` +
        "Its second target group and listener rules have no price of their own: ALB rules cost only as rule evaluations beyond the first 10 a request meets."
    );
}

/** NAT gateways an awsx `Vpc` creates: strategy None 0, Single 1, OnePerAz (awsx's default) one per zone. */
export function awsxNatGateways(inputs: Json): number {
    const strategy = String(inputs.natGateways?.strategy ?? "OnePerAz").toLowerCase();
    const zones = num(inputs.numberOfAvailabilityZones) ?? (Array.isArray(inputs.availabilityZoneNames) ? inputs.availabilityZoneNames.length : 3);
    return strategy === "none" ? 0 : strategy === "single" ? 1 : zones;
}

/** Billing units per month of everything but the services' tasks: load balancers, NAT, their IPs, secrets. */
function fixedUsage(resources: readonly RecordedResource[], hours: number, note: (text: string) => void): Usage {
    const usage: Usage = new Map();
    for (const lb of ofTypes(resources, ...TYPES.loadBalancers)) {
        const type = lb.inputs.loadBalancerType ?? "application";
        if (type !== "application") {
            note(`Load balancer ${lb.resource.name}: ${type} load balancers are not modelled.`);
            continue;
        }
        addUsage(usage, "albHour", hours);
        addUsage(usage, "albLcuHour", hours);
        // An internet-facing ALB holds one public IPv4 address per zone, i.e. per subnet it spans.
        const subnets = [lb.inputs.subnets, lb.inputs.subnetMappings].find(s => Array.isArray(s) && s.length > 0);
        if (lb.inputs.internal !== true && lb.inputs.ipAddressType !== "dualstack-without-public-ipv4") {
            addUsage(usage, "publicIpv4Hour", (subnets?.length ?? 2) * hours);
        }
    }
    const vpcs = ofTypes(resources, TYPES.awsxVpc);
    const vpcUrns = new Set(vpcs.map(v => v.resource.urn));
    for (const vpc of vpcs) {
        const gateways = awsxNatGateways(vpc.inputs);
        addUsage(usage, "natGatewayHour", gateways * hours);
        addUsage(usage, "publicIpv4Hour", gateways * hours);
    }
    // Gateways an awsx Vpc registers as children are already counted from its strategy.
    for (const gateway of ofTypes(resources, TYPES.natGateway).filter(g => !vpcUrns.has(g.resource.parent ?? ""))) {
        addUsage(usage, "natGatewayHour", hours);
        addUsage(usage, "publicIpv4Hour", gateway.inputs.connectivityType === "private" ? 0 : hours);
    }
    addUsage(usage, "secretMonth", ofTypes(resources, TYPES.secret).length);
    return usage;
}

/**
 * The LCU charge counts rule evaluations beyond the first 10 a request meets (Elastic Load Balancing
 * pricing, "rule evaluations"): a listener with more rules than that may cost more than the one LCU modelled.
 */
const FREE_RULE_EVALUATIONS = 10;

/** Notes for listeners whose rules may add LCUs, matched to their listener by ARN or dependency. */
function listenerRuleNotes(resources: readonly RecordedResource[], note: (text: string) => void): void {
    const listeners = ofTypes(resources, ...TYPES.listeners);
    const counts = new Map<string, number>();
    for (const rule of ofTypes(resources, ...TYPES.listenerRules)) {
        const listener = linkedOne(listeners, rule.resource, "listenerArn", rule.inputs.listenerArn);
        const name = listener?.resource.name ?? "(not recorded)";
        counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    for (const [name, rules] of counts) {
        if (rules > FREE_RULE_EVALUATIONS) {
            note(`Listener ${name} has ${rules} rules: a request evaluated against more than ${FREE_RULE_EVALUATIONS} of them adds rule-evaluation LCUs, not modelled.`);
        }
    }
}

/** Cents, half up; the tiny offset keeps 322.9155 (stored as 322.91549…) from rounding down. */
const cents = (usd: number): number => Math.round(Number((usd * 100).toFixed(6))) / 100;

/** Region of the first ARN in the recorded state, to warn when the prices are for another one. */
const stackRegion = (resources: readonly RecordedResource[]): string | undefined =>
    resources
        .map(r => (known(r.state.arn) ? /^arn:aws[\w-]*:[\w-]+:([a-z]{2}(?:-[a-z]+)+-\d):/.exec(r.state.arn)?.[1] : undefined))
        .find(region => region !== undefined);

/** Lines and sums of usage `low` (at the scaling minimum) and `high` (at the maximum). */
function costPart(low: Usage, high: Usage, prices: Prices): CostPart {
    const keys = (Object.keys(ITEM_NAMES) as PriceKey[]).filter(key => (high.get(key) ?? 0) > 0);
    const usd = (usage: Usage, key: PriceKey) => (usage.get(key) ?? 0) * prices.items[key].usd;
    return {
        monthlyUsd: cents(keys.reduce((sum, key) => sum + usd(low, key), 0)),
        monthlyUsdMax: cents(keys.reduce((sum, key) => sum + usd(high, key), 0)),
        items: keys.map(key => ({
            item: ITEM_NAMES[key],
            unit: prices.items[key].unit,
            quantity: Number((low.get(key) ?? 0).toFixed(6)),
            unitUsd: prices.items[key].usd,
            monthlyUsd: cents(usd(low, key)),
            quantityMax: Number((high.get(key) ?? 0).toFixed(6)),
            monthlyUsdMax: cents(usd(high, key)),
        })),
    };
}

/** A scheduled task's usage per month (the same at both ends: a schedule does not scale), or undefined when unknown. */
function scheduleUsage(task: ScheduledTaskView, hours: number, note: (text: string) => void): { usage?: Usage; schedule: ScheduleUsage } {
    const frequency = scheduleFrequency(task.expression, hours);
    const runs = task.enabled ? frequency.runsPerMonth : 0;
    const schedule: ScheduleUsage = {
        expression: task.expression ?? null,
        runsPerMonth: runs === undefined ? null : Number(runs.toFixed(4)),
        basis: task.enabled ? frequency.basis : "the schedule is DISABLED",
        taskCount: task.taskCount,
        runMinutes: task.runMinutes,
        durationFrom: task.durationFrom,
    };
    const label = `Scheduled task ${task.name}`;
    if (task.durationProblem !== undefined) {
        note(`${label}: ${task.durationProblem}; ${task.runMinutes} min assumed.`);
    }
    if (runs === undefined) {
        note(`${label}: runs per month unknown (${frequency.basis}); its Fargate compute is not counted.`);
        return { schedule };
    }
    const duration =
        task.durationFrom === "tag"
            ? `${task.runMinutes} min each (tag ${EXPECTED_DURATION_TAG})`
            : `${task.runMinutes} min each, assumed: set tag ${EXPECTED_DURATION_TAG} on target.ecsParameters.tags or the task definition`;
    note(`${label}: ${task.expression} runs ${schedule.runsPerMonth} times a month (${schedule.basis}), ${task.taskCount} task(s) for ${duration}.`);
    // Fargate bills each task for at least a minute.
    const taskHours = (runs * Math.max(task.runMinutes, MINIMUM_BILLED_MINUTES)) / 60;
    const usage: Usage = new Map();
    addFargateTasks(usage, { label, taskDefinition: task.taskDefinition, placement: task.ecs }, task.taskCount, taskHours, note);
    return { usage, schedule };
}

/**
 * Monthly cost of the recorded resources at list prices, as a range: every service at its scaling
 * target's minCapacity (`monthlyUsd`) and maxCapacity (`monthlyUsdMax`), or at desiredCount without one.
 * Per service: tasks × (vCPU × vCPU-hour price + GB × GB-hour price) × hoursPerMonth, tasks split between
 * on-demand and Spot per its capacity-provider strategy, plus one public IPv4 address per task when
 * `assignPublicIp`. Per scheduled task (an EventBridge Scheduler schedule with an ECS target): the same per
 * task-hour, for runs per month (from its expression; unknown ones are not counted) × taskCount × the run's
 * minutes (tag ExpectedDurationMinutes, else assumed, and the notes say which; at least one minute).
 * Per CloudWatch metric alarm its alarm metrics (see `alarms.ts`: one per metric read, high-resolution below
 * 60 s), counted with the service whose target group or ECS service its dimensions name, else shared.
 * Shared, counted once whatever the number of services: per application load balancer its hourly charge +
 * one LCU and one public IPv4 per subnet when internet-facing; per NAT gateway (recorded, or from an awsx
 * Vpc's strategy) its hourly charge + one public IPv4; per Secrets Manager secret the monthly charge; per
 * CloudWatch dashboard the monthly charge. Free tiers are per account and not deducted; SNS email
 * notifications are counted within theirs.
 * Per blue/green, canary or linear service, the new revision's tasks running beside the old ones during
 * each of `options.deploymentsPerMonth` (default 20) deployments, for as long as the rollout model times a
 * deployment (see `deploymentCost.ts`), added to that service's lines and broken down in `deployments`.
 * Traffic-driven charges are left out and listed in `notes`. `services` and `shared` break the total down;
 * the total is computed from the unrounded parts, so the rounded parts may differ from it by a cent.
 */
export function estimateMonthlyCost(resources: readonly RecordedResource[], prices: Prices = defaultPrices, options: CostOptions = {}): CostEstimate {
    if (prices.currency !== "USD") {
        throw new Error(`prices.currency is "${prices.currency}"; the cost model supports "USD" only`);
    }
    const deploymentsPerMonth = options.deploymentsPerMonth ?? DEPLOYMENTS_PER_MONTH;
    if (!Number.isFinite(deploymentsPerMonth) || deploymentsPerMonth < 0) {
        throw new Error(`deploymentsPerMonth is ${deploymentsPerMonth}; expected a number of deployments a month, 0 or more`);
    }
    const deployments: DeploymentCost[] = [];
    const notes: string[] = [];
    const note = (text: string) => void (notes.includes(text) || notes.push(text));
    const hours = prices.hoursPerMonth;
    const services = ecsServices(resources);
    const schedules = scheduledTasks(resources);
    if (services.length === 0 && schedules.length === 0) {
        note("No ECS services recorded: Fargate compute is $0.");
    }
    const region = stackRegion(resources);
    if (region !== undefined && region !== prices.region) {
        note(`Prices are for ${prices.region} but the stack is in ${region}; expect different figures.`);
    }
    const monitoring = monitoringUsage(resources, services, note);
    const fixed = sumUsage(fixedUsage(resources, hours, note), monitoring.shared);
    listenerRuleNotes(resources, note);
    monitoringNotes(resources, monitoring.alarms, monitoring.dashboards, prices, note);
    const perService = services.map(service => {
        const runner = { label: `Service ${service.name}`, taskDefinition: service.taskDefinition, placement: service.inputs };
        // An alarm watching this service alone is its cost, the same at both ends of its scaling range.
        const alarms = monitoring.perService.get(service.name) ?? new Map();
        let [low, high]: Usage[] = [sumUsage(alarms), sumUsage(alarms)];
        addFargateTasks(low, runner, service.tasks.min, hours, note);
        addFargateTasks(high, runner, service.tasks.max, hours, note);
        const rollout = serviceStrategyRollout(service);
        if (rollout !== undefined) {
            const extra = doubleCapacity(service, rollout, deploymentsPerMonth, prices, note);
            [low, high] = [sumUsage(low, extra.low), sumUsage(high, extra.high)];
            deployments.push(extra.cost);
            note(deploymentNote(extra.cost));
        }
        const part = costPart(low, high, prices);
        return { low, high, cost: { service: service.name, kind: service.kind, tasks: service.tasks, ...part } as ServiceCost };
    });
    const perSchedule = schedules.map(task => {
        const { usage, schedule } = scheduleUsage(task, hours, note);
        const part = usage === undefined ? { monthlyUsd: null, monthlyUsdMax: null, items: [] } : costPart(usage, usage, prices);
        const cost: ServiceCost = { service: task.name, kind: "scheduled", tasks: { min: task.taskCount, max: task.taskCount, from: "schedule" }, ...part, schedule };
        return { low: usage ?? new Map(), high: usage ?? new Map(), cost };
    });
    const all = [...perService, ...perSchedule];
    const total = costPart(sumUsage(fixed, ...all.map(s => s.low)), sumUsage(fixed, ...all.map(s => s.high)), prices);
    if (total.items.some(item => item.item.includes("Spot"))) {
        note("Fargate Spot prices are a snapshot; Spot varies with spare capacity.");
    }
    const unpriced = unpricedTypes(resources);
    unpricedNotes(unpriced).forEach(note);
    prices.notModelled.filter(n => n.onlyWith === undefined || resources.some(r => n.onlyWith?.includes(r.type))).forEach(n => note(n.note));
    return {
        monthlyUsd: total.monthlyUsd,
        monthlyUsdMax: total.monthlyUsdMax,
        currency: "USD",
        region: prices.region,
        hoursPerMonth: hours,
        items: total.items,
        unpriced,
        notes,
        services: all.map(s => s.cost),
        shared: costPart(fixed, fixed, prices),
        deployments,
    };
}

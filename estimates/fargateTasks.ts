/**
 * Fargate task usage in billing units: task sizes, the on-demand/Spot split of a capacity-provider strategy,
 * and the vCPU-, GB- and IPv4-hours of running tasks. Pure; shared by services and scheduled tasks.
 */
import { PriceKey } from "./priceList";
import { Json, num, Plain } from "./recorded";

/** Billing units per month by price. */
export type Usage = Map<PriceKey, number>;

/** Adds `units` of `key` to `usage`. */
export const addUsage = (usage: Usage, key: PriceKey, units: number): void => void usage.set(key, (usage.get(key) ?? 0) + units);

/** The sum of several usages. */
export function sumUsage(...usages: readonly Usage[]): Usage {
    const total: Usage = new Map();
    usages.forEach(usage => usage.forEach((units, key) => addUsage(total, key, units)));
    return total;
}

/** Task cpu as vCPU: CPU units (`256`, `"256"`) or `"0.25 vCPU"`. */
export function parseVcpu(value: unknown): number | undefined {
    const units = num(value);
    if (units !== undefined) {
        return units / 1024;
    }
    const match = typeof value === "string" ? /^\s*(\d*\.?\d+)\s*vcpu\s*$/i.exec(value) : null;
    return match ? Number(match[1]) : undefined;
}

/** Task memory as GB (the GiB Fargate bills): MiB (`512`, `"512"`) or `"2 GB"`. */
export function parseMemoryGb(value: unknown): number | undefined {
    const mib = num(value);
    if (mib !== undefined) {
        return mib / 1024;
    }
    const match = typeof value === "string" ? /^\s*(\d*\.?\d+)\s*gb\s*$/i.exec(value) : null;
    return match ? Number(match[1]) : undefined;
}

/** One entry of a service's `capacityProviderStrategies`. */
export interface StrategyItem {
    readonly capacityProvider: string;
    readonly base?: number;
    readonly weight?: number;
}

/**
 * Places `tasks` as ECS does: each provider's `base` first, in order, then the rest by weight. Whole tasks
 * by largest remainder; ties go to FARGATE so the estimate errs high. Tasks no provider can take (all
 * weights 0) are left out of the result.
 */
export function splitByStrategy(tasks: number, strategy: readonly StrategyItem[]): Map<string, number> {
    const placed = new Map<string, number>(strategy.map(s => [s.capacityProvider, 0]));
    const add = (provider: string, n: number) => placed.set(provider, (placed.get(provider) ?? 0) + n);
    let rest = tasks;
    for (const s of strategy) {
        const base = Math.min(rest, s.base ?? 0);
        add(s.capacityProvider, base);
        rest -= base;
    }
    const weighted = strategy.filter(s => (s.weight ?? 0) > 0);
    const total = weighted.reduce((sum, s) => sum + (s.weight ?? 0), 0);
    if (rest <= 0 || total === 0) {
        return placed;
    }
    const shares = weighted.map((s, i) => ({ s, i, exact: (rest * (s.weight ?? 0)) / total }));
    shares.forEach(({ s, exact }) => add(s.capacityProvider, Math.floor(exact)));
    const leftover = rest - shares.reduce((sum, { exact }) => sum + Math.floor(exact), 0);
    const frac = (x: number) => x - Math.floor(x);
    shares
        .sort((a, b) => frac(b.exact) - frac(a.exact) || Number(b.s.capacityProvider === "FARGATE") - Number(a.s.capacityProvider === "FARGATE") || a.i - b.i)
        .slice(0, leftover)
        .forEach(({ s }) => add(s.capacityProvider, 1));
    return placed;
}

/** Tasks of one service or one schedule: who runs them and how they are placed. */
export interface TaskRunner {
    /** How notes name it: `Service web-svc`, `Scheduled task nightly`. */
    readonly label: string;
    readonly taskDefinition?: Plain;
    /** The service's inputs, or the schedule's `target.ecsParameters`: launchType, capacityProviderStrategies, networkConfiguration. */
    readonly placement: Json;
}

/**
 * Adds the Fargate compute of `tasks` tasks running `hours` each, and one public IPv4 address per task when
 * `assignPublicIp`, to `usage`. Tasks are split between on-demand and Spot per the capacity-provider
 * strategy; what cannot be priced is said in a note and left out.
 */
export function addFargateTasks(usage: Usage, runner: TaskRunner, tasks: number, hours: number, note: (text: string) => void): void {
    const td = runner.taskDefinition;
    const vcpu = parseVcpu(td?.inputs.cpu);
    const gb = parseMemoryGb(td?.inputs.memory);
    const launchType = runner.placement.launchType;
    const strategy: StrategyItem[] = Array.isArray(runner.placement.capacityProviderStrategies) ? runner.placement.capacityProviderStrategies : [];
    if (vcpu === undefined || gb === undefined) {
        return note(`${runner.label}: no task definition with a known cpu and memory; its Fargate compute is not counted.`);
    }
    if (launchType !== undefined && launchType !== "FARGATE") {
        return note(`${runner.label}: launch type ${launchType} is not modelled; only Fargate is.`);
    }
    if (launchType === undefined && strategy.length === 0) {
        note(`${runner.label} sets neither launchType nor capacityProviderStrategies; the cluster's default strategy applies, assumed on-demand FARGATE.`);
    }
    if ((td?.inputs.runtimePlatform?.operatingSystemFamily ?? "LINUX") !== "LINUX") {
        note(`${runner.label}: priced as Linux; Windows tasks cost more (OS licence per vCPU-hour).`);
    }
    const arm = td?.inputs.runtimePlatform?.cpuArchitecture === "ARM64";
    const split = launchType === "FARGATE" || strategy.length === 0 ? new Map([["FARGATE", tasks]]) : splitByStrategy(tasks, strategy);
    const onDemand = split.get("FARGATE") ?? 0;
    const spot = split.get("FARGATE_SPOT") ?? 0;
    if (onDemand + spot < tasks) {
        note(`${runner.label}: tasks on providers other than FARGATE and FARGATE_SPOT (or on weight 0 above the base) are not counted.`);
    }
    addUsage(usage, arm ? "fargateArmVcpuHour" : "fargateX86VcpuHour", onDemand * vcpu * hours);
    addUsage(usage, arm ? "fargateArmGbHour" : "fargateX86GbHour", onDemand * gb * hours);
    addUsage(usage, arm ? "fargateSpotArmVcpuHour" : "fargateSpotX86VcpuHour", spot * vcpu * hours);
    addUsage(usage, arm ? "fargateSpotArmGbHour" : "fargateSpotX86GbHour", spot * gb * hours);
    const publicIp = runner.placement.networkConfiguration?.assignPublicIp;
    if (publicIp === true || publicIp === "true") {
        addUsage(usage, "publicIpv4Hour", tasks * hours);
    }
}

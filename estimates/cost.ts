/**
 * Monthly cost model over the resources a program run records. Pure: prices come from `prices.json`.
 */
import { RecordedResource } from "../harness/types";
import { UnpricedType, unpricedNotes, unpricedTypes } from "./coverage";
import { defaultPrices, ITEM_NAMES, PriceKey, Prices } from "./priceList";
import { ecsServices, Json, known, num, ofTypes, ServiceView, TYPES } from "./recorded";

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

/** NAT gateways an awsx `Vpc` creates: strategy None 0, Single 1, OnePerAz (awsx's default) one per zone. */
export function awsxNatGateways(inputs: Json): number {
    const strategy = String(inputs.natGateways?.strategy ?? "OnePerAz").toLowerCase();
    const zones = num(inputs.numberOfAvailabilityZones) ?? (Array.isArray(inputs.availabilityZoneNames) ? inputs.availabilityZoneNames.length : 3);
    return strategy === "none" ? 0 : strategy === "single" ? 1 : zones;
}

type Usage = Map<PriceKey, number>;
const addUsage = (usage: Usage, key: PriceKey, units: number) => usage.set(key, (usage.get(key) ?? 0) + units);

/** Adds one service's Fargate compute and task IPs at `tasks` running tasks, for `hours` each. */
function addService(usage: Usage, service: ServiceView, tasks: number, hours: number, note: (text: string) => void): void {
    const td = service.taskDefinition;
    const vcpu = parseVcpu(td?.inputs.cpu);
    const gb = parseMemoryGb(td?.inputs.memory);
    const launchType = service.inputs.launchType;
    const strategy: StrategyItem[] = Array.isArray(service.inputs.capacityProviderStrategies) ? service.inputs.capacityProviderStrategies : [];
    if (vcpu === undefined || gb === undefined) {
        return note(`Service ${service.name}: no task definition with a known cpu and memory; its Fargate compute is not counted.`);
    }
    if (launchType !== undefined && launchType !== "FARGATE") {
        return note(`Service ${service.name}: launch type ${launchType} is not modelled; only Fargate is.`);
    }
    if (launchType === undefined && strategy.length === 0) {
        note(`Service ${service.name} sets neither launchType nor capacityProviderStrategies; the cluster's default strategy applies, assumed on-demand FARGATE.`);
    }
    if ((td?.inputs.runtimePlatform?.operatingSystemFamily ?? "LINUX") !== "LINUX") {
        note(`Service ${service.name}: priced as Linux; Windows tasks cost more (OS licence per vCPU-hour).`);
    }
    const arm = td?.inputs.runtimePlatform?.cpuArchitecture === "ARM64";
    const split = launchType === "FARGATE" || strategy.length === 0 ? new Map([["FARGATE", tasks]]) : splitByStrategy(tasks, strategy);
    const onDemand = split.get("FARGATE") ?? 0;
    const spot = split.get("FARGATE_SPOT") ?? 0;
    if (onDemand + spot < tasks) {
        note(`Service ${service.name}: tasks on providers other than FARGATE and FARGATE_SPOT (or on weight 0 above the base) are not counted.`);
    }
    addUsage(usage, arm ? "fargateArmVcpuHour" : "fargateX86VcpuHour", onDemand * vcpu * hours);
    addUsage(usage, arm ? "fargateArmGbHour" : "fargateX86GbHour", onDemand * gb * hours);
    addUsage(usage, arm ? "fargateSpotArmVcpuHour" : "fargateSpotX86VcpuHour", spot * vcpu * hours);
    addUsage(usage, arm ? "fargateSpotArmGbHour" : "fargateSpotX86GbHour", spot * gb * hours);
    const publicIp = service.inputs.networkConfiguration?.assignPublicIp;
    if (publicIp === true || publicIp === "true") {
        addUsage(usage, "publicIpv4Hour", tasks * hours);
    }
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

/** Cents, half up; the tiny offset keeps 322.9155 (stored as 322.91549…) from rounding down. */
const cents = (usd: number): number => Math.round(Number((usd * 100).toFixed(6))) / 100;

/** Region of the first ARN in the recorded state, to warn when the prices are for another one. */
const stackRegion = (resources: readonly RecordedResource[]): string | undefined =>
    resources
        .map(r => (known(r.state.arn) ? /^arn:aws[\w-]*:[\w-]+:([a-z]{2}(?:-[a-z]+)+-\d):/.exec(r.state.arn)?.[1] : undefined))
        .find(region => region !== undefined);

/**
 * Monthly cost of the recorded resources at list prices, as a range: every service at its scaling
 * target's minCapacity (`monthlyUsd`) and maxCapacity (`monthlyUsdMax`), or at desiredCount without one.
 * Per service: tasks × (vCPU × vCPU-hour price + GB × GB-hour price) × hoursPerMonth, tasks split between
 * on-demand and Spot per its capacity-provider strategy, plus one public IPv4 address per task when
 * `assignPublicIp`. Per application load balancer: hourly charge + one LCU, and one public IPv4 per subnet
 * when internet-facing. Per NAT gateway (recorded, or from an awsx Vpc's strategy): hourly charge + one
 * public IPv4. Per Secrets Manager secret: the monthly charge. Traffic-driven charges are left out and
 * listed in `notes`.
 */
export function estimateMonthlyCost(resources: readonly RecordedResource[], prices: Prices = defaultPrices): CostEstimate {
    if (prices.currency !== "USD") {
        throw new Error(`prices.currency is "${prices.currency}"; the cost model supports "USD" only`);
    }
    const notes: string[] = [];
    const note = (text: string) => void (notes.includes(text) || notes.push(text));
    const hours = prices.hoursPerMonth;
    const services = ecsServices(resources);
    if (services.length === 0) {
        note("No ECS services recorded: Fargate compute is $0.");
    }
    const region = stackRegion(resources);
    if (region !== undefined && region !== prices.region) {
        note(`Prices are for ${prices.region} but the stack is in ${region}; expect different figures.`);
    }
    const fixed = fixedUsage(resources, hours, note);
    const at = (bound: "min" | "max"): Usage => {
        const usage: Usage = new Map(fixed);
        services.forEach(service => addService(usage, service, service.tasks[bound], hours, note));
        return usage;
    };
    const [low, high] = [at("min"), at("max")];
    const keys = (Object.keys(ITEM_NAMES) as PriceKey[]).filter(key => (high.get(key) ?? 0) > 0);
    const usd = (usage: Usage, key: PriceKey) => (usage.get(key) ?? 0) * prices.items[key].usd;
    const items = keys.map(key => ({
        item: ITEM_NAMES[key],
        unit: prices.items[key].unit,
        quantity: Number((low.get(key) ?? 0).toFixed(6)),
        unitUsd: prices.items[key].usd,
        monthlyUsd: cents(usd(low, key)),
        quantityMax: Number((high.get(key) ?? 0).toFixed(6)),
        monthlyUsdMax: cents(usd(high, key)),
    }));
    if (keys.some(key => key.startsWith("fargateSpot"))) {
        note("Fargate Spot prices are a snapshot; Spot varies with spare capacity.");
    }
    const unpriced = unpricedTypes(resources);
    unpricedNotes(unpriced).forEach(note);
    prices.notModelled.filter(n => n.onlyWith === undefined || resources.some(r => n.onlyWith?.includes(r.type))).forEach(n => note(n.note));
    return {
        monthlyUsd: cents(keys.reduce((sum, key) => sum + usd(low, key), 0)),
        monthlyUsdMax: cents(keys.reduce((sum, key) => sum + usd(high, key), 0)),
        currency: "USD",
        region: prices.region,
        hoursPerMonth: hours,
        items,
        unpriced,
        notes,
    };
}

/**
 * The price list the cost model reads (`prices.json`), typed: the compiler checks that the file has every key.
 * (Not named `prices.ts`: Node would resolve `./prices` to the JSON file first.)
 */
import pricesJson from "./prices.json";

/** Keys of `prices.json` `items`. */
export type PriceKey =
    | "fargateX86VcpuHour" | "fargateX86GbHour" | "fargateArmVcpuHour" | "fargateArmGbHour"
    | "fargateSpotX86VcpuHour" | "fargateSpotX86GbHour" | "fargateSpotArmVcpuHour" | "fargateSpotArmGbHour"
    | "albHour" | "albLcuHour" | "natGatewayHour" | "publicIpv4Hour" | "secretMonth"
    | "alarmMetricMonth" | "alarmHighResMetricMonth" | "dashboardMonth" | "snsEmailNotification";

/** One price with where it came from. */
export interface PriceEntry {
    readonly usd: number;
    /** Billing unit, e.g. `vCPU-hour`, `secret-month`. */
    readonly unit: string;
    /** AWS pricing page the figure was read from. */
    readonly source: string;
    /** Date (YYYY-MM-DD) the figure was recorded. */
    readonly asOf: string;
    readonly note?: string;
    /**
     * Units a month the AWS free tier leaves unbilled, per account (not per stack). The model does not deduct
     * them: the account's other stacks and resources share them; the estimate says so.
     */
    readonly freePerMonth?: number;
}

/** A price list: the shape of `prices.json`. */
export interface Prices {
    readonly currency: string;
    readonly region: string;
    readonly hoursPerMonth: number;
    readonly items: Readonly<Record<PriceKey, PriceEntry>>;
    /**
     * Charges the model leaves out, each with a note the estimate repeats; a note with `onlyWith` is repeated
     * only when the stack has a resource of one of those types.
     */
    readonly notModelled: ReadonlyArray<{ readonly item: string; readonly source: string; readonly note: string; readonly onlyWith?: readonly string[] }>;
}

/** us-east-1 on-demand prices from `prices.json`. */
export const defaultPrices: Prices = pricesJson;

/** Readable name of each price's line in an estimate, in the order lines are listed. */
export const ITEM_NAMES: Record<PriceKey, string> = {
    fargateX86VcpuHour: "Fargate vCPU (x86, on-demand)",
    fargateX86GbHour: "Fargate memory GB (x86, on-demand)",
    fargateArmVcpuHour: "Fargate vCPU (ARM, on-demand)",
    fargateArmGbHour: "Fargate memory GB (ARM, on-demand)",
    fargateSpotX86VcpuHour: "Fargate vCPU (x86, Spot)",
    fargateSpotX86GbHour: "Fargate memory GB (x86, Spot)",
    fargateSpotArmVcpuHour: "Fargate vCPU (ARM, Spot)",
    fargateSpotArmGbHour: "Fargate memory GB (ARM, Spot)",
    albHour: "Application Load Balancer hours",
    albLcuHour: "ALB LCU (1 per LB)",
    natGatewayHour: "NAT gateway hours",
    publicIpv4Hour: "Public IPv4 addresses",
    secretMonth: "Secrets Manager secrets",
    alarmMetricMonth: "CloudWatch alarm metrics (standard resolution)",
    alarmHighResMetricMonth: "CloudWatch alarm metrics (high resolution)",
    dashboardMonth: "CloudWatch dashboards",
    snsEmailNotification: "SNS email notifications",
};

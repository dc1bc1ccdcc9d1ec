/**
 * What `npm run check` reports, as data and as text. Pure: built from a recorded run, evaluated policies
 * and the estimates.
 */
import { redactSecrets, UNKNOWN } from "../harness/serialisation";
import type { ApplyError } from "../harness/applyRules/types";
import type { CostPart, DeploymentCost, ServiceCost, ServiceRollout } from "../estimates";
import { Diagnostic, RecordedResource } from "../harness/types";
import { ChangeReport, formatChangesText } from "./changes/format";
import { CheckCoverage, formatCoverage, verdict } from "./checkCoverage";
import { formatRollout } from "./checkRollout";

/** One recorded resource as reported: what the program passed, secrets replaced by "[secret]". */
export interface ReportedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly parent: string;
    readonly inputs: unknown;
    /** The resource options a change report needs to judge a replacement or a deletion. */
    readonly options: {
        readonly protect: boolean;
        readonly retainOnDelete: boolean;
        /** URNs this resource was known by before (Pulumi `aliases`): the same resource, not a new one. */
        readonly aliases: readonly string[];
        /** Property paths the engine keeps at their old value (Pulumi `ignoreChanges`; absent from reports of older versions). */
        readonly ignoreChanges?: readonly string[];
    };
    /**
     * The URNs each input takes values from (Pulumi's property dependencies), inputs without any left out;
     * absent from reports of older versions.
     */
    readonly dependencies?: Readonly<Record<string, readonly string[]>>;
}

/** One policy finding. */
export interface ReportedViolation {
    readonly policy: string;
    readonly enforcementLevel: "advisory" | "mandatory";
    readonly urn?: string;
    /** What is wrong and how to fix it. */
    readonly message: string;
    readonly description: string;
}

/** The whole report; `--json` prints exactly this. */
export interface CheckReport {
    readonly stack: string;
    readonly project: string;
    readonly resources: ReportedResource[];
    readonly violations: ReportedViolation[];
    /** Values AWS (or the provider's plan-time validation) would refuse at `pulumi up`; secrets as "[secret]". */
    readonly applyErrors: ApplyError[];
    readonly cost: {
        readonly monthlyUsd: number;
        readonly monthlyUsdMax: number;
        readonly currency: string;
        readonly region: string;
        readonly items: ReadonlyArray<{ item: string; quantity: number; unitUsd: number; monthlyUsd: number }>;
        /** Resource types the estimate leaves out, with how many and why. */
        readonly unpriced: ReadonlyArray<{ type: string; count: number; reason: string }>;
        readonly notes: readonly string[];
        /** Each ECS service and scheduled task with what its own tasks cost (absent from reports of older versions). */
        readonly services?: readonly ServiceCost[];
        /** What the services share, counted once: load balancers, NAT gateways, their addresses, secrets. */
        readonly shared?: CostPart;
        /** Blue/green, canary and linear services' double capacity during deployments (absent when every service rolls). */
        readonly deployments?: readonly DeploymentCost[];
    };
    /** What the check could not see: remote components and policy checks that could not run. */
    readonly coverage: CheckCoverage;
    readonly rollout: {
        readonly secondsPerWave: number;
        readonly waves: number;
        readonly notes: readonly string[];
        readonly warnings: readonly string[];
        /** Seconds until the last service finishes an `up` that changes them all (absent from older reports). */
        readonly totalSeconds?: number;
        /** The service that finishes last; null without services. */
        readonly slowestService?: string | null;
        readonly services?: readonly ServiceRollout[];
    };
    /** With `--baseline`: what changes against the baseline report, and the findings it crossed. */
    readonly changes?: ChangeReport;
}

const STACK_TYPE = "pulumi:pulumi:Stack";

/** Reported form of recorded resources: parents default to the stack, unknowns read "[unknown]". */
export function reportResources(resources: readonly RecordedResource[], stackUrn: string): ReportedResource[] {
    const unknownsShown = (value: unknown): unknown =>
        value === UNKNOWN ? "[unknown]" : Array.isArray(value) ? value.map(unknownsShown) : value !== null && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unknownsShown(v)])) : value;
    return resources.map(r => ({
        urn: r.urn,
        type: r.type,
        name: r.name,
        parent: r.parent ?? stackUrn,
        inputs: unknownsShown(redactSecrets(r.inputs)),
        options: { protect: r.opts.protect, retainOnDelete: r.opts.retainOnDelete, aliases: r.opts.aliases, ignoreChanges: r.opts.ignoreChanges },
        dependencies: Object.fromEntries(Object.entries(r.propertyDependencies).filter(([, urns]) => urns.length > 0)),
    }));
}

/** Reported form of policy diagnostics, mandatory first. */
export const reportViolations = (diagnostics: readonly Diagnostic[]): ReportedViolation[] =>
    [...diagnostics]
        .sort((a, b) => (a.enforcementLevel === b.enforcementLevel ? 0 : a.enforcementLevel === "mandatory" ? -1 : 1))
        .map(d => ({
            policy: d.policyName,
            enforcementLevel: d.enforcementLevel,
            urn: d.urn,
            message: d.detail,
            description: d.message.split("\n")[0],
        }));

/** The resource tree as `pulumi preview` draws it: type and name, nested by parent. */
export function resourceTree(report: Pick<CheckReport, "resources" | "project" | "stack">): string[] {
    const stackUrn = report.resources[0]?.parent ?? "";
    const children = new Map<string, ReportedResource[]>();
    for (const r of report.resources) {
        const parent = report.resources.some(p => p.urn === r.parent) ? r.parent : stackUrn;
        children.set(parent, [...(children.get(parent) ?? []), r]);
    }
    const rows: Array<[string, string]> = [[STACK_TYPE, `${report.project}-${report.stack}`]];
    const walk = (urn: string, prefix: string) => {
        const list = children.get(urn) ?? [];
        list.forEach((r, i) => {
            const last = i === list.length - 1;
            rows.push([`${prefix}${last ? "└─ " : "├─ "}${r.type}`, r.name]);
            walk(r.urn, `${prefix}${last ? "   " : "│  "}`);
        });
    };
    walk(stackUrn, "");
    const width = Math.max(...rows.map(([t]) => t.length)) + 2;
    return [`    ${"Type".padEnd(width)}Name`, ...rows.map(([t, n]) => ` +  ${t.padEnd(width)}${n}`)];
}

const usd = (n: number) => `$${n.toFixed(2)}`;

/** The report as text for a terminal or a CI log. */
export function formatReport(report: CheckReport): string {
    const lines: string[] = [];
    lines.push(`Offline check of stack ${report.stack} (project ${report.project}); no cloud calls were made.`, "");
    lines.push(...resourceTree(report), "");
    lines.push(`Resources: + ${report.resources.length + 1} to create`, "");
    lines.push(...formatCoverage(report.coverage));

    for (const level of ["mandatory", "advisory"] as const) {
        const found = report.violations.filter(v => v.enforcementLevel === level);
        lines.push(`Policy violations, ${level}: ${found.length}`);
        for (const v of found) {
            const where = v.urn ? ` (${v.urn.split("::").slice(-2).join(" ")})` : "";
            lines.push(`  [${level}] ${v.policy}${where}`, `      ${v.message.replace(/\n/g, "\n      ")}`);
        }
        lines.push("");
    }

    lines.push(...formatApplyErrors(report.applyErrors), "");

    const range = report.cost.monthlyUsdMax > report.cost.monthlyUsd ? ` (up to ${usd(report.cost.monthlyUsdMax)} at the scaling maximum)` : "";
    // A scheduled task of unknown frequency is left out of the total too.
    const unknownCost = (report.cost.services ?? []).some(s => s.monthlyUsd === null);
    const partial = report.cost.unpriced.some(u => u.reason !== "usage") || unknownCost ? " (partial: some resources are not priced, see the notes)" : "";
    lines.push(`Monthly cost estimate: ${usd(report.cost.monthlyUsd)} ${report.cost.currency}${range}, ${report.cost.region}${partial}`);
    for (const item of report.cost.items) {
        lines.push(`  ${item.item.padEnd(44)} ${String(item.quantity).padStart(8)} × ${String(item.unitUsd).padEnd(9)} = ${usd(item.monthlyUsd)}`);
    }
    lines.push(...formatCostParts(report.cost), ...formatDeploymentCost(report.cost));
    for (const note of report.cost.notes) {
        lines.push(`  note: ${note}`);
    }
    lines.push("");
    lines.push(...formatRollout(report.rollout));
    const mandatory = report.violations.filter(v => v.enforcementLevel === "mandatory").length;
    const blocking = report.changes?.findings.filter(f => f.enforcementLevel === "mandatory").length ?? 0;
    if (report.changes) {
        lines.push("", ...formatChangesText(report.changes));
    }
    lines.push("", verdict(mandatory, report.coverage, blocking, report.applyErrors.length));
    return lines.join("\n");
}

/**
 * The cost of each service and of what they share, when there is more than one service to tell apart (with
 * one, the items above are already its cost plus the shared part).
 */
export function formatCostParts(cost: CheckReport["cost"]): string[] {
    const services = cost.services ?? [];
    if (services.length < 2 || cost.shared === undefined) return [];
    const money = (min: number | null, max: number | null) => (min === null ? "unknown" : max !== null && max > min ? `${usd(min)} (up to ${usd(max)})` : usd(min));
    const lines = ["  Per service, at the scaling minimum:"];
    for (const s of services) {
        const tasks = s.tasks.max > s.tasks.min ? `${s.tasks.min}..${s.tasks.max} tasks` : `${s.tasks.min} ${s.tasks.min === 1 ? "task" : "tasks"}`;
        const runs = s.schedule
            ? `, ${s.schedule.runsPerMonth === null ? "runs a month unknown" : `${s.schedule.runsPerMonth} runs a month`} of ${s.schedule.runMinutes} min${s.schedule.durationFrom === "assumed" ? " (assumed)" : ""}`
            : "";
        lines.push(`    ${`${s.service} (${s.kind}, ${tasks}${runs})`.padEnd(64)} ${money(s.monthlyUsd, s.monthlyUsdMax)}`);
    }
    lines.push(`    ${"shared, counted once (load balancers, NAT, addresses, secrets)".padEnd(64)} ${money(cost.shared.monthlyUsd, cost.shared.monthlyUsdMax)}`);
    return lines;
}

/** The share of the total that is blue/green, canary or linear double capacity, and the assumption behind it. */
export function formatDeploymentCost(cost: CheckReport["cost"]): string[] {
    const deployments = cost.deployments ?? [];
    if (deployments.length === 0) return [];
    const [min, max] = [deployments.reduce((s, d) => s + d.monthlyUsd, 0), deployments.reduce((s, d) => s + d.monthlyUsdMax, 0)];
    const per = [...new Set(deployments.map(d => d.deploymentsPerMonth))].join(" or ");
    const money = max > min ? `${usd(min)} (up to ${usd(max)})` : usd(min);
    const bound = deployments.every(d => d.complete) ? "" : "at least ";
    return [`  of which double capacity during deployments, ${per} a month per service (assumed): ${bound}${money}`];
}

/** Apply-time errors as text: where, which rule, what was given and what AWS allows. */
export function formatApplyErrors(errors: readonly ApplyError[]): string[] {
    const lines = [`Apply-time errors (AWS would refuse these at pulumi up): ${errors.length}`];
    for (const e of errors) {
        lines.push(
            `  [error] ${e.rule} (${e.urn.split("::").slice(-2).join(" ")})`,
            `      ${e.path}: ${e.given}`,
            `      allowed: ${e.allowed}`,
            `      source: ${e.source}`,
        );
    }
    return lines;
}

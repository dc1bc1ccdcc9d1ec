/**
 * Change thresholds: which differences between a pull request and its base become findings, at which
 * enforcement level. Read from `policy/config/<stack>.changes.json` beside the pack's own config (the pack's
 * config file only takes the pack's policies: the Pulumi CLI refuses any other key in it). Pure apart from
 * {@link readChangeThresholds}.
 */
import * as fs from "fs";
import type { ChangeSet } from "./compare";

/** Enforcement level of a change rule. */
export type ChangeLevel = "advisory" | "mandatory" | "disabled";

/** One change rule's setting. */
export interface ChangeRuleSetting {
    readonly enforcementLevel: ChangeLevel;
    /** For percentage rules: the largest increase that is not a finding. */
    readonly maxPercent?: number;
}

/** The rules and what each one judges. */
export const CHANGE_RULES = {
    monthlyCostIncrease: { percent: true, description: "The monthly cost estimate rises by more than maxPercent." },
    rolloutTimeIncrease: { percent: true, description: "The stack's rollout estimate (until its last service finishes) rises by more than maxPercent." },
    protectedResourceDeletion: { percent: false, description: "A protected resource disappears from the program." },
    protectedResourceReplacement: { percent: false, description: "A change forces a new protected resource." },
    statefulResourceLoss: { percent: false, description: "A resource holding data (repository, logs, bucket, secret, key) is deleted or replaced." },
    replacementNotDeterminable: { percent: false, description: "A resource changes in a way the replace-on-change table cannot judge offline." },
    changeRefusedByProvider: { percent: false, description: "The provider refuses the change to an existing resource at plan time, so pulumi up fails." },
    shiftedTargetGroupReplacement: {
        percent: false,
        description: "A target group is replaced or deleted while a listener rule that ignores its forward target groups (blue/green, canary, linear) forwards to it.",
    },
} as const;

export type ChangeRuleName = keyof typeof CHANGE_RULES;

/** Settings of every rule. */
export type ChangeThresholds = Readonly<Record<ChangeRuleName, ChangeRuleSetting>>;

/** Used for every rule a file does not name. */
export const DEFAULT_CHANGE_THRESHOLDS: ChangeThresholds = {
    monthlyCostIncrease: { enforcementLevel: "advisory", maxPercent: 20 },
    rolloutTimeIncrease: { enforcementLevel: "advisory", maxPercent: 50 },
    protectedResourceDeletion: { enforcementLevel: "mandatory" },
    protectedResourceReplacement: { enforcementLevel: "mandatory" },
    statefulResourceLoss: { enforcementLevel: "advisory" },
    replacementNotDeterminable: { enforcementLevel: "advisory" },
    changeRefusedByProvider: { enforcementLevel: "mandatory" },
    // `pulumi up` fails deleting the old group (ELB ResourceInUse) or leaves the rule forwarding to it.
    shiftedTargetGroupReplacement: { enforcementLevel: "mandatory" },
};

/** A threshold file that cannot be used; the command prints it and exits 2. */
export class ChangeThresholdsError extends Error {}

const LEVELS: readonly ChangeLevel[] = ["advisory", "mandatory", "disabled"];

/** Validates parsed file content; every problem is named with its key. */
export function parseChangeThresholds(value: unknown, where: string): ChangeThresholds {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        throw new ChangeThresholdsError(`${where}: expected an object of change rules (${Object.keys(CHANGE_RULES).join(", ")})`);
    }
    const problems: string[] = [];
    const result: Record<string, ChangeRuleSetting> = { ...DEFAULT_CHANGE_THRESHOLDS };
    for (const [key, given] of Object.entries(value)) {
        const rule = CHANGE_RULES[key as ChangeRuleName];
        if (!rule) {
            problems.push(`"${key}" is not a change rule (allowed: ${Object.keys(CHANGE_RULES).join(", ")})`);
            continue;
        }
        const setting = typeof given === "string" ? { enforcementLevel: given } : given;
        if (setting === null || typeof setting !== "object" || Array.isArray(setting)) {
            problems.push(`"${key}" is ${JSON.stringify(given)}; expected a level or {"enforcementLevel": …${rule.percent ? ', "maxPercent": …' : ""}}`);
            continue;
        }
        const { enforcementLevel, maxPercent, ...rest } = setting as Record<string, unknown>;
        for (const extra of Object.keys(rest)) {
            problems.push(`"${key}.${extra}" is not a setting (allowed: enforcementLevel${rule.percent ? ", maxPercent" : ""})`);
        }
        const level = enforcementLevel ?? DEFAULT_CHANGE_THRESHOLDS[key as ChangeRuleName].enforcementLevel;
        if (!LEVELS.includes(level as ChangeLevel)) {
            problems.push(`"${key}.enforcementLevel" is ${JSON.stringify(level)}; expected one of ${LEVELS.join(", ")}`);
        }
        if (maxPercent !== undefined && (!rule.percent || typeof maxPercent !== "number" || !Number.isFinite(maxPercent) || maxPercent < 0)) {
            problems.push(rule.percent ? `"${key}.maxPercent" is ${JSON.stringify(maxPercent)}; expected a number of at least 0` : `"${key}.maxPercent" is not a setting of this rule`);
        }
        result[key] = { enforcementLevel: level as ChangeLevel, maxPercent: rule.percent ? ((maxPercent as number | undefined) ?? DEFAULT_CHANGE_THRESHOLDS[key as ChangeRuleName].maxPercent) : undefined };
    }
    if (problems.length > 0) {
        throw new ChangeThresholdsError(`${where}:\n  ${problems.join("\n  ")}`);
    }
    return result as ChangeThresholds;
}

/** Reads a threshold file; a missing default file means the defaults, a missing named file is an error. */
export function readChangeThresholds(file: string, named: boolean): ChangeThresholds {
    if (!fs.existsSync(file)) {
        if (named) throw new ChangeThresholdsError(`${file}: change thresholds file not found`);
        return DEFAULT_CHANGE_THRESHOLDS;
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new ChangeThresholdsError(`${file}: ${(e as Error).message}`);
    }
    return parseChangeThresholds(parsed, file);
}

/** A change that crossed a threshold. */
export interface ChangeFinding {
    readonly rule: ChangeRuleName;
    readonly enforcementLevel: "advisory" | "mandatory";
    readonly urn?: string;
    readonly message: string;
}

const pct = (n: number | undefined) => (n === undefined ? "from nothing" : `${n > 0 ? "+" : ""}${n}%`);

/** The findings a change set produces under `thresholds`. */
export function changeFindings(changes: ChangeSet, thresholds: ChangeThresholds): ChangeFinding[] {
    const findings: ChangeFinding[] = [];
    const add = (rule: ChangeRuleName, message: string, urn?: string) => {
        const level = thresholds[rule].enforcementLevel;
        if (level !== "disabled") findings.push({ rule, enforcementLevel: level, urn, message });
    };
    const increased = (rule: "monthlyCostIncrease" | "rolloutTimeIncrease", d: ChangeSet["monthlyCostUsd"], unit: (n: number) => string) => {
        const max = thresholds[rule].maxPercent ?? 0;
        if (d.after > d.before && (d.percent === undefined || d.percent > max)) {
            add(rule, `${unit(d.before)} → ${unit(d.after)} (${pct(d.percent)}; the threshold is +${max}%).`);
        }
    };
    increased("monthlyCostIncrease", changes.monthlyCostUsd, n => `$${n.toFixed(2)} a month`);
    increased("rolloutTimeIncrease", changes.rolloutSeconds, n => `${n} s`);
    for (const r of changes.deleted) {
        if (r.protect) add("protectedResourceDeletion", `${r.type} ${r.name} is protected and would be deleted: Pulumi refuses to delete it; unprotect it deliberately first, or keep it in the program (an alias keeps it when its name or parent moves).`, r.urn);
        if (r.stateful) add("statefulResourceLoss", `${r.type} ${r.name} holds data and would be deleted.`, r.urn);
    }
    for (const r of changes.updated) {
        if (r.effect === "replace") {
            if (r.protect) add("protectedResourceReplacement", `${r.type} ${r.name} is protected and a change of ${r.because.join(", ")} replaces it: Pulumi refuses the replacement.`, r.urn);
            if (r.stateful) add("statefulResourceLoss", `${r.type} ${r.name} holds data and a change of ${r.because.join(", ")} replaces it.`, r.urn);
        } else if (r.effect === "refused") {
            add("changeRefusedByProvider", `${r.type} ${r.name}: the provider refuses this change to the existing resource (${r.because.join("; ")}), so pulumi up would fail.`, r.urn);
        } else if (r.effect === "undeterminable") {
            add("replacementNotDeterminable", `${r.type} ${r.name}: ${r.because.join("; ")} (changed: ${r.changedInputs.join(", ") || "none known"}).`, r.urn);
        }
    }
    for (const g of changes.pinnedTargetGroups) {
        const rules = g.rules.length === 1 ? `listener rule ${g.rules[0]} ignores its forward target groups (ECS moves their weights), so it keeps` : `listener rules ${g.rules.join(", ")} ignore their forward target groups (ECS moves their weights), so they keep`;
        const change = g.effect === "replace" ? `a change of ${g.because.join(", ")} replaces it` : "the program deletes it";
        add(
            "shiftedTargetGroupReplacement",
            `${g.type} ${g.name}: ${change}, but ${rules} forwarding to the old group: ` +
                `deleting that group fails while a rule uses it (ELB ResourceInUse), and ECS is pointed at groups no rule forwards to. ` +
                `Deploy the change with deploymentStrategy rolling first, then switch back.`,
            g.urn,
        );
    }
    return findings;
}

/**
 * What a change does to a stack: two `npm run check --json` reports (the base branch's and this one's)
 * compared resource by resource, with the cost, rollout and policy deltas. Pure.
 */
import type { CheckReport, ReportedResource, ReportedViolation } from "../checkReport";
import { replaceRuleFor, ReplaceRule } from "./replaceOnChange";
import { AWS_TYPES } from "../../policy/facts/typeTokens";
import { PinnedTargetGroup, pinnedTargetGroups } from "./pinnedTargetGroups";

/** A resource named in a change report. */
export interface ChangedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** Protected (`protect: true`) in the report that has it. */
    readonly protect: boolean;
    /** Holds data that a delete or replace loses (repository images, logs, objects, secret values, keys). */
    readonly stateful: boolean;
}

/** A resource present on both sides whose inputs differ. */
export interface UpdatedResource extends ChangedResource {
    /** Top-level inputs whose values differ. */
    readonly changedInputs: readonly string[];
    /**
     * `update`: changed in place; `replace`: a changed input forces a new resource; `new-revision`: an
     * immutable resource (task definition) gets a new revision; `undeterminable`: the type is not in the
     * replace-on-change table, or a replace-on-change input is not known offline; `refused`: the provider
     * refuses the change to an existing resource at plan time, so `pulumi up` fails.
     */
    readonly effect: "update" | "replace" | "new-revision" | "undeterminable" | "refused";
    /** The inputs that force the replacement or revision, or the reason it cannot be determined. */
    readonly because: readonly string[];
    /** Where the table row comes from (upstream provider source), when there is a row. */
    readonly source?: string;
}

/** Before and after of one number. */
export interface Delta {
    readonly before: number;
    readonly after: number;
    readonly change: number;
    /** Relative change in percent; undefined when `before` is 0. */
    readonly percent?: number;
}

/** The comparison. */
export interface ChangeSet {
    readonly stack: string;
    readonly added: readonly ChangedResource[];
    readonly deleted: readonly ChangedResource[];
    readonly updated: readonly UpdatedResource[];
    /** Resources found under an alias of their old URN: the same resource, moved. */
    readonly renamed: ReadonlyArray<{ readonly from: string; readonly to: string }>;
    readonly monthlyCostUsd: Delta;
    readonly monthlyCostUsdMax: Delta;
    /** Seconds for a whole rollout of the stack (see `stackRolloutSeconds`). */
    readonly rolloutSeconds: Delta;
    readonly newViolations: readonly ReportedViolation[];
    readonly fixedViolations: readonly ReportedViolation[];
    /** Inputs that are secret on either side: their change cannot be seen offline. */
    readonly secretInputsNotCompared: ReadonlyArray<{ readonly urn: string; readonly inputs: readonly string[] }>;
    /**
     * Target groups replaced or deleted while a kept listener rule that ignores its forward target groups
     * (a blue/green, canary or linear service's) forwards to them (see `pinnedTargetGroups.ts`).
     */
    readonly pinnedTargetGroups: readonly PinnedTargetGroup[];
}

/** Types whose resources hold data that a deletion or replacement loses. */
const STATEFUL_TYPES: ReadonlySet<string> = new Set([
    AWS_TYPES.ecrRepository,
    AWS_TYPES.cloudwatchLogGroup,
    AWS_TYPES.s3Bucket,
    AWS_TYPES.s3BucketV2,
    AWS_TYPES.secretsmanagerSecret,
    AWS_TYPES.secretsmanagerSecretVersion,
    AWS_TYPES.kmsKey,
    AWS_TYPES.dynamodbTable,
    AWS_TYPES.rdsInstance,
    AWS_TYPES.rdsCluster,
    AWS_TYPES.efsFileSystem,
    AWS_TYPES.elasticacheReplicationGroup,
    AWS_TYPES.sqsQueue,
]);

const SECRET = "[secret]";
const UNKNOWN = "[unknown]";

/** True for a resource with no cloud state: a component (its type has no module path). */
const isComponent = (r: ReportedResource): boolean => !/^[^:]+:[^:]*\/[^:]*:/.test(r.type) && !r.type.startsWith("pulumi:providers:");

const optionsOf = (r: ReportedResource) => r.options ?? { protect: false, retainOnDelete: false, aliases: [] };

const describe = (r: ReportedResource): ChangedResource => ({
    urn: r.urn,
    type: r.type,
    name: r.name,
    protect: optionsOf(r).protect,
    stateful: STATEFUL_TYPES.has(r.type),
});

const canonical = (value: unknown): string =>
    JSON.stringify(value, (_key, v) => (v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

/** True when `value` holds a redacted secret anywhere. */
const holdsSecret = (value: unknown): boolean =>
    value === SECRET || (Array.isArray(value) ? value.some(holdsSecret) : value !== null && typeof value === "object" ? Object.values(value).some(holdsSecret) : false);

const holdsUnknown = (value: unknown): boolean =>
    value === UNKNOWN || (Array.isArray(value) ? value.some(holdsUnknown) : value !== null && typeof value === "object" ? Object.values(value).some(holdsUnknown) : false);

const delta = (before: number, after: number): Delta => ({
    before,
    after,
    change: Math.round((after - before) * 100) / 100,
    percent: before === 0 ? undefined : Math.round(((after - before) / before) * 1000) / 10,
});

/** How a changed set of inputs affects a resource of a type the table knows. */
function effectOf(
    rule: ReplaceRule | undefined,
    changed: readonly string[],
    unknownInputs: readonly string[],
    inputs: Readonly<Record<string, unknown>>,
    before: Readonly<Record<string, unknown>>,
): Pick<UpdatedResource, "effect" | "because" | "source"> {
    if (!rule) {
        return { effect: "undeterminable", because: ["replacement not determinable offline: the type is not in the replace-on-change table"] };
    }
    const refusals = changed.flatMap(input => rule.refusal(input, inputs) ?? []);
    if (refusals.length > 0) {
        return { effect: "refused", because: refusals, source: rule.source };
    }
    const forcing = changed.filter(input => rule.forcesReplacement(input, inputs, before));
    if (forcing.length > 0) {
        return { effect: rule.effect, because: forcing, source: rule.source };
    }
    const undetermined = changed.flatMap(input => rule.undeterminedBecause(input, inputs, before) ?? []);
    const maybe = unknownInputs
        .filter(input => rule.mayForceReplacement(input))
        .map(input => `${input} is not known offline and could force a ${rule.effect === "new-revision" ? "new revision" : "replacement"}`);
    if (undetermined.length + maybe.length > 0) {
        return { effect: "undeterminable", because: [...undetermined, ...maybe], source: rule.source };
    }
    return { effect: "update", because: [], source: rule.source };
}

const violationKey = (v: ReportedViolation): string => `${v.policy}\u0000${v.urn ?? ""}\u0000${v.message}`;

/**
 * Seconds until the stack's last service finishes rolling out; a report from before per-service estimates
 * has only the slowest service's seconds per wave × waves, which is the same when no service waits for another.
 */
const stackRolloutSeconds = (report: CheckReport): number => report.rollout.totalSeconds ?? report.rollout.secondsPerWave * report.rollout.waves;

/**
 * Compares `base` (the report of the branch a pull request merges into) with `head`. Resources are matched
 * by URN, or by an alias of the head resource that names the base URN.
 */
export function compareReports(base: CheckReport, head: CheckReport): ChangeSet {
    const baseByUrn = new Map(base.resources.map(r => [r.urn, r]));
    const matchedBase = new Set<string>();
    /** Head URN → the base URN it was matched to. */
    const matched = new Map<string, string>();
    /** Replaced resources by base URN, with the inputs that force each replacement. */
    const replaced = new Map<string, readonly string[]>();
    const added: ChangedResource[] = [];
    const updated: UpdatedResource[] = [];
    const renamed: Array<{ from: string; to: string }> = [];
    const secretInputsNotCompared: Array<{ urn: string; inputs: string[] }> = [];

    for (const now of head.resources) {
        let before = baseByUrn.get(now.urn);
        if (!before) {
            const alias = optionsOf(now).aliases.find(a => baseByUrn.has(a) && !matchedBase.has(a));
            if (alias) {
                before = baseByUrn.get(alias);
                renamed.push({ from: alias, to: now.urn });
            }
        }
        if (!before) {
            added.push(describe(now));
            continue;
        }
        matchedBase.add(before.urn);
        matched.set(now.urn, before.urn);
        if (isComponent(now)) continue;
        const beforeInputs = (before.inputs ?? {}) as Record<string, unknown>;
        const nowInputs = (now.inputs ?? {}) as Record<string, unknown>;
        const keys = [...new Set([...Object.keys(beforeInputs), ...Object.keys(nowInputs)])].sort();
        const changed: string[] = [];
        const unknownInputs: string[] = [];
        const secret: string[] = [];
        for (const key of keys) {
            const [b, n] = [beforeInputs[key], nowInputs[key]];
            if (holdsSecret(b) || holdsSecret(n)) {
                if (canonical(b) !== canonical(n)) changed.push(key);
                else secret.push(key);
            } else if (holdsUnknown(n)) {
                unknownInputs.push(key);
            } else if (canonical(b) !== canonical(n)) {
                changed.push(key);
            }
        }
        if (secret.length > 0) secretInputsNotCompared.push({ urn: now.urn, inputs: secret });
        const rule = replaceRuleFor(now.type);
        if (changed.length === 0) {
            const maybe = effectOf(rule, [], unknownInputs, nowInputs, beforeInputs);
            if (maybe.effect === "undeterminable" && rule) {
                updated.push({ ...describe(now), changedInputs: [], ...maybe });
            }
            continue;
        }
        const effect = effectOf(rule, changed, unknownInputs, nowInputs, beforeInputs);
        if (effect.effect === "replace") replaced.set(before.urn, effect.because);
        updated.push({ ...describe(now), changedInputs: changed, ...effect });
    }

    const deleted = base.resources.filter(r => !matchedBase.has(r.urn)).map(describe);
    const headKeys = new Set(head.violations.map(violationKey));
    const baseKeys = new Set(base.violations.map(violationKey));
    return {
        stack: head.stack,
        added,
        deleted,
        updated,
        renamed,
        monthlyCostUsd: delta(base.cost.monthlyUsd, head.cost.monthlyUsd),
        monthlyCostUsdMax: delta(base.cost.monthlyUsdMax, head.cost.monthlyUsdMax),
        rolloutSeconds: delta(stackRolloutSeconds(base), stackRolloutSeconds(head)),
        newViolations: head.violations.filter(v => !baseKeys.has(violationKey(v))),
        fixedViolations: base.violations.filter(v => !headKeys.has(violationKey(v))),
        secretInputsNotCompared,
        pinnedTargetGroups: pinnedTargetGroups(base.resources, head.resources, matched, replaced, new Set(deleted.map(r => r.urn))),
    };
}

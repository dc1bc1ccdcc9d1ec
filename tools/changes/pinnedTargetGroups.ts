/**
 * Target groups that a change replaces or deletes while a listener rule that ignores its forward target
 * groups still forwards to them. Pure.
 *
 * Blue/green, canary and linear services' listener rules ignore `actions[0].forward.targetGroups`, because
 * ECS rewrites the weights on every traffic shift (`components/deploymentRules.ts`,
 * `FORWARD_TARGET_GROUPS_PATH`). `ignoreChanges` keeps the rule's old value in the update (pulumi/pulumi
 * `sdk/go/common/resource/properties_path.go`, `Reset`), so when one of those groups is replaced (a new
 * `port` or `protocol`, hashicorp/terraform-provider-aws `internal/service/elbv2/target_group.go`, ForceNew)
 * the rule keeps forwarding to the old group's ARN: deleting the old group fails while the rule uses it
 * (ELB `DeleteTargetGroup`: "ResourceInUse: Target group '…' is currently in use by a listener or a rule",
 * pulumi/pulumi#5900, hashicorp/terraform-provider-aws#16889), and ECS's `advancedConfiguration` moves to
 * groups that no rule forwards to.
 */
import type { ReportedResource } from "../checkReport";
import { LISTENER_RULE, TARGET_GROUP } from "../../policy/facts/typeTokens";

/** A replaced or deleted target group and the kept listener rules that forward to it. */
export interface PinnedTargetGroup {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** `replace`: a changed input forces a new group; `delete`: the program no longer has it. */
    readonly effect: "replace" | "delete";
    /** The inputs that force the replacement (empty for a deletion). */
    readonly because: readonly string[];
    /** Logical names of the listener rules that ignore their forward target groups and forward to it. */
    readonly rules: readonly string[];
}

/**
 * The property paths through which a listener rule forwards, `#` standing for any list index: the weighted
 * forward block's groups and the single `targetGroupArn` of a simple forward action.
 */
const FORWARD_PATHS: readonly (readonly string[])[] = [
    ["actions", "#", "forward", "targetGroups", "#", "arn"],
    ["actions", "#", "targetGroupArn"],
];

/** `actions[0].forward["targetGroups"][*]` → `["actions", "0", "forward", "targetGroups", "*"]`. */
export function pathSegments(path: string): string[] {
    return [...path.matchAll(/\[\s*"([^"]*)"\s*\]|\[\s*([^\]]*?)\s*\]|([^.[\]]+)/g)].map(m => m[1] ?? m[2] ?? m[3]);
}

const matchesSegment = (given: string, pattern: string) => (pattern === "#" ? given === "*" || /^\d+$/.test(given) : given === pattern);

/**
 * True when an `ignoreChanges` path keeps a rule's forward targets: it names them, an element of them, or
 * anything that contains them (`actions`, `actions[0]`, `actions[*].forward`, ...).
 */
export function ignoresForwardTargets(ignoreChanges: readonly string[]): boolean {
    return ignoreChanges.some(path => {
        const given = pathSegments(path);
        return given.length > 0 && FORWARD_PATHS.some(pattern => given.length <= pattern.length && given.every((s, i) => matchesSegment(s, pattern[i])));
    });
}

const isType = (types: readonly string[], r: ReportedResource) => types.includes(r.type);

/** The URNs a rule's `actions` input takes values from (Pulumi's property dependencies), target groups only. */
const forwardedGroups = (rule: ReportedResource | undefined, groups: ReadonlySet<string>): string[] => (rule?.dependencies?.actions ?? []).filter(urn => groups.has(urn));

/**
 * Every target group of `base` that the change replaces or deletes while a listener rule kept from `base`
 * to `head` ignores its forward targets (by `head`'s options: the program's `ignoreChanges` decides the
 * update) and forwards to that group, by either report's dependencies. A rule new in `head` is created with
 * the new groups and is no hazard. A baseline without dependencies (written by an earlier version) is read
 * through `head`'s: a replaced group keeps its URN.
 *
 * @param matched the base URN each head URN was matched to (itself, or an alias).
 * @param replaced the replaced target groups' URNs with the inputs that force each replacement.
 */
export function pinnedTargetGroups(
    base: readonly ReportedResource[],
    head: readonly ReportedResource[],
    matched: ReadonlyMap<string, string>,
    replaced: ReadonlyMap<string, readonly string[]>,
    deleted: ReadonlySet<string>,
): PinnedTargetGroup[] {
    const baseByUrn = new Map(base.map(r => [r.urn, r]));
    const headByUrn = new Map(head.map(r => [r.urn, r]));
    const groups = new Set(base.filter(r => isType(TARGET_GROUP, r)).map(r => r.urn));
    const rulesByGroup = new Map<string, string[]>();
    for (const rule of head.filter(r => isType(LISTENER_RULE, r))) {
        const before = baseByUrn.get(matched.get(rule.urn) ?? "");
        if (!before || !ignoresForwardTargets(rule.options?.ignoreChanges ?? [])) continue;
        // Head dependencies name head URNs; a group moved under an alias is found by its base URN.
        const headGroups = forwardedGroups(rule, new Set([...headByUrn.keys()])).map(urn => matched.get(urn) ?? urn);
        for (const urn of new Set([...forwardedGroups(before, groups), ...headGroups.filter(u => groups.has(u))])) {
            rulesByGroup.set(urn, [...(rulesByGroup.get(urn) ?? []), rule.name]);
        }
    }
    const pinned: PinnedTargetGroup[] = [];
    for (const [urn, rules] of rulesByGroup) {
        const group = baseByUrn.get(urn)!;
        const because = replaced.get(urn);
        if (because !== undefined || deleted.has(urn)) {
            pinned.push({ urn, type: group.type, name: group.name, effect: because !== undefined ? "replace" : "delete", because: because ?? [], rules });
        }
    }
    return pinned.sort((a, b) => a.urn.localeCompare(b.urn));
}

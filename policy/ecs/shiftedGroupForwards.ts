/**
 * Every way into a traffic-shifting service's target groups other than its production and test rules.
 *
 * ECS registers a blue/green, canary or linear deployment's new revision in whichever of the service's two
 * target groups (`loadBalancers[].targetGroupArn`, `advancedConfiguration.alternateTargetGroupArn`) does not
 * take production traffic, and the two swap at every deployment ("Application Load Balancer resources for
 * blue/green, linear, and canary deployments",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html). So a
 * listener default action or listener rule that forwards to either group, other than the production rule
 * whose weights ECS moves, sends requests to the untested revision on every other deployment: it is a test
 * route whether it is named one or not, and is held to the test rule's bar (a narrow source-ip condition,
 * or a load balancer the internet cannot reach).
 *
 * One exception, by design of the default service (`components/serviceRoute.ts`): the listener's default
 * action forwards to the primary group and a catch-all production rule answers every request first. A
 * default action is skipped when a rule of the same listener has path-pattern conditions only, one of them
 * `*` or `/*`: every request in origin or absolute form has a path starting with "/", so ALB never reaches
 * the default action for those; only an asterisk-form `OPTIONS *` request could pass a `/*` rule. Likewise
 * a rule that an earlier rule of its listener provably shadows (`ruleCovers`) never gets a request.
 */
import { PolicyResource } from "@pulumi/policy";
import { asArray, isRecord, toNumber } from "../lib/coerce";
import { loadBalancerEntries, shiftsTraffic } from "../lib/ecsDeployment";
import { resourcesOfType } from "../lib/ecsStack";
import { isUnknownSentinel } from "../lib/goDecode";
import { resourceNamed } from "../lib/listenerExposure";
import { ECS_SERVICE, LISTENER, LISTENER_RULE, TARGET_GROUP } from "../lib/types";
import { peek, UNKNOWN, UnknownDeferral } from "../lib/unknowns";
import { ListenerRuleGroup } from "../lb/listenerRules";
import { readConditions, ruleCovers } from "../lb/ruleConditions";

/** One of a traffic-shifting service's two target groups. */
export interface ShiftedGroup {
    readonly service: PolicyResource;
    /** `loadBalancers[0].targetGroupArn` or `loadBalancers[0].advancedConfiguration.alternateTargetGroupArn`. */
    readonly field: string;
    readonly arn: string;
    /** The service's own production and test routes (rules or, for an NLB, listeners): not judged here. */
    readonly own: readonly PolicyResource[];
}

/** A listener default action or listener rule forwarding to one or both shifted groups of a service. */
export interface ShiftedForward {
    readonly resource: PolicyResource;
    /** True for a listener's default action; false for a listener rule. */
    readonly isListener: boolean;
    readonly service: PolicyResource;
    readonly groups: ShiftedGroup[];
}

/** The identity of a target-group reference: the stack's target group it names (ARN, id or URN), else the string itself. */
const groupKey = (resources: readonly PolicyResource[], reference: string): string => resourceNamed(resources, TARGET_GROUP, reference)?.urn ?? reference;

/** A list's elements; one object stands for itself (a list given as an object is still read, never skipped). */
const elements = (value: unknown): unknown[] => (isRecord(value) ? [value] : asArray(value));

/**
 * Target-group references of a listener's `defaultActions` or a rule's `actions` (read unproxied, through
 * `peek`): `targetGroupArn` and `forward.targetGroups[].arn` of every action, whatever its `type` (a
 * reference is judged as the provider would send it). {@link UNKNOWN} stands for one not known yet.
 */
export function forwardReferences(actions: unknown): (string | typeof UNKNOWN)[] {
    if (actions === UNKNOWN || isUnknownSentinel(actions)) {
        return [UNKNOWN];
    }
    const references: (string | typeof UNKNOWN)[] = [];
    const add = (value: unknown): void => {
        if (isUnknownSentinel(value)) {
            references.push(UNKNOWN);
        } else if (typeof value === "string" && value !== "") {
            references.push(value);
        }
    };
    for (const action of elements(actions)) {
        if (isUnknownSentinel(action)) {
            references.push(UNKNOWN);
            continue;
        }
        if (!isRecord(action)) {
            continue;
        }
        add(action.targetGroupArn);
        const forward: unknown = action.forward;
        if (isUnknownSentinel(forward)) {
            references.push(UNKNOWN);
        } else if (isRecord(forward)) {
            if (isUnknownSentinel(forward.targetGroups)) {
                references.push(UNKNOWN);
            }
            for (const group of elements(forward.targetGroups)) {
                if (isUnknownSentinel(group)) {
                    references.push(UNKNOWN);
                } else if (isRecord(group)) {
                    add(group.arn);
                }
            }
        }
    }
    return references;
}

/**
 * The two groups of every traffic-shifting service, with the routes that are the service's own (its
 * production rule, and `testRoutes` of it: the test rule, judged on its own). A group, production rule or
 * strategy not known yet defers that service (nothing is guessed).
 */
export function shiftedGroups(resources: readonly PolicyResource[], testRoutes: ReadonlyMap<PolicyResource, readonly PolicyResource[]>, deferral: UnknownDeferral): Map<string, ShiftedGroup[]> {
    const byKey = new Map<string, ShiftedGroup[]>();
    for (const service of resourcesOfType(resources, ECS_SERVICE)) {
        if (deferral.run(() => shiftsTraffic(service.props)) !== true) continue;
        for (const { entry, index } of deferral.run(() => loadBalancerEntries(service.props)) ?? []) {
            deferral.run(() => {
                const advanced = peek(entry, "advancedConfiguration");
                if (!isRecord(advanced)) {
                    void entry.advancedConfiguration; // throws when not known yet; otherwise there is no alternate
                    return;
                }
                const production = advanced.productionListenerRule;
                if (isUnknownSentinel(production)) {
                    void (entry.advancedConfiguration as Record<string, unknown>).productionListenerRule;
                }
                const routes = [LISTENER_RULE, LISTENER].map(types => resourceNamed(resources, types, production)).filter((r): r is PolicyResource => r !== undefined);
                const own = [...routes, ...(testRoutes.get(service) ?? [])];
                const pairs: [string, unknown, () => unknown][] = [
                    [`loadBalancers[${index}].targetGroupArn`, peek(entry, "targetGroupArn"), () => entry.targetGroupArn],
                    [`loadBalancers[${index}].advancedConfiguration.alternateTargetGroupArn`, advanced.alternateTargetGroupArn, () => (entry.advancedConfiguration as Record<string, unknown>).alternateTargetGroupArn],
                ];
                for (const [field, arn, read] of pairs) {
                    if (arn === UNKNOWN || isUnknownSentinel(arn)) {
                        deferral.run(read);
                    } else if (typeof arn === "string" && arn !== "") {
                        const key = groupKey(resources, arn);
                        byKey.set(key, [...(byKey.get(key) ?? []), { service, field, arn, own }]);
                    }
                }
            });
        }
    }
    return byKey;
}

/** True when a rule of `group` answers every request before the listener's default action (see the module comment). */
export function defaultActionShadowed(group: ListenerRuleGroup | undefined): boolean {
    return (group?.rules ?? []).some(rule => {
        const read = readConditions(peek(rule.props, "conditions"));
        return !read.opaque && read.conditions.every(c => c.kind === "path") && read.conditions.some(c => c.values.includes("*") || c.values.includes("/*"));
    });
}

/** A rule's priority and conditions, read without the proxy; undefined priority when it is not a known number. */
const ruleOrder = (rule: PolicyResource): { priority: number | undefined; conditions: ReturnType<typeof readConditions> } => ({
    priority: toNumber(peek(rule.props, "priority")),
    conditions: readConditions(peek(rule.props, "conditions")),
});

/**
 * True when a rule of the same listener with a lower priority number provably matches every request `rule`
 * matches (`ruleCovers`, as `lb-listener-rule-not-shadowed` judges it): ALB never hands `rule` a request.
 */
export function ruleShadowed(rule: PolicyResource, group: ListenerRuleGroup | undefined, order: (r: PolicyResource) => ReturnType<typeof ruleOrder> = ruleOrder): boolean {
    const own = order(rule);
    if (own.priority === undefined) return false;
    return (group?.rules ?? []).some(other => {
        if (other === rule) return false;
        const earlier = order(other);
        return earlier.priority !== undefined && earlier.priority < own.priority! && ruleCovers(earlier.conditions, own.conditions);
    });
}

/**
 * Every listener default action and listener rule of the stack that forwards to a group in `groups`, other
 * than the group's service's own routes, and routes that never get a request: default actions a catch-all
 * rule answers for first, and rules an earlier rule of their listener shadows. Actions not known yet defer
 * (nothing is guessed).
 */
export function shiftedForwards(resources: readonly PolicyResource[], groups: ReadonlyMap<string, ShiftedGroup[]>, ruleGroups: readonly ListenerRuleGroup[], deferral: UnknownDeferral): ShiftedForward[] {
    const found: ShiftedForward[] = [];
    if (groups.size === 0) {
        return found;
    }
    const orders = new Map<PolicyResource, ReturnType<typeof ruleOrder>>();
    const order = (r: PolicyResource) => orders.get(r) ?? orders.set(r, ruleOrder(r)).get(r)!;
    const keys = new Map<string, string>();
    const key = (reference: string) => keys.get(reference) ?? keys.set(reference, groupKey(resources, reference)).get(reference)!;
    const judge = (resource: PolicyResource, isListener: boolean, field: "defaultActions" | "actions") => {
        for (const reference of forwardReferences(peek(resource.props, field))) {
            if (reference === UNKNOWN) {
                deferral.run(() => JSON.stringify(resource.props[field])); // the proxy throws on the unknown part
                continue;
            }
            for (const group of groups.get(key(reference)) ?? []) {
                if (group.own.includes(resource)) continue;
                const same = found.find(f => f.resource === resource && f.service === group.service);
                if (!same) {
                    found.push({ resource, isListener, service: group.service, groups: [group] });
                } else if (!same.groups.includes(group)) {
                    same.groups.push(group);
                }
            }
        }
    };
    for (const listener of resourcesOfType(resources, LISTENER)) {
        if (!defaultActionShadowed(ruleGroups.find(g => g.listener === listener))) {
            judge(listener, true, "defaultActions");
        }
    }
    for (const rule of resourcesOfType(resources, LISTENER_RULE)) {
        if (!ruleShadowed(rule, ruleGroups.find(g => g.rules.includes(rule)), order)) {
            judge(rule, false, "actions");
        }
    }
    return found;
}

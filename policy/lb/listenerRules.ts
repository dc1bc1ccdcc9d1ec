/**
 * Listener rules of a stack grouped by the listener they belong to, for the stack policies that compare
 * rules (`lb-listener-rule-unique-priority`, `lb-listener-rule-not-shadowed`) or judge them by their
 * listener (`lb-listener-rule-http-redirects-to-https`). `aws:lb/listenerRule` and `aws:alb/listenerRule`
 * are one kind of resource and share listeners.
 *
 * A rule's listener is found, in this order:
 * 1. by `listenerArn` when it is known: the stack's listener with that `arn` (or `id`, or URN), else the
 *    ARN itself (a listener outside the stack: rules naming the same ARN still group together);
 * 2. during preview, when `listenerArn` is not known yet: the one listener the rule's `listenerArn`
 *    depends on (`propertyDependencies.listenerArn`), else the one listener among its dependencies;
 * 3. otherwise nothing is guessed: the rule is left out and the policy's `UnknownDeferral` rethrows the
 *    unknown read, so the engine reports that the policy could not fully run during preview.
 */
import { PolicyResource } from "@pulumi/policy";
import { toNumber } from "../lib/coerce";
import { resourcesOfType } from "../lib/ecsStack";
import { LISTENER, LISTENER_RULE } from "../lib/types";
import { UNKNOWN, UnknownDeferral, peek } from "../lib/unknowns";

/** The rules of one listener. */
export interface ListenerRuleGroup {
    /** The stack's listener, when the rules' listener is in the stack. */
    readonly listener?: PolicyResource;
    /** `listener "http"` or `listener arn:aws:…` — for messages. */
    readonly label: string;
    readonly rules: PolicyResource[];
}

/** The one listener among `candidates`, or undefined when there is none or more than one. */
const onlyListener = (candidates: readonly PolicyResource[] | undefined): PolicyResource | undefined => {
    const listeners = [...new Set((candidates ?? []).filter(r => (LISTENER as readonly string[]).includes(r.type)))];
    return listeners.length === 1 ? listeners[0] : undefined;
};

/** The stack's listener a known ARN names. */
function listenerNamed(listeners: readonly PolicyResource[], arn: string): PolicyResource | undefined {
    return listeners.find(l => arn === l.urn || arn === peek(l.props, "arn") || arn === peek(l.props, "id"));
}

/** Groups the stack's listener rules by listener; see the module comment. */
export function listenerRuleGroups(resources: readonly PolicyResource[], deferral: UnknownDeferral): ListenerRuleGroup[] {
    const listeners = resourcesOfType(resources, LISTENER);
    const groups = new Map<string, { listener?: PolicyResource; label: string; rules: PolicyResource[] }>();
    for (const rule of resourcesOfType(resources, LISTENER_RULE)) {
        const arn = peek(rule.props, "listenerArn");
        let listener: PolicyResource | undefined;
        let key: string;
        if (typeof arn === "string" && arn !== "") {
            // A known ARN names the stack's listener; failing that (its own ARN may be unknown while it is
            // replaced), the listener the input came from; failing that, a listener outside the stack.
            listener = listenerNamed(listeners, arn) ?? onlyListener(rule.propertyDependencies?.listenerArn);
            key = listener ? listener.urn : arn;
        } else if (arn === UNKNOWN) {
            listener = onlyListener(rule.propertyDependencies?.listenerArn) ?? onlyListener(rule.dependencies);
            if (!listener) {
                deferral.run(() => rule.props.listenerArn);
                continue;
            }
            key = listener.urn;
        } else {
            continue; // no listener named: the provider refuses the rule before any comparison matters
        }
        const group = groups.get(key) ?? { listener, label: listener ? `listener "${listener.name}"` : `listener ${key}`, rules: [] };
        group.rules.push(rule);
        groups.set(key, group);
    }
    return [...groups.values()];
}

/**
 * A rule's priority, or undefined when it has none (the provider then takes the listener's next free
 * one) or it is not a number. Reading an unknown priority throws `UnknownValueError`.
 */
export const rulePriority = (rule: PolicyResource): number | undefined => toNumber(rule.props.priority);

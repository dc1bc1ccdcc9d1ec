import { StackValidationPolicy } from "@pulumi/policy";
import { asArray, isRecord, toNumber, upper } from "../lib/coerce";
import { LISTENER, LISTENER_RULE } from "../lib/types";
import { listenerProtocol } from "./props";

/** What a listener rule does in the end: its last action by `order` (ECS runs authenticate actions first). */
function finalAction(actions: unknown[]): Record<string, any> | undefined {
    const records = actions.filter(isRecord);
    return records.reduce<Record<string, any> | undefined>(
        (last, a) => (last === undefined || (toNumber(a.order) ?? Infinity) >= (toNumber(last.order) ?? Infinity) ? a : last),
        undefined,
    );
}

/**
 * Catalog #14 across resources: `lb-listener-http-redirects-to-https` reads a listener's default actions,
 * but listener rules (`aws:lb/listenerRule`, `aws:alb/listenerRule`) on that listener serve whatever their
 * conditions match — a `forward` (plain or weighted `forward.targetGroups`), a fixed response or an
 * authentication — over plain HTTP too. On an HTTP listener every rule must end in a redirect to HTTPS.
 * Rules are matched to listeners of the stack by `listenerArn`; rules on listeners outside the stack are
 * skipped. Same levels as the listener rule (advisory; mandatory where TLS is configured, prod).
 */
export const lbListenerRuleHttpRedirectsToHttps: StackValidationPolicy = {
    name: "lb-listener-rule-http-redirects-to-https",
    description: "Listener rules on HTTP listeners only redirect to HTTPS.",
    enforcementLevel: "advisory",
    severity: "high",
    validateStack: (args, report) => {
        const httpListeners = args.resources.filter(r => (LISTENER as readonly string[]).includes(r.type) && listenerProtocol(r.props) === "HTTP");
        if (httpListeners.length === 0) {
            return;
        }
        for (const rule of args.resources.filter(r => (LISTENER_RULE as readonly string[]).includes(r.type))) {
            const listenerArn = rule.props.listenerArn;
            const listener = httpListeners.find(l => listenerArn === l.props.arn || listenerArn === l.props.id);
            if (!listener) {
                continue;
            }
            const label = `Listener rule "${rule.name}" on HTTP listener "${listener.name}"`;
            const action = finalAction(asArray(rule.props.actions));
            const type = action && typeof action.type === "string" ? action.type.trim().toLowerCase() : undefined;
            if (type !== "redirect") {
                const what = type === undefined ? "with no action" : type === "forward" && isRecord(action?.forward) ? 'with a weighted "forward" action' : `with a "${type}" action`;
                report(
                    `${label} serves plain HTTP ${what}; make it redirect to HTTPS ({ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }) ` +
                        `or move it to the HTTPS listener.`,
                    rule.urn,
                );
            } else if (upper(isRecord(action?.redirect) ? action?.redirect.protocol : undefined) !== "HTTPS") {
                report(`${label} redirects without switching to HTTPS; set redirect.protocol to "HTTPS".`, rule.urn);
            }
        }
    },
};

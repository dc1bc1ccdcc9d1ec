import { StackValidationPolicy } from "@pulumi/policy";
import { asArray, isRecord, toNumber, upper } from "../lib/coerce";
import { UnknownDeferral } from "../lib/unknowns";
import { listenerRuleGroups } from "./listenerRules";
import { listenerProtocol } from "./props";

const FIX =
    'make it redirect to HTTPS ({ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }) or move it to the HTTPS listener.';

/** An action's type, trimmed and lower-cased (`" Forward "` is `forward`), or undefined. */
const actionType = (action: Record<string, any>): string | undefined =>
    typeof action.type === "string" && action.type.trim() !== "" ? action.type.trim().toLowerCase() : undefined;

/** The actions in the order ALB runs them: by `order`, else as listed (AWS numbers unordered actions by position). */
function inOrder(actions: unknown): Record<string, any>[] {
    return asArray(actions)
        .filter(isRecord)
        .map((action, i) => ({ action, order: toNumber(action.order) ?? Infinity, i }))
        .sort((x, y) => x.order - y.order || x.i - y.i)
        .map(x => x.action);
}

/** How a message names a serving action; a weighted forward (`forward.targetGroups[]`) says so. */
function describeServing(action: Record<string, any>, type: string | undefined): string {
    if (type === undefined) {
        return "an action without a type";
    }
    return type === "forward" && isRecord(action.forward) ? 'a weighted "forward" action' : `a "${type}" action`;
}

/**
 * Catalog #14 across resources: `lb-listener-http-redirects-to-https` reads a listener's default actions,
 * but listener rules (`aws:lb/listenerRule`, `aws:alb/listenerRule`) on that listener serve whatever their
 * conditions match over plain HTTP too. On an HTTP listener (protocol `HTTP`, or none with a port: the ALB
 * default) every action of a rule must be an authentication step or a redirect whose protocol is HTTPS:
 * - any `forward` is reported, plain (`targetGroupArn`) or weighted (`forward.targetGroups[]`, whatever the
 *   weights: a group at weight 0 beside one above 0 still serves HTTP, and one at 0 alone answers 503 over
 *   HTTP), as is `fixed-response` or an action whose type is missing or unknown;
 * - actions are read in ALB's order (`order`, else position), type names in any case and spacing, so a
 *   redirect listed first cannot hide a forward that runs (AWS refuses two final actions anyway);
 * - a redirect without `protocol` keeps `#{protocol}`, i.e. HTTP, and is reported.
 * Rules find their listener as `./listenerRules` describes (by ARN, or during preview by dependency); rules
 * on listeners outside the stack are skipped. Advisory by default (a dev stack without a certificate
 * forwards HTTP), mandatory where TLS is configured (prod).
 */
export const lbListenerRuleHttpRedirectsToHttps: StackValidationPolicy = {
    name: "lb-listener-rule-http-redirects-to-https",
    description: "Listener rules on HTTP listeners only redirect to HTTPS.",
    enforcementLevel: "advisory",
    severity: "high",
    validateStack: (args, report) => {
        const deferral = new UnknownDeferral();
        for (const group of listenerRuleGroups(args.resources, deferral)) {
            const listener = group.listener;
            if (!listener || deferral.run(() => listenerProtocol(listener.props)) !== "HTTP") {
                continue;
            }
            for (const rule of group.rules) {
                deferral.run(() => {
                    const label = `Listener rule "${rule.name}" on HTTP listener "${listener.name}"`;
                    const actions = inOrder(rule.props.actions);
                    if (actions.length === 0) {
                        report(`${label} serves plain HTTP with no action; ${FIX}`, rule.urn);
                        return;
                    }
                    const serving = actions.find(a => {
                        const type = actionType(a);
                        return type !== "redirect" && !type?.startsWith("authenticate-");
                    });
                    const redirects = actions.filter(a => actionType(a) === "redirect");
                    if (serving !== undefined || redirects.length === 0) {
                        const shown = serving ?? actions[actions.length - 1];
                        report(`${label} serves plain HTTP with ${describeServing(shown, actionType(shown))}; ${FIX}`, rule.urn);
                        return;
                    }
                    if (redirects.some(a => upper(isRecord(a.redirect) ? a.redirect.protocol : undefined) !== "HTTPS")) {
                        report(`${label} redirects without switching to HTTPS; set redirect.protocol to "HTTPS".`, rule.urn);
                    }
                });
            }
        }
        deferral.rethrow();
    },
};

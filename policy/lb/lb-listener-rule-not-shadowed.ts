import { StackValidationPolicy } from "@pulumi/policy";
import { UnknownDeferral } from "../lib/unknowns";
import { listenerRuleGroups, rulePriority } from "./listenerRules";
import { RuleConditions, describeConditions, readConditions, ruleCovers } from "./ruleConditions";

/**
 * Extra. ALB evaluates a listener's rules in priority order, lowest value first, and the first rule whose
 * conditions all match handles the request (Elastic Load Balancing User Guide, "Listener rules": "Rules are
 * evaluated in priority order, from the lowest value to the highest value",
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rules.html). A rule whose
 * every request is also matched by a rule of lower priority value on the same listener never receives
 * traffic: `/api/*` at 20 after `/*` or `/api*` at 10, host `api.example.com` after `*.example.com`, a
 * host-and-path rule after a host-only rule covering its host. The service behind it silently gets nothing.
 *
 * Only provable shadowing is reported: conditions are read as `./ruleConditions` describes (host names
 * case-insensitive, paths case-sensitive, `*`/`?` wildcards, both `aws:lb` and `aws:alb` tokens, the
 * `{ field, values }` spelling), every condition of the earlier rule must be implied by one of the later
 * rule's, and a value pattern covers another only as `patternCovers` proves it. Regular expressions,
 * query strings, methods and source IPs compare only for equality; unreadable conditions or a missing
 * priority prove nothing. Advisory by default: a shadowed rule is a routing bug, not an exposure, and a
 * cut-over may park one briefly; prod makes it mandatory, since a service it deploys would be unreachable.
 */
export const lbListenerRuleNotShadowed: StackValidationPolicy = {
    name: "lb-listener-rule-not-shadowed",
    description: "Listener rules are not shadowed by a rule evaluated before them on the same listener.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateStack: (args, report) => {
        const deferral = new UnknownDeferral();
        for (const group of listenerRuleGroups(args.resources, deferral)) {
            const rules = group.rules
                .map(rule => deferral.run(() => ({ rule, priority: rulePriority(rule), conditions: readConditions(rule.props.conditions) })))
                .filter((r): r is { rule: (typeof group.rules)[number]; priority: number; conditions: RuleConditions } => r !== undefined && r.priority !== undefined)
                .sort((a, b) => a.priority - b.priority);
            for (const later of rules) {
                const earlier = rules.find(r => r.priority < later.priority && ruleCovers(r.conditions, later.conditions));
                if (earlier) {
                    report(
                        `Listener rule "${later.rule.name}" (priority ${later.priority}, ${describeConditions(later.conditions)}) on ${group.label} never receives traffic: ` +
                            `rule "${earlier.rule.name}" (priority ${earlier.priority}, ${describeConditions(earlier.conditions)}) matches every request it would and is evaluated first; ` +
                            `give "${later.rule.name}" a lower priority number than "${earlier.rule.name}", or narrow "${earlier.rule.name}"'s conditions.`,
                        later.rule.urn,
                    );
                }
            }
        }
        deferral.rethrow();
    },
};

import { StackValidationPolicy } from "@pulumi/policy";
import { UnknownDeferral } from "../lib/unknowns";
import { listenerRuleGroups, rulePriority } from "./listenerRules";

/**
 * Extra (no public tool checks it before apply). ALB evaluates a listener's rules by priority, lowest first,
 * and priorities are unique per listener: `CreateRule` / `SetRulePriorities` fail with `PriorityInUse`
 * (Elastic Load Balancing API Reference, `CreateRule`, "Priority … A listener can't have multiple rules
 * with the same priority", https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html),
 * and neither the provider nor the mocks refuse it earlier, so a preview would pass and `pulumi up` fail
 * half-way. Rules of both type tokens (`aws:lb/listenerRule`, `aws:alb/listenerRule`) are grouped by
 * listener: by `listenerArn`, or during preview by the listener the ARN depends on; a rule whose listener
 * is neither known nor a dependency is not guessed at — the engine reports the policy could not fully run
 * (see `./listenerRules`). Priorities compare as numbers (`10` and `"10"` are one priority); a rule without
 * one gets the next free priority from the provider and never collides. Mandatory: AWS refuses it anyway.
 */
export const lbListenerRuleUniquePriority: StackValidationPolicy = {
    name: "lb-listener-rule-unique-priority",
    description: "Listener rules on one listener have distinct priorities.",
    enforcementLevel: "mandatory",
    severity: "medium",
    validateStack: (args, report) => {
        const deferral = new UnknownDeferral();
        for (const group of listenerRuleGroups(args.resources, deferral)) {
            const byPriority = new Map<number, string[]>();
            for (const rule of group.rules) {
                const priority = deferral.run(() => rulePriority(rule));
                if (priority !== undefined) {
                    byPriority.set(priority, [...(byPriority.get(priority) ?? []), rule.name]);
                }
            }
            for (const rule of group.rules) {
                const priority = deferral.run(() => rulePriority(rule));
                const names = priority === undefined ? [] : (byPriority.get(priority) ?? []);
                if (names.length > 1) {
                    const others = names.filter(n => n !== rule.name).map(n => `"${n}"`).join(", ");
                    report(
                        `Listener rule "${rule.name}" has priority ${priority} on ${group.label}, as do ${others}; AWS refuses a second rule with the same priority, ` +
                            `so give each rule of the listener its own priority (lower numbers are evaluated first).`,
                        rule.urn,
                    );
                }
            }
        }
        deferral.rethrow();
    },
};

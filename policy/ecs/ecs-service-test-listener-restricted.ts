import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asStringList, isNonEmptyString } from "../lib/coerce";
import { loadBalancerEntries } from "../lib/ecsDeployment";
import { resourcesOfType } from "../lib/ecsStack";
import { networkProblem, resourceNamed, SourceLimits, sourceIpProblem } from "../lib/listenerExposure";
import { ECS_SERVICE, LISTENER, LISTENER_RULE } from "../lib/types";
import { peek, UNKNOWN, UnknownDeferral } from "../lib/unknowns";
import { listenerRuleGroups } from "../lb/listenerRules";
import { readConditions } from "../lb/ruleConditions";
import { TEST_TRAFFIC_WIDEST_PREFIX } from "../facts/publicAddresses";
import { shiftedForwards, shiftedGroups } from "./shiftedGroupForwards";

interface Config extends SourceLimits {
    trustedTestListenerRules: string[];
}

/** The one listener rule among `candidates` other than the production rule, or undefined. */
function onlyTestCandidate(candidates: readonly PolicyResource[] | undefined, production: unknown): PolicyResource | undefined {
    const rules = [...new Set((candidates ?? []).filter(r => (LISTENER_RULE as readonly string[]).includes(r.type)))].filter(
        r => !(typeof production === "string" && (production === peek(r.props, "arn") || production === peek(r.props, "id") || production === r.urn)),
    );
    return rules.length === 1 ? rules[0] : undefined;
}

/**
 * Blue/green, canary and linear deployments send test traffic to the new revision before production
 * traffic moves (`loadBalancers[].advancedConfiguration.testListenerRule`, ECS "Application Load Balancer
 * resources for blue/green, linear, and canary deployments",
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html). That revision
 * has not passed its bake or its alarms yet, and a header condition is no access control: anyone can send
 * the header. So the test rule admits only the networks that test:
 * - its own source-ip condition admits at most as many public addresses as one /`widestIpv4Prefix` (IPv4)
 *   or /`widestIpv6Prefix` (IPv6) holds, counted together (so 0.0.0.0/0, ::/0, 0.0.0.0/1 + 128.0.0.0/1,
 *   "::ffff:0:0/96" or "1.0.0.0/8 … 128.0.0.0/1" around the private ranges all fail; private ranges count
 *   nothing); or
 * - its listener's load balancer is internal, or internet-facing behind security groups (all in the stack,
 *   pooled, no prefix lists) whose sources for the listener's port stay within the same limits.
 * The rule is found among the stack's listener rules by ARN, id or URN (for a Network Load Balancer the
 * test "rule" is a listener); while its ARN is not known yet, the one listener rule other than the
 * production rule that the service's `loadBalancers` depends on. A rule outside the stack cannot be judged
 * and is reported unless listed in `trustedTestListenerRules`; one that cannot be resolved during preview
 * is not guessed at: the engine notes the policy could not run.
 *
 * A test rule is not the only way to the new revision: ECS puts it in whichever of the service's two target
 * groups is idle, and they swap at every deployment. So every other listener rule and listener default
 * action that forwards to either group (both tokens, `targetGroupArn` or `forward.targetGroups[].arn`) is
 * held to the same bar, whether or not the service names a test rule; only the service's production rule
 * (ECS moves its weights) and a default action that a catch-all rule of its listener answers for are
 * exempt (see `./shiftedGroupForwards`).
 */
export const ecsServiceTestListenerRestricted: StackValidationPolicy = {
    name: "ecs-service-test-listener-restricted",
    description: "Test listener rules, and any other route to the target groups of blue/green, canary and linear deployments, admit only the networks that test, never the internet.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            widestIpv4Prefix: { type: "integer", minimum: 0, maximum: 32, default: TEST_TRAFFIC_WIDEST_PREFIX.ipv4, description: "Test traffic may come from at most as many public IPv4 addresses as one prefix of this length holds." },
            widestIpv6Prefix: { type: "integer", minimum: 0, maximum: 128, default: TEST_TRAFFIC_WIDEST_PREFIX.ipv6, description: "Test traffic may come from at most as many public IPv6 addresses as one prefix of this length holds." },
            trustedTestListenerRules: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "ARNs of test listener rules outside the stack that are known to admit only the networks that test.",
            },
        },
    },
    validateStack: (args, report) => {
        const config = args.getConfig<Config>();
        const limits: SourceLimits = { widestIpv4Prefix: config.widestIpv4Prefix ?? TEST_TRAFFIC_WIDEST_PREFIX.ipv4, widestIpv6Prefix: config.widestIpv6Prefix ?? TEST_TRAFFIC_WIDEST_PREFIX.ipv6 };
        const trusted = asStringList(config.trustedTestListenerRules);
        const deferral = new UnknownDeferral();
        const groups = listenerRuleGroups(args.resources, new UnknownDeferral());
        const testRoutes = new Map<PolicyResource, PolicyResource[]>();
        for (const service of resourcesOfType(args.resources, ECS_SERVICE)) {
            for (const { entry, index } of deferral.run(() => loadBalancerEntries(service.props)) ?? []) {
                deferral.run(() => {
                    const advanced = peek(entry, "advancedConfiguration");
                    if (advanced === UNKNOWN) {
                        void entry.advancedConfiguration;
                    }
                    if (typeof advanced !== "object" || advanced === null) {
                        return;
                    }
                    const reference = peek(advanced as Record<string, unknown>, "testListenerRule");
                    if (reference === undefined || reference === null || reference === "") {
                        return;
                    }
                    const label = `Service "${service.name}" sends test traffic (loadBalancers[${index}].advancedConfiguration.testListenerRule)`;
                    let target: PolicyResource | undefined;
                    if (reference === UNKNOWN) {
                        const production = peek(advanced as Record<string, unknown>, "productionListenerRule");
                        target = onlyTestCandidate(service.propertyDependencies?.loadBalancers, production) ?? onlyTestCandidate(service.dependencies, production);
                        if (!target) {
                            void (entry.advancedConfiguration as Record<string, unknown>).testListenerRule; // not resolvable offline: nothing guessed
                        }
                    } else {
                        target = resourceNamed(args.resources, LISTENER_RULE, reference) ?? resourceNamed(args.resources, LISTENER, reference);
                        if (!target) {
                            if (!isNonEmptyString(reference) || !trusted.includes(reference)) {
                                report(
                                    `${label} through ${JSON.stringify(reference)}, which is not in this stack, so who can reach it cannot be checked; ` +
                                        `create the test listener rule in this stack, or list it in this policy's trustedTestListenerRules once it admits only the networks that test.`,
                                    service.urn,
                                );
                            }
                            return;
                        }
                    }
                    if (!target) {
                        return;
                    }
                    testRoutes.set(service, [...(testRoutes.get(service) ?? []), target]);
                    const isListener = (LISTENER as readonly string[]).includes(target.type);
                    const ruleProblem = isListener ? "it is a whole listener, with no source-ip condition" : sourceIpProblem(readConditions(target.props.conditions).conditions, limits);
                    if (ruleProblem === undefined) {
                        return;
                    }
                    const listener = isListener ? target : groups.find(g => g.rules.includes(target))?.listener;
                    const network = listener ? networkProblem(args.resources, listener, limits) : "its listener is not in this stack";
                    if (network === undefined) {
                        return;
                    }
                    report(
                        `${label} through ${isListener ? "listener" : "listener rule"} "${target.name}", which the internet can reach: ${ruleProblem}, and ${network}. ` +
                            `Give the rule a source-ip condition of the networks that test (at most a /${limits.widestIpv4Prefix} of public IPv4 or a /${limits.widestIpv6Prefix} of IPv6, e.g. an office or VPN range), or serve it from an internal load balancer.`,
                        target.urn,
                    );
                });
            }
        }
        const shifted = shiftedGroups(args.resources, testRoutes, deferral);
        for (const { resource, isListener, service, groups: targets } of shiftedForwards(args.resources, shifted, groups, deferral)) {
            deferral.run(() => {
                const ruleProblem = isListener
                    ? "it is a listener's default action, with no conditions, and no rule of the listener answers every request first"
                    : sourceIpProblem(readConditions(resource.props.conditions).conditions, limits);
                if (ruleProblem === undefined) {
                    return;
                }
                const listener = isListener ? resource : groups.find(g => g.rules.includes(resource))?.listener;
                const network = listener ? networkProblem(args.resources, listener, limits) : "its listener is not in this stack";
                if (network === undefined) {
                    return;
                }
                report(
                    `${isListener ? "Listener" : "Listener rule"} "${resource.name}" forwards to ${targets.map(t => `${t.field} (${t.arn})`).join(" and ")} of service "${service.name}", ` +
                        `where ECS starts every other new revision before its tests, bake and alarms (the service's two target groups swap at each deployment), and the internet can reach it: ${ruleProblem}, and ${network}. ` +
                        `Forward to the service's target groups only through its production listener rule (and test rule), or give this rule a source-ip condition of the networks that test ` +
                        `(at most a /${limits.widestIpv4Prefix} of public IPv4 or a /${limits.widestIpv6Prefix} of IPv6), or serve it from an internal load balancer.`,
                    resource.urn,
                );
            });
        }
        deferral.rethrow();
    },
};

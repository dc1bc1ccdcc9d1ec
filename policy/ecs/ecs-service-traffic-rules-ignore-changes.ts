import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { asArray, isRecord } from "../lib/coerce";
import { loadBalancerEntries, shiftsTraffic } from "../lib/ecsDeployment";
import { resourcesOfType } from "../lib/ecsStack";
import { pathCovers } from "../lib/ignoreChanges";
import { resourceNamed } from "../lib/listenerExposure";
import { ECS_SERVICE, LISTENER, LISTENER_RULE } from "../lib/types";
import { peek, UNKNOWN, UnknownDeferral } from "../lib/unknowns";

const TRAFFIC_TYPES: readonly string[] = [...LISTENER_RULE, ...LISTENER];

/**
 * The properties of `resource`'s forward actions that ECS rewrites, each as the alternatives that would
 * ignore it: a weighted forward's `targetGroups` (or all their weights), or a plain `targetGroupArn`
 * forward as a whole action (ECS turns it into a weighted forward).
 */
function rewrittenFields(resource: PolicyResource): { field: string; covered: (ignored: readonly string[]) => boolean }[] {
    const key = (LISTENER as readonly string[]).includes(resource.type) ? "defaultActions" : "actions";
    const out: { field: string; covered: (ignored: readonly string[]) => boolean }[] = [];
    asArray(resource.props[key]).forEach((action, i) => {
        if (!isRecord(action) || typeof action.type !== "string" || action.type.trim().toLowerCase() !== "forward") {
            return;
        }
        const base = `${key}[${i}]`;
        if (isRecord(action.forward)) {
            const groups = asArray(action.forward.targetGroups);
            const field = `${base}.forward.targetGroups`;
            out.push({
                field,
                covered: ignored =>
                    ignored.some(p => pathCovers(p, field)) ||
                    (groups.length > 0 && groups.every((_, j) => ignored.some(p => pathCovers(p, `${field}[${j}].weight`)))),
            });
        } else {
            out.push({ field: base, covered: ignored => ignored.some(p => pathCovers(p, `${base}.targetGroupArn`) && pathCovers(p, `${base}.forward`)) });
        }
    });
    return out;
}

/** The stack's listener rules (or NLB listeners) a service shifts traffic on, with the field naming each. */
function trafficResources(resources: readonly PolicyResource[], service: PolicyResource, deferral: UnknownDeferral): { resource: PolicyResource; field: string }[] {
    const found: { resource: PolicyResource; field: string }[] = [];
    for (const { entry, index } of deferral.run(() => loadBalancerEntries(service.props)) ?? []) {
        const advanced = peek(entry, "advancedConfiguration");
        if (!isRecord(advanced)) {
            if (advanced === UNKNOWN) deferral.run(() => entry.advancedConfiguration);
            continue;
        }
        for (const key of ["productionListenerRule", "testListenerRule"]) {
            const reference = peek(advanced, key);
            const field = `loadBalancers[${index}].advancedConfiguration.${key}`;
            if (reference === UNKNOWN) {
                // Not known yet: every rule the service's load balancers depend on is one ECS will rewrite or a
                // target group; judging them all guesses nothing about which is which.
                const candidates = (service.propertyDependencies?.loadBalancers ?? service.dependencies ?? []).filter(r => TRAFFIC_TYPES.includes(r.type));
                if (candidates.length === 0) deferral.run(() => (entry.advancedConfiguration as Record<string, unknown>)[key]);
                candidates.forEach(resource => found.push({ resource, field: `${field} (not known yet; depended on)` }));
                continue;
            }
            const resource = resourceNamed(resources, LISTENER_RULE, reference) ?? resourceNamed(resources, LISTENER, reference);
            if (resource) found.push({ resource, field }); // a rule outside the stack is not Pulumi's to revert
        }
    }
    return found;
}

/**
 * ECS rewrites the forward weights of a blue/green, linear or canary service's production and test listener
 * rules as it shifts traffic in the test- and production-traffic-shift stages (ECS developer guide,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb-resources-for-blue-green.html). A rule
 * Pulumi manages that does not ignore those fields drifts after every deployment, and the next `pulumi up`
 * writes the program's weights back: production traffic returns to the target group of the old revision,
 * which ECS has scaled in. So each such rule (an NLB's listener likewise, by `defaultActions`) carries
 * `ignoreChanges` covering its forward action's target groups — `actions[0].forward.targetGroups`, their
 * weights, or a wider path; a plain `targetGroupArn` forward needs its whole action ignored, since ECS
 * replaces it with a weighted one. Resource options are what the engine passes policies
 * (`PolicyResource.opts.ignoreChanges`), so this is judged offline as in a preview. Rules outside the stack
 * are not Pulumi's to revert and are skipped; while a rule's ARN is not known, every listener rule the
 * service's `loadBalancers` depend on is judged.
 */
export const ecsServiceTrafficRulesIgnoreChanges: StackValidationPolicy = {
    name: "ecs-service-traffic-rules-ignore-changes",
    description: "Listener rules that ECS shifts traffic on ignore changes to their forward target groups, so an update does not move traffic back.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, report) => {
        const deferral = new UnknownDeferral();
        const seen = new Set<string>();
        for (const service of resourcesOfType(args.resources, ECS_SERVICE)) {
            if (!deferral.run(() => shiftsTraffic(service.props))) {
                continue;
            }
            for (const { resource, field } of trafficResources(args.resources, service, deferral)) {
                if (seen.has(resource.urn)) continue;
                seen.add(resource.urn);
                const ignored = resource.opts?.ignoreChanges ?? [];
                for (const rewritten of deferral.run(() => rewrittenFields(resource)) ?? []) {
                    if (rewritten.covered(ignored)) continue;
                    const kind = (LISTENER as readonly string[]).includes(resource.type) ? "Listener" : "Listener rule";
                    report(
                        `${kind} "${resource.name}" is where service "${service.name}" shifts traffic (${field}), but its ignoreChanges ` +
                            `(${ignored.length > 0 ? ignored.map(p => JSON.stringify(p)).join(", ") : "none"}) does not cover ${rewritten.field}: ECS rewrites it during every deployment, ` +
                            `and the next pulumi up would write the program's value back and send traffic to the old revision's target group; add "${rewritten.field}" to the resource's ignoreChanges.`,
                        resource.urn,
                    );
                }
            }
        }
        deferral.rethrow();
    },
};

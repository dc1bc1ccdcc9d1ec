/**
 * When each service's rollout begins in an `up` that changes them all. Pure.
 *
 * Pulumi updates resources in parallel, except that a resource waits for everything it depends on. An ECS
 * service's update completes when UpdateService returns, unless `waitForSteadyState` is set: then the
 * provider polls until the deployment is done (terraform-provider-aws `wait_for_steady_state`, default
 * false). So a service that depends on another, directly or through any resource between them, starts its
 * rollout when that one's rollout ends if that one waits for a steady state, and at once otherwise.
 */
import { RecordedResource } from "../harness/types";

/** A service's own rollout, for ordering. */
export interface TimedService {
    readonly urn: string;
    readonly name: string;
    readonly seconds: number;
    /** The provider waits for its deployment to finish (`waitForSteadyState`). */
    readonly waitsForSteadyState: boolean;
}

/** When a service's rollout starts and ends, and which service, if any, holds its start. */
export interface ServiceTiming {
    readonly startsAtSeconds: number;
    readonly finishesAtSeconds: number;
    readonly after?: string;
}

/** URNs a resource waits for: its dependencies and its inputs' dependencies. */
const dependenciesOf = (r: RecordedResource): string[] => [...new Set([...r.dependencies, ...Object.values(r.propertyDependencies).flat()])];

/** The services among `services` that `urn` depends on, through any chain of recorded resources that are not services. */
function upstreamServices(urn: string, byUrn: ReadonlyMap<string, RecordedResource>, serviceUrns: ReadonlySet<string>): Set<string> {
    const found = new Set<string>();
    const seen = new Set<string>([urn]);
    const stack = dependenciesOf(byUrn.get(urn)!);
    while (stack.length > 0) {
        const next = stack.pop()!;
        if (seen.has(next)) continue;
        seen.add(next);
        if (serviceUrns.has(next)) {
            // Its own upstream services delay it, and through it this one.
            found.add(next);
            continue;
        }
        const r = byUrn.get(next);
        if (r) stack.push(...dependenciesOf(r));
    }
    return found;
}

/** Each service's start and finish (by URN) in an `up` that changes every one of them. */
export function deploymentTimings(resources: readonly RecordedResource[], services: readonly TimedService[]): Map<string, ServiceTiming> {
    const byUrn = new Map(resources.map(r => [r.urn, r]));
    const byService = new Map(services.map(s => [s.urn, s]));
    const serviceUrns = new Set(byService.keys());
    const timings = new Map<string, ServiceTiming>();
    const visiting = new Set<string>();
    const timing = (urn: string): ServiceTiming => {
        const done = timings.get(urn);
        if (done) return done;
        const service = byService.get(urn)!;
        let startsAtSeconds = 0;
        let after: string | undefined;
        // A cycle cannot be deployed at all; the engine refuses it, so here it only must not recurse forever.
        visiting.add(urn);
        for (const upstream of byUrn.has(urn) ? upstreamServices(urn, byUrn, serviceUrns) : []) {
            if (visiting.has(upstream) || !byService.get(upstream)!.waitsForSteadyState) continue;
            const end = timing(upstream).finishesAtSeconds;
            if (end > startsAtSeconds) {
                startsAtSeconds = end;
                after = byService.get(upstream)!.name;
            }
        }
        visiting.delete(urn);
        const result = { startsAtSeconds, finishesAtSeconds: startsAtSeconds + service.seconds, ...(after === undefined ? {} : { after }) };
        timings.set(urn, result);
        return result;
    };
    services.forEach(s => timing(s.urn));
    return timings;
}

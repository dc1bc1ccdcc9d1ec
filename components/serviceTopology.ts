/**
 * How a stack's services relate: which one the load balancer's default action serves, which get listener
 * rules, and whether the callers each service names can reach it. Pure; the program calls it before
 * creating anything, so a config mistake is a `ConfigError` naming `services.<name>…` keys.
 */
import { closestName } from "./naming";
import { routingProblems } from "./routing";
import type { ServiceKind } from "./stackSettings";

/** What this module reads of a service's settings. */
export interface ServiceShape {
    readonly name: string;
    readonly kind: ServiceKind;
    readonly container: { readonly port?: number };
    readonly route?: { readonly paths: readonly string[]; readonly hosts: readonly string[]; readonly priority?: number };
    readonly serviceConnect: boolean;
    readonly callers: readonly string[];
}

/** Every problem with how `services` refer to each other, each naming `services.<name>.<field>`. */
export function serviceTopologyProblems(services: readonly ServiceShape[]): string[] {
    const problems: string[] = [];
    const byName = new Map<string, ServiceShape>();
    for (const s of services) {
        if (byName.has(s.name)) problems.push(`services.${s.name} is defined twice; service names are unique in a stack`);
        byName.set(s.name, s);
        if (s.kind === "web" && !s.route) problems.push(`services.${s.name} is a web service without a route; give it paths or hosts, or none to make it the default`);
        if (s.kind === "web" && s.container.port === undefined) problems.push(`services.${s.name}.port is not set; a web service needs the port the load balancer sends to`);
        if (s.kind !== "web" && s.route) problems.push(`services.${s.name}.route is set but the service is a ${s.kind}; only web services are routed by the load balancer`);
    }
    // The load balancer checks its routes again; here they are named by the config keys that set them.
    const routes = [...byName.values()].flatMap(s =>
        s.kind === "web" && s.route ? [{ name: s.name, paths: s.route.paths, hosts: s.route.hosts, priority: s.route.priority }] : [],
    );
    problems.push(...routingProblems(routes, (name, field) => (field === undefined ? `services.${name}.route` : `services.${name}.route.${field}`)));
    problems.push(
        ...callerProblems(
            services.map(s => ({ ...s, port: s.container.port })),
            (service, field) => (field === undefined ? `services.${service}` : `services.${service}.${field}`),
        ),
    );
    return problems;
}

/** What the caller rules read of a service. */
export interface CallerShape {
    readonly name: string;
    readonly kind: ServiceKind;
    readonly port?: number;
    readonly serviceConnect: boolean;
    readonly callers: readonly string[];
}

/**
 * Callers that cannot reach the service naming them: no service of the stack (with a did-you-mean), the
 * service itself, a scheduled task (ECS runs those outside Service Connect), or a service outside Service
 * Connect; and callers named by a service outside Service Connect or without a port. Each problem names its
 * field through `path(service, field)`, so the config loader and `deployStack` report the same rule in their
 * own terms.
 */
export function callerProblems(services: readonly CallerShape[], path: (service: string, field?: string) => string): string[] {
    const problems: string[] = [];
    const byName = new Map(services.map(s => [s.name, s]));
    for (const s of services) {
        for (const caller of s.callers) {
            const from = byName.get(caller);
            if (caller === s.name) {
                problems.push(`${path(s.name, "callers")} has "${caller}"; a service reaches itself without Service Connect`);
            } else if (from === undefined) {
                const guess = closestName(caller, [...byName.keys()]);
                problems.push(`${path(s.name, "callers")} has "${caller}", which is no service of this stack; ${guess ? `did you mean "${guess}"?` : `services: ${[...byName.keys()].join(", ")}`}`);
            } else if (from.kind === "scheduled") {
                problems.push(`${path(s.name, "callers")} has "${caller}", a scheduled task; ECS runs scheduled tasks outside Service Connect, so only web and worker services can call`);
            } else if (!from.serviceConnect) {
                problems.push(`${path(s.name, "callers")} has "${caller}", which does not join Service Connect; set ${path(caller, "serviceConnect")} to true`);
            }
        }
        if (s.callers.length > 0 && !s.serviceConnect) {
            problems.push(`${path(s.name, "callers")} is set but ${path(s.name, "serviceConnect")} is not true; callers reach a service through Service Connect`);
        }
        if (s.callers.length > 0 && s.port === undefined) {
            problems.push(`${path(s.name, "callers")} is set but ${s.name} listens on no port; set ${path(s.name, "containerPort")}`);
        }
    }
    return problems;
}

/**
 * The web service the listener's default action serves: the first whose route has no paths or hosts.
 * Undefined when every web service has conditions (the listener then answers 404).
 */
export function defaultWebService<S extends ServiceShape>(services: readonly S[]): S | undefined {
    return services.find(s => s.kind === "web" && s.route !== undefined && s.route.paths.length === 0 && s.route.hosts.length === 0);
}

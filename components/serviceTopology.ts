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
    for (const s of services) {
        s.callers.forEach((callerName, i) => {
            const key = `services.${s.name}.callers[${i}]`;
            const caller = byName.get(callerName);
            if (!caller) {
                const guess = closestName(callerName, [...byName.keys()]);
                problems.push(`${key} is ${JSON.stringify(callerName)}, which is not a service of this stack${guess ? `; did you mean ${JSON.stringify(guess)}?` : ""}`);
            } else if (caller.name === s.name) {
                problems.push(`${key} names the service itself; a service reaches its own tasks without a rule`);
            } else if (caller.kind === "scheduled") {
                problems.push(`${key} is the scheduled task ${callerName}; only web and worker services can be callers`);
            } else if (!caller.serviceConnect) {
                problems.push(`${key} is ${callerName}, which does not join Service Connect; set serviceConnect: true on ${callerName} so it can resolve ${s.name}`);
            }
        });
        if (s.callers.length > 0) {
            if (s.container.port === undefined) problems.push(`services.${s.name}.callers is set but the service has no port to call; give it a port or drop callers`);
            if (!s.serviceConnect) problems.push(`services.${s.name}.callers is set but serviceConnect is not; set serviceConnect: true so callers reach it by name`);
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

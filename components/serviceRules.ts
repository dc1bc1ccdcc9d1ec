/**
 * Rules on a stack's services that one entry alone cannot judge (priorities, the default route, callers),
 * and the AWS names each service's resources derive from its name. Pure.
 */
import { familyProblem } from "./awsLimits";
import { serviceLogGroupName } from "./naming";
import { derivePriorities } from "./serviceSyntax";
import { ServiceKind } from "./stackSettings";

/** Characters Pulumi appends to an auto-named resource's logical name: "-" and 7 random hex digits. */
export const AUTONAME_SUFFIX = 8;

/**
 * The AWS names a service's resources take from its name, with AWS's limit on each: the components name
 * their children `<service>-<role>` and Pulumi auto-names them with a suffix. Lengths only; characters
 * are held by the name pattern.
 */
const DERIVED_NAMES: readonly { what: string; name: (service: string) => string; suffix: number; max: number; kinds?: readonly ServiceKind[] }[] = [
    { what: "target group", name: s => `${s}-tg`, suffix: AUTONAME_SUFFIX, max: 32, kinds: ["web"] },
    { what: "IAM execution role", name: s => `${s}-execution-role`, suffix: AUTONAME_SUFFIX, max: 64 },
    { what: "IAM task role", name: s => `${s}-task-role`, suffix: AUTONAME_SUFFIX, max: 64 },
    { what: "EventBridge schedule", name: s => `${s}-schedule`, suffix: AUTONAME_SUFFIX, max: 64, kinds: ["scheduled"] },
    { what: "ECS service", name: s => `${s}-service`, suffix: AUTONAME_SUFFIX, max: 255, kinds: ["web", "worker"] },
];

/** Why a service's name makes a derived AWS name too long (or the task family invalid), or undefined. */
export function derivedLengthProblem(project: string, stack: string, service: string, kind: ServiceKind): string | undefined {
    for (const d of DERIVED_NAMES) {
        const length = d.name(service).length + d.suffix;
        if ((d.kinds === undefined || d.kinds.includes(kind)) && length > d.max) {
            const longest = d.max - (length - service.length);
            return `the ${d.what} name "${d.name(service)}-xxxxxxx" would have ${length} characters and AWS allows ${d.max}; keep a ${kind} service's name to ${longest} characters`;
        }
    }
    const family = familyProblem(stack, service) ?? (`${stack}-${service}`.length > 255 ? `the task definition family "${stack}-${service}" would exceed 255 characters` : undefined);
    if (family) {
        return family;
    }
    const logGroup = serviceLogGroupName(project, stack, service);
    return logGroup.length > 512 ? `the log group name ${logGroup} would exceed 512 characters` : undefined;
}

/**
 * Why a service name cannot be used: every derived AWS name takes lowercase letters, digits and hyphens,
 * and the task security group `<name>-task-sg-…` must not start with "sg-", which EC2 reserves. (The
 * load balancer is named after `serviceName`, not after a service, so "internal-" is no concern here.)
 * Lengths are judged per kind by `derivedLengthProblem`.
 */
export function serviceNamePattern(name: string): string | undefined {
    if (!/^[a-z][a-z0-9-]*$/.test(name) || name.endsWith("-")) {
        return "expected lowercase letters, digits or hyphens, starting with a letter and not ending with a hyphen";
    }
    return /^sg(-|$)/.test(name) ? `security group names would start with "sg-", which EC2 reserves; choose another name` : undefined;
}

/** What the cross-service rules read of each service. */
export interface ServiceSummary {
    readonly name: string;
    readonly kind: ServiceKind;
    readonly paths: readonly string[];
    readonly hosts: readonly string[];
    readonly priority?: number;
    readonly port?: number;
    readonly serviceConnect: boolean;
    readonly callers: readonly string[];
}

/** ELB's default quota of rules per load balancer, default rules not counted. */
export const RULES_PER_LOAD_BALANCER = 100;

/**
 * Listener-rule priorities of the routed web services: the given ones, and derived ones for the rest.
 * Services on the default action get none.
 */
export function rulePriorities(services: readonly ServiceSummary[]): Map<string, number> {
    const routed = services.filter(s => s.kind === "web" && (s.paths.length > 0 || s.hosts.length > 0));
    const derived = derivePriorities(routed);
    return new Map(routed.map(s => [s.name, s.priority ?? derived.get(s.name)!]));
}

/**
 * Problems between services: duplicate priorities, more than one default web service, too many rules,
 * and callers that are not services with Service Connect, or that call a service without a port.
 * `path(service, field)` names a field in messages.
 */
export function crossServiceProblems(services: readonly ServiceSummary[], path: (service: string, field: string) => string): string[] {
    const problems: string[] = [];
    const byName = new Map(services.map(s => [s.name, s]));
    const web = services.filter(s => s.kind === "web");
    const defaults = web.filter(s => s.paths.length === 0 && s.hosts.length === 0 && s.priority === undefined);
    if (defaults.length > 1) {
        problems.push(
            `${defaults.map(s => path(s.name, "paths")).join(" and ")} are all unset: ${defaults.map(s => s.name).join(", ")} would each take the listener's default action; give all but one paths or hosts`,
        );
    }
    for (const s of web) {
        if (s.priority !== undefined && s.paths.length === 0 && s.hosts.length === 0) {
            problems.push(`${path(s.name, "priority")} is ${s.priority}; a priority orders a listener rule, so set ${path(s.name, "paths")} or ${path(s.name, "hosts")} too`);
        }
    }
    const owners = new Map<number, string>();
    for (const s of web) {
        if (s.priority === undefined || (s.paths.length === 0 && s.hosts.length === 0)) continue;
        const first = owners.get(s.priority);
        if (first !== undefined) {
            problems.push(`${path(s.name, "priority")} is ${s.priority}, as is ${path(first, "priority")}; each listener rule needs its own priority`);
        } else {
            owners.set(s.priority, s.name);
        }
    }
    const byConditions = new Map<string, string>();
    for (const s of web.filter(w => w.paths.length > 0 || w.hosts.length > 0)) {
        const key = JSON.stringify([[...s.paths].sort(), s.hosts.map(h => h.toLowerCase()).sort()]);
        const first = byConditions.get(key);
        if (first !== undefined) {
            problems.push(`${path(s.name, "paths")} and ${path(s.name, "hosts")} are those of ${first}; only the rule with the lower priority would ever receive requests`);
        } else {
            byConditions.set(key, s.name);
        }
    }
    const rules = web.filter(s => s.paths.length > 0 || s.hosts.length > 0).length;
    if (rules > RULES_PER_LOAD_BALANCER) {
        problems.push(`${rules} web services with paths or hosts need ${rules} listener rules; ELB allows ${RULES_PER_LOAD_BALANCER} per load balancer by default`);
    }
    for (const s of services) {
        for (const caller of s.callers) {
            const from = byName.get(caller);
            if (caller === s.name) {
                problems.push(`${path(s.name, "callers")} has "${caller}"; a service reaches itself without Service Connect`);
            } else if (from === undefined) {
                problems.push(`${path(s.name, "callers")} has "${caller}", which is no service of this stack; services: ${[...byName.keys()].join(", ")}`);
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

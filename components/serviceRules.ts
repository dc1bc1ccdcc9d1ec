/**
 * Rules on a stack's services that one entry alone cannot judge (priorities, the default route, callers),
 * and the AWS names each service's resources derive from its name. Pure.
 */
import { familyProblem } from "./awsLimits";
import { deploymentRulesOf, placeShiftRules } from "./deploymentRules";
import type { DeploymentSettings } from "./deploymentSettings";
import { serviceLogGroupName } from "./naming";
import { derivePriorities, routingProblems } from "./serviceSyntax";
import { callerProblems } from "./serviceTopology";
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
    { what: "IAM schedule role", name: s => `${s}-schedule-role`, suffix: AUTONAME_SUFFIX, max: 64, kinds: ["scheduled"] },
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
    /** A web service's deployment: the extra rules routing.ts counts, and where placeShiftRules puts them. */
    readonly deployment?: Pick<DeploymentSettings, "strategy" | "testTraffic">;
}

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
 * Problems between services, named by config path (`path(service, field)`): the web services' routes as
 * `LoadBalancer` judges them (routing.ts: syntax, limits, priorities, the default action, rules on the
 * same conditions; deploymentRules.ts: room for the rules of a blue/green, canary or linear service), and
 * callers that are no services of the stack, do not join Service Connect, or call a service without a port. `servicesKey` names several services at once (`<project>:services a, b`).
 */
export function crossServiceProblems(services: readonly ServiceSummary[], servicesKey: string, path: (service: string, field?: string) => string): string[] {
    const web = services.filter(s => s.kind === "web");
    // routing.ts names several routes at once as "routes a, b" or "services a, b": here, by the config key.
    const requests = web.map(s => ({ ...s, deploymentRules: deploymentRulesOf(s.deployment) }));
    const problems = routingProblems(requests, path).map(p => p.replace(/^(routes|services) (?=[a-z])/, `${servicesKey} `));
    if (problems.length === 0) {
        // Where the rules of blue/green, canary and linear services go needs every priority valid and unique.
        const priorities = rulePriorities(web);
        const routes = web.map(s => ({ name: s.name, priority: priorities.get(s.name), paths: s.paths, hosts: s.hosts, deployment: s.deployment }));
        problems.push(...placeShiftRules(routes).problems.map(p => `${path(p.route)} ${p.problem}`));
    }
    problems.push(...callerProblems(services, path));
    return problems;
}

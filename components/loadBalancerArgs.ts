/**
 * The arguments of {@link LoadBalancer} and their normalisation: defaults, the routing plan, and every check
 * that can be made before a resource is registered. Pure.
 */
import type * as pulumi from "@pulumi/pulumi";
import { deploymentProblems } from "./deploymentConfiguration";
import { deploymentRulesOf, planShiftRules, ShiftedRoute, ShiftRules } from "./deploymentRules";
import type { DeploymentSettings } from "./deploymentSettings";
import { planRouting, RouteRequest, RoutingPlan } from "./routing";

/** Load balancer health check of the targets. */
export interface TargetHealthCheck {
    /** Path probed on each task. @default "/health" */
    readonly path?: string;
    /** HTTP codes that count as healthy. @default "200-399" */
    readonly matcher?: string;
    /** Seconds between probes. @default 10 */
    readonly intervalSeconds?: number;
    /** Seconds before a probe fails; less than the interval. @default 5 */
    readonly timeoutSeconds?: number;
    /** Successes before a target is healthy. @default 2 */
    readonly healthyThreshold?: number;
    /** Failures before a target is unhealthy. @default 3 */
    readonly unhealthyThreshold?: number;
}

/** HTTPS set-up: an existing certificate, or a domain in a Route 53 zone (the stack issues the certificate). */
export interface LoadBalancerTls {
    /** ACM certificate ARN; when unset and `domainName` is set, a DNS-validated certificate is created. */
    readonly certificateArn?: string;
    /** Domain name served; with `hostedZoneId` an alias record points it at the load balancer. */
    readonly domainName?: string;
    /** Route 53 hosted zone of `domainName`. */
    readonly hostedZoneId?: string;
}

/** A service the load balancer forwards to: its own target group, and a listener rule unless it is the default. */
export interface LoadBalancerRoute {
    /**
     * The service's name: the key of `LoadBalancer.targets` and the prefix of its `<name>-tg` and
     * `<name>-rule`. Up to 20 letters, digits and hyphens (the generated target group name must fit ELB's 32).
     */
    readonly name: string;
    /** Port the service's tasks listen on. */
    readonly port: number;
    /** Path patterns (`/api/*`); with `hosts`, both must match. @default [] */
    readonly paths?: readonly string[];
    /** Host names (`api.example.com`, `*.example.com`). @default [] */
    readonly hosts?: readonly string[];
    /**
     * Listener-rule priority (1 to 50000, unique). @default derived: more specific routes first, in steps of
     * 10 (see `routing.ts`)
     */
    readonly priority?: number;
    /** Target health check. @default as {@link TargetHealthCheck}'s defaults */
    readonly healthCheck?: TargetHealthCheck;
    /** Seconds a stopping target drains. @default 10 */
    readonly deregistrationDelaySeconds?: number;
    /** Tags of the route's target group and rule, over the load balancer's (e.g. the service's own `Service`). @default {} */
    readonly tags?: Record<string, string>;
    /**
     * How ECS deploys the service: blue/green, canary and linear add an alternate target group, a weighted
     * production rule and (with test CIDRs) a test rule (see `deploymentRules.ts`). @default rolling
     */
    readonly deployment?: DeploymentSettings;
}

/** Arguments of {@link LoadBalancer}. */
export interface LoadBalancerArgs {
    /** VPC of the load balancer and its targets. */
    readonly vpcId: pulumi.Input<string>;
    /** VPC CIDR block: the load balancer may only send traffic into the VPC. */
    readonly vpcCidrBlock: pulumi.Input<string>;
    /** Public subnets, in at least two zones. */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Port of the default service: the load balancer then creates its own target group `<name>-tg`, which
     * the listener's default action forwards to (the one-service form). Without it, a route with no paths or
     * hosts is the default, and with none either the listener answers 404. @default undefined
     */
    readonly targetPort?: number;
    /** Name of the service behind `targetPort`, its key in `targets`. @default the load balancer's name */
    readonly defaultService?: string;
    /** Health check of the default target group. */
    readonly healthCheck?: TargetHealthCheck;
    /**
     * Seconds a stopping target of the default target group drains; AWS's 300 s default makes every rollout
     * wave wait five minutes. @default 10
     */
    readonly deregistrationDelaySeconds?: number;
    /**
     * How ECS deploys the service behind `targetPort`; blue/green, canary and linear add an alternate target
     * group, a catch-all production rule and (with test CIDRs) a test rule. @default rolling
     */
    readonly defaultDeployment?: DeploymentSettings;
    /** Further services, each with its own target group and (with paths or hosts) a listener rule. @default [] */
    readonly routes?: readonly LoadBalancerRoute[];
    /** Idle connection timeout in seconds. @default 60 */
    readonly idleTimeoutSeconds?: number;
    /** Refuse deletion of the load balancer (prod). @default false */
    readonly deletionProtection?: boolean;
    /** S3 bucket for access logs (it must let ELB write); none when unset. @default undefined */
    readonly accessLogsBucket?: pulumi.Input<string>;
    /** HTTPS; HTTP only when unset. @default undefined */
    readonly tls?: LoadBalancerTls;
    /** Tags for every resource. @default {} */
    readonly tags?: Record<string, string>;
}

/** A health check with every default applied. */
export type ResolvedHealthCheck = Required<TargetHealthCheck>;

/** A route with every default applied and its place in the routing plan. */
export interface ResolvedRoute {
    readonly name: string;
    readonly port: number;
    readonly paths: readonly string[];
    readonly hosts: readonly string[];
    /** The listener-rule priority; undefined for the default route. */
    readonly priority?: number;
    readonly healthCheck: ResolvedHealthCheck;
    readonly deregistrationDelaySeconds: number;
    readonly tags: Record<string, string>;
    /** The rules ECS shifts and the test CIDRs; undefined for a rolling route. */
    readonly trafficShift?: { readonly rules: ShiftRules; readonly testCidrs: readonly string[] };
}

function resolveHealthCheck(owner: string, field: string, hc: TargetHealthCheck = {}): ResolvedHealthCheck {
    const resolved = {
        path: hc.path ?? "/health",
        matcher: hc.matcher ?? "200-399",
        intervalSeconds: hc.intervalSeconds ?? 10,
        timeoutSeconds: hc.timeoutSeconds ?? 5,
        healthyThreshold: hc.healthyThreshold ?? 2,
        unhealthyThreshold: hc.unhealthyThreshold ?? 3,
    };
    if (!resolved.path.startsWith("/")) {
        throw new Error(`${owner}: ${field}.path is ${JSON.stringify(resolved.path)}; it must start with "/".`);
    }
    if (resolved.timeoutSeconds >= resolved.intervalSeconds) {
        throw new Error(`${owner}: ${field}.timeoutSeconds (${resolved.timeoutSeconds}) must be less than intervalSeconds (${resolved.intervalSeconds}).`);
    }
    return resolved;
}

function portProblem(owner: string, field: string, port: number): void {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new Error(`${owner}: ${field} is ${port}; expected a port from 1 to 65535.`);
    }
}

/** The fully defaulted, validated form of {@link LoadBalancerArgs}; errors name the instance `name`. */
export function resolveLoadBalancerArgs(name: string, args: LoadBalancerArgs) {
    const owner = `LoadBalancer ${name}`;
    if (args.targetPort !== undefined) portProblem(owner, "targetPort", args.targetPort);
    if (args.targetPort === undefined && (args.healthCheck !== undefined || args.deregistrationDelaySeconds !== undefined || args.defaultService !== undefined)) {
        throw new Error(`${owner}: healthCheck, deregistrationDelaySeconds and defaultService describe the target group of targetPort, which is unset; set targetPort or move them to a route.`);
    }
    if (args.targetPort === undefined && args.defaultDeployment !== undefined) {
        throw new Error(`${owner}: defaultDeployment is the deployment of the service behind targetPort, which is unset; set targetPort or give the route its deployment.`);
    }
    const healthCheck = resolveHealthCheck(owner, "healthCheck", args.healthCheck);
    const deregistrationDelaySeconds = args.deregistrationDelaySeconds ?? 10;
    const defaultService = args.targetPort === undefined ? undefined : (args.defaultService ?? name);
    const routes = args.routes ?? [];
    routes.forEach((r, i) => {
        if (r.name.length > 20 || !/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(r.name)) {
            throw new Error(
                `${owner}: routes[${i}].name is ${JSON.stringify(r.name)}; expected up to 20 letters, digits and hyphens, not starting or ending with a hyphen (it names the target group).`,
            );
        }
        portProblem(owner, `routes.${r.name}.port`, r.port);
    });
    const deployments = new Map<string, DeploymentSettings | undefined>([
        ...(defaultService === undefined ? [] : [[defaultService, args.defaultDeployment] as const]),
        ...routes.map(r => [r.name, r.deployment] as const),
    ]);
    /** The routing plan's view of a deployment: the rules and target group it adds (routing.ts counts them). */
    const deploymentRules = (service: string) => deploymentRulesOf(deployments.get(service));
    const requests: RouteRequest[] = [
        ...(defaultService === undefined ? [] : [{ name: defaultService, paths: [], hosts: [], deploymentRules: deploymentRules(defaultService) }]),
        ...routes.map(r => ({ name: r.name, paths: r.paths ?? [], hosts: r.hosts ?? [], priority: r.priority, deploymentRules: deploymentRules(r.name) })),
    ];
    const deploymentKey = (service: string) => (service === defaultService ? "defaultDeployment" : `routes.${service}.deployment`);
    const plan: RoutingPlan = planRouting(owner, requests, (route, field) =>
        field === undefined ? `routes.${route}` : field === "testTrafficCidrs" ? `${deploymentKey(route)}.testTraffic.cidrs` : `routes.${route}.${field}`,
    );
    const priorities = new Map(plan.rules.map(r => [r.name, r.priority]));
    const deploymentErrors = [...deployments].flatMap(([service, d]) =>
        d === undefined ? [] : deploymentProblems(d).map(p => `${deploymentKey(service)}${p.slice("deployment".length)}`),
    );
    if (deploymentErrors.length > 0) {
        throw new Error(deploymentErrors.length === 1 ? `${owner}: ${deploymentErrors[0]}.` : `${owner}: ${deploymentErrors.length} deployment problems:\n${deploymentErrors.map(p => `  - ${p}`).join("\n")}`);
    }
    const shifted: ShiftedRoute[] = requests.map(r => ({ name: r.name, priority: priorities.get(r.name), paths: r.paths, hosts: r.hosts, deployment: deployments.get(r.name) }));
    const shiftRules = new Map(planShiftRules(owner, shifted).map(r => [r.name, r]));
    const trafficShiftOf = (name: string) => {
        const counted = deploymentRulesOf(deployments.get(name));
        return counted ? { rules: shiftRules.get(name)!, testCidrs: counted.testCidrs } : undefined;
    };
    const resolvedRoutes: ResolvedRoute[] = routes.map(r => ({
        name: r.name,
        port: r.port,
        paths: r.paths ?? [],
        hosts: r.hosts ?? [],
        priority: priorities.get(r.name),
        healthCheck: resolveHealthCheck(owner, `routes.${r.name}.healthCheck`, r.healthCheck),
        deregistrationDelaySeconds: r.deregistrationDelaySeconds ?? 10,
        tags: { ...args.tags, ...r.tags },
        ...(trafficShiftOf(r.name) ? { trafficShift: trafficShiftOf(r.name) } : {}),
    }));
    const resolved = {
        targetPort: args.targetPort,
        defaultService,
        /** The traffic shift of the `targetPort` service; undefined when it deploys rolling. */
        defaultTrafficShift: defaultService === undefined ? undefined : trafficShiftOf(defaultService),
        healthCheck,
        deregistrationDelaySeconds,
        routes: resolvedRoutes,
        /** The route the listener's default action forwards to (not the `targetPort` group); none for 404 or `targetPort`. */
        defaultRoute: resolvedRoutes.find(r => r.name === plan.defaultRoute),
        idleTimeoutSeconds: args.idleTimeoutSeconds ?? 60,
        deletionProtection: args.deletionProtection ?? false,
        accessLogsBucket: args.accessLogsBucket,
        tls: args.tls && (args.tls.certificateArn || args.tls.domainName) ? args.tls : undefined,
        tags: args.tags ?? {},
    };
    if (resolved.tls && !resolved.tls.certificateArn && !resolved.tls.hostedZoneId) {
        throw new Error(`${owner}: tls.domainName without certificateArn needs tls.hostedZoneId to validate the certificate it creates.`);
    }
    return resolved;
}

/**
 * The ports the load balancer sends to, each once (EC2 refuses a second identical rule), in first-seen
 * order: the default target group's port first, then each route's.
 */
export function targetPorts(targetPort: number | undefined, routes: readonly { readonly port: number }[]): number[] {
    return [...new Set([...(targetPort === undefined ? [] : [targetPort]), ...routes.map(r => r.port)])];
}

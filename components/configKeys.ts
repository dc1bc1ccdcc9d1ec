/**
 * Every configuration key of the program, declared once: type, default, description, scope, and the range
 * the loader enforces (`min`/`max`, or the `allowed` values). `Pulumi.yaml` and the README table are held
 * to this table by tests, and the loader reads its ranges from here, so a key's range has one home.
 */
import { BAKE_TIME_MINUTES, ECS_DEPLOYMENT_DEFAULTS, LINEAR_STEP_PERCENT } from "../policy/facts/ecsDeployments";
import { FARGATE_CPU_UNITS, FARGATE_MAX_CPU, FARGATE_MAX_MEMORY_MIB } from "../policy/facts/fargateSizes";
import { LOG_RETENTION_DAYS, LOG_RETENTION_MAX_DAYS } from "../policy/facts/logRetention";
import { DEPLOYMENT_STRATEGIES } from "./deploymentSettings";
import { FARGATE_PLATFORM_VERSIONS } from "./platformVersion";
import { ALB_RULE_LIMITS } from "./routing";
import { ServiceKind } from "./stackSettings";

/** Types a Pulumi project can declare for a config key. */
export type ConfigKeyType = "string" | "integer" | "boolean" | "array" | "object";

/**
 * How a key treats values set with `--secret`:
 * - `required`: every entry must be set with `--secret`; values are never printed.
 * - `forbidden`: a value set with `--secret` is refused: the key's values are published in plain text
 *   (task definitions, tags), where a secret would leak.
 * - `hidden`: values may be secrets pasted by mistake; they are never printed.
 * Unset: values are printed in messages unless the key was set with `--secret`.
 */
export type ConfigKeySecrecy = "required" | "forbidden" | "hidden";

/**
 * Where a key applies: `stack` keys describe what the stack shares (network, load balancer, tags);
 * `service` keys are stack-wide defaults that each entry of `services` may override under the same name.
 */
export type ConfigKeyScope = "stack" | "service";

/** One declared key. */
export interface ConfigKeyDeclaration {
    readonly type: ConfigKeyType;
    readonly default: unknown;
    readonly description: string;
    readonly scope: ConfigKeyScope;
    readonly secrecy?: ConfigKeySecrecy;
    /** Smallest integer accepted. */
    readonly min?: number;
    /** Largest integer accepted. */
    readonly max?: number;
    /** Why the range is what it is, appended to the range in messages. */
    readonly rangeReason?: string;
    /** The only values accepted (after the range, for integers). */
    readonly allowed?: readonly (string | number)[];
    /** Service kinds a `service` key applies to; every kind when unset. Set on another kind's entry, it is refused. */
    readonly kinds?: readonly ServiceKind[];
}

/** Keys that describe the load balancer's view of a service. */
const WEB = ["web"] as const satisfies readonly ServiceKind[];
/** Keys of long-running, scaled services (a scheduled task runs to completion and is not scaled). */
const SCALED = ["web", "worker"] as const satisfies readonly ServiceKind[];

/** The project's config keys (without the `<project>:` prefix), in the order `Pulumi.yaml` lists them. */
export const CONFIG_KEYS = {
    environment: { type: "string", default: "dev", description: "Environment profile: dev (cheap, disposable) or prod (highly available, protected).", scope: "stack", allowed: ["dev", "prod"] },
    serviceName: { type: "string", default: "web", description: "Short name of the service; prefixes resource names (lowercase letters, digits, hyphens).", scope: "stack" },

    vpcCidr: { type: "string", default: "10.0.0.0/16", description: "IPv4 CIDR block of the VPC (prefix /16 to /24).", scope: "stack" },
    availabilityZones: { type: "integer", default: 2, description: "Number of availability zones to spread subnets over (2 to 6; the load balancer needs two).", scope: "stack", min: 2, max: 6, rangeReason: " (the load balancer needs subnets in two zones)" },
    natStrategy: { type: "string", default: "none", description: "NAT gateways: none (tasks in public subnets with a public IP), single, or perAz.", scope: "stack", allowed: ["none", "single", "perAz"] },

    cpu: { type: "integer", default: 256, description: "Task CPU units (1024 = 1 vCPU): 256, 512, 1024, 2048, 4096, 8192 or 16384.", scope: "service", min: 1, max: FARGATE_MAX_CPU, allowed: FARGATE_CPU_UNITS },
    memory: { type: "integer", default: 512, description: "Task memory in MiB; must be a size Fargate offers with the chosen cpu.", scope: "service", min: 1, max: FARGATE_MAX_MEMORY_MIB },
    cpuArchitecture: { type: "string", default: "X86_64", description: "CPU architecture of the task and the image: X86_64 or ARM64.", scope: "service", allowed: ["X86_64", "ARM64"] },
    containerPort: { type: "integer", default: 8080, description: "Port the container listens on (1024 to 65535: the container runs as a non-root user).", scope: "service", min: 1024, max: 65535 },
    containerUser: { type: "string", default: "1000", description: "User (uid or uid:gid) the container runs as; never root.", scope: "service" },
    readonlyRootFilesystem: { type: "boolean", default: true, description: "Mount the container's root filesystem read-only.", scope: "service" },
    stopTimeoutSeconds: { type: "integer", default: 30, description: "Seconds the container gets to drain after SIGTERM before SIGKILL (2 to 120).", scope: "service", min: 2, max: 120 },
    containerHealthCheckCommand: { type: "array", default: ["CMD", "node", "healthcheck.js"], description: "Container health check command, starting with CMD or CMD-SHELL.", scope: "service" },
    containerHealthCheckIntervalSeconds: { type: "integer", default: 15, description: "Seconds between container health checks (5 to 300).", scope: "service", min: 5, max: 300 },
    containerHealthCheckTimeoutSeconds: { type: "integer", default: 5, description: "Seconds before a container health check fails (2 to 60, less than the interval).", scope: "service", min: 2, max: 60 },
    containerHealthCheckRetries: { type: "integer", default: 3, description: "Failed container health checks before the container is unhealthy (1 to 10).", scope: "service", min: 1, max: 10 },
    containerStartPeriodSeconds: { type: "integer", default: 10, description: "Seconds after start during which failed container health checks do not count (0 to 300).", scope: "service", min: 0, max: 300 },
    containerEnvironment: { type: "object", default: {}, description: "Plain environment variables (NAME: value). Never put secrets here.", secrecy: "forbidden", scope: "service" },
    secrets: { type: "object", default: {}, description: "Secrets the container receives, by ARN: NAME: arn, or NAME: {arn, jsonKey}.", secrecy: "hidden", scope: "service" },
    // Not declared `secret: true`: the CLI then rejects the empty default (pulumi/pulumi#21865); the loader
    // itself refuses values that were not set with --secret.
    secretValues: { type: "object", default: {}, description: "Secret values, each set with --secret, from which the stack creates Secrets Manager secrets: NAME: value.", secrecy: "required", scope: "service" },

    desiredCount: { type: "integer", default: 1, description: "Tasks to run at first deployment; autoscaling manages the count afterwards.", scope: "service", kinds: SCALED, min: 0, max: 100 },
    capacityProvider: { type: "string", default: "FARGATE_SPOT", description: "Capacity provider for tasks above the on-demand base: FARGATE or FARGATE_SPOT.", scope: "service", allowed: ["FARGATE", "FARGATE_SPOT"] },
    onDemandBase: { type: "integer", default: 0, description: "Tasks always placed on on-demand FARGATE capacity.", scope: "service", min: 0, max: 100 },
    platformVersion: { type: "string", default: "LATEST", description: "Fargate platform version: LATEST, 1.4.0 or 1.3.0 (ARM64, 8 and 16 vCPU, and secrets by JSON key or version, need 1.4.0).", scope: "service", allowed: FARGATE_PLATFORM_VERSIONS },
    healthCheckGracePeriodSeconds: { type: "integer", default: 30, description: "Seconds the service ignores load balancer health checks after a task starts (at least the container start period).", scope: "service", kinds: WEB, min: 0, max: 7200 },
    logRetentionDays: { type: "integer", default: 7, description: "Days CloudWatch keeps container and flow logs (a CloudWatch retention value, e.g. 7, 30, 365).", scope: "service", min: 1, max: LOG_RETENTION_MAX_DAYS, allowed: LOG_RETENTION_DAYS },

    healthCheckPath: { type: "string", default: "/health", description: "Path the load balancer probes on each task.", scope: "service", kinds: WEB },
    healthCheckMatcher: { type: "string", default: "200-399", description: "HTTP codes that count as healthy, e.g. 200 or 200-399.", scope: "service", kinds: WEB },
    healthCheckIntervalSeconds: { type: "integer", default: 10, description: "Seconds between load balancer health checks (5 to 300).", scope: "service", kinds: WEB, min: 5, max: 300 },
    healthCheckTimeoutSeconds: { type: "integer", default: 5, description: "Seconds before a load balancer health check fails (2 to 120, less than the interval).", scope: "service", kinds: WEB, min: 2, max: 120 },
    healthyThreshold: { type: "integer", default: 2, description: "Consecutive successes before a target is healthy (2 to 10).", scope: "service", kinds: WEB, min: 2, max: 10 },
    unhealthyThreshold: { type: "integer", default: 3, description: "Consecutive failures before a target is unhealthy (2 to 10).", scope: "service", kinds: WEB, min: 2, max: 10 },
    deregistrationDelaySeconds: { type: "integer", default: 10, description: "Seconds the load balancer drains a stopping target (0 to 3600; AWS's own default is 300).", scope: "service", kinds: WEB, min: 0, max: 3600 },
    albIdleTimeoutSeconds: { type: "integer", default: 60, description: "Load balancer idle connection timeout in seconds (1 to 4000).", scope: "stack", min: 1, max: 4000 },
    accessLogs: { type: "boolean", default: false, description: "Write load balancer access logs to S3.", scope: "stack" },
    accessLogsBucket: { type: "string", default: "", description: "Existing S3 bucket for access logs; empty lets the stack create one (with accessLogs: true).", scope: "stack" },
    certificateArn: { type: "string", default: "", description: "ACM certificate ARN for HTTPS; empty for HTTP only unless domainName is set.", scope: "stack" },
    domainName: { type: "string", default: "", description: "Domain name for the service; with hostedZoneId the stack creates a DNS-validated certificate and an alias record.", scope: "stack" },
    hostedZoneId: { type: "string", default: "", description: "Route 53 hosted zone id for domainName.", scope: "stack" },

    minCapacity: { type: "integer", default: 1, description: "Fewest tasks autoscaling keeps (prod: at least 2).", scope: "service", kinds: SCALED, min: 1, max: 100 },
    maxCapacity: { type: "integer", default: 2, description: "Most tasks autoscaling starts (up to 100).", scope: "service", kinds: SCALED, min: 1, max: 100 },
    cpuTargetPercent: { type: "integer", default: 70, description: "Average CPU utilisation autoscaling holds (10 to 90).", scope: "service", kinds: SCALED, min: 10, max: 90 },
    memoryTargetPercent: { type: "integer", default: 0, description: "Average memory utilisation autoscaling holds (10 to 90); 0 turns memory scaling off.", scope: "service", kinds: SCALED, min: 0, max: 90 },
    requestsPerTarget: { type: "integer", default: 0, description: "Load balancer requests per task autoscaling holds; 0 turns request scaling off.", scope: "service", kinds: WEB, min: 0, max: 100000 },
    scaleInCooldownSeconds: { type: "integer", default: 300, description: "Seconds after a scale-in before the next one (0 to 3600).", scope: "service", kinds: SCALED, min: 0, max: 3600 },
    scaleOutCooldownSeconds: { type: "integer", default: 60, description: "Seconds after a scale-out before the next one (0 to 3600).", scope: "service", kinds: SCALED, min: 0, max: 3600 },

    appPath: { type: "string", default: "./app", description: "Folder with the service's Dockerfile, relative to the project.", scope: "service" },
    prebuiltImage: { type: "string", default: "", description: "Image built elsewhere, by digest in a private ECR registry (<account>.dkr.ecr.<region>.amazonaws.com/<repo>@sha256:<64 hex>); then nothing is built and Docker is not needed. Empty builds appPath with Docker.", scope: "service" },
    imageRetentionCount: { type: "integer", default: 10, description: "Tagged images the repository keeps (1 to 1000).", scope: "stack", min: 1, max: 1000 },
    untaggedImageExpiryDays: { type: "integer", default: 7, description: "Days before untagged images expire (1 to 365).", scope: "stack", min: 1, max: 365 },

    deletionProtection: { type: "boolean", default: false, description: "Protect the load balancer, repository, secrets and log groups from deletion.", scope: "stack" },
    kmsKeyArn: { type: "string", default: "", description: "Customer-managed KMS key ARN for secrets, logs and the repository; empty uses AWS-managed keys.", scope: "stack" },
    tags: { type: "object", default: {}, description: "Tags added to every taggable resource.", secrecy: "forbidden", scope: "stack" },

    alarmEmail: { type: "string", default: "", description: "Email address the stack's alarm topic notifies (AWS asks it to confirm first); empty: subscribe to the topic yourself.", scope: "stack" },
    alarm5xxPercent: { type: "integer", default: 5, description: "Percent of requests answered 5xx by a service's tasks that sets off its alarm and rolls a deployment back (1 to 100).", scope: "service", kinds: WEB, min: 1, max: 100 },
    alarmLatencyP99Ms: { type: "integer", default: 2000, description: "p99 response time in ms of a service's tasks that sets off its alarm and rolls a deployment back (10 to 60000).", scope: "service", kinds: WEB, min: 10, max: 60000 },
    alarmEvaluationPeriods: { type: "integer", default: 3, description: "Consecutive minutes over a threshold before a service's alarm fires (1 to 60).", scope: "service", kinds: SCALED, min: 1, max: 60 },
    alarmQueueBacklog: { type: "integer", default: 0, description: "Value of a worker's queueScaling metric (its statistic per minute) above which, for alarmEvaluationPeriods minutes, the worker's backlog alarm notifies (no rollback); 0 turns it off. Workers without queueScaling ignore a stack-wide value.", scope: "service", kinds: ["worker"], min: 0, max: 1000000000 },

    // How ECS deploys a web service (deploymentConfig.ts); ranges from the ECS API's DeploymentConfiguration,
    // narrowed where a value would not be that strategy (a 100 % canary is blue/green). Each strategy's
    // own keys default to ECS's own defaults (CanaryConfiguration, LinearConfiguration).
    deploymentStrategy: { type: "string", default: "rolling", description: "How ECS replaces a web service's tasks: rolling, blueGreen (all production traffic moves at once), canary (canaryPercent first, then the rest) or linear (linearStepPercent per step).", scope: "service", kinds: WEB, allowed: DEPLOYMENT_STRATEGIES },
    bakeTimeMinutes: { type: "integer", default: 10, description: "Not rolling: minutes both revisions keep running after all production traffic moved, while an alarm still rolls back at once (0 to 1440); 10 outlasts the default alarm window of 3 minutes and keeps the double capacity short.", scope: "service", kinds: WEB, min: BAKE_TIME_MINUTES.min, max: BAKE_TIME_MINUTES.max },
    canaryPercent: { type: "integer", default: ECS_DEPLOYMENT_DEFAULTS.canaryPercent, description: "canary: percent of production traffic the new revision takes first (1 to 99; ECS's default is 5).", scope: "service", kinds: WEB, min: 1, max: 99 },
    canaryBakeMinutes: { type: "integer", default: ECS_DEPLOYMENT_DEFAULTS.canaryBakeTimeInMinutes, description: "canary: minutes the first share runs before the rest of the traffic moves (0 to 1440; ECS's default is 10).", scope: "service", kinds: WEB, min: BAKE_TIME_MINUTES.min, max: BAKE_TIME_MINUTES.max },
    linearStepPercent: { type: "integer", default: ECS_DEPLOYMENT_DEFAULTS.stepPercent, description: "linear: percent of production traffic moved per step (3 to 50; ECS's default is 10).", scope: "service", kinds: WEB, min: LINEAR_STEP_PERCENT.min, max: 50 },
    linearStepBakeMinutes: { type: "integer", default: ECS_DEPLOYMENT_DEFAULTS.stepBakeTimeInMinutes, description: "linear: minutes between steps (0 to 1440; ECS's default is 6).", scope: "service", kinds: WEB, min: BAKE_TIME_MINUTES.min, max: BAKE_TIME_MINUTES.max },
    testTrafficCidrs: { type: "array", default: [], description: "Not rolling: IPv4 blocks (at most 3; private ones, and public ones of no more addresses together than one /16) whose requests with X-Deployment-Test: <service> reach the new revision before production traffic does; empty: no test route.", scope: "service", kinds: WEB },
    lifecycleHooks: { type: "array", default: [], description: "Not rolling: hooks ECS runs at deployment stages, each {stages, lambdaArn} or {stages, pauseMinutes, onTimeout: ROLLBACK (default) or CONTINUE}.", scope: "service", kinds: WEB },

    serviceConnectCertificateAuthorityArn: { type: "string", default: "", description: "AWS Private CA ARN that issues Service Connect TLS certificates; empty: plain traffic between services (prod needs it when a service sets serviceConnect).", scope: "stack" },

    services: { type: "object", default: {}, description: "The stack's services, NAME: {kind: web|worker|scheduled, …overrides of the service keys}; empty runs one web service named serviceName.", scope: "stack" },
} as const satisfies Record<string, ConfigKeyDeclaration>;

/** Name of a declared key. */
export type ConfigKey = keyof typeof CONFIG_KEYS;

/** The declaration of a key, typed as the interface (rows without `secrecy` included). */
export const declarationOf = (key: ConfigKey): ConfigKeyDeclaration => CONFIG_KEYS[key];

/** Keys whose value is one of a list of strings. */
export type ChoiceKey = { [K in ConfigKey]: (typeof CONFIG_KEYS)[K] extends { type: "string"; allowed: readonly string[] } ? K : never }[ConfigKey];
/** The values a choice key allows. */
export type ChoiceOf<K extends ChoiceKey> = (typeof CONFIG_KEYS)[K]["allowed"][number];

/** Keys a `services` entry may override. */
export const SERVICE_KEYS = (Object.keys(CONFIG_KEYS) as ConfigKey[]).filter(k => declarationOf(k).scope === "service");

/** One field only a `services` entry has. */
export interface ServiceFieldDeclaration {
    readonly type: ConfigKeyType | "number";
    readonly default: unknown;
    readonly description: string;
    readonly kinds?: readonly ServiceKind[];
    readonly min?: number;
    readonly max?: number;
    readonly allowed?: readonly string[];
}

/** Fields of a `services` entry besides the overridden keys, in the order the README lists them. */
export const SERVICE_FIELDS = {
    kind: { type: "string", default: "", allowed: ["web", "worker", "scheduled"], description: "Required: web (behind the load balancer), worker (no route) or scheduled (run by a schedule)." },
    paths: { type: "array", default: [], kinds: WEB, description: "Path patterns the listener rule matches, e.g. [\"/api/*\"]; with hosts, both must match. Neither: the listener's default action." },
    hosts: { type: "array", default: [], kinds: WEB, description: "Host names the listener rule matches, e.g. [\"api.example.com\"]." },
    priority: { type: "integer", default: 0, kinds: WEB, min: ALB_RULE_LIMITS.minPriority, max: ALB_RULE_LIMITS.maxPriority, description: "Listener rule priority, unique per stack; unset: 10, 20, … from the most specific rule to the least, skipping those taken." },
    schedule: { type: "string", default: "", kinds: ["scheduled"], description: "EventBridge Scheduler expression: cron(…), rate(…) or at(…) (required)." },
    scheduleTimezone: { type: "string", default: "UTC", kinds: ["scheduled"], description: "IANA time zone of the schedule, e.g. Europe/Berlin." },
    serviceConnect: { type: "boolean", default: false, kinds: SCALED, description: "Join the stack's Service Connect namespace (a client; a server too when it has a port)." },
    callers: { type: "array", default: [], kinds: SCALED, description: "Services (by name, each with serviceConnect) whose tasks may reach this one's port." },
    queueScaling: { type: "object", default: {}, kinds: ["worker"], description: "Target tracking on a metric the work publishes: {namespace, metricName, dimensions, statistic, targetValue}." },
} as const satisfies Record<string, ServiceFieldDeclaration>;

/** Name of a service-only field. */
export type ServiceField = keyof typeof SERVICE_FIELDS;

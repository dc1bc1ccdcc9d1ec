/**
 * Every configuration key of the program, with its type and default. `Pulumi.yaml` declares the same keys
 * (a test holds the two together), so the CLI and the offline tools fill the same defaults.
 */

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

/** One declared key. */
export interface ConfigKeyDeclaration {
    readonly type: ConfigKeyType;
    readonly default: unknown;
    readonly description: string;
    readonly secrecy?: ConfigKeySecrecy;
}

/** The project's config keys (without the `<project>:` prefix), in the order `Pulumi.yaml` lists them. */
export const CONFIG_KEYS = {
    environment: { type: "string", default: "dev", description: "Environment profile: dev (cheap, disposable) or prod (highly available, protected)." },
    serviceName: { type: "string", default: "web", description: "Short name of the service; prefixes resource names (lowercase letters, digits, hyphens)." },

    vpcCidr: { type: "string", default: "10.0.0.0/16", description: "IPv4 CIDR block of the VPC (prefix /16 to /24)." },
    availabilityZones: { type: "integer", default: 2, description: "Number of availability zones to spread subnets over (2 to 6; the load balancer needs two)." },
    natStrategy: { type: "string", default: "none", description: "NAT gateways: none (tasks in public subnets with a public IP), single, or perAz." },

    cpu: { type: "integer", default: 256, description: "Task CPU units (1024 = 1 vCPU): 256, 512, 1024, 2048, 4096, 8192 or 16384." },
    memory: { type: "integer", default: 512, description: "Task memory in MiB; must be a size Fargate offers with the chosen cpu." },
    cpuArchitecture: { type: "string", default: "X86_64", description: "CPU architecture of the task and the image: X86_64 or ARM64." },
    containerPort: { type: "integer", default: 8080, description: "Port the container listens on (1024 to 65535: the container runs as a non-root user)." },
    containerUser: { type: "string", default: "1000", description: "User (uid or uid:gid) the container runs as; never root." },
    readonlyRootFilesystem: { type: "boolean", default: true, description: "Mount the container's root filesystem read-only." },
    stopTimeoutSeconds: { type: "integer", default: 30, description: "Seconds the container gets to drain after SIGTERM before SIGKILL (2 to 120)." },
    containerHealthCheckCommand: { type: "array", default: ["CMD", "node", "healthcheck.js"], description: "Container health check command, starting with CMD or CMD-SHELL." },
    containerHealthCheckIntervalSeconds: { type: "integer", default: 15, description: "Seconds between container health checks (5 to 300)." },
    containerHealthCheckTimeoutSeconds: { type: "integer", default: 5, description: "Seconds before a container health check fails (2 to 60, less than the interval)." },
    containerHealthCheckRetries: { type: "integer", default: 3, description: "Failed container health checks before the container is unhealthy (1 to 10)." },
    containerStartPeriodSeconds: { type: "integer", default: 10, description: "Seconds after start during which failed container health checks do not count (0 to 300)." },
    containerEnvironment: { type: "object", default: {}, description: "Plain environment variables (NAME: value). Never put secrets here.", secrecy: "forbidden" },
    secrets: { type: "object", default: {}, description: "Secrets the container receives, by ARN: NAME: arn, or NAME: {arn, jsonKey}.", secrecy: "hidden" },
    // Not declared `secret: true`: the CLI then rejects the empty default (pulumi/pulumi#21865); the loader
    // itself refuses values that were not set with --secret.
    secretValues: { type: "object", default: {}, description: "Secret values, each set with --secret, from which the stack creates Secrets Manager secrets: NAME: value.", secrecy: "required" },

    desiredCount: { type: "integer", default: 1, description: "Tasks to run at first deployment; autoscaling manages the count afterwards." },
    capacityProvider: { type: "string", default: "FARGATE_SPOT", description: "Capacity provider for tasks above the on-demand base: FARGATE or FARGATE_SPOT." },
    onDemandBase: { type: "integer", default: 0, description: "Tasks always placed on on-demand FARGATE capacity." },
    platformVersion: { type: "string", default: "LATEST", description: "Fargate platform version: LATEST, 1.4.0 or 1.3.0 (ARM64, and secrets by JSON key or version, need 1.4.0)." },
    healthCheckGracePeriodSeconds: { type: "integer", default: 30, description: "Seconds the service ignores load balancer health checks after a task starts (at least the container start period)." },
    logRetentionDays: { type: "integer", default: 7, description: "Days CloudWatch keeps container and flow logs (a CloudWatch retention value, e.g. 7, 30, 365)." },

    healthCheckPath: { type: "string", default: "/health", description: "Path the load balancer probes on each task." },
    healthCheckMatcher: { type: "string", default: "200-399", description: "HTTP codes that count as healthy, e.g. 200 or 200-399." },
    healthCheckIntervalSeconds: { type: "integer", default: 10, description: "Seconds between load balancer health checks (5 to 300)." },
    healthCheckTimeoutSeconds: { type: "integer", default: 5, description: "Seconds before a load balancer health check fails (2 to 120, less than the interval)." },
    healthyThreshold: { type: "integer", default: 2, description: "Consecutive successes before a target is healthy (2 to 10)." },
    unhealthyThreshold: { type: "integer", default: 3, description: "Consecutive failures before a target is unhealthy (2 to 10)." },
    deregistrationDelaySeconds: { type: "integer", default: 10, description: "Seconds the load balancer drains a stopping target (0 to 3600; AWS's own default is 300)." },
    albIdleTimeoutSeconds: { type: "integer", default: 60, description: "Load balancer idle connection timeout in seconds (1 to 4000)." },
    accessLogs: { type: "boolean", default: false, description: "Write load balancer access logs to S3." },
    accessLogsBucket: { type: "string", default: "", description: "Existing S3 bucket for access logs; empty lets the stack create one (with accessLogs: true)." },
    certificateArn: { type: "string", default: "", description: "ACM certificate ARN for HTTPS; empty for HTTP only unless domainName is set." },
    domainName: { type: "string", default: "", description: "Domain name for the service; with hostedZoneId the stack creates a DNS-validated certificate and an alias record." },
    hostedZoneId: { type: "string", default: "", description: "Route 53 hosted zone id for domainName." },

    minCapacity: { type: "integer", default: 1, description: "Fewest tasks autoscaling keeps (prod: at least 2)." },
    maxCapacity: { type: "integer", default: 2, description: "Most tasks autoscaling starts (up to 100)." },
    cpuTargetPercent: { type: "integer", default: 70, description: "Average CPU utilisation autoscaling holds (10 to 90)." },
    memoryTargetPercent: { type: "integer", default: 0, description: "Average memory utilisation autoscaling holds (10 to 90); 0 turns memory scaling off." },
    requestsPerTarget: { type: "integer", default: 0, description: "Load balancer requests per task autoscaling holds; 0 turns request scaling off." },
    scaleInCooldownSeconds: { type: "integer", default: 300, description: "Seconds after a scale-in before the next one (0 to 3600)." },
    scaleOutCooldownSeconds: { type: "integer", default: 60, description: "Seconds after a scale-out before the next one (0 to 3600)." },

    appPath: { type: "string", default: "./app", description: "Folder with the service's Dockerfile, relative to the project." },
    prebuiltImage: { type: "string", default: "", description: "Image built elsewhere, by digest in a private ECR registry (<account>.dkr.ecr.<region>.amazonaws.com/<repo>@sha256:<64 hex>); then nothing is built and Docker is not needed. Empty builds appPath with Docker." },
    imageRetentionCount: { type: "integer", default: 10, description: "Tagged images the repository keeps (1 to 1000)." },
    untaggedImageExpiryDays: { type: "integer", default: 7, description: "Days before untagged images expire (1 to 365)." },

    deletionProtection: { type: "boolean", default: false, description: "Protect the load balancer, repository, secrets and log groups from deletion." },
    kmsKeyArn: { type: "string", default: "", description: "Customer-managed KMS key ARN for secrets, logs and the repository; empty uses AWS-managed keys." },
    tags: { type: "object", default: {}, description: "Tags added to every taggable resource.", secrecy: "forbidden" },
} as const satisfies Record<string, ConfigKeyDeclaration>;

/** Name of a declared key. */
export type ConfigKey = keyof typeof CONFIG_KEYS;

/** The declaration of a key, typed as the interface (rows without `secrecy` included). */
export const declarationOf = (key: ConfigKey): ConfigKeyDeclaration => CONFIG_KEYS[key];

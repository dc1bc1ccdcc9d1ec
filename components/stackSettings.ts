/**
 * The shapes of validated stack settings and of raw config, and the error an invalid config raises.
 */
import { RunError } from "@pulumi/pulumi/errors";
import type { CapacityProvider } from "./capacity";
import type { CpuArchitecture } from "./fargateService";
import type { AlarmThresholds } from "./alarmRules";
import type { DeploymentSettings } from "./deploymentSettings";
import type { NatStrategy } from "./network";
import type { FargatePlatformVersion } from "./platformVersion";

/** A secret the container reads, resolved to what ECS and IAM need. */
export interface SecretReference {
    /** ECS `valueFrom`: the ARN, with `:<jsonKey>::` appended for one key of a JSON secret. */
    readonly valueFrom: string;
    /** The secret's or parameter's ARN without the JSON key. */
    readonly arn: string;
}

/** What a service is: `web` behind the load balancer, `worker` with no route, `scheduled` run by a schedule. */
export type ServiceKind = "web" | "worker" | "scheduled";

/** Where the load balancer sends a `web` service's requests, and how it judges its targets. */
export interface RouteSettings {
    /** Path patterns (`/api/*`); with `hosts`, both must match. Both empty: the listener's default action. */
    readonly paths: readonly string[];
    /** Host names (`api.example.com`, `*.example.com`). */
    readonly hosts: readonly string[];
    /** Listener-rule priority (1 to 50000, unique per listener); undefined for the default action. */
    readonly priority?: number;
    readonly healthCheck: StackSettings["loadBalancer"]["healthCheck"];
    readonly deregistrationDelaySeconds: number;
}

/** Target tracking on a metric the service's own work publishes (e.g. a queue's depth per task). */
export interface QueueScalingSettings {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: Readonly<Record<string, string>>;
    readonly statistic: "Average" | "Minimum" | "Maximum" | "Sum" | "SampleCount";
    /** The value per task autoscaling holds. */
    readonly targetValue: number;
}

/**
 * One service of the stack, fully defaulted: the stack-wide keys with this service's overrides applied.
 * The one-service form (no `services` key) yields exactly one `web` service named `serviceName` whose route
 * is the listener's default action.
 */
export interface ServiceSettings {
    /** The key in `services`, or `serviceName` in the one-service form; prefixes the service's resources. */
    readonly name: string;
    readonly kind: ServiceKind;
    readonly image: { readonly context: string; readonly prebuilt?: string };
    /** `port` is undefined for a worker or scheduled task that listens on nothing. */
    readonly container: Omit<StackSettings["container"], "port"> & { readonly port?: number };
    readonly service: StackSettings["service"];
    /** `web` only. */
    readonly route?: RouteSettings;
    /** `web` and `worker`; a scheduled task is not scaled. */
    readonly scaling?: StackSettings["scaling"] & { readonly queue?: QueueScalingSettings };
    /** `scheduled` only: an EventBridge Scheduler expression (`cron(…)`, `rate(…)`, `at(…)`) and its IANA time zone. */
    readonly schedule?: { readonly expression: string; readonly timezone: string };
    /** Joins the stack's Service Connect namespace (as a client, and as a server when it has a port). */
    readonly serviceConnect: boolean;
    /** Services (by name) whose tasks may reach this one's port through Service Connect. */
    readonly callers: readonly string[];
    /** `web` and `worker`: thresholds of the service's alarms (5xx and latency for `web` only). */
    readonly alarms?: AlarmThresholds;
    /** `web` only: how ECS deploys it; undefined means rolling (see `ROLLING` in `deploymentSettings.ts`). */
    readonly deployment?: DeploymentSettings;
}

/** Everything the program needs, validated and fully defaulted. */
export interface StackSettings {
    readonly project: string;
    readonly stack: string;
    readonly environment: "dev" | "prod";
    readonly region: string;
    readonly serviceName: string;
    readonly network: {
        readonly cidrBlock: string;
        readonly availabilityZones: number;
        readonly natStrategy: NatStrategy;
    };
    readonly image: {
        readonly context: string;
        /** An image built elsewhere, by digest; when set nothing is built (see `prebuiltImage`). */
        readonly prebuilt?: string;
        readonly keepImages: number;
        readonly untaggedExpiryDays: number;
    };
    readonly container: {
        readonly cpu: number;
        readonly memory: number;
        readonly architecture: CpuArchitecture;
        readonly port: number;
        readonly user: string;
        readonly readonlyRootFilesystem: boolean;
        readonly stopTimeoutSeconds: number;
        readonly healthCheck: {
            readonly command: string[];
            readonly intervalSeconds: number;
            readonly timeoutSeconds: number;
            readonly retries: number;
            readonly startPeriodSeconds: number;
        };
        readonly environment: Record<string, string>;
        readonly secrets: Record<string, SecretReference>;
        /** Plain text of secret config values; `loadStackConfig` wraps them as secret Outputs. */
        readonly secretValues: Record<string, string>;
    };
    readonly service: {
        readonly desiredCount: number;
        readonly capacityProvider: CapacityProvider;
        readonly onDemandBase: number;
        readonly platformVersion: FargatePlatformVersion;
        readonly healthCheckGracePeriodSeconds: number;
        readonly logRetentionDays: number;
    };
    readonly loadBalancer: {
        readonly healthCheck: {
            readonly path: string;
            readonly matcher: string;
            readonly intervalSeconds: number;
            readonly timeoutSeconds: number;
            readonly healthyThreshold: number;
            readonly unhealthyThreshold: number;
        };
        readonly deregistrationDelaySeconds: number;
        readonly idleTimeoutSeconds: number;
        /** Access logs: into an existing bucket, or into one the stack creates; none when undefined. */
        readonly accessLogs?: { readonly bucket?: string };
        readonly certificateArn?: string;
        readonly domain?: { readonly name: string; readonly hostedZoneId: string };
    };
    readonly scaling: {
        readonly minCapacity: number;
        readonly maxCapacity: number;
        readonly cpuTargetPercent: number;
        readonly memoryTargetPercent?: number;
        readonly requestsPerTarget?: number;
        readonly scaleInCooldownSeconds: number;
        readonly scaleOutCooldownSeconds: number;
    };
    readonly deletionProtection: boolean;
    readonly kmsKeyArn?: string;
    readonly tags: Record<string, string>;
    /**
     * TLS between services through Service Connect: the AWS Private CA that issues their certificates. None:
     * plain HTTP between tasks (the prod policy pack refuses Service Connect without it).
     */
    readonly serviceConnectTls?: { readonly certificateAuthorityArn: string };
    /** Email address subscribed to the stack's alarm topic; none when undefined. */
    readonly alarmEmail?: string;
    /** The stack's services, in config order; the first `web` service without a route condition is the default. */
    readonly services: readonly ServiceSettings[];
}

/** Raw config as the engine hands it to a program: full keys (`project:key`) to their text. */
export interface RawStackConfig {
    readonly project: string;
    readonly stack: string;
    readonly values: Readonly<Record<string, string>>;
    /** Full keys whose values were set with `--secret`. */
    readonly secretKeys: readonly string[];
    /**
     * Paths of the values set with `--secret` (`project:key.NAME`), known when the stack file itself was read
     * (the offline check). The engine tells a program only which keys hold a secret, so without them the
     * loader judges whole keys.
     */
    readonly securePaths?: readonly string[];
}

/** Invalid configuration. A `RunError`, so Pulumi prints the message without a stack trace. */
export class ConfigError extends RunError {
    constructor(
        readonly stack: string,
        readonly problems: readonly string[],
    ) {
        super(
            `Invalid configuration for stack "${stack}" (${problems.length} ${problems.length === 1 ? "problem" : "problems"}):\n` +
                problems.map(p => `  - ${p}`).join("\n"),
        );
        this.name = "ConfigError";
    }
}

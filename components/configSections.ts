/**
 * The sections of config that describe one service: its container, placement, load-balancer view,
 * scaling and image. Each reads through a `Reader`, so the same checks judge a stack-wide (flat) value and
 * an entry of `services` that overrides it, and name the key by its path. Pure.
 */
import type { AlarmThresholds } from "./alarmRules";
import { ConfigKey } from "./configKeys";
import { Reader, show } from "./configReader";
import { readVariables } from "./configVariables";
import { graceCoversStart, isRootUser } from "./fargateServiceArgs";
import { describeChoices } from "./fargateSizes";
import { fargateMemoryOptions, isFargateCpu } from "../policy/facts/fargateSizes";
import { ecrImageReferenceProblem } from "./imageReference";
import { platformVersionProblem, referencesKeyOrVersion } from "./platformVersion";
import { PROD_ALARM_LIMITS, PROD_MANDATES, PROD_PROFILE } from "./prodProfile";
import { QueueScalingSettings, RawStackConfig, ServiceSettings, StackSettings } from "./stackSettings";

/** Prod limits the policy pack's prod config enforces, checked here by key so that `pulumi up` never gets that far. */
const PROD = PROD_PROFILE;

/** What a section needs to know besides its keys. */
export interface SectionContext {
    readonly raw: RawStackConfig;
    readonly prod: boolean;
    /** The stack's region (`aws:region`), when it is valid. */
    readonly region?: string;
}

/** The container: size, architecture, port, user, health check, environment and secrets. */
export function readContainer(r: Reader, ctx: SectionContext, port: "required" | "optional"): ServiceSettings["container"] {
    const beforeCpu = r.count;
    const cpu = r.integer("cpu");
    // Memory is judged against the cpu given; when that cpu is itself wrong (for an entry, also when the
    // stack-wide cpu it inherits is), one problem is enough: the fallback cpu is nobody's choice.
    const cpuValid = r.count === beforeCpu && !r.wasReported("cpu") && isFargateCpu(cpu);
    const memory = r.integer("memory");
    if (cpuValid && !fargateMemoryOptions(cpu).includes(memory)) {
        r.report("memory", memory, `Fargate offers ${describeMemory(cpu)} MiB with cpu ${cpu}`);
    }
    const architecture = r.oneOf("cpuArchitecture");
    // A worker or scheduled task listens on nothing unless its entry names a port.
    const containerPort = port === "required" || r.owns("containerPort") ? r.integer("containerPort") : undefined;
    const user = r.string("containerUser", v =>
        !/^[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)?$/.test(v)
            ? "expected a user or uid, optionally :group"
            : isRootUser(v)
              ? "the container must not run as root; use a non-root uid such as 1000"
              : undefined,
    );
    const readonlyRootFilesystem = r.boolean("readonlyRootFilesystem");
    if (ctx.prod && !readonlyRootFilesystem) {
        r.reportProd("readonlyRootFilesystem", false, "prod containers run with a read-only root filesystem (/tmp stays writable); set it to true");
    }
    const stopTimeoutSeconds = r.integer("stopTimeoutSeconds");
    const healthCheck = readContainerHealthCheck(r);
    const { environment, secrets, secretValues } = readVariables(r, ctx.raw);
    return { cpu, memory, architecture, port: containerPort, user, readonlyRootFilesystem, stopTimeoutSeconds, healthCheck, environment, secrets, secretValues };
}

function readContainerHealthCheck(r: Reader): StackSettings["container"]["healthCheck"] {
    const command = r.stringArray("containerHealthCheckCommand");
    if (!["CMD", "CMD-SHELL"].includes(command[0]) || command.length < 2) {
        r.report("containerHealthCheckCommand", command, `expected ["CMD", program, …args] or ["CMD-SHELL", "shell command"]`);
    }
    const intervalSeconds = r.integer("containerHealthCheckIntervalSeconds");
    const timeoutSeconds = r.integer("containerHealthCheckTimeoutSeconds");
    if (timeoutSeconds >= intervalSeconds) {
        r.report("containerHealthCheckTimeoutSeconds", timeoutSeconds, `must be less than ${r.full("containerHealthCheckIntervalSeconds")} (${intervalSeconds})`);
    }
    const retries = r.integer("containerHealthCheckRetries");
    const startPeriodSeconds = r.integer("containerStartPeriodSeconds");
    return { command, intervalSeconds, timeoutSeconds, retries, startPeriodSeconds };
}

/** Where and how the tasks run: count, capacity, platform, grace period and log retention. */
export function readPlacement(
    r: Reader,
    ctx: SectionContext,
    container: ServiceSettings["container"],
    scaling: { minCapacity: number; maxCapacity: number } | undefined,
    routed: boolean,
): StackSettings["service"] {
    const desiredCount = r.integer("desiredCount");
    if (scaling && scaling.minCapacity <= scaling.maxCapacity && (desiredCount < scaling.minCapacity || desiredCount > scaling.maxCapacity)) {
        r.report("desiredCount", desiredCount, `expected a count from ${r.full("minCapacity")} (${scaling.minCapacity}) to ${r.full("maxCapacity")} (${scaling.maxCapacity})`);
    }
    const capacityProvider = r.oneOf("capacityProvider");
    const onDemandBase = r.integer("onDemandBase");
    if (scaling && onDemandBase > scaling.maxCapacity) {
        r.report("onDemandBase", onDemandBase, `must not exceed ${r.full("maxCapacity")} (${scaling.maxCapacity})`);
    } else if (scaling && ctx.prod && capacityProvider === "FARGATE_SPOT" && onDemandBase < scaling.minCapacity) {
        r.reportProd("onDemandBase", onDemandBase, `prod on FARGATE_SPOT keeps at least ${r.full("minCapacity")} (${scaling.minCapacity}) tasks on on-demand capacity, since AWS may reclaim every Spot task at once`);
    }
    const platformVersion = r.oneOf("platformVersion");
    if (ctx.prod && PROD_MANDATES.latestPlatform && platformVersion !== "LATEST") {
        r.reportProd("platformVersion", platformVersion, `prod runs on "LATEST" (the platform with current patches); pin a version in dev only`);
    }
    const platform = platformVersionProblem(
        {
            platformVersion,
            architecture: container.architecture,
            capacityProvider,
            // Created secrets are pinned to their version; referenced ones may name a JSON key.
            secretsByKeyOrVersion: Object.keys(container.secretValues).length > 0 || Object.values(container.secrets).some(s => referencesKeyOrVersion(s.valueFrom)),
            cpu: container.cpu,
        },
        {
            platformVersion: r.full("platformVersion"),
            architecture: r.full("cpuArchitecture"),
            capacityProvider: r.full("capacityProvider"),
            secrets: `${r.full("secrets")} or ${r.full("secretValues")}`,
            cpu: r.full("cpu"),
        },
    );
    if (platform) {
        r.reportAbout(["platformVersion", "cpuArchitecture", "capacityProvider", "secrets", "secretValues", "cpu"], platform);
    }
    // ECS takes a grace period only for a service behind a load balancer; others keep the stack-wide value unjudged.
    const healthCheckGracePeriodSeconds = routed ? r.integer("healthCheckGracePeriodSeconds") : (r.resolvedValue("healthCheckGracePeriodSeconds") as number);
    if (routed && !graceCoversStart(healthCheckGracePeriodSeconds, container.healthCheck.startPeriodSeconds)) {
        r.report("healthCheckGracePeriodSeconds", healthCheckGracePeriodSeconds, `must be at least ${r.full("containerStartPeriodSeconds")} (${container.healthCheck.startPeriodSeconds}), or new tasks are killed while starting`);
    }
    const beforeRetention = r.count;
    const logRetentionDays = r.integer("logRetentionDays");
    if (r.count === beforeRetention && ctx.prod && logRetentionDays < PROD.minimumLogRetentionDays.value) {
        r.reportProd("logRetentionDays", logRetentionDays, `prod keeps logs at least ${PROD.minimumLogRetentionDays.value} days (${PROD.minimumLogRetentionDays.policy})`);
    }
    return { desiredCount, capacityProvider, onDemandBase, platformVersion, healthCheckGracePeriodSeconds, logRetentionDays };
}

/** How the load balancer judges and drains the service's targets. */
export function readTargetHealth(r: Reader, ctx: SectionContext): { healthCheck: StackSettings["loadBalancer"]["healthCheck"]; deregistrationDelaySeconds: number } {
    const path = r.string("healthCheckPath", v => (/^\/[\x21-\x7e]{0,1023}$/.test(v) ? undefined : `expected a path starting with "/"`));
    const matcher = r.string("healthCheckMatcher", matcherProblem);
    const intervalSeconds = r.integer("healthCheckIntervalSeconds");
    const timeoutSeconds = r.integer("healthCheckTimeoutSeconds");
    if (timeoutSeconds >= intervalSeconds) {
        r.report("healthCheckTimeoutSeconds", timeoutSeconds, `must be less than ${r.full("healthCheckIntervalSeconds")} (${intervalSeconds})`);
    }
    const healthyThreshold = r.integer("healthyThreshold");
    if (ctx.prod && intervalSeconds * healthyThreshold > PROD.maximumSecondsToHealthy.value) {
        r.reportProd("healthyThreshold", healthyThreshold, `with ${r.full("healthCheckIntervalSeconds")} ${intervalSeconds} a new task waits ${intervalSeconds * healthyThreshold} s to be healthy; prod allows ${PROD.maximumSecondsToHealthy.value} s per rollout wave (${PROD.maximumSecondsToHealthy.policy})`);
    }
    const unhealthyThreshold = r.integer("unhealthyThreshold");
    const deregistrationDelaySeconds = r.integer("deregistrationDelaySeconds");
    if (ctx.prod && deregistrationDelaySeconds > PROD.maximumDeregistrationDelaySeconds.value) {
        r.reportProd("deregistrationDelaySeconds", deregistrationDelaySeconds, `prod rollouts drain in at most ${PROD.maximumDeregistrationDelaySeconds.value} s (${PROD.maximumDeregistrationDelaySeconds.policy})`);
    }
    return { healthCheck: { path, matcher, intervalSeconds, timeoutSeconds, healthyThreshold, unhealthyThreshold }, deregistrationDelaySeconds };
}

/** Autoscaling bounds and targets; `requests` is false for a service without a target group. */
export function readScaling(r: Reader, ctx: SectionContext, requests: boolean): StackSettings["scaling"] {
    const minCapacity = r.integer("minCapacity");
    if (ctx.prod && minCapacity < PROD.minimumCapacity.value) {
        r.reportProd("minCapacity", minCapacity, `prod runs at least ${PROD.minimumCapacity.value} tasks (${PROD.minimumCapacity.policy})`);
    }
    const maxCapacity = r.integer("maxCapacity");
    if (ctx.prod && maxCapacity > PROD.maximumCapacity.value) {
        r.reportProd("maxCapacity", maxCapacity, `prod scales to at most ${PROD.maximumCapacity.value} tasks (${PROD.maximumCapacity.policy})`);
    }
    if (minCapacity > maxCapacity) {
        r.report("minCapacity", minCapacity, `must not exceed ${r.full("maxCapacity")} (${maxCapacity})`);
    }
    const cpuTargetPercent = r.integer("cpuTargetPercent");
    const memoryTargetPercent = optionalPercent(r, "memoryTargetPercent");
    // Request scaling follows the target group; a worker inherits no stack-wide request target.
    const requestsPerTarget = requests ? r.integer("requestsPerTarget") || undefined : undefined;
    const scaleInCooldownSeconds = r.integer("scaleInCooldownSeconds");
    const scaleOutCooldownSeconds = r.integer("scaleOutCooldownSeconds");
    return { minCapacity, maxCapacity, cpuTargetPercent, memoryTargetPercent, requestsPerTarget, scaleInCooldownSeconds, scaleOutCooldownSeconds };
}

/**
 * Where the service's image comes from: a folder built with Docker, or an image by digest. A service that
 * names its own `appPath` but inherits the stack-wide image is refused: it would silently run another
 * service's image instead of its own app.
 */
export function readImageSource(r: Reader): { context: string; prebuilt?: string } {
    const context = r.string("appPath", v => (v.trim() ? undefined : "expected a folder path"));
    const prebuilt = r.optionalString("prebuiltImage", ecrImageReferenceProblem);
    if (prebuilt && r.owns("appPath") && !r.owns("prebuiltImage")) {
        r.report(
            "prebuiltImage",
            prebuilt,
            `the service sets its own ${r.full("appPath")} (${show(context)}), and this image would run instead of it: set ${r.full("prebuiltImage")} to the service's own image, or to "" to build ${show(context)}`,
        );
    }
    return { context, prebuilt };
}

/**
 * A long-running service's alarm thresholds: the load balancer's (5xx rate, p99 latency) for a `web` service,
 * held in prod to `PROD_ALARM_LIMITS`; the backlog threshold for a `worker` with queue scaling (`worker.queue`).
 * The stack-wide `alarmQueueBacklog` is read by every reader, so a bad value is reported once, where it is set.
 */
export function readAlarms(r: Reader, ctx: SectionContext, web: boolean, worker?: { readonly queue?: QueueScalingSettings }): AlarmThresholds {
    const limits = PROD_ALARM_LIMITS;
    // A value already refused falls back to its default: the prod bound judges only values that were read.
    const valid = (read: () => number): number | undefined => {
        const before = r.count;
        const value = read();
        return r.count === before ? value : undefined;
    };
    const periods = valid(() => r.integer("alarmEvaluationPeriods"));
    const evaluationPeriods = periods ?? (r.resolvedValue("alarmEvaluationPeriods") as number);
    const queueBacklog = r.integer("alarmQueueBacklog");
    if (!web) {
        if (worker && queueBacklog > 0 && !worker.queue && r.owns("alarmQueueBacklog")) {
            r.report("alarmQueueBacklog", queueBacklog, `the backlog alarm watches the worker's queueScaling metric, and this worker has none: set ${r.cliPath("alarmQueueBacklog").replace(/alarmQueueBacklog$/, "queueScaling")}, or 0 to turn the alarm off`);
        }
        return worker?.queue && queueBacklog > 0 ? { evaluationPeriods, queueBacklog } : { evaluationPeriods };
    }
    const percent = valid(() => r.integer("alarm5xxPercent"));
    const latency = valid(() => r.integer("alarmLatencyP99Ms"));
    if (ctx.prod && percent !== undefined && percent > limits.maximum5xxPercent) {
        r.reportProd("alarm5xxPercent", percent, `prod alarms on at most ${limits.maximum5xxPercent} % of requests answered 5xx, so a bad deployment rolls back early; set it from 1 to ${limits.maximum5xxPercent} in the prod stack file`);
    }
    if (ctx.prod && latency !== undefined && latency > limits.maximumLatencyP99Ms) {
        r.reportProd("alarmLatencyP99Ms", latency, `prod alarms on a p99 of at most ${limits.maximumLatencyP99Ms} ms, so a slow deployment rolls back early; set it from 10 to ${limits.maximumLatencyP99Ms} in the prod stack file`);
    }
    if (ctx.prod && periods !== undefined && periods > limits.maximumEvaluationPeriods) {
        r.reportProd("alarmEvaluationPeriods", periods, `prod alarms after at most ${limits.maximumEvaluationPeriods} minutes over a threshold, so a bad deployment rolls back early; set it from 1 to ${limits.maximumEvaluationPeriods} in the prod stack file`);
    }
    return {
        target5xxPercent: percent ?? (r.resolvedValue("alarm5xxPercent") as number),
        latencyP99Ms: latency ?? (r.resolvedValue("alarmLatencyP99Ms") as number),
        evaluationPeriods,
    };
}

function describeMemory(cpu: number): string {
    const options = fargateMemoryOptions(cpu);
    return options.length > 3
        ? `${options[0]} to ${options[options.length - 1]} in steps of ${options[1] - options[0]}`
        : describeChoices(options);
}

/**
 * Why an ALB health-check matcher is wrong: codes 200 to 399, as one code, a range ("200-299") or a
 * comma-separated list of those. The ALB API takes up to 499, but a matcher that counts a 4xx answer as
 * healthy keeps a broken target in service (the pack's lb-target-group-health-check refuses it too).
 */
function matcherProblem(value: string): string | undefined {
    const allowed = `expected HTTP codes from 200 to 399 such as "200", "200,302" or "200-399" (an error answer must not count as healthy)`;
    for (const part of value.split(",")) {
        const match = /^([23]\d\d)(?:-([23]\d\d))?$/.exec(part);
        if (!match || (match[2] !== undefined && Number(match[2]) < Number(match[1]))) {
            return allowed;
        }
    }
    return undefined;
}

function optionalPercent(r: Reader, key: ConfigKey): number | undefined {
    const value = r.integer(key);
    if (value !== 0 && value < 10) {
        r.report(key, value, "expected 0 (off) or an integer from 10 to 90");
    }
    return value >= 10 ? value : undefined;
}

/**
 * Typed, validated stack settings from raw Pulumi config. Pure: tests call it with plain maps; the
 * program calls it through `loadStackConfig`. Every problem is collected and reported at once, before
 * any resource exists, naming the key, the value given and what is allowed.
 */
import { isAcmCertificateArn, isKmsKeyArn, isRegion, isSecretsManagerArn, isSsmParameterArn } from "./arn";
import { derivedNameProblem, familyProblem, hostBitsSet, otherRegionProblem, PROGRAM_TAG_KEYS, TAG_CHARACTERS, TAG_LIMITS } from "./awsLimits";
import { ENV_NAME, Reader, show } from "./configReader";
import { CONFIG_KEYS, ConfigKey } from "./configKeys";
import { describeChoices } from "./fargateSizes";
import { fargateMemoryOptions, FARGATE_CPU_UNITS, FARGATE_MAX_CPU, FARGATE_MAX_MEMORY_MIB, isFargateCpu } from "../policy/facts/fargateSizes";
import { reservedNames } from "./appEnvironment";
import { unreadKeys } from "./configNamespaces";
import { checkSecrecy } from "./configSecrets";
import { ecrImageReferenceProblem } from "./imageReference";
import { FARGATE_PLATFORM_VERSIONS, platformVersionProblem, referencesKeyOrVersion } from "./platformVersion";
import { PROD_MANDATES, PROD_PROFILE } from "./prodProfile";
import { ConfigError, RawStackConfig, SecretReference, ServiceSettings, StackSettings } from "./stackSettings";
import { isLogRetentionDays, LOG_RETENTION_DAYS, LOG_RETENTION_MAX_DAYS } from "../policy/facts/logRetention";

export { ConfigError, QueueScalingSettings, RawStackConfig, RouteSettings, SecretReference, ServiceKind, ServiceSettings, StackSettings } from "./stackSettings";
export { LOG_RETENTION_DAYS } from "../policy/facts/logRetention";

/**
 * Validates raw stack config and returns the program's settings.
 * @throws ConfigError listing every problem, each naming its key, the value given and what is allowed.
 */
export function parseStackConfig(raw: RawStackConfig): StackSettings {
    const r = new Reader(raw);
    const problems = r.problems;

    problems.push(...unreadKeys(raw.project, Object.keys(raw.values), Object.keys(CONFIG_KEYS)));
    const region = raw.values["aws:region"];
    if (region === undefined) {
        problems.push(`aws:region is not set; run "pulumi config set aws:region <region>", e.g. us-east-1`);
    } else if (!isRegion(region)) {
        problems.push(`aws:region is ${show(region)}; expected an AWS region such as us-east-1`);
    }

    const knownRegion = region !== undefined && isRegion(region) ? region : undefined;
    const environment = r.oneOf("environment", ["dev", "prod"] as const);
    const prod = environment === "prod";
    const serviceName = r.string("serviceName", v =>
        /^[a-z][a-z0-9-]{0,19}$/.test(v) && !v.endsWith("-")
            ? derivedNameProblem(v)
            : "expected 1 to 20 lowercase letters, digits or hyphens, starting with a letter",
    );
    const family = familyProblem(raw.stack, serviceName);
    if (family) {
        problems.push(family);
    }

    const cidrBlock = r.string("vpcCidr", cidrProblem);
    const availabilityZones = r.integer("availabilityZones", 2, 6, " (the load balancer needs subnets in two zones)");
    const roomy = largestPrefixFor(availabilityZones);
    if (Number(cidrBlock.split("/")[1]) > roomy) {
        r.report("vpcCidr", cidrBlock, `${availabilityZones} zones with a public and a private /24 subnet each need a /${roomy} or larger block`);
    }
    const natStrategy = r.oneOf("natStrategy", ["none", "single", "perAz"] as const);
    if (prod && natStrategy !== "perAz") {
        r.reportProd("natStrategy", natStrategy, `prod needs "perAz" so that losing one zone keeps egress (and tasks get no public IP: ecs-service-no-public-ip)`);
    }

    const beforeCpu = r.count;
    const cpu = r.integer("cpu", 1, FARGATE_MAX_CPU);
    if (r.count === beforeCpu && !isFargateCpu(cpu)) {
        r.report("cpu", cpu, `allowed: ${describeChoices(FARGATE_CPU_UNITS)}`);
    }
    // Memory is judged against the cpu given; when that cpu is itself wrong, one problem is enough.
    const cpuValid = r.count === beforeCpu;
    const memory = r.integer("memory", 1, FARGATE_MAX_MEMORY_MIB);
    if (cpuValid && !fargateMemoryOptions(cpu).includes(memory)) {
        r.report("memory", memory, `Fargate offers ${describeMemory(cpu)} MiB with cpu ${cpu}`);
    }
    const architecture = r.oneOf("cpuArchitecture", ["X86_64", "ARM64"] as const);
    const port = r.integer("containerPort", 1024, 65535);
    const user = r.string("containerUser", v =>
        !/^[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)?$/.test(v)
            ? "expected a user or uid, optionally :group"
            : /^(root|0+)(:|$)/.test(v)
              ? "the container must not run as root; use a non-root uid such as 1000"
              : undefined,
    );
    const readonlyRootFilesystem = r.boolean("readonlyRootFilesystem");
    if (prod && !readonlyRootFilesystem) {
        r.reportProd("readonlyRootFilesystem", false, "prod containers run with a read-only root filesystem (/tmp stays writable); set it to true");
    }
    const stopTimeoutSeconds = r.integer("stopTimeoutSeconds", 2, 120);

    const command = r.stringArray("containerHealthCheckCommand");
    if (!["CMD", "CMD-SHELL"].includes(command[0]) || command.length < 2) {
        r.report("containerHealthCheckCommand", command, `expected ["CMD", program, …args] or ["CMD-SHELL", "shell command"]`);
    }
    const hcInterval = r.integer("containerHealthCheckIntervalSeconds", 5, 300);
    const hcTimeout = r.integer("containerHealthCheckTimeoutSeconds", 2, 60);
    if (hcTimeout >= hcInterval) {
        r.report("containerHealthCheckTimeoutSeconds", hcTimeout, `must be less than ${r.full("containerHealthCheckIntervalSeconds")} (${hcInterval})`);
    }
    const retries = r.integer("containerHealthCheckRetries", 1, 10);
    const startPeriodSeconds = r.integer("containerStartPeriodSeconds", 0, 300);

    const environmentVariables = stringMap(r, "containerEnvironment");
    const secrets = secretReferences(r);
    const secretValues = secretValueMap(r);
    checkSecrecy(r, raw);
    for (const name of Object.keys(secrets)) {
        if (name in environmentVariables) {
            r.reportName("secrets", name, `${r.full("containerEnvironment")} also sets ${name}; a variable is either plain or secret`);
        }
        if (name in secretValues) {
            r.reportName("secrets", name, `${r.full("secretValues")} also sets ${name}; give each secret one source`);
        }
    }
    for (const key of ["containerEnvironment", "secrets", "secretValues"] as const) {
        const names = Object.keys(key === "containerEnvironment" ? environmentVariables : key === "secrets" ? secrets : secretValues);
        for (const name of reservedNames(names)) {
            r.reportName(key, name, `the task sets ${name} from ${r.full(name === "PORT" ? "containerPort" : "stopTimeoutSeconds")}; remove it here`);
        }
    }
    for (const name of Object.keys(secretValues)) {
        if (name in environmentVariables) {
            r.reportName("secretValues", name, `${r.full("containerEnvironment")} also sets ${name}; a variable is either plain or secret`);
        }
    }

    const minCapacity = r.integer("minCapacity", 1, 100);
    if (prod && minCapacity < PROD.minimumCapacity.value) {
        r.reportProd("minCapacity", minCapacity, `prod runs at least ${PROD.minimumCapacity.value} tasks (${PROD.minimumCapacity.policy})`);
    }
    const maxCapacity = r.integer("maxCapacity", 1, 100);
    if (prod && maxCapacity > PROD.maximumCapacity.value) {
        r.reportProd("maxCapacity", maxCapacity, `prod scales to at most ${PROD.maximumCapacity.value} tasks (${PROD.maximumCapacity.policy})`);
    }
    if (minCapacity > maxCapacity) {
        r.report("minCapacity", minCapacity, `must not exceed ${r.full("maxCapacity")} (${maxCapacity})`);
    }
    const desiredCount = r.integer("desiredCount", 0, 100);
    if (minCapacity <= maxCapacity && (desiredCount < minCapacity || desiredCount > maxCapacity)) {
        r.report("desiredCount", desiredCount, `expected a count from ${r.full("minCapacity")} (${minCapacity}) to ${r.full("maxCapacity")} (${maxCapacity})`);
    }
    const capacityProvider = r.oneOf("capacityProvider", ["FARGATE", "FARGATE_SPOT"] as const);
    const onDemandBase = r.integer("onDemandBase", 0, 100);
    if (onDemandBase > maxCapacity) {
        r.report("onDemandBase", onDemandBase, `must not exceed ${r.full("maxCapacity")} (${maxCapacity})`);
    } else if (prod && capacityProvider === "FARGATE_SPOT" && onDemandBase < minCapacity) {
        r.reportProd("onDemandBase", onDemandBase, `prod on FARGATE_SPOT keeps at least ${r.full("minCapacity")} (${minCapacity}) tasks on on-demand capacity, since AWS may reclaim every Spot task at once`);
    }
    const platformVersion = r.oneOf("platformVersion", FARGATE_PLATFORM_VERSIONS);
    if (prod && PROD_MANDATES.latestPlatform && platformVersion !== "LATEST") {
        r.reportProd("platformVersion", platformVersion, `prod runs on "LATEST" (the platform with current patches); pin a version in dev only`);
    }
    const platform = platformVersionProblem(
        {
            platformVersion,
            architecture,
            capacityProvider,
            // Created secrets are pinned to their version; referenced ones may name a JSON key.
            secretsByKeyOrVersion: Object.keys(secretValues).length > 0 || Object.values(secrets).some(s => referencesKeyOrVersion(s.valueFrom)),
        },
        {
            platformVersion: r.full("platformVersion"),
            architecture: r.full("cpuArchitecture"),
            capacityProvider: r.full("capacityProvider"),
            secrets: `${r.full("secrets")} or ${r.full("secretValues")}`,
        },
    );
    if (platform) {
        r.problems.push(platform);
    }
    const gracePeriod = r.integer("healthCheckGracePeriodSeconds", 0, 7200);
    if (gracePeriod < startPeriodSeconds) {
        r.report("healthCheckGracePeriodSeconds", gracePeriod, `must be at least ${r.full("containerStartPeriodSeconds")} (${startPeriodSeconds}), or new tasks are killed while starting`);
    }
    const logRetentionDays = r.integer("logRetentionDays", 1, LOG_RETENTION_MAX_DAYS);
    if (!isLogRetentionDays(logRetentionDays)) {
        r.report("logRetentionDays", logRetentionDays, `allowed: ${LOG_RETENTION_DAYS.join(", ")}`);
    } else if (prod && logRetentionDays < PROD.minimumLogRetentionDays.value) {
        r.reportProd("logRetentionDays", logRetentionDays, `prod keeps logs at least ${PROD.minimumLogRetentionDays.value} days (${PROD.minimumLogRetentionDays.policy})`);
    }

    const path = r.string("healthCheckPath", v => (/^\/[\x21-\x7e]{0,1023}$/.test(v) ? undefined : `expected a path starting with "/"`));
    const matcher = r.string("healthCheckMatcher", matcherProblem);
    const lbInterval = r.integer("healthCheckIntervalSeconds", 5, 300);
    const lbTimeout = r.integer("healthCheckTimeoutSeconds", 2, 120);
    if (lbTimeout >= lbInterval) {
        r.report("healthCheckTimeoutSeconds", lbTimeout, `must be less than ${r.full("healthCheckIntervalSeconds")} (${lbInterval})`);
    }
    const healthyThreshold = r.integer("healthyThreshold", 2, 10);
    if (prod && lbInterval * healthyThreshold > PROD.maximumSecondsToHealthy.value) {
        r.reportProd("healthyThreshold", healthyThreshold, `with ${r.full("healthCheckIntervalSeconds")} ${lbInterval} a new task waits ${lbInterval * healthyThreshold} s to be healthy; prod allows ${PROD.maximumSecondsToHealthy.value} s per rollout wave (${PROD.maximumSecondsToHealthy.policy})`);
    }
    const unhealthyThreshold = r.integer("unhealthyThreshold", 2, 10);
    const deregistrationDelaySeconds = r.integer("deregistrationDelaySeconds", 0, 3600);
    if (prod && deregistrationDelaySeconds > PROD.maximumDeregistrationDelaySeconds.value) {
        r.reportProd("deregistrationDelaySeconds", deregistrationDelaySeconds, `prod rollouts drain in at most ${PROD.maximumDeregistrationDelaySeconds.value} s (${PROD.maximumDeregistrationDelaySeconds.policy})`);
    }
    const idleTimeoutSeconds = r.integer("albIdleTimeoutSeconds", 1, 4000);
    const accessLogs = r.boolean("accessLogs");
    const accessLogsBucket = r.optionalString("accessLogsBucket", v =>
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v) ? undefined : "expected an S3 bucket name",
    );
    if (accessLogsBucket && !accessLogs) {
        r.report("accessLogsBucket", accessLogsBucket, `set ${r.full("accessLogs")} to true to use it, or remove it`);
    }
    if (prod && PROD_MANDATES.accessLogs && !accessLogs) {
        r.reportProd("accessLogs", false, "prod keeps load balancer access logs; set it to true (the stack creates the bucket unless accessLogsBucket names one)");
    }
    const certificateArn = r.optionalString("certificateArn", v =>
        isAcmCertificateArn(v) ? otherRegionProblem(v, knownRegion, "certificate") : "expected an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)",
    );
    const domainName = r.optionalString("domainName", v =>
        /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(v) ? undefined : "expected a lowercase DNS name such as app.example.com",
    );
    const hostedZoneId = r.optionalString("hostedZoneId", v => (/^Z[A-Z0-9]{1,31}$/.test(v) ? undefined : "expected a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ"));
    if (domainName && !hostedZoneId) {
        r.report("hostedZoneId", "", `set it with ${r.full("domainName")}: the stack validates the certificate and creates the alias record in that zone`);
    }
    if (hostedZoneId && !domainName) {
        r.report("domainName", "", `set it with ${r.full("hostedZoneId")}`);
    }
    if (prod && PROD_MANDATES.https && !certificateArn && !domainName) {
        r.reportProd("certificateArn", "", `prod serves HTTPS only; set it, or ${r.full("domainName")} and ${r.full("hostedZoneId")} for a certificate the stack issues`);
    }

    const cpuTargetPercent = r.integer("cpuTargetPercent", 10, 90);
    const memoryTargetPercent = optionalPercent(r, "memoryTargetPercent");
    const requestsPerTarget = r.integer("requestsPerTarget", 0, 100000) || undefined;
    const scaleInCooldownSeconds = r.integer("scaleInCooldownSeconds", 0, 3600);
    const scaleOutCooldownSeconds = r.integer("scaleOutCooldownSeconds", 0, 3600);

    const context = r.string("appPath", v => (v.trim() ? undefined : "expected a folder path"));
    const prebuilt = r.optionalString("prebuiltImage", ecrImageReferenceProblem);
    const keepImages = r.integer("imageRetentionCount", 1, 1000);
    const untaggedExpiryDays = r.integer("untaggedImageExpiryDays", 1, 365);
    const deletionProtection = r.boolean("deletionProtection");
    if (prod && PROD_MANDATES.deletionProtection && !deletionProtection) {
        r.reportProd("deletionProtection", false, "prod keeps its load balancer, repository, secrets and logs protected; set it to true");
    }
    const kmsKeyArn = r.optionalString("kmsKeyArn", v =>
        isKmsKeyArn(v) ? otherRegionProblem(v, knownRegion, "key") : "expected a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)",
    );
    const tags = stringMap(r, "tags", /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/iu, "tag keys of 1 to 128 letters, digits, spaces or _.:/=+-@, not starting with the reserved aws:");
    tagLimitProblems(r, tags, raw.values["aws:defaultTags"]);

    if (problems.length > 0) {
        throw new ConfigError(raw.stack, problems);
    }
    const container = {
        cpu,
        memory,
        architecture,
        port,
        user,
        readonlyRootFilesystem,
        stopTimeoutSeconds,
        healthCheck: { command, intervalSeconds: hcInterval, timeoutSeconds: hcTimeout, retries, startPeriodSeconds },
        environment: environmentVariables,
        secrets,
        secretValues,
    };
    const serviceSettings = { desiredCount, capacityProvider, onDemandBase, platformVersion, healthCheckGracePeriodSeconds: gracePeriod, logRetentionDays };
    const lbHealthCheck = { path, matcher, intervalSeconds: lbInterval, timeoutSeconds: lbTimeout, healthyThreshold, unhealthyThreshold };
    const scaling = { minCapacity, maxCapacity, cpuTargetPercent, memoryTargetPercent, requestsPerTarget, scaleInCooldownSeconds, scaleOutCooldownSeconds };
    // The one-service form: the flat keys describe a single web service on the listener's default action.
    const services: ServiceSettings[] = [
        {
            name: serviceName,
            kind: "web",
            image: { context, prebuilt },
            container,
            service: serviceSettings,
            route: { paths: [], hosts: [], healthCheck: lbHealthCheck, deregistrationDelaySeconds },
            scaling,
            serviceConnect: false,
            callers: [],
        },
    ];
    return {
        project: raw.project,
        stack: raw.stack,
        environment,
        region: region!,
        serviceName,
        network: { cidrBlock, availabilityZones, natStrategy },
        image: { context, prebuilt, keepImages, untaggedExpiryDays },
        container: {
            cpu,
            memory,
            architecture,
            port,
            user,
            readonlyRootFilesystem,
            stopTimeoutSeconds,
            healthCheck: { command, intervalSeconds: hcInterval, timeoutSeconds: hcTimeout, retries, startPeriodSeconds },
            environment: environmentVariables,
            secrets,
            secretValues,
        },
        service: { desiredCount, capacityProvider, onDemandBase, platformVersion, healthCheckGracePeriodSeconds: gracePeriod, logRetentionDays },
        loadBalancer: {
            healthCheck: { path, matcher, intervalSeconds: lbInterval, timeoutSeconds: lbTimeout, healthyThreshold, unhealthyThreshold },
            deregistrationDelaySeconds,
            idleTimeoutSeconds,
            accessLogs: accessLogs ? { bucket: accessLogsBucket } : undefined,
            certificateArn,
            domain: domainName && hostedZoneId ? { name: domainName, hostedZoneId } : undefined,
        },
        scaling: { minCapacity, maxCapacity, cpuTargetPercent, memoryTargetPercent, requestsPerTarget, scaleInCooldownSeconds, scaleOutCooldownSeconds },
        deletionProtection,
        kmsKeyArn,
        tags,
        services,
    };
}

function describeMemory(cpu: number): string {
    const options = fargateMemoryOptions(cpu);
    return options.length > 3
        ? `${options[0]} to ${options[options.length - 1]} in steps of ${options[1] - options[0]}`
        : describeChoices(options);
}

function cidrProblem(value: string): string | undefined {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
    if (!match || match.slice(1, 5).some(o => Number(o) > 255)) {
        return "expected an IPv4 CIDR block such as 10.0.0.0/16";
    }
    const prefix = Number(match[5]);
    if (prefix < 16 || prefix > 24) {
        return "expected a prefix from /16 to /24";
    }
    const network = hostBitsSet(value);
    return network ? `host bits are set, and EC2 accepts only a network address; use ${network}` : undefined;
}

/** Prod limits the policy pack's prod config enforces, checked here by key so that `pulumi up` never gets that far. */
const PROD = PROD_PROFILE;

/** Variable names that say they hold a secret: such a value belongs in `secrets` or `secretValues`. */
const SECRET_LIKE_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIAL/i;

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

/** The largest VPC prefix that fits a public and a private /24 subnet in each of `zones` zones. */
function largestPrefixFor(zones: number): number {
    return 24 - Math.ceil(Math.log2(2 * Math.max(1, zones)));
}

/**
 * Tag limits AWS enforces at apply time on what each resource receives: these tags, the program's own
 * (PROGRAM_TAG_KEYS) and the provider's `aws:defaultTags`, merged.
 */
function tagLimitProblems(r: Reader, tags: Record<string, string>, defaultTagsText: string | undefined): void {
    for (const [key, value] of Object.entries(tags)) {
        if (value.length > TAG_LIMITS.value) {
            r.report("tags", { [key]: value }, `tag values are at most ${TAG_LIMITS.value} characters (${key} has ${value.length})`);
        } else if (!new RegExp(`^[${TAG_CHARACTERS}]*$`, "u").test(value)) {
            r.report("tags", { [key]: value }, `tag values may hold letters, digits, spaces and _ . : / = + - @ only (IAM, ELB and ECS refuse others)`);
        }
    }
    let defaults: string[] = [];
    try {
        const parsed = defaultTagsText === undefined ? undefined : JSON.parse(defaultTagsText);
        defaults = parsed?.tags && typeof parsed.tags === "object" ? Object.keys(parsed.tags) : [];
    } catch {
        // Not JSON: the provider itself refuses it, naming aws:defaultTags.
    }
    const keys = new Set([...Object.keys(tags), ...PROGRAM_TAG_KEYS, ...defaults]);
    if (keys.size > TAG_LIMITS.perResource) {
        r.problems.push(
            `${r.full("tags")} has ${Object.keys(tags).length} keys; with the program's own (${PROGRAM_TAG_KEYS.join(", ")})` +
                `${defaults.length ? ` and ${defaults.length} from aws:defaultTags` : ""} a resource would carry ${keys.size} tags; AWS allows at most ${TAG_LIMITS.perResource}`,
        );
    }
}

function optionalPercent(r: Reader, key: ConfigKey): number | undefined {
    const value = r.integer(key, 0, 90);
    if (value !== 0 && value < 10) {
        r.report(key, value, "expected 0 (off) or an integer from 10 to 90");
    }
    return value >= 10 ? value : undefined;
}

function stringMap(r: Reader, key: ConfigKey, namePattern = ENV_NAME, nameRule = "names of letters, digits and _ that do not start with a digit"): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [name, value] of Object.entries(r.record(key))) {
        if (!namePattern.test(name)) {
            r.reportName(key, name, `expected ${nameRule}`);
        } else if (key === "containerEnvironment" && SECRET_LIKE_NAME.test(name)) {
            r.reportName(key, name, `the name says it holds a secret; put it in ${r.full("secrets")} (by ARN) or ${r.full("secretValues")} (with --secret)`);
        } else if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
            r.report(key, { [name]: value }, `the value of ${name} must be a string`);
        } else {
            result[name] = String(value);
        }
    }
    return result;
}

function secretReferences(r: Reader): Record<string, SecretReference> {
    const result: Record<string, SecretReference> = {};
    const allowed = "expected a Secrets Manager or SSM parameter ARN, or {arn, jsonKey} for one key of a JSON secret";
    for (const [name, value] of Object.entries(r.record("secrets"))) {
        if (!ENV_NAME.test(name)) {
            r.reportName("secrets", name, "expected names of letters, digits and _ that do not start with a digit");
            continue;
        }
        // A value pasted here by mistake may be the secret itself: name it, never show it.
        const bad = (allowedText: string) => r.reportName("secrets", name, allowedText);
        const spec = typeof value === "string" ? { arn: value } : (value as { arn?: unknown; jsonKey?: unknown } | null);
        const arn = spec?.arn;
        const jsonKey = spec?.jsonKey;
        if (typeof arn !== "string" || !(isSecretsManagerArn(arn) || isSsmParameterArn(arn))) {
            bad(allowed);
        } else if (jsonKey !== undefined && (typeof jsonKey !== "string" || !/^[A-Za-z0-9_.-]+$/.test(jsonKey) || !isSecretsManagerArn(arn))) {
            bad("jsonKey must be a key name and needs a Secrets Manager ARN");
        } else {
            result[name] = { arn, valueFrom: jsonKey ? `${arn}:${jsonKey}::` : arn };
        }
    }
    return result;
}

function secretValueMap(r: Reader): Record<string, string> {
    const raw = r.record("secretValues");
    const names = Object.keys(raw);
    if (names.length > 0 && !r.isSecret("secretValues")) {
        r.problems.push(
            `${r.full("secretValues")} is set in plain text; set each value with "pulumi config set --secret --path 'secretValues.NAME' VALUE"`,
        );
        return {};
    }
    const result: Record<string, string> = {};
    for (const name of names) {
        const value = raw[name];
        if (!ENV_NAME.test(name)) {
            r.reportName("secretValues", name, "expected names of letters, digits and _ that do not start with a digit");
        } else if (typeof value !== "string" || value === "") {
            // Never echo a secret value, not even a malformed one.
            r.reportName("secretValues", name, `the value of ${name} must be a non-empty string`);
        } else {
            result[name] = value;
        }
    }
    return result;
}

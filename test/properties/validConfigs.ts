/**
 * fast-check arbitraries of stack config for the property tests: VALID configs per environment (overrides
 * of the real stack file's values, covering every Fargate size, capacity shape, NAT strategy, secret
 * source, TLS mode, retention and scaling switch the loader accepts), and INVALID ones made from a valid
 * config by breaking exactly one field, each labelled with the key the loader must blame.
 *
 * Valid configs for prod honour what both the loader and `policy/config/prod.json` require of prod (TLS,
 * access logs, 365-day retention, read-only root, the timing and capacity bounds in `PROD_POLICY_BOUNDS`):
 * a valid prod config must pass the prod pack. The gaps these properties once found between the loader and
 * the pack are closed; config.property.test.ts keeps a regression test for each.
 */
import fc from "fast-check";
import { ConfigKey } from "../../components/configKeys";
import { APP_ENVIRONMENT_NAMES } from "../../components/appEnvironment";
import { fargateMemoryOptions, FARGATE_CPU_UNITS } from "../../policy/facts/fargateSizes";
import { PROD_PROFILE } from "../../components/prodProfile";
import { RawStackConfig } from "../../components/stackConfig";
import { LOG_RETENTION_DAYS } from "../../policy/facts/logRetention";
import { readStackConfig, StackConfig } from "../../harness/projectConfig";
import { PROJECT_DIR } from "../support/stacks";
import { CPU_UNITS_NEEDING_1_4_0 } from "../../components/platformVersion";

export type Environment = "dev" | "prod";
export const ENVIRONMENTS: readonly Environment[] = ["dev", "prod"];

const PROJECT = "fargate-web";
/** The full config key (`fargate-web:<key>`). */
export const full = (k: ConfigKey): string => `${PROJECT}:${k}`;

/**
 * A stack config as overrides of `Pulumi.<environment>.yaml`: full keys to their text; keys in `secrets` are
 * set as with `pulumi config set --secret`. The shape of `runStack`'s overrides.
 */
export interface GeneratedConfig {
    readonly environment: Environment;
    readonly values: Record<string, string>;
    readonly secrets: Record<string, string>;
}

const stackFiles = new Map<Environment, StackConfig>();
/** The stack file's config, read once per environment. */
export function stackFile(environment: Environment): StackConfig {
    if (!stackFiles.has(environment)) {
        stackFiles.set(environment, readStackConfig(PROJECT_DIR, environment));
    }
    return stackFiles.get(environment)!;
}

/** What the program would receive for `config`: the stack file's values with the overrides on top. */
export function rawConfig(config: GeneratedConfig): RawStackConfig {
    const base = stackFile(config.environment);
    return {
        project: base.project,
        stack: config.environment,
        values: { ...base.config, ...config.values, ...config.secrets },
        secretKeys: [...base.secretKeys, ...Object.keys(config.secrets)],
    };
}

/** Bounds the loader enforces for prod and the prod policy config enforces too: both read prod.json. */
export const PROD_POLICY_BOUNDS = {
    minCapacity: PROD_PROFILE.minimumCapacity.value,
    maxCapacity: PROD_PROFILE.maximumCapacity.value,
    deregistrationDelaySeconds: PROD_PROFILE.maximumDeregistrationDelaySeconds.value,
    /** interval × healthyThreshold. */
    timeToHealthySeconds: PROD_PROFILE.maximumSecondsToHealthy.value,
    logRetentionDays: PROD_PROFILE.minimumLogRetentionDays.value,
} as const;

// ---------------------------------------------------------------------------------------------------------
// Building blocks

export const REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "eu-north-1", "ap-southeast-1", "ap-northeast-1", "ap-south-1", "sa-east-1", "ca-central-1"] as const;
const region = fc.constantFrom(...REGIONS);
const account = fc.stringMatching(/^\d{12}$/);
const arnPrefix = (service: string) => fc.tuple(region, account).map(([r, a]) => `arn:aws:${service}:${r}:${a}`);

/** Secrets Manager ARN, partial (name only) or full (name plus AWS's six random characters). */
export const secretsManagerArn = fc
    .tuple(arnPrefix("secretsmanager"), fc.stringMatching(/^[A-Za-z0-9/_+=.@-]{1,40}$/), fc.option(fc.stringMatching(/^[A-Za-z0-9]{6}$/), { nil: undefined }))
    .map(([prefix, name, suffix]) => `${prefix}:secret:${name}${suffix ? `-${suffix}` : ""}`);
export const ssmParameterArn = fc
    .tuple(arnPrefix("ssm"), fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}(\/[A-Za-z0-9_.-]{1,20}){0,3}$/))
    .map(([prefix, path]) => `${prefix}:parameter/${path}`);
export const certificateArn = fc.tuple(arnPrefix("acm"), fc.uuid()).map(([prefix, id]) => `${prefix}:certificate/${id}`);
export const kmsKeyArn = fc
    .tuple(arnPrefix("kms"), fc.oneof(fc.uuid(), fc.stringMatching(/^[0-9a-f]{32}$/).map(h => `mrk-${h}`)))
    .map(([prefix, id]) => `${prefix}:key/${id}`);

/** A secret reference as the `secrets` map takes it: an ARN, or `{arn, jsonKey}` for a Secrets Manager JSON key. */
const secretReference: fc.Arbitrary<unknown> = fc.oneof(
    secretsManagerArn,
    ssmParameterArn,
    fc.record({ arn: secretsManagerArn, jsonKey: fc.stringMatching(/^[A-Za-z0-9_.-]{1,20}$/) }),
);

/** Plain variables: names and values no secret detector could mistake for a credential. */
const ENVIRONMENT_NAMES = ["LOG_LEVEL", "NODE_ENV", "SERVICE_NAME", "TZ", "LANG", "APP_MODE", "MAX_WORKERS", "PUBLIC_URL", "FEATURE_FLAGS"] as const;
const environmentValue = fc.oneof(
    fc.constantFrom("debug", "info", "production", "web", "true", "eu", "https://app.example.com", "a,b,c", ""),
    fc.integer({ min: 0, max: 9999 }).map(String),
);
const containerEnvironment = fc.dictionary(fc.constantFrom(...ENVIRONMENT_NAMES), environmentValue, { maxKeys: 4 });

/** Names of secret variables: never one of ENVIRONMENT_NAMES (they would collide) nor one the task sets, mixed case allowed. */
const secretName = fc
    .stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,15}$/)
    .filter(n => !(ENVIRONMENT_NAMES as readonly string[]).includes(n) && !(APP_ENVIRONMENT_NAMES as readonly string[]).includes(n));

/** Secret values: any text, or a distinctive one that tests can search for in errors and outputs. */
export const secretValue = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.stringMatching(/^s3cr3t-[a-z0-9]{12}$/));

/** `secrets` and `secretValues` with disjoint names; names differing only in case are distinct variables. */
const secretMaps = fc
    .uniqueArray(secretName, { maxLength: 5 })
    .chain(names =>
        fc.tuple(
            fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }),
            fc.array(secretReference, { minLength: names.length, maxLength: names.length }),
            fc.array(secretValue, { minLength: names.length, maxLength: names.length }),
        ).map(([byArn, refs, values]) => {
            const secrets: Record<string, unknown> = {};
            const secretValues: Record<string, string> = {};
            names.forEach((name, i) => {
                if (byArn[i]) secrets[name] = refs[i];
                else secretValues[name] = values[i];
            });
            return { secrets, secretValues };
        }),
    );

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const domainName = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/)).map(([labels, tld]) => [...labels, tld].join("."));
const hostedZoneId = fc.stringMatching(/^Z[A-Z0-9]{1,31}$/);
const bucketName = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,40}[a-z0-9]$/).filter(b => !b.includes(".."));

/** TLS: none, an ACM certificate, a domain with its zone (the stack issues the certificate), or both. */
const tls = (environment: Environment) =>
    fc.oneof(
        ...(environment === "prod" ? [] : [fc.constant({ certificateArn: "", domainName: "", hostedZoneId: "" })]),
        certificateArn.map(arn => ({ certificateArn: arn, domainName: "", hostedZoneId: "" })),
        fc.tuple(domainName, hostedZoneId).map(([d, z]) => ({ certificateArn: "", domainName: d, hostedZoneId: z })),
        fc.tuple(certificateArn, domainName, hostedZoneId).map(([c, d, z]) => ({ certificateArn: c, domainName: d, hostedZoneId: z })),
    );

/** Access logs: off (dev only), into a bucket the stack creates, or into an existing bucket. */
const accessLogs = (environment: Environment) =>
    fc.oneof(
        ...(environment === "prod" ? [] : [fc.constant({ accessLogs: false, bucket: "" })]),
        fc.constant({ accessLogs: true, bucket: "" }),
        bucketName.map(bucket => ({ accessLogs: true, bucket })),
    );

const cpuMemory = fc.constantFrom(...FARGATE_CPU_UNITS).chain(cpu => fc.constantFrom(...fargateMemoryOptions(cpu)).map(memory => ({ cpu, memory })));

/** min ≤ desired ≤ max (prod: both within the prod pack's bounds), on-demand base ≤ max. */
const capacity = (environment: Environment) =>
    fc.integer({ min: environment === "prod" ? PROD_POLICY_BOUNDS.minCapacity : 1, max: environment === "prod" ? PROD_POLICY_BOUNDS.maxCapacity : 100 }).chain(min =>
        fc.integer({ min, max: environment === "prod" ? PROD_POLICY_BOUNDS.maxCapacity : 100 }).chain(max =>
            fc.record({ min: fc.constant(min), max: fc.constant(max), desired: fc.integer({ min, max }), onDemandBase: fc.integer({ min: 0, max }) }),
        ),
    );

/** Container health check timings: timeout < interval, start period ≤ grace period. */
const containerHealth = fc.integer({ min: 5, max: 300 }).chain(interval =>
    fc.record({
        interval: fc.constant(interval),
        timeout: fc.integer({ min: 2, max: Math.min(60, interval - 1) }),
        retries: fc.integer({ min: 1, max: 10 }),
        startPeriod: fc.integer({ min: 0, max: 300 }),
    }).chain(h => fc.integer({ min: h.startPeriod, max: 7200 }).map(grace => ({ ...h, grace }))),
);

/** Load balancer health check timings: timeout < interval; prod keeps interval × healthy within its bound. */
const lbHealth = (environment: Environment) =>
    fc.integer({ min: 5, max: environment === "prod" ? PROD_POLICY_BOUNDS.timeToHealthySeconds / 2 : 300 }).chain(interval =>
        fc.record({
            interval: fc.constant(interval),
            timeout: fc.integer({ min: 2, max: Math.min(120, interval - 1) }),
            healthy: fc.integer({ min: 2, max: environment === "prod" ? Math.min(10, Math.floor(PROD_POLICY_BOUNDS.timeToHealthySeconds / interval)) : 10 }),
            unhealthy: fc.integer({ min: 2, max: 10 }),
        }),
    );

/** HTTP codes the loader takes as ALB matchers (200-399: an error answer never counts as healthy): one code, a list, or one range. */
const matcher = fc.oneof(
    fc.integer({ min: 200, max: 399 }).map(String),
    fc.uniqueArray(fc.integer({ min: 200, max: 399 }), { minLength: 2, maxLength: 4 }).map(codes => codes.join(",")),
    fc.tuple(fc.integer({ min: 200, max: 398 }), fc.integer({ min: 1, max: 100 })).map(([from, span]) => `${from}-${Math.min(399, from + span)}`),
);

/** Health check commands with a program to run. */
const healthCommand = fc.oneof(
    fc.tuple(fc.constantFrom("node", "/bin/healthcheck", "python3", "wget"), fc.array(fc.constantFrom("healthcheck.js", "-q", "--spider", "http://localhost:8080/health"), { maxLength: 3 })).map(
        ([program, args]) => ["CMD", program, ...args],
    ),
    fc.constantFrom("curl -f http://localhost:8080/health || exit 1", "node healthcheck.js", "test -f /tmp/ready").map(shell => ["CMD-SHELL", shell]),
);

/** Non-root users. */
const containerUser = fc.oneof(
    fc.constantFrom("1000", "1000:1000", "node", "app", "nobody", "65534:65534"),
    fc.integer({ min: 1, max: 65535 }).map(String),
);

const tags = fc.dictionary(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.:/=+@ -]{0,20}$/).filter(k => !k.toLowerCase().startsWith("aws:")),
    fc.stringMatching(/^[A-Za-z0-9_.:/=+@ -]{0,30}$/),
    { maxKeys: 3 },
);

/** A VPC CIDR large enough for one public and one private /24 per zone. */
const network = (environment: Environment) =>
    fc.integer({ min: 2, max: 6 }).chain(zones => {
        const largestPrefix = 32 - Math.ceil(Math.log2(2 * zones * 256));
        return fc.record({
            zones: fc.constant(zones),
            nat: environment === "prod" ? fc.constant("perAz") : fc.constantFrom("none", "single", "perAz"),
            cidr: fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: largestPrefix })).map(([second, prefix]) => `10.${second}.0.0/${prefix}`),
        });
    });

// ---------------------------------------------------------------------------------------------------------
// Valid configs

/** An ARN moved to the stack's region: certificates and keys serve only resources of their own region. */
const inRegion = (arn: string, region: string): string => arn.replace(/^(arn:[^:]+:[^:]+:)[^:]+/, `$1${region}`);

const text = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

/** `wanted`, unless it is 1.3.0 and the task needs 1.4.0 (ARM64, 8 or 16 vCPU, secret values pinned to versions, JSON keys). */
function platformFor(wanted: string, architecture: string, cpu: number, maps: { secrets: Record<string, unknown>; secretValues: Record<string, string> }): string {
    const needs14 =
        architecture === "ARM64" ||
        cpu >= CPU_UNITS_NEEDING_1_4_0 ||
        Object.keys(maps.secretValues).length > 0 ||
        Object.values(maps.secrets).some(v => typeof v === "object" && v !== null);
    return wanted === "1.3.0" && needs14 ? "1.4.0" : wanted;
}

const validConfigs = new Map<Environment, fc.Arbitrary<GeneratedConfig>>();

/**
 * A config the loader must accept and, for its environment, the policy pack must pass. Built once per
 * environment and shared (arbitraries hold no state): building its string arbitraries takes milliseconds,
 * and the invalid-config generators start from it for every class.
 */
export function validConfig(environment: Environment): fc.Arbitrary<GeneratedConfig> {
    let arbitrary = validConfigs.get(environment);
    if (arbitrary === undefined) {
        arbitrary = buildValidConfig(environment);
        validConfigs.set(environment, arbitrary);
    }
    return arbitrary;
}

function buildValidConfig(environment: Environment): fc.Arbitrary<GeneratedConfig> {
    const retention = environment === "prod" ? LOG_RETENTION_DAYS.filter(d => d >= PROD_POLICY_BOUNDS.logRetentionDays) : LOG_RETENTION_DAYS;
    return fc
        .record({
            region,
            // Names from which the program would derive names AWS reserves ("internal-…", "sg-…") are invalid.
            serviceName: fc.oneof(fc.constant("web"), fc.stringMatching(/^[a-z]([a-z0-9-]{0,18}[a-z0-9])?$/).filter(n => !/^(internal|sg)(-|$)/.test(n))),
            network: network(environment),
            size: cpuMemory,
            architecture: fc.constantFrom("X86_64", "ARM64"),
            port: fc.integer({ min: 1024, max: 65535 }),
            user: containerUser,
            stopTimeout: fc.integer({ min: 2, max: 120 }),
            healthCommand,
            containerHealth,
            environment: containerEnvironment,
            secretMaps,
            capacity: capacity(environment),
            capacityProvider: fc.constantFrom("FARGATE", "FARGATE_SPOT"),
            // Prod runs on LATEST only; 1.3.0 is kept below only where it can run the task.
            platformVersion: environment === "prod" ? fc.constant("LATEST") : fc.constantFrom("LATEST", "1.4.0", "1.3.0"),
            logRetentionDays: fc.constantFrom(...retention),
            healthPath: fc.stringMatching(/^\/[\x21-\x7e]{0,40}$/),
            matcher,
            lbHealth: lbHealth(environment),
            deregistrationDelay: fc.integer({ min: 0, max: environment === "prod" ? PROD_POLICY_BOUNDS.deregistrationDelaySeconds : 3600 }),
            idleTimeout: fc.integer({ min: 1, max: 4000 }),
            accessLogs: accessLogs(environment),
            tls: tls(environment),
            cpuTarget: fc.integer({ min: 10, max: 90 }),
            memoryTarget: fc.oneof(fc.constant(0), fc.integer({ min: 10, max: 90 })),
            requestsPerTarget: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100000 })),
            scaleIn: fc.integer({ min: 0, max: 3600 }),
            scaleOut: fc.integer({ min: 0, max: 3600 }),
            imageRetention: fc.integer({ min: 1, max: 1000 }),
            untaggedExpiry: fc.integer({ min: 1, max: 365 }),
            deletionProtection: environment === "prod" ? fc.constant(true) : fc.boolean(),
            readonlyRoot: environment === "prod" ? fc.constant(true) : fc.boolean(),
            kmsKeyArn: fc.oneof(fc.constant(""), kmsKeyArn),
            tags,
        })
        .map(c => {
            const values: Record<string, string> = {
                "aws:region": c.region,
                [full("environment")]: environment,
                [full("serviceName")]: c.serviceName,
                [full("vpcCidr")]: c.network.cidr,
                [full("availabilityZones")]: String(c.network.zones),
                [full("natStrategy")]: c.network.nat,
                [full("cpu")]: String(c.size.cpu),
                [full("memory")]: String(c.size.memory),
                [full("cpuArchitecture")]: c.architecture,
                [full("containerPort")]: String(c.port),
                [full("containerUser")]: c.user,
                [full("readonlyRootFilesystem")]: String(c.readonlyRoot),
                [full("stopTimeoutSeconds")]: String(c.stopTimeout),
                [full("containerHealthCheckCommand")]: text(c.healthCommand),
                [full("containerHealthCheckIntervalSeconds")]: String(c.containerHealth.interval),
                [full("containerHealthCheckTimeoutSeconds")]: String(c.containerHealth.timeout),
                [full("containerHealthCheckRetries")]: String(c.containerHealth.retries),
                [full("containerStartPeriodSeconds")]: String(c.containerHealth.startPeriod),
                [full("healthCheckGracePeriodSeconds")]: String(c.containerHealth.grace),
                [full("containerEnvironment")]: text(c.environment),
                [full("secrets")]: text(c.secretMaps.secrets),
                [full("desiredCount")]: String(c.capacity.desired),
                [full("minCapacity")]: String(c.capacity.min),
                [full("maxCapacity")]: String(c.capacity.max),
                // prod on Spot keeps its minimum on on-demand capacity (loader and ecs-service-minimum-capacity)
                [full("onDemandBase")]: String(
                    environment === "prod" && c.capacityProvider === "FARGATE_SPOT" ? Math.max(c.capacity.onDemandBase, c.capacity.min) : c.capacity.onDemandBase,
                ),
                [full("capacityProvider")]: c.capacityProvider,
                [full("platformVersion")]: platformFor(c.platformVersion, c.architecture, c.size.cpu, c.secretMaps),
                [full("logRetentionDays")]: String(c.logRetentionDays),
                [full("healthCheckPath")]: c.healthPath,
                [full("healthCheckMatcher")]: c.matcher,
                [full("healthCheckIntervalSeconds")]: String(c.lbHealth.interval),
                [full("healthCheckTimeoutSeconds")]: String(c.lbHealth.timeout),
                [full("healthyThreshold")]: String(c.lbHealth.healthy),
                [full("unhealthyThreshold")]: String(c.lbHealth.unhealthy),
                [full("deregistrationDelaySeconds")]: String(c.deregistrationDelay),
                [full("albIdleTimeoutSeconds")]: String(c.idleTimeout),
                [full("accessLogs")]: String(c.accessLogs.accessLogs),
                [full("accessLogsBucket")]: c.accessLogs.bucket,
                [full("certificateArn")]: inRegion(c.tls.certificateArn, c.region),
                [full("domainName")]: c.tls.domainName,
                [full("hostedZoneId")]: c.tls.hostedZoneId,
                [full("cpuTargetPercent")]: String(c.cpuTarget),
                [full("memoryTargetPercent")]: String(c.memoryTarget),
                [full("requestsPerTarget")]: String(c.requestsPerTarget),
                [full("scaleInCooldownSeconds")]: String(c.scaleIn),
                [full("scaleOutCooldownSeconds")]: String(c.scaleOut),
                [full("imageRetentionCount")]: String(c.imageRetention),
                [full("untaggedImageExpiryDays")]: String(c.untaggedExpiry),
                [full("deletionProtection")]: String(c.deletionProtection),
                [full("kmsKeyArn")]: inRegion(c.kmsKeyArn, c.region),
                [full("tags")]: text(c.tags),
            };
            const secrets: Record<string, string> = {};
            if (Object.keys(c.secretMaps.secretValues).length > 0) {
                secrets[full("secretValues")] = text(c.secretMaps.secretValues);
            }
            return { environment, values, secrets };
        });
}

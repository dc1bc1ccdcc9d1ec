/**
 * Invalid stack configs: a valid config (validConfigs.ts) with exactly ONE field broken, one class per kind
 * of breakage. Each class names the key the loader's problems must blame, so a property can check that the
 * user is pointed at the field they got wrong.
 */
import fc from "fast-check";
import { CONFIG_KEYS, ConfigKey } from "../../components/configKeys";
import { fargateMemoryOptions, FARGATE_MAX_MEMORY_MIB, isFargateCpu } from "../../policy/facts/fargateSizes";
import { isLogRetentionDays } from "../../policy/facts/logRetention";
import { CPU_UNITS_NEEDING_1_4_0 } from "../../components/platformVersion";
import { certificateArn, Environment, ENVIRONMENTS, full, GeneratedConfig, kmsKeyArn, secretsManagerArn, validConfig } from "./validConfigs";

// Built once rather than inside the `break` functions, which run for every generated config: building a
// string arbitrary from a regular expression takes milliseconds.
const variableName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,10}$/);
const shortVariableName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/);
const generatedSecret = fc.stringMatching(/^s3cr3t-[a-z0-9]{8}$/);

/** One way to break a valid config. */
export interface Breakage {
    readonly name: string;
    /** The key (`fargate-web:<key>` or `aws:region`) at least one problem must name. */
    readonly key: (broken: GeneratedConfig) => string;
    /** Environments the class applies to. @default both */
    readonly environments?: readonly Environment[];
    /** Whether the class can break this config with a one-field change. @default always */
    readonly applies?: (c: GeneratedConfig) => boolean;
    readonly break: (c: GeneratedConfig) => fc.Arbitrary<GeneratedConfig>;
}

/** An invalid config with the class that broke it and the key the problems must name. */
export interface InvalidConfig {
    readonly breakage: string;
    readonly key: string;
    readonly config: GeneratedConfig;
}

const num = (c: GeneratedConfig, k: ConfigKey): number => Number(c.values[full(k)]);
const json = (c: GeneratedConfig, k: ConfigKey): Record<string, unknown> => JSON.parse(c.values[full(k)] ?? c.secrets[full(k)] ?? "{}");

/** `c` with the full key `k` set to `value` (a plain value unless `secret`). */
export function withValue(c: GeneratedConfig, k: string, value: string, secret = false): GeneratedConfig {
    const values = { ...c.values };
    const secrets = { ...c.secrets };
    delete values[k];
    delete secrets[k];
    (secret ? secrets : values)[k] = value;
    return { environment: c.environment, values, secrets };
}

const set = (k: ConfigKey, value: fc.Arbitrary<string>) => (c: GeneratedConfig) => value.map(v => withValue(c, full(k), v));
const blames = (k: ConfigKey) => () => full(k);
const outside = (min: number, max: number) => fc.oneof(fc.integer({ min: -100000, max: min - 1 }), fc.integer({ min: max + 1, max: 1000000 }));

/** Integer keys with the range the loader documents; breaking one puts it outside. */
const INTEGER_RANGES: readonly [ConfigKey, number, number][] = [
    ["availabilityZones", 2, 6],
    ["stopTimeoutSeconds", 2, 120],
    ["containerHealthCheckRetries", 1, 10],
    ["containerStartPeriodSeconds", 0, 300],
    ["healthyThreshold", 2, 10],
    ["unhealthyThreshold", 2, 10],
    ["deregistrationDelaySeconds", 0, 3600],
    ["albIdleTimeoutSeconds", 1, 4000],
    ["cpuTargetPercent", 10, 90],
    ["requestsPerTarget", 0, 100000],
    ["scaleInCooldownSeconds", 0, 3600],
    ["scaleOutCooldownSeconds", 0, 3600],
    ["imageRetentionCount", 1, 1000],
    ["untaggedImageExpiryDays", 1, 365],
    ["maxCapacity", 1, 100],
];

const INTEGER_KEYS = (Object.keys(CONFIG_KEYS) as ConfigKey[]).filter(k => CONFIG_KEYS[k].type === "integer");
const BOOLEAN_KEYS = (Object.keys(CONFIG_KEYS) as ConfigKey[]).filter(k => CONFIG_KEYS[k].type === "boolean");

/** Texts that are not a Secrets Manager or SSM parameter ARN, by construction. */
const malformedSecretArn = fc.oneof(
    fc.constantFrom(
        "",
        "db-password",
        "arn:aws:s3:::my-bucket",
        "arn:aws:secretsmanager:us-east-1:12345:secret:db",
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:db:password::",
        "arn:aws:ssm:us-east-1:123456789012:db-password",
        "arn:aws:ssm:us-east-1:123456789012:parameter/",
        "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    ),
    certificateArn,
    // Cut before the secret's name: the service and account without the secret.
    secretsManagerArn.chain(a => fc.integer({ min: 0, max: a.indexOf(":secret:") + ":secret:".length }).map(n => a.slice(0, n))),
);

/** Texts that are not an ACM certificate ARN (and not empty, which means "no certificate"). */
const malformedCertificateArn = fc.oneof(
    fc.constantFrom(
        "arn:aws:iam::123456789012:server-certificate/web",
        "arn:aws:acm:us-east-1:123456789012:certificate/NOT-A-UUID",
        "arn:aws:acm::123456789012:certificate/0b7e1c2a-4f1d-4a53-9d4e-1b2c3d4e5f60",
        "0b7e1c2a-4f1d-4a53-9d4e-1b2c3d4e5f60",
    ),
    secretsManagerArn,
    // Certificate ids are exactly 36 characters, so any cut is invalid.
    certificateArn.chain(a => fc.integer({ min: 1, max: a.length - 1 }).map(n => a.slice(0, n))),
    certificateArn.map(a => a.toUpperCase()),
);

/** Texts that are not a KMS key ARN (and not empty, which means "AWS-managed keys"). */
const malformedKmsKeyArn = fc.oneof(
    fc.constantFrom(
        "arn:aws:kms:us-east-1:123456789012:alias/web",
        "alias/aws/secretsmanager",
        "1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws:kms:us-east-1:123456789012:key/",
        "arn:aws:kms:us-east-1:123456789012:key/mrk-123",
    ),
    certificateArn,
    kmsKeyArn.chain(a => fc.integer({ min: 1, max: a.length - 1 }).map(n => a.slice(0, n))),
);

/** Every class of breakage. */
export const BREAKAGES: readonly Breakage[] = [
    {
        name: "cpu/memory pair not offered",
        key: blames("memory"),
        break: c => set("memory", fc.integer({ min: 1, max: FARGATE_MAX_MEMORY_MIB }).filter(m => !fargateMemoryOptions(num(c, "cpu")).includes(m)).map(String))(c),
    },
    {
        name: "cpu not offered",
        key: blames("cpu"),
        break: set("cpu", fc.integer({ min: -4096, max: 65536 }).filter(n => !isFargateCpu(n)).map(String)),
    },
    {
        name: "min capacity above max",
        key: blames("minCapacity"),
        applies: c => num(c, "maxCapacity") < 100,
        break: c => set("minCapacity", fc.integer({ min: num(c, "maxCapacity") + 1, max: 100 }).map(String))(c),
    },
    {
        name: "desired count outside [min, max]",
        key: blames("desiredCount"),
        break: c =>
            set("desiredCount", fc.oneof(fc.integer({ min: 0, max: num(c, "minCapacity") - 1 }), fc.integer({ min: num(c, "maxCapacity") + 1, max: 101 })).map(String))(c),
    },
    { name: "port out of range", key: blames("containerPort"), break: set("containerPort", outside(1024, 65535).map(String)) },
    {
        name: "port not an integer",
        key: blames("containerPort"),
        break: set("containerPort", fc.tuple(fc.integer({ min: 1024, max: 65534 }), fc.integer({ min: 1, max: 99 })).map(([n, d]) => `${n}.${d}`)),
    },
    { name: "port as text", key: blames("containerPort"), break: set("containerPort", fc.stringMatching(/^[a-z][a-z0-9 -]{0,10}$/)) },
    {
        name: "unknown NAT strategy",
        key: blames("natStrategy"),
        break: set("natStrategy", fc.oneof(fc.constantFrom("perAZ", "PerAz", "Single", "NONE", "one", ""), fc.stringMatching(/^[a-zA-Z]{1,10}$/)).filter(s => !["none", "single", "perAz"].includes(s))),
    },
    { name: "prod NAT strategy other than perAz", key: blames("natStrategy"), environments: ["prod"], break: set("natStrategy", fc.constantFrom("none", "single")) },
    {
        name: "malformed ARN in secrets",
        key: blames("secrets"),
        break: c =>
            fc
                .tuple(variableName.filter(n => !(n in json(c, "containerEnvironment")) && !(n in json(c, "secretValues"))), fc.oneof(
                    malformedSecretArn,
                    fc.record({ arn: malformedSecretArn }),
                    // jsonKey needs a Secrets Manager ARN and a plain key name.
                    fc.record({ arn: fc.constant("arn:aws:ssm:us-east-1:123456789012:parameter/db"), jsonKey: fc.constant("password") }),
                    fc.record({ arn: secretsManagerArn, jsonKey: fc.constantFrom("", "a b", "x:y", "ключ") }),
                    fc.constantFrom(42, null, true, ["arn:aws:secretsmanager:us-east-1:123456789012:secret:db"]),
                ))
                .map(([name, ref]) => withValue(c, full("secrets"), JSON.stringify({ ...json(c, "secrets"), [name]: ref }))),
    },
    { name: "malformed certificateArn", key: blames("certificateArn"), break: set("certificateArn", malformedCertificateArn) },
    { name: "malformed kmsKeyArn", key: blames("kmsKeyArn"), break: set("kmsKeyArn", malformedKmsKeyArn) },
    {
        name: "prebuiltImage not a private ECR image by digest",
        key: blames("prebuiltImage"),
        break: set(
            "prebuiltImage",
            fc
                .tuple(
                    fc.constantFrom("123456789012.dkr.ecr.us-east-1.amazonaws.com", "ghcr.io", "docker.io", "public.ecr.aws", "123456789012.dkr.ecr.cn-north-1.amazonaws.com"),
                    fc.stringMatching(/^[a-z0-9]{2,8}(\/[a-z0-9]{2,8})?$/),
                    fc.oneof(
                        fc.stringMatching(/^:[A-Za-z0-9_][A-Za-z0-9._-]{0,20}$/),
                        fc.stringMatching(/^@sha256:[0-9a-f]{1,63}$/),
                        fc.stringMatching(/^@sha256:[0-9A-F]{64}$/).filter(d => /[A-F]/.test(d)),
                        fc.constant(`@sha512:${"a".repeat(128)}`),
                        fc.constant(""),
                    ),
                    fc.boolean(),
                )
                // Only a private ECR host with a full sha256 digest is valid; the valid host gets a broken suffix.
                .map(([host, repo, suffix, ecrDigest]) =>
                    ecrDigest && !host.includes(".dkr.ecr.") ? `${host}/${repo}@sha256:${"0".repeat(64)}` : `${host}/${repo}${suffix}`,
                )
                .filter(v => !/^\d{12}\.dkr\.ecr\.us-east-1\.amazonaws\.com\/[a-z0-9/]+@sha256:[0-9a-f]{64}$/.test(v)),
        ),
    },
    {
        name: "secret (by ARN) named like an environment variable",
        key: blames("secrets"),
        applies: c => Object.keys(json(c, "containerEnvironment")).length > 0,
        break: c =>
            fc
                .tuple(fc.constantFrom(...Object.keys(json(c, "containerEnvironment"))), secretsManagerArn)
                .map(([name, arn]) => withValue(c, full("secrets"), JSON.stringify({ ...json(c, "secrets"), [name]: arn }))),
    },
    {
        name: "secret value named like an environment variable",
        key: blames("secretValues"),
        applies: c => Object.keys(json(c, "containerEnvironment")).length > 0,
        break: c =>
            fc
                .constantFrom(...Object.keys(json(c, "containerEnvironment")))
                .map(name => withValue(c, full("secretValues"), JSON.stringify({ ...json(c, "secretValues"), [name]: "s3cr3t-collides" }), true)),
    },
    {
        name: "secretValues not set as secret",
        key: blames("secretValues"),
        break: c =>
            fc
                .dictionary(shortVariableName, generatedSecret, { minKeys: 1, maxKeys: 3 })
                .map(extra => ({ ...extra, ...json(c, "secretValues") }))
                .filter(all => Object.keys(all).every(n => !(n in json(c, "containerEnvironment")) && !(n in json(c, "secrets"))))
                .map(all => withValue(c, full("secretValues"), JSON.stringify(all), false)),
    },
    {
        name: "unknown key (typo of a declared key)",
        key: c => Object.keys(c.values).find(k => k.startsWith("fargate-web:") && !(k.slice("fargate-web:".length) in CONFIG_KEYS))!,
        break: c =>
            fc
                .tuple(fc.constantFrom(...Object.keys(CONFIG_KEYS)), fc.nat(), fc.constantFrom("drop", "swap", "case", "extra"))
                .map(([k, i, how]) => {
                    const at = i % k.length;
                    if (how === "drop") return k.slice(0, at) + k.slice(at + 1);
                    if (how === "case") return k.toLowerCase() === k ? k.toUpperCase() : k.toLowerCase();
                    if (how === "extra") return `${k}s`;
                    return at + 1 < k.length ? k.slice(0, at) + k[at + 1] + k[at] + k.slice(at + 2) : `${k}_`;
                })
                .filter(typo => typo !== "" && !(typo in CONFIG_KEYS))
                .map(typo => withValue(c, `fargate-web:${typo}`, "1")),
    },
    {
        name: "fraction where an integer is required",
        key: c => full(INTEGER_KEYS.find(k => String(c.values[full(k)]).includes("."))!),
        break: c =>
            fc
                .tuple(fc.constantFrom(...INTEGER_KEYS), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 9 }))
                .map(([k, n, d]) => withValue(c, full(k), `${n}.${d}`)),
    },
    {
        name: "boolean given as other text",
        key: c => full(BOOLEAN_KEYS.find(k => !["true", "false"].includes(c.values[full(k)]))!),
        break: c =>
            fc
                .tuple(fc.constantFrom(...BOOLEAN_KEYS), fc.constantFrom("yes", "no", "True", "FALSE", "1", "0", "on", ""))
                .map(([k, v]) => withValue(c, full(k), v)),
    },
    {
        name: "log retention CloudWatch does not offer",
        key: blames("logRetentionDays"),
        break: set("logRetentionDays", fc.integer({ min: -10, max: 4000 }).filter(d => !isLogRetentionDays(d)).map(String)),
    },
    {
        name: "grace period shorter than the container start period",
        key: blames("healthCheckGracePeriodSeconds"),
        applies: c => num(c, "containerStartPeriodSeconds") > 0,
        break: c => set("healthCheckGracePeriodSeconds", fc.integer({ min: 0, max: num(c, "containerStartPeriodSeconds") - 1 }).map(String))(c),
    },
    {
        name: "container health timeout not below its interval",
        key: blames("containerHealthCheckTimeoutSeconds"),
        applies: c => num(c, "containerHealthCheckIntervalSeconds") <= 60,
        break: c => set("containerHealthCheckTimeoutSeconds", fc.integer({ min: num(c, "containerHealthCheckIntervalSeconds"), max: 60 }).map(String))(c),
    },
    {
        name: "load balancer health timeout not below its interval",
        key: blames("healthCheckTimeoutSeconds"),
        applies: c => num(c, "healthCheckIntervalSeconds") <= 120,
        break: c => set("healthCheckTimeoutSeconds", fc.integer({ min: num(c, "healthCheckIntervalSeconds"), max: 120 }).map(String))(c),
    },
    {
        name: "health check path not absolute or not printable",
        key: blames("healthCheckPath"),
        break: set("healthCheckPath", fc.oneof(fc.constantFrom("", "health", "/with space", "/tab\there", "/é"), fc.stringMatching(/^[a-z][a-z/]{0,20}$/), fc.constant(`/${"a".repeat(1024)}`))),
    },
    {
        name: "domain name without hosted zone (or the reverse)",
        key: c => (c.values[full("hostedZoneId")] ? full("domainName") : full("hostedZoneId")),
        break: c =>
            c.values[full("domainName")]
                ? fc.constant(withValue(c, full("hostedZoneId"), ""))
                : fc.constant(withValue(c, full("hostedZoneId"), "Z0123456789EXAMPLEAB")),
    },
    { name: "container user root", key: blames("containerUser"), break: set("containerUser", fc.constantFrom("root", "0", "root:root", "0:0", "0:1000", "root:1000")) },
    {
        name: "environment variable name not a name",
        key: blames("containerEnvironment"),
        break: c =>
            fc
                .constantFrom("1ABC", "A-B", "A B", "", "É", "a.b", "$X")
                .map(bad => withValue(c, full("containerEnvironment"), JSON.stringify({ ...json(c, "containerEnvironment"), [bad]: "x" }))),
    },
    {
        name: "region not an AWS region",
        key: () => "aws:region",
        break: c => fc.constantFrom("us-east", "US-EAST-1", "useast1", "eu-west-1a", "", "mars-north-1").map(r => withValue(c, "aws:region", r)),
    },
    { name: "prod without deletion protection", key: blames("deletionProtection"), environments: ["prod"], break: set("deletionProtection", fc.constant("false")) },
    { name: "prod with fewer than two tasks", key: blames("minCapacity"), environments: ["prod"], break: set("minCapacity", fc.constantFrom("0", "1")) },
    {
        name: "VPC CIDR not an IPv4 /16-/24 block",
        key: blames("vpcCidr"),
        break: set("vpcCidr", fc.constantFrom("10.0.0.0/8", "10.0.0.0/25", "300.0.0.0/16", "10.0.0/16", "10.0.0.0", "fd00::/64", "", "10.0.0.1/16", "10.1.2.0/16")),
    },
    {
        name: "service name not lowercase letters, digits and hyphens",
        key: blames("serviceName"),
        break: set("serviceName", fc.constantFrom("Web", "web-", "1web", "web_api", "a".repeat(21), "", "web api", "internal", "internal-api", "sg", "sg-web")),
    },
    {
        name: "health check command not CMD or CMD-SHELL with a program",
        key: blames("containerHealthCheckCommand"),
        break: set("containerHealthCheckCommand", fc.constantFrom("[]", '["CMD"]', '["NONE"]', '["RUN","x"]', "not json", "[1,2]", '["CMD",""]', '"CMD-SHELL true"')),
    },
    {
        name: "on-demand base above max capacity",
        key: blames("onDemandBase"),
        applies: c => num(c, "maxCapacity") < 100,
        break: c => set("onDemandBase", fc.integer({ min: num(c, "maxCapacity") + 1, max: 100 }).map(String))(c),
    },
    {
        name: "access log bucket without access logs",
        key: blames("accessLogsBucket"),
        environments: ["dev"],
        applies: c => c.values[full("accessLogs")] === "false",
        break: set("accessLogsBucket", fc.constantFrom("my-logs", "alb-logs-123")),
    },
    { name: "memory target below 10 but not 0", key: blames("memoryTargetPercent"), break: set("memoryTargetPercent", fc.integer({ min: 1, max: 9 }).map(String)) },
    {
        name: "tag key with characters AWS refuses",
        key: blames("tags"),
        break: c => fc.constantFrom("team!", "a#b", "50%", "", "k".repeat(129)).map(bad => withValue(c, full("tags"), JSON.stringify({ ...json(c, "tags"), [bad]: "x" }))),
    },
    { name: "health matcher not HTTP codes", key: blames("healthCheckMatcher"), break: set("healthCheckMatcher", fc.constantFrom("", "ok", "2000", "20", "200-", "200,,300", "2xx")) },
    { name: "unknown capacity provider", key: blames("capacityProvider"), break: set("capacityProvider", fc.constantFrom("SPOT", "fargate", "EC2", "")) },
    { name: "unknown environment", key: blames("environment"), break: set("environment", fc.constantFrom("production", "staging", "Prod", "")) },
    { name: "unknown CPU architecture", key: blames("cpuArchitecture"), break: set("cpuArchitecture", fc.constantFrom("x86_64", "arm64", "AMD64", "")) },
    { name: "unknown platform version", key: blames("platformVersion"), break: set("platformVersion", fc.constantFrom("1.2.0", "1.0.0", "latest", "1.4", "2.0.0", "")) },
    {
        name: "platform version that cannot run the task",
        key: blames("platformVersion"),
        environments: ["dev"],
        applies: c =>
            c.values[full("cpuArchitecture")] === "ARM64" || Number(c.values[full("cpu")]) >= CPU_UNITS_NEEDING_1_4_0 || Object.keys(json(c, "secretValues")).length > 0,
        break: set("platformVersion", fc.constant("1.3.0")),
    },
    { name: "prod pinned to a platform version", key: blames("platformVersion"), environments: ["prod"], break: set("platformVersion", fc.constantFrom("1.4.0", "1.3.0")) },
    {
        name: "a variable the task sets, set by hand",
        key: blames("containerEnvironment"),
        break: c =>
            fc
                .constantFrom("PORT", "SHUTDOWN_TIMEOUT_SECONDS")
                .filter(name => !(name in json(c, "secrets")) && !(name in json(c, "secretValues")))
                .map(name => withValue(c, full("containerEnvironment"), JSON.stringify({ ...json(c, "containerEnvironment"), [name]: "1" }))),
    },
    {
        name: "secret value empty or not a string",
        key: blames("secretValues"),
        break: c =>
            fc
                .tuple(shortVariableName, fc.constantFrom("", 42, null, { nested: "x" }))
                .filter(([n]) => !(n in json(c, "containerEnvironment")) && !(n in json(c, "secrets")))
                .map(([name, bad]) => withValue(c, full("secretValues"), JSON.stringify({ ...json(c, "secretValues"), [name]: bad }), true)),
    },
    {
        name: "integer outside its documented range",
        key: c => full(INTEGER_RANGES.map(([k]) => k).find(k => !withinRange(c, k))!),
        break: c => fc.constantFrom(...INTEGER_RANGES).chain(([k, min, max]) => outside(min, max).map(v => withValue(c, full(k), String(v)))),
    },
    {
        name: "deployment strategy spelt otherwise",
        key: blames("deploymentStrategy"),
        break: set("deploymentStrategy", fc.constantFrom("BlueGreen", "blue-green", "BLUE_GREEN", "Canary", " linear", "")),
    },
    {
        name: "test traffic from the world or a large public share of it",
        key: blames("testTrafficCidrs"),
        break: set("testTrafficCidrs", fc.constantFrom(["0.0.0.0/0"], ["0.0.0.0/1", "128.0.0.0/1"], ["::/0"], ["52.0.0.0/8"], ["8.0.0.0/7", "10.0.0.0/8"]).map(v => JSON.stringify(v))),
    },
    {
        name: "pause hook at a stage only Lambda hooks may use",
        key: blames("lifecycleHooks"),
        break: set("lifecycleHooks", fc.constantFrom("TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT").map(stage => JSON.stringify([{ stages: [stage], pauseMinutes: 10 }]))),
    },
    {
        name: "canary key set while the strategy is rolling",
        key: blames("canaryPercent"),
        break: set("canaryPercent", fc.integer({ min: 1, max: 99 }).filter(n => n !== CONFIG_KEYS.canaryPercent.default).map(String)),
    },
];

function withinRange(c: GeneratedConfig, k: ConfigKey): boolean {
    const [, min, max] = INTEGER_RANGES.find(([key]) => key === k)!;
    const n = num(c, k);
    return Number.isInteger(n) && n >= min && n <= max;
}

/** An invalid config for `environment`: a valid one with one field broken by an applicable class. */
export function invalidConfig(environment: Environment, classes: readonly Breakage[] = BREAKAGES): fc.Arbitrary<InvalidConfig> {
    const usable = classes.filter(b => (b.environments ?? ENVIRONMENTS).includes(environment));
    const applicableTo = (valid: GeneratedConfig) => usable.filter(b => b.applies?.(valid) ?? true);
    return validConfig(environment)
        .filter(valid => applicableTo(valid).length > 0)
        .chain(valid => fc.constantFrom(...applicableTo(valid)).chain(b => b.break(valid).map(config => ({ breakage: b.name, key: b.key(config), config }))));
}

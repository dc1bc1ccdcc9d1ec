/**
 * Typed, validated stack settings from raw Pulumi config. Pure: tests call it with plain maps; the
 * program calls it through `loadStackConfig`. Every problem is collected and reported at once, before
 * any resource exists, naming the key, the value given and what is allowed. One function reads one
 * section; the sections that describe a service (`configSections.ts`) read the stack-wide keys here and
 * each entry of `services` (`serviceConfig.ts`) with the same checks.
 */
import { isAcmCertificateArn, isKmsKeyArn, isPrivateCaArn, isRegion } from "./arn";
import { derivedNameProblem, familyProblem, hostBitsSet, otherRegionProblem, PROGRAM_TAG_KEYS, TAG_CHARACTERS, TAG_LIMITS } from "./awsLimits";
import { Reader, show } from "./configReader";
import { CONFIG_KEYS } from "./configKeys";
import { unreadKeys } from "./configNamespaces";
import { readAlarms, readContainer, readImageSource, readPlacement, readScaling, readTargetHealth, SectionContext } from "./configSections";
import { readDeployment } from "./deploymentConfig";
import { stringMap } from "./configVariables";
import { PROD_MANDATES } from "./prodProfile";
import { readServices } from "./serviceConfig";
import { ConfigError, RawStackConfig, ServiceSettings, StackSettings } from "./stackSettings";

export { ConfigError, QueueScalingSettings, RawStackConfig, RouteSettings, SecretReference, ServiceKind, ServiceSettings, StackSettings } from "./stackSettings";
export { LOG_RETENTION_DAYS } from "../policy/facts/logRetention";

/** An email address as SNS takes it: one address, no spaces or display name. */
const EMAIL = /^[^\s@<>",;]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/**
 * Validates raw stack config and returns the program's settings.
 * @throws ConfigError listing every problem, each naming its key, the value given and what is allowed.
 */
export function parseStackConfig(raw: RawStackConfig): StackSettings {
    const r = new Reader(raw);
    r.problems.push(...unreadKeys(raw.project, Object.keys(raw.values), Object.keys(CONFIG_KEYS)));
    const region = readRegion(r, raw);
    const environment = r.oneOf("environment");
    const ctx: SectionContext = { raw, prod: environment === "prod", region };
    const serviceName = readServiceName(r, raw);
    const network = readNetwork(r, ctx);

    // The stack-wide service keys: defaults of every entry of `services`, and the one service without it.
    const container = readContainer(r, ctx, "required");
    const scaling = readScaling(r, ctx, true);
    const service = readPlacement(r, ctx, container, scaling, true);
    const target = readTargetHealth(r, ctx);
    const alarms = readAlarms(r, ctx, true);
    const deployment = readDeployment(r, region, isOneServiceForm(r) ? "all" : "none");
    const loadBalancer = { ...target, ...readListener(r, ctx, region) };
    const imageSource = readImageSource(r);
    const repository = readRepository(r);
    const protection = readProtection(r, ctx, region);
    const services = readServices(r, ctx);
    const serviceConnectTls = readServiceConnectTls(r, ctx, region, services ?? []);
    const alarmEmail = r.optionalString("alarmEmail", v => (EMAIL.test(v) ? undefined : "expected one email address such as ops@example.com"));
    r.problems.push(...scheduledTaskProblems(r, services ?? [], network.natStrategy, service.desiredCount));

    if (r.problems.length > 0) {
        throw new ConfigError(raw.stack, r.problems);
    }
    const flatContainer = { ...container, port: container.port! };
    // The one-service form: the flat keys describe a single web service on the listener's default action.
    const oneService: ServiceSettings = {
        name: serviceName,
        kind: "web",
        image: imageSource,
        container: flatContainer,
        service,
        route: { paths: [], hosts: [], healthCheck: target.healthCheck, deregistrationDelaySeconds: target.deregistrationDelaySeconds },
        scaling,
        serviceConnect: false,
        callers: [],
        alarms,
        deployment,
    };
    return {
        project: raw.project,
        stack: raw.stack,
        environment,
        region: region!,
        serviceName,
        network,
        image: { ...imageSource, ...repository },
        container: flatContainer,
        service,
        loadBalancer,
        scaling,
        ...protection,
        serviceConnectTls,
        alarmEmail,
        services: services ?? [oneService],
    };
}

/**
 * What EventBridge Scheduler refuses of a scheduled task's run (CreateSchedule's EcsParameters):
 * `TaskCount` 1 to 10, and a public IP (which tasks need without NAT) only with launch type FARGATE.
 */
function scheduledTaskProblems(r: Reader, services: readonly ServiceSettings[], natStrategy: string, stackWideCount: number): string[] {
    const problems: string[] = [];
    for (const s of services.filter(s => s.kind === "scheduled")) {
        const at = `${r.full("services")}.${s.name}`;
        // A scheduled entry may not set desiredCount (refused by kind), so its count is the stack-wide one;
        // another count came from the entry and is already refused.
        const count = s.service.desiredCount;
        if (count === stackWideCount && (count < 1 || count > 10)) {
            problems.push(
                `${at}.desiredCount is ${count} (from ${r.full("desiredCount")}); a scheduled task starts 1 to 10 tasks per run (EventBridge Scheduler's TaskCount) and takes the stack-wide count: set ${r.full("desiredCount")} from 1 to 10, and desiredCount on the web and worker entries that need another`,
            );
        }
        if (natStrategy === "none" && s.service.capacityProvider === "FARGATE_SPOT") {
            problems.push(
                `${at}.capacityProvider is "FARGATE_SPOT" (set there or by ${r.full("capacityProvider")}); with ${r.full("natStrategy")} "none" the task needs a public IP, which Scheduler gives only to tasks launched as FARGATE: set ${at}.capacityProvider to "FARGATE", or use a NAT gateway`,
            );
        }
    }
    return problems;
}

/** Whether the flat keys describe the stack's only service: `services` has no entries (or is no map, which is reported). */
function isOneServiceForm(r: Reader): boolean {
    const services = r.rawValue("services");
    return services === null || typeof services !== "object" || Array.isArray(services) || Object.keys(services).length === 0;
}

function readRegion(r: Reader, raw: RawStackConfig): string | undefined {
    const region = raw.values["aws:region"];
    if (region === undefined) {
        r.problems.push(`aws:region is not set; run "pulumi config set aws:region <region>", e.g. us-east-1`);
    } else if (!isRegion(region)) {
        r.problems.push(`aws:region is ${show(region)}; expected an AWS region such as us-east-1`);
    }
    return region !== undefined && isRegion(region) ? region : undefined;
}

function readServiceName(r: Reader, raw: RawStackConfig): string {
    const serviceName = r.string("serviceName", v =>
        /^[a-z][a-z0-9-]{0,19}$/.test(v) && !v.endsWith("-")
            ? derivedNameProblem(v)
            : "expected 1 to 20 lowercase letters, digits or hyphens, starting with a letter",
    );
    const family = familyProblem(raw.stack, serviceName);
    if (family) {
        r.problems.push(family);
    }
    return serviceName;
}

function readNetwork(r: Reader, ctx: SectionContext): StackSettings["network"] {
    const cidrBlock = r.string("vpcCidr", cidrProblem);
    const availabilityZones = r.integer("availabilityZones");
    const roomy = largestPrefixFor(availabilityZones);
    if (Number(cidrBlock.split("/")[1]) > roomy) {
        r.report("vpcCidr", cidrBlock, `${availabilityZones} zones with a public and a private /24 subnet each need a /${roomy} or larger block`);
    }
    const natStrategy = r.oneOf("natStrategy");
    if (ctx.prod && natStrategy !== "perAz") {
        r.reportProd("natStrategy", natStrategy, `prod needs "perAz" so that losing one zone keeps egress (and tasks get no public IP: ecs-service-no-public-ip)`);
    }
    return { cidrBlock, availabilityZones, natStrategy };
}

/** What the load balancer shares across services: idle timeout, access logs, TLS and domain. */
function readListener(r: Reader, ctx: SectionContext, region: string | undefined): Omit<StackSettings["loadBalancer"], "healthCheck" | "deregistrationDelaySeconds"> {
    const idleTimeoutSeconds = r.integer("albIdleTimeoutSeconds");
    const accessLogs = r.boolean("accessLogs");
    const accessLogsBucket = r.optionalString("accessLogsBucket", v =>
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(v) ? undefined : "expected an S3 bucket name",
    );
    if (accessLogsBucket && !accessLogs) {
        r.report("accessLogsBucket", accessLogsBucket, `set ${r.full("accessLogs")} to true to use it, or remove it`);
    }
    if (ctx.prod && PROD_MANDATES.accessLogs && !accessLogs) {
        r.reportProd("accessLogs", false, "prod keeps load balancer access logs; set it to true (the stack creates the bucket unless accessLogsBucket names one)");
    }
    const certificateArn = r.optionalString("certificateArn", v =>
        isAcmCertificateArn(v) ? otherRegionProblem(v, region, "certificate") : "expected an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>)",
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
    if (ctx.prod && PROD_MANDATES.https && !certificateArn && !domainName) {
        r.reportProd("certificateArn", "", `prod serves HTTPS only; set it, or ${r.full("domainName")} and ${r.full("hostedZoneId")} for a certificate the stack issues`);
    }
    return {
        idleTimeoutSeconds,
        accessLogs: accessLogs ? { bucket: accessLogsBucket } : undefined,
        certificateArn,
        domain: domainName && hostedZoneId ? { name: domainName, hostedZoneId } : undefined,
    };
}

/** The Private CA for TLS between services: needed by a prod stack whose services join Service Connect. */
function readServiceConnectTls(r: Reader, ctx: SectionContext, region: string | undefined, services: readonly ServiceSettings[]): StackSettings["serviceConnectTls"] {
    const key = "serviceConnectCertificateAuthorityArn";
    const arn = r.optionalString(key, v =>
        isPrivateCaArn(v) ? otherRegionProblem(v, region, "certificate authority") : "expected an AWS Private CA ARN (arn:aws:acm-pca:<region>:<account>:certificate-authority/<id>)",
    );
    const connected = services.filter(s => s.serviceConnect).map(s => s.name);
    if (arn && connected.length === 0) {
        r.report(key, arn, `no service sets serviceConnect, so nothing would use it; set serviceConnect on the services that call each other, or remove it`);
    }
    if (ctx.prod && PROD_MANDATES.serviceConnectTls && !arn && connected.length > 0) {
        r.reportProd(key, "", `prod encrypts traffic between services (ecs-service-connect-tls), and ${connected.join(", ")} ${connected.length === 1 ? "joins" : "join"} Service Connect; set it to your Private CA's ARN`);
    }
    return arn ? { certificateAuthorityArn: arn } : undefined;
}

function readRepository(r: Reader): { keepImages: number; untaggedExpiryDays: number } {
    return { keepImages: r.integer("imageRetentionCount"), untaggedExpiryDays: r.integer("untaggedImageExpiryDays") };
}

function readProtection(r: Reader, ctx: SectionContext, region: string | undefined): Pick<StackSettings, "deletionProtection" | "kmsKeyArn" | "tags"> {
    const deletionProtection = r.boolean("deletionProtection");
    if (ctx.prod && PROD_MANDATES.deletionProtection && !deletionProtection) {
        r.reportProd("deletionProtection", false, "prod keeps its load balancer, repository, secrets and logs protected; set it to true");
    }
    const kmsKeyArn = r.optionalString("kmsKeyArn", v =>
        isKmsKeyArn(v) ? otherRegionProblem(v, region, "key") : "expected a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)",
    );
    const tags = stringMap(r, "tags", /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/iu, "tag keys of 1 to 128 letters, digits, spaces or _.:/=+-@, not starting with the reserved aws:");
    tagLimitProblems(r, tags, ctx.raw.values["aws:defaultTags"]);
    return { deletionProtection, kmsKeyArn, tags };
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

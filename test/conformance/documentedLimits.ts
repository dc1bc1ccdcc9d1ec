/**
 * Value constraints the AWS API references document but the SDK's schemas do not carry (they have no
 * ranges, lengths, patterns or integer/float distinction). Most are quoted in the SDK's own declaration
 * comments (the `models_N.d.ts` files under each client's `dist-types/models`, e.g. "The range is 5-300");
 * the few that are not say where they come from. Each problem starts "documented limit:" so it is never
 * mistaken for a model check. They take API requests (see `mapping.ts`), so they read as the docs do.
 */
import type { CreateServiceRequest, RegisterTaskDefinitionRequest } from "@aws-sdk/client-ecs";
import type {
    CreateListenerInput,
    CreateRuleInput,
    CreateLoadBalancerInput,
    CreateTargetGroupInput,
    ModifyLoadBalancerAttributesInput,
    ModifyTargetGroupAttributesInput,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { isFargateSize } from "../../policy/facts/fargateSizes";
import { hostHeaderProblem, pathPatternProblem } from "../../components/routing";
import type { CustomizedMetricSpecification, PutScalingPolicyRequest, RegisterScalableTargetRequest } from "@aws-sdk/client-application-auto-scaling";

/** Collects problems; every check skips values that are not set (the model checks required members). */
class Limits {
    readonly problems: string[] = [];
    check(ok: boolean, message: string): void {
        if (!ok) this.problems.push(`documented limit: ${message}`);
    }
    /** A whole number from `min` to `max` (the API's Integer members reject fractions). */
    range(at: string, value: unknown, min: number, max: number): void {
        if (value === undefined) return;
        this.check(
            Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
            `${at} is ${JSON.stringify(value)}; expected a whole number from ${min} to ${max}`,
        );
    }
    matches(at: string, value: unknown, pattern: RegExp, expected: string): void {
        if (value === undefined) return;
        this.check(typeof value === "string" && pattern.test(value), `${at} is ${JSON.stringify(value)}; expected ${expected}`);
    }
    oneOf(at: string, value: unknown, allowed: readonly string[]): void {
        if (value === undefined) return;
        this.check(allowed.includes(value as string), `${at} is ${JSON.stringify(value)}; expected one of ${allowed.join(", ")}`);
    }
}

/** `Name: Value` of ELBv2 attributes. */
const attributeMap = (attributes?: { Key?: string; Value?: string }[]): Record<string, string | undefined> =>
    Object.fromEntries((attributes ?? []).map(a => [a.Key ?? "", a.Value]));

const BOOLEAN_TEXT = ["true", "false"];
/** Letters, numbers, hyphens; at most 32; no hyphen at either end. */
const ELB_NAME = /^(?!-)[A-Za-z0-9-]{1,32}(?<!-)$/;
const ECS_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/**
 * RegisterTaskDefinition, ContainerDefinition, HealthCheck, PortMapping, MountPoint references
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html) and the
 * Fargate task definition considerations.
 */
export function taskDefinitionLimits(td: RegisterTaskDefinitionRequest): string[] {
    const l = new Limits();
    const fargate = td.requiresCompatibilities?.includes("FARGATE") ?? false;
    l.matches("family", td.family, ECS_NAME, "up to 255 letters, numbers, underscores and hyphens");
    if (fargate) {
        l.check(td.networkMode === "awsvpc", `networkMode is ${JSON.stringify(td.networkMode)}; Fargate requires "awsvpc"`);
        l.check(
            td.cpu !== undefined && isFargateSize(Number(td.cpu), Number(td.memory)),
            `cpu ${JSON.stringify(td.cpu)} with memory ${JSON.stringify(td.memory)} is not a Fargate task size`,
        );
    }
    const volumeNames = (td.volumes ?? []).map(v => v.name);
    volumeNames.forEach((name, i) => l.matches(`volumes[${i}].name`, name, ECS_NAME, "up to 255 letters, numbers, underscores and hyphens"));
    const containers = td.containerDefinitions ?? [];
    l.check(containers.some(c => c.essential !== false), "no container is essential; every task needs at least one essential container");
    containers.forEach((c, i) => {
        const at = `containerDefinitions[${i}]`;
        l.matches(`${at}.name`, c.name, ECS_NAME, "up to 255 letters, numbers, underscores and hyphens");
        const hc = c.healthCheck;
        if (hc) {
            l.oneOf(`${at}.healthCheck.command[0]`, hc.command?.[0], ["CMD", "CMD-SHELL", "NONE"]);
            l.range(`${at}.healthCheck.interval`, hc.interval, 5, 300);
            l.range(`${at}.healthCheck.timeout`, hc.timeout, 2, 60);
            l.range(`${at}.healthCheck.retries`, hc.retries, 1, 10);
            l.range(`${at}.healthCheck.startPeriod`, hc.startPeriod, 0, 300);
        }
        if (fargate) {
            l.range(`${at}.stopTimeout`, c.stopTimeout, 2, 120);
            l.check(c.privileged !== true, `${at}.privileged is true; Fargate does not run privileged containers`);
        }
        (c.portMappings ?? []).forEach((p, j) => {
            l.range(`${at}.portMappings[${j}].containerPort`, p.containerPort, 1, 65535);
            if (td.networkMode === "awsvpc" && p.hostPort !== undefined) {
                l.check(
                    p.hostPort === p.containerPort,
                    `${at}.portMappings[${j}].hostPort is ${p.hostPort}; with awsvpc it must be unset or equal containerPort ${p.containerPort}`,
                );
            }
            l.matches(`${at}.portMappings[${j}].name`, p.name, /^[a-z0-9_][a-z0-9_-]{0,63}$/, "up to 64 lowercase letters, numbers, underscores and hyphens, not starting with a hyphen");
        });
        (c.mountPoints ?? []).forEach((m, j) =>
            l.check(volumeNames.includes(m.sourceVolume), `${at}.mountPoints[${j}].sourceVolume ${JSON.stringify(m.sourceVolume)} names no volume of the task definition`),
        );
        const log = c.logConfiguration;
        if (log?.logDriver === "awslogs") {
            const required = ["awslogs-group", "awslogs-region", ...(fargate ? ["awslogs-stream-prefix"] : [])];
            for (const option of required) {
                l.check(
                    typeof log.options?.[option] === "string",
                    `${at}.logConfiguration.options lacks "${option}", which the awslogs driver requires${fargate ? " on Fargate" : ""}`,
                );
            }
            l.oneOf(`${at}.logConfiguration.options.mode`, log.options?.mode, ["blocking", "non-blocking"]);
        }
    });
    return l.problems;
}

/** What a service is checked against besides its own request. */
export interface ServiceContext {
    readonly taskDefinition: RegisterTaskDefinitionRequest;
    /** Target groups by ARN. */
    readonly targetGroups: Readonly<Record<string, CreateTargetGroupInput>>;
    /** Capacity providers associated with the service's cluster. */
    readonly clusterCapacityProviders: readonly string[];
    /** Listener rules by ARN, for the rules a blue/green, canary or linear service names. @default none */
    readonly listenerRules?: Readonly<Record<string, CreateRuleInput>>;
}

/** Whole numbers, or multiples of 0.1 (ECS's traffic percentages), from `min` to `max`. */
const tenths = (v: number | undefined, min: number, max: number) =>
    v === undefined || (v >= min && v <= max && Math.abs(v * 10 - Math.round(v * 10)) < 1e-9);

/**
 * The blue/green, canary and linear members of CreateService: `DeploymentConfiguration`,
 * `CanaryConfiguration`, `LinearConfiguration`, `DeploymentLifecycleHook` and `AdvancedConfiguration`
 * references (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html) and
 * "Application Load Balancer resources for blue/green, linear, and canary deployments".
 */
function deploymentStrategyLimits(l: Limits, service: CreateServiceRequest, context: ServiceContext): void {
    const dc = service.deploymentConfiguration ?? {};
    const strategy = dc.strategy ?? "ROLLING";
    const shifting = strategy !== "ROLLING";
    // "You must provide this parameter when you use the BLUE_GREEN deployment strategy."
    if (strategy === "BLUE_GREEN") l.check(dc.bakeTimeInMinutes !== undefined, "deploymentConfiguration.bakeTimeInMinutes is required with BLUE_GREEN");
    l.range("deploymentConfiguration.bakeTimeInMinutes", dc.bakeTimeInMinutes, 0, 1440);
    l.check((strategy === "CANARY") === (dc.canaryConfiguration !== undefined), "deploymentConfiguration.canaryConfiguration goes with, and only with, strategy CANARY");
    l.check((strategy === "LINEAR") === (dc.linearConfiguration !== undefined), "deploymentConfiguration.linearConfiguration goes with, and only with, strategy LINEAR");
    const canary = dc.canaryConfiguration;
    l.check(tenths(canary?.canaryPercent, 0.1, 100), `canaryConfiguration.canaryPercent is ${canary?.canaryPercent}; expected multiples of 0.1 from 0.1 to 100.0`);
    l.range("canaryConfiguration.canaryBakeTimeInMinutes", canary?.canaryBakeTimeInMinutes, 0, 1440);
    const linear = dc.linearConfiguration;
    l.check(tenths(linear?.stepPercent, 3, 100), `linearConfiguration.stepPercent is ${linear?.stepPercent}; expected multiples of 0.1 from 3.0 to 100.0`);
    l.range("linearConfiguration.stepBakeTimeInMinutes", linear?.stepBakeTimeInMinutes, 0, 1440);
    (dc.lifecycleHooks ?? []).forEach((h, i) => {
        const at = `deploymentConfiguration.lifecycleHooks[${i}]`;
        l.check(shifting, `${at}: this suite sends lifecycle hooks only with BLUE_GREEN, CANARY or LINEAR`);
        l.check((h.lifecycleStages ?? []).length > 0, `${at}.lifecycleStages is empty`);
        if ((h.targetType ?? "AWS_LAMBDA") === "AWS_LAMBDA") {
            l.matches(`${at}.hookTargetArn`, h.hookTargetArn, /^arn:aws[\w-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$/, "a Lambda function ARN");
            l.check(h.hookTargetArn !== undefined && h.roleArn !== undefined, `${at}: an AWS_LAMBDA hook needs hookTargetArn and roleArn`);
        } else {
            const refused = (h.lifecycleStages ?? []).filter(stage => stage === "TEST_TRAFFIC_SHIFT" || stage === "PRODUCTION_TRAFFIC_SHIFT");
            l.check(refused.length === 0, `${at}: PAUSE hooks cannot be configured at ${refused.join(", ")}`);
            l.check(h.hookTargetArn === undefined, `${at}.hookTargetArn is not applicable to PAUSE hooks`);
        }
        l.range(`${at}.timeoutConfiguration.timeoutInMinutes`, h.timeoutConfiguration?.timeoutInMinutes, 1, 20160);
    });
    const balancers = service.loadBalancers ?? [];
    if (shifting) {
        l.check(balancers.length === 1 && balancers[0].advancedConfiguration !== undefined, `strategy ${strategy} shifts traffic through a load balancer: loadBalancers[0].advancedConfiguration is required`);
    }
    balancers.forEach((lb, i) => {
        const advanced = lb.advancedConfiguration;
        if (!advanced) return;
        const at = `loadBalancers[${i}].advancedConfiguration`;
        l.check(shifting, `${at} is set on a ROLLING service`);
        const primary = context.targetGroups[lb.targetGroupArn ?? ""];
        const alternate = context.targetGroups[advanced.alternateTargetGroupArn ?? ""];
        l.check(alternate !== undefined, `${at}.alternateTargetGroupArn ${JSON.stringify(advanced.alternateTargetGroupArn)} is no target group of the stack`);
        l.check(advanced.alternateTargetGroupArn !== lb.targetGroupArn, `${at}.alternateTargetGroupArn is the primary target group`);
        if (primary && alternate) {
            for (const key of ["Protocol", "Port", "TargetType", "VpcId", "HealthCheckPath"] as const) {
                l.check(primary[key] === alternate[key], `${at}: the alternate target group's ${key} ${JSON.stringify(alternate[key])} differs from the primary's ${JSON.stringify(primary[key])}`);
            }
        }
        l.matches(`${at}.roleArn`, advanced.roleArn, /^arn:aws[\w-]*:iam::\d{12}:role\/.+$/, "an IAM role ARN");
        const rules = context.listenerRules ?? {};
        for (const [member, arn] of [["productionListenerRule", advanced.productionListenerRule], ["testListenerRule", advanced.testListenerRule]] as const) {
            if (arn === undefined) continue;
            const rule = rules[arn];
            l.check(rule !== undefined, `${at}.${member} ${JSON.stringify(arn)} is no listener rule of the stack`);
            // ECS moves the weights between exactly these two groups; a rule mixing in other actions fails the deployment.
            const groups = (rule?.Actions ?? []).flatMap(a => (a.ForwardConfig?.TargetGroups ?? []).map(g => g.TargetGroupArn));
            if (rule) {
                l.check(
                    rule.Actions?.length === 1 && groups.length === 2 && groups.includes(lb.targetGroupArn) && groups.includes(advanced.alternateTargetGroupArn),
                    `${at}.${member}: the rule must forward to the primary and alternate target groups only`,
                );
            }
        }
    });
}

/**
 * CreateService, CapacityProviderStrategyItem, AwsVpcConfiguration, LoadBalancer references
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html).
 */
export function serviceLimits(service: CreateServiceRequest, context: ServiceContext): string[] {
    const l = new Limits();
    l.matches("serviceName", service.serviceName, ECS_NAME, "up to 255 letters, numbers, underscores and hyphens");
    l.matches("platformVersion", service.platformVersion, /^(LATEST|\d+\.\d+\.\d+)$/, '"LATEST" or a version such as "1.4.0"');
    l.range("healthCheckGracePeriodSeconds", service.healthCheckGracePeriodSeconds, 0, 2147483647);
    const strategy = service.capacityProviderStrategy ?? [];
    strategy.forEach((item, i) => {
        l.range(`capacityProviderStrategy[${i}].weight`, item.weight, 0, 1000);
        l.range(`capacityProviderStrategy[${i}].base`, item.base, 0, 100000);
        l.check(
            context.clusterCapacityProviders.includes(item.capacityProvider ?? ""),
            `capacityProviderStrategy[${i}].capacityProvider ${JSON.stringify(item.capacityProvider)} is not associated with the cluster (${context.clusterCapacityProviders.join(", ")})`,
        );
    });
    if (strategy.length > 0) {
        l.check(strategy.filter(item => (item.base ?? 0) > 0).length <= 1, "capacityProviderStrategy: only one capacity provider may have a base");
        l.check(strategy.some(item => (item.weight ?? 0) > 0), "capacityProviderStrategy: at least one capacity provider needs a weight above 0");
    }
    const vpc = service.networkConfiguration?.awsvpcConfiguration;
    l.check((vpc?.subnets?.length ?? 0) <= 16, `networkConfiguration.awsvpcConfiguration.subnets has ${vpc?.subnets?.length}; at most 16`);
    l.check((vpc?.securityGroups?.length ?? 0) <= 5, `networkConfiguration.awsvpcConfiguration.securityGroups has ${vpc?.securityGroups?.length}; at most 5`);
    l.check(
        context.taskDefinition.networkMode !== "awsvpc" || vpc !== undefined,
        "the task definition uses awsvpc, so networkConfiguration.awsvpcConfiguration is required",
    );
    const containers = context.taskDefinition.containerDefinitions ?? [];
    (service.loadBalancers ?? []).forEach((lb, i) => {
        const at = `loadBalancers[${i}]`;
        const container = containers.find(c => c.name === lb.containerName);
        l.check(container !== undefined, `${at}.containerName ${JSON.stringify(lb.containerName)} is no container of the task definition`);
        l.check(
            container === undefined || (container.portMappings ?? []).some(p => p.containerPort === lb.containerPort),
            `${at}.containerPort ${lb.containerPort} is not a port mapping of container ${JSON.stringify(lb.containerName)}`,
        );
        const targetGroup = lb.targetGroupArn === undefined ? undefined : context.targetGroups[lb.targetGroupArn];
        l.check(targetGroup !== undefined, `${at}.targetGroupArn ${JSON.stringify(lb.targetGroupArn)} is no target group of the stack`);
        if (targetGroup && context.taskDefinition.networkMode === "awsvpc") {
            l.check(
                targetGroup.TargetType === "ip",
                `${at}: target group ${targetGroup.Name} has TargetType ${JSON.stringify(targetGroup.TargetType)}; awsvpc tasks need "ip"`,
            );
        }
    });
    deploymentStrategyLimits(l, service, context);
    return l.problems;
}

/** An HTTP header name: RFC 7230 token characters, at most 40 (`HttpHeaderConditionConfig`). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,40}$/;
const CIDR = /^((25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)|[0-9A-Fa-f:]+\/(12[0-8]|1[01]\d|\d?\d))$/;

/**
 * CreateRule, Action, ForwardActionConfig, TargetGroupTuple and RuleCondition references
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html) and the rule
 * quotas (`load-balancer-limits.html`: 5 condition values per rule, 5 target groups per action). `targetGroups`
 * are the ARNs of the stack's target groups.
 */
export function ruleLimits(rule: CreateRuleInput, targetGroups: readonly string[]): string[] {
    const l = new Limits();
    l.range("Priority", rule.Priority, 1, 50000);
    const actions = rule.Actions ?? [];
    l.check(actions.length >= 1, "Actions is empty");
    actions.forEach((a, i) => {
        const at = `Actions[${i}]`;
        if (a.Type !== "forward") return;
        l.check((a.TargetGroupArn === undefined) !== (a.ForwardConfig === undefined), `${at}: a forward action takes TargetGroupArn or ForwardConfig, one of them`);
        const tuples = a.ForwardConfig?.TargetGroups ?? [];
        if (a.ForwardConfig) l.check(tuples.length >= 1 && tuples.length <= 5, `${at}.ForwardConfig.TargetGroups has ${tuples.length}; 1 to 5`);
        tuples.forEach((t, j) => l.range(`${at}.ForwardConfig.TargetGroups[${j}].Weight`, t.Weight, 0, 999));
        for (const arn of [a.TargetGroupArn, ...tuples.map(t => t.TargetGroupArn)]) {
            if (arn !== undefined) l.check(targetGroups.includes(arn), `${at}: target group ${arn} is no target group of the stack`);
        }
        if (tuples.length > 0) l.check(tuples.some(t => (t.Weight ?? 1) > 0), `${at}: every target group has weight 0, so nothing is served`);
    });
    const conditions = rule.Conditions ?? [];
    l.check(conditions.length >= 1, "Conditions is empty; a rule needs at least one");
    for (const field of ["path-pattern", "host-header", "source-ip"]) {
        l.check(conditions.filter(c => c.Field === field).length <= 1, `Conditions has more than one ${field} condition`);
    }
    const values = conditions.flatMap(c => [
        ...(c.PathPatternConfig?.Values ?? []),
        ...(c.HostHeaderConfig?.Values ?? []),
        ...(c.HttpHeaderConfig?.Values ?? []),
        ...(c.SourceIpConfig?.Values ?? []),
    ]);
    l.check(values.length <= 5, `Conditions hold ${values.length} values; ELB allows 5 per rule`);
    conditions.forEach((c, i) => {
        const at = `Conditions[${i}]`;
        (c.PathPatternConfig?.Values ?? []).forEach((v, j) => l.check(pathPatternProblem(v) === undefined, `${at}.PathPatternConfig.Values[${j}] ${JSON.stringify(v)}: ${pathPatternProblem(v)}`));
        (c.HostHeaderConfig?.Values ?? []).forEach((v, j) => l.check(hostHeaderProblem(v) === undefined, `${at}.HostHeaderConfig.Values[${j}] ${JSON.stringify(v)}: ${hostHeaderProblem(v)}`));
        if (c.HttpHeaderConfig) {
            l.matches(`${at}.HttpHeaderConfig.HttpHeaderName`, c.HttpHeaderConfig.HttpHeaderName, HEADER_NAME, "an HTTP header name of at most 40 token characters");
            l.check(c.HttpHeaderConfig.HttpHeaderName?.toLowerCase() !== "host", `${at}: a host condition is a host-header condition, not http-header`);
            (c.HttpHeaderConfig.Values ?? []).forEach((v, j) => l.check(v.length >= 1 && v.length <= 128, `${at}.HttpHeaderConfig.Values[${j}] has ${v.length} characters; 1 to 128`));
        }
        (c.SourceIpConfig?.Values ?? []).forEach((v, j) => l.matches(`${at}.SourceIpConfig.Values[${j}]`, v, CIDR, "an IPv4 or IPv6 CIDR block"));
        const configs = [c.PathPatternConfig, c.HostHeaderConfig, c.HttpHeaderConfig, c.SourceIpConfig].filter(x => x !== undefined);
        l.check(configs.length === 1 && c.Field !== undefined, `${at}: one Field with its config`);
    });
    return l.problems;
}

/**
 * CreateTargetGroup and TargetGroupAttribute references
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetGroupAttribute.html).
 */
export function targetGroupLimits(tg: CreateTargetGroupInput, attributes: ModifyTargetGroupAttributesInput): string[] {
    const l = new Limits();
    l.matches("Name", tg.Name, ELB_NAME, "at most 32 letters, numbers and hyphens, not starting or ending with a hyphen");
    l.range("Port", tg.Port, 1, 65535);
    if (tg.HealthCheckPort !== "traffic-port") {
        l.matches("HealthCheckPort", tg.HealthCheckPort, /^\d+$/, '"traffic-port" or a port number');
        if (tg.HealthCheckPort !== undefined) l.range("HealthCheckPort", Number(tg.HealthCheckPort), 1, 65535);
    }
    l.matches("HealthCheckPath", tg.HealthCheckPath, /^\/.{0,1023}$/, "a path starting with / of at most 1024 characters");
    l.range("HealthCheckIntervalSeconds", tg.HealthCheckIntervalSeconds, 5, 300);
    l.range("HealthCheckTimeoutSeconds", tg.HealthCheckTimeoutSeconds, 2, 120);
    l.range("HealthyThresholdCount", tg.HealthyThresholdCount, 2, 10);
    l.range("UnhealthyThresholdCount", tg.UnhealthyThresholdCount, 2, 10);
    // Not on the reference page; the API answers "ValidationError: Health check interval must be greater than the timeout."
    if (tg.HealthCheckTimeoutSeconds !== undefined && tg.HealthCheckIntervalSeconds !== undefined) {
        l.check(
            tg.HealthCheckTimeoutSeconds < tg.HealthCheckIntervalSeconds,
            `HealthCheckTimeoutSeconds ${tg.HealthCheckTimeoutSeconds} must be less than HealthCheckIntervalSeconds ${tg.HealthCheckIntervalSeconds}`,
        );
    }
    const code = tg.Matcher?.HttpCode;
    if (code !== undefined) {
        const parts = code.split(",").map(part => part.split("-").map(Number));
        l.check(
            parts.every(p => p.length <= 2 && p.every(n => Number.isInteger(n) && n >= 200 && n <= 499) && (p.length === 1 || p[0] < p[1])),
            `Matcher.HttpCode is ${JSON.stringify(code)}; expected codes from 200 to 499, as "200", "200,202" or "200-299"`,
        );
    }
    const attrs = attributeMap(attributes.Attributes);
    const delay = attrs["deregistration_delay.timeout_seconds"];
    if (delay !== undefined) l.range("deregistration_delay.timeout_seconds", /^\d+$/.test(delay) ? Number(delay) : delay, 0, 3600);
    return l.problems;
}

/** Load balancer attributes the program may set, and their documented values. */
const LOAD_BALANCER_ATTRIBUTES: Readonly<Record<string, (l: Limits, key: string, value: string) => void>> = {
    "idle_timeout.timeout_seconds": (l, key, value) => l.range(key, /^\d+$/.test(value) ? Number(value) : value, 1, 4000),
    "routing.http.drop_invalid_header_fields.enabled": (l, key, value) => l.oneOf(key, value, BOOLEAN_TEXT),
    "deletion_protection.enabled": (l, key, value) => l.oneOf(key, value, BOOLEAN_TEXT),
    "routing.http.desync_mitigation_mode": (l, key, value) => l.oneOf(key, value, ["monitor", "defensive", "strictest"]),
    "access_logs.s3.enabled": (l, key, value) => l.oneOf(key, value, BOOLEAN_TEXT),
    "access_logs.s3.bucket": (l, key, value) => l.matches(key, value, /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "an S3 bucket name"),
    "access_logs.s3.prefix": () => undefined,
};

/**
 * CreateLoadBalancer and LoadBalancerAttribute references
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html,
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerAttribute.html).
 */
export function loadBalancerLimits(lb: CreateLoadBalancerInput, attributes: ModifyLoadBalancerAttributesInput): string[] {
    const l = new Limits();
    l.matches("Name", lb.Name, ELB_NAME, "at most 32 letters, numbers and hyphens, not starting or ending with a hyphen");
    l.check(!(lb.Name ?? "").startsWith("internal-"), `Name ${JSON.stringify(lb.Name)} may not start with "internal-"`);
    if ((lb.Type ?? "application") === "application") {
        l.check(
            new Set(lb.Subnets ?? []).size >= 2,
            `Subnets has ${new Set(lb.Subnets ?? []).size} distinct; an Application Load Balancer needs subnets in at least two Availability Zones`,
        );
    }
    const attrs = attributeMap(attributes.Attributes);
    for (const [key, value] of Object.entries(attrs)) {
        const rule = LOAD_BALANCER_ATTRIBUTES[key];
        l.check(rule !== undefined, `attribute ${JSON.stringify(key)} is not a load balancer attribute this suite knows; add its documented values`);
        if (rule && value !== undefined) rule(l, key, value);
    }
    if (attrs["access_logs.s3.enabled"] === "true") {
        l.check(attrs["access_logs.s3.bucket"] !== undefined, "access_logs.s3.bucket is required when access logs are enabled");
    }
    return l.problems;
}

/**
 * CreateListener, Action and RedirectActionConfig references
 * (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateListener.html).
 */
export function listenerLimits(listener: CreateListenerInput): string[] {
    const l = new Limits();
    l.range("Port", listener.Port, 1, 65535);
    const secure = listener.Protocol === "HTTPS" || listener.Protocol === "TLS";
    if (secure) {
        l.check(listener.Certificates?.length === 1, `Certificates has ${listener.Certificates?.length ?? 0}; an ${listener.Protocol} listener takes exactly one`);
        (listener.Certificates ?? []).forEach((c, i) =>
            l.matches(`Certificates[${i}].CertificateArn`, c.CertificateArn, /^arn:aws[\w-]*:(acm|iam):/, "an ACM or IAM certificate ARN"),
        );
    } else {
        l.check(listener.Certificates === undefined, `Certificates is set on an ${listener.Protocol} listener; only HTTPS and TLS listeners take one`);
    }
    const actions = listener.DefaultActions ?? [];
    const terminal = actions.filter(a => a.Type === "forward" || a.Type === "redirect" || a.Type === "fixed-response");
    l.check(terminal.length === 1, `DefaultActions has ${terminal.length} forward/redirect/fixed-response actions; exactly one`);
    actions.forEach((a, i) => {
        const at = `DefaultActions[${i}]`;
        if (a.Type === "forward") l.check(a.TargetGroupArn !== undefined, `${at}: a forward action needs TargetGroupArn`);
        if (a.Type !== "forward") l.check(a.TargetGroupArn === undefined, `${at}: TargetGroupArn is only for forward actions`);
        l.check((a.Type === "redirect") === (a.RedirectConfig !== undefined), `${at}: RedirectConfig goes with, and only with, a redirect action`);
        const r = a.RedirectConfig;
        if (r) {
            l.matches(`${at}.RedirectConfig.Protocol`, r.Protocol, /^(HTTPS?|#\{protocol\})$/, "HTTP, HTTPS or #{protocol}");
            if (r.Port !== undefined && r.Port !== "#{port}") l.range(`${at}.RedirectConfig.Port`, /^\d+$/.test(r.Port) ? Number(r.Port) : r.Port, 1, 65535);
            l.check(!(listener.Protocol === "HTTPS" && r.Protocol === "HTTP"), `${at}: an HTTPS listener may not redirect to HTTP`);
            const changes =
                (r.Protocol !== undefined && r.Protocol !== "#{protocol}" && r.Protocol !== listener.Protocol) ||
                (r.Port !== undefined && r.Port !== "#{port}" && r.Port !== String(listener.Port)) ||
                (r.Host !== undefined && r.Host !== "#{host}") ||
                (r.Path !== undefined && r.Path !== "/#{path}");
            l.check(changes, `${at}: the redirect changes none of protocol, hostname, port or path, which is a redirect loop`);
        }
    });
    return l.problems;
}

/** `service/<cluster>/<service>`: RegisterScalableTarget's ResourceId for ECS. */
const ECS_RESOURCE_ID = /^service\/[A-Za-z0-9_-]{1,255}\/[A-Za-z0-9_-]{1,255}$/;
/** `app/<lb>/<id>/targetgroup/<tg>/<id>`: PredefinedMetricSpecification.ResourceLabel for ALBRequestCountPerTarget. */
export const ALB_RESOURCE_LABEL = /^app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+\/targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+$/;

/**
 * RegisterScalableTarget reference
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html).
 */
export function scalableTargetLimits(target: RegisterScalableTargetRequest): string[] {
    const l = new Limits();
    if (target.ServiceNamespace === "ecs") l.matches("ResourceId", target.ResourceId, ECS_RESOURCE_ID, "service/<cluster-name>/<service-name>");
    l.check(
        (target.ScalableDimension ?? "").startsWith(`${target.ServiceNamespace}:`),
        `ScalableDimension ${JSON.stringify(target.ScalableDimension)} does not belong to ServiceNamespace ${JSON.stringify(target.ServiceNamespace)}`,
    );
    l.range("MinCapacity", target.MinCapacity, 0, 2147483647);
    l.range("MaxCapacity", target.MaxCapacity, 0, 2147483647);
    // The API answers a minimum above the maximum with a ValidationException.
    if (target.MinCapacity !== undefined && target.MaxCapacity !== undefined) {
        l.check(target.MinCapacity <= target.MaxCapacity, `MinCapacity ${target.MinCapacity} exceeds MaxCapacity ${target.MaxCapacity}`);
    }
    return l.problems;
}

/**
 * PutScalingPolicy, TargetTrackingScalingPolicyConfiguration and PredefinedMetricSpecification references
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScalingPolicy.html).
 * `targets` are the scalable targets of the stack: a policy needs its target registered.
 */
export function scalingPolicyLimits(policy: PutScalingPolicyRequest, targets: readonly RegisterScalableTargetRequest[]): string[] {
    const l = new Limits();
    // Length 1–256 is in the API reference's shape constraints, which the SDK drops.
    l.check(
        (policy.PolicyName ?? "").length >= 1 && (policy.PolicyName ?? "").length <= 256,
        `PolicyName ${JSON.stringify(policy.PolicyName)} must have 1 to 256 characters`,
    );
    l.check(
        targets.some(t => t.ServiceNamespace === policy.ServiceNamespace && t.ResourceId === policy.ResourceId && t.ScalableDimension === policy.ScalableDimension),
        `no scalable target ${policy.ServiceNamespace} ${policy.ResourceId} ${policy.ScalableDimension} is registered for the policy`,
    );
    const tt = policy.TargetTrackingScalingPolicyConfiguration;
    l.check(
        (policy.PolicyType === "TargetTrackingScaling") === (tt !== undefined),
        "TargetTrackingScalingPolicyConfiguration goes with, and only with, PolicyType TargetTrackingScaling",
    );
    if (tt) {
        l.check(
            typeof tt.TargetValue === "number" && tt.TargetValue >= 8.51592e-109 && tt.TargetValue <= 1.174271e108,
            `TargetValue ${tt.TargetValue} is outside 8.515920e-109 to 1.174271e+108`,
        );
        l.range("ScaleInCooldown", tt.ScaleInCooldown, 0, 2147483647);
        l.range("ScaleOutCooldown", tt.ScaleOutCooldown, 0, 2147483647);
        const metric = tt.PredefinedMetricSpecification;
        if (metric) {
            const requestCount = metric.PredefinedMetricType === "ALBRequestCountPerTarget";
            l.check(
                requestCount === (metric.ResourceLabel !== undefined),
                "PredefinedMetricSpecification.ResourceLabel goes with, and only with, ALBRequestCountPerTarget",
            );
            if (requestCount) l.matches("PredefinedMetricSpecification.ResourceLabel", metric.ResourceLabel, ALB_RESOURCE_LABEL, "app/<lb>/<id>/targetgroup/<tg>/<id>");
        }
        l.check((metric === undefined) !== (tt.CustomizedMetricSpecification === undefined), "exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification is needed");
        if (tt.CustomizedMetricSpecification) customizedMetricLimits(l, tt.CustomizedMetricSpecification);
    }
    return l.problems;
}

/**
 * A customized metric: one metric by name, or metric math (`Metrics`), not both. For metric math the model's
 * comments (`TargetTrackingMetricDataQuery`, @aws-sdk/client-application-auto-scaling) say: each query has
 * "either Expression or MetricStat, but not both"; Id "unique among all MetricDataQuery objects … The first
 * character must be a lowercase letter"; ReturnData true "for only the final math expression", false for
 * every other query; and "Create a target tracking scaling policy for Application Auto Scaling using metric
 * math" that expressions "must eventually return a single time series" (so an expression names only the
 * policy's own ids).
 */
function customizedMetricLimits(l: Limits, custom: CustomizedMetricSpecification): void {
    const queries = custom.Metrics ?? [];
    l.check((custom.MetricName !== undefined) !== (queries.length > 0), "CustomizedMetricSpecification needs exactly one of MetricName and Metrics");
    if (queries.length === 0) return;
    for (const member of ["Namespace", "Dimensions", "Statistic", "Unit"] as const) {
        l.check(custom[member] === undefined, `CustomizedMetricSpecification.${member} is set with Metrics; metric math sets it per query`);
    }
    const ids = queries.map(q => q.Id ?? "");
    l.check(new Set(ids).size === ids.length, `CustomizedMetricSpecification.Metrics ids ${ids.join(", ")} are not unique`);
    const returning = queries.filter(q => q.ReturnData !== false);
    l.check(returning.length === 1, `CustomizedMetricSpecification.Metrics has ${returning.length} queries returning data; exactly one, the final expression, with every other ReturnData false`);
    queries.forEach((q, i) => {
        const at = `CustomizedMetricSpecification.Metrics[${i}]`;
        l.check(/^[a-z][A-Za-z0-9_]*$/.test(q.Id ?? ""), `${at}.Id is ${JSON.stringify(q.Id)}; letters, digits and _, starting with a lowercase letter`);
        l.check((q.Expression === undefined) !== (q.MetricStat === undefined), `${at} needs exactly one of Expression and MetricStat`);
        if (q.Expression !== undefined) {
            for (const id of q.Expression.replace(/"[^"]*"/g, " ").match(/(?<![\w.])[a-z][A-Za-z0-9_]*/g) ?? []) {
                l.check(ids.includes(id) && id !== q.Id, `${at}.Expression refers to ${JSON.stringify(id)}, which is no other query of the policy`);
            }
        }
        if (q.MetricStat) {
            l.check(q.MetricStat.Metric?.Namespace !== undefined && q.MetricStat.Metric?.MetricName !== undefined, `${at}.MetricStat.Metric needs Namespace and MetricName`);
            l.check(typeof q.MetricStat.Stat === "string" && q.MetricStat.Stat.length > 0, `${at}.MetricStat.Stat is not set`);
        }
    });
}

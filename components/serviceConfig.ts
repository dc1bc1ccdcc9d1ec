/**
 * The `services` key: one entry per service, `NAME: {kind, …overrides}`. An entry overrides the
 * stack-wide service keys under their own names (read with the same checks by a `ServiceReader`) and adds
 * the fields only a service has (`SERVICE_FIELDS`). Pure.
 */
import { CONFIG_KEYS, SERVICE_FIELDS, SERVICE_KEYS, ServiceField } from "./configKeys";
import { describeAllowed, Reader, show } from "./configReader";
import { fromEntry, ServiceReader } from "./serviceReader";
import { readAlarms, readContainer, readImageSource, readPlacement, readScaling, readTargetHealth, SectionContext } from "./configSections";
import { readDeployment, STRATEGY_KEYS, StrategyUse, unusedStackWideKeys } from "./deploymentConfig";
import { closestName } from "./naming";
import { crossServiceProblems, derivedLengthProblem, rulePriorities, serviceNamePattern, ServiceSummary } from "./serviceRules";
import { conditionSizeProblem, scheduleExpressionProblem, timezoneProblem } from "./serviceSyntax";
import { QueueScalingSettings, ServiceKind, ServiceSettings } from "./stackSettings";

const KINDS = SERVICE_FIELDS.kind.allowed;
const STATISTICS = ["Average", "Minimum", "Maximum", "Sum", "SampleCount"] as const;
const QUEUE_FIELDS = ["namespace", "metricName", "dimensions", "statistic", "targetValue"];

/** Names an entry may hold: the service keys and the service-only fields. */
const ENTRY_FIELDS: readonly string[] = [...SERVICE_KEYS, ...Object.keys(SERVICE_FIELDS)];

/**
 * The services of a `services` map, or undefined when it is empty (the one-service form). Problems are
 * recorded on `r`; the returned settings are meaningful only when there are none.
 */
export function readServices(r: Reader, ctx: SectionContext): ServiceSettings[] | undefined {
    const entries = Object.entries(r.record("services"));
    if (entries.length === 0) {
        return undefined;
    }
    const read: { settings: ServiceSettings; summary: ServiceSummary; strategyUse?: StrategyUse }[] = [];
    for (const [name, entry] of entries) {
        if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
            r.problems.push(`${r.full("services")}.${name} is ${r.isSecret("services") ? "[secret]" : show(entry)}; expected an object such as {kind: web}`);
            continue;
        }
        const result = readService(new ServiceReader(r, ctx.raw, name, entry as Record<string, unknown>), ctx);
        if (result) {
            read.push(result);
        }
    }
    unusedStackWideKeys(r, read.flatMap(s => (s.strategyUse ? [s.strategyUse] : [])));
    const summaries = read.map(s => s.summary);
    const at = (service: string, field?: string) => (field === undefined ? `${r.full("services")}.${service}` : new ServiceReader(r, ctx.raw, service, {}).path(field));
    r.problems.push(...redacted(crossServiceProblems(summaries, r.full("services"), at), secretRouteValues(r, ctx, read.map(s => s.settings))));
    const priorities = rulePriorities(summaries);
    return read.map(({ settings }) => (settings.route ? { ...settings, route: { ...settings.route, priority: priorities.get(settings.name) } } : settings));
}

/** Route values set with --secret (the rules across services quote what they judge). */
function secretRouteValues(r: Reader, ctx: SectionContext, services: readonly ServiceSettings[]): string[] {
    return services.flatMap(s => {
        const sr = new ServiceReader(r, ctx.raw, s.name, {});
        return (["paths", "hosts"] as const).flatMap(field => (sr.isSecretPath(field) ? [...(s.route?.[field] ?? [])] : []));
    });
}

/** Messages with every secret value replaced by [secret], wherever it appears (a suggestion may quote it too). */
const redacted = (messages: readonly string[], secrets: readonly string[]): string[] =>
    messages.map(m =>
        secrets.reduce((text, secret) => {
            const quotedOut = text.split(JSON.stringify(secret)).join("[secret]");
            return secret.length >= 4 ? quotedOut.split(secret).join("[secret]") : quotedOut;
        }, m),
    );

/** One entry: its name, kind and fields, then the sections its kind has. */
function readService(sr: ServiceReader, ctx: SectionContext): { settings: ServiceSettings; summary: ServiceSummary; strategyUse?: StrategyUse } | undefined {
    const name = sr.service;
    const nameProblem = serviceNamePattern(name);
    if (nameProblem) {
        sr.problems.push(`${sr.project}:services has ${show(name)}; ${nameProblem}`);
    }
    const kind = readKind(sr);
    if (kind === undefined) {
        return undefined;
    }
    const length = nameProblem ? undefined : derivedLengthProblem(sr.project, ctx.raw.stack, name, kind);
    if (length) {
        sr.problems.push(`${sr.project}:services has ${show(name)}; ${length}`);
    }
    fieldProblems(sr, kind);

    const web = kind === "web";
    const scaled = kind !== "scheduled";
    const container = readContainer(sr, ctx, web ? "required" : "optional");
    const scaling = scaled ? readScaling(sr, ctx, web) : undefined;
    const service = readPlacement(sr, ctx, container, scaling, web);
    const target = web ? readTargetHealth(sr, ctx) : undefined;
    const image = readImageSource(sr);
    // Syntax, limits and priorities of routes are judged across services (routing.ts), by config path.
    const paths = web ? stringList(sr, "paths") : [];
    const hosts = web ? stringList(sr, "hosts") : [];
    const size = conditionSizeProblem(paths, hosts);
    if (size) {
        sr.problems.push(`${sr.path("paths")} and ${sr.path("hosts")} have ${paths.length + hosts.length} values; ${size}`);
    }
    const priority = web ? optionalInteger(sr, "priority") : undefined;
    const serviceConnect = scaled ? booleanField(sr, "serviceConnect") : false;
    const callers = scaled ? stringList(sr, "callers") : [];
    const queue = kind === "worker" ? readQueueScaling(sr) : undefined;
    const schedule = kind === "scheduled" ? readSchedule(sr) : undefined;
    const alarms = scaled ? readAlarms(sr, ctx, web, kind === "worker" ? { queue } : undefined) : undefined;
    // Workers and scheduled tasks stay rolling: ECS shifts traffic only through a load balancer (or Service Connect).
    const deployment = web ? readDeployment(sr, ctx.region, "own") : undefined;

    const settings: ServiceSettings = {
        name,
        kind,
        image,
        container,
        service,
        route: target && { paths, hosts, priority, ...target },
        scaling: scaling && (queue ? { ...scaling, queue } : scaling),
        schedule,
        serviceConnect,
        callers,
        alarms,
        deployment,
    };
    // A strategy already refused says nothing about which keys the service would use.
    const strategyUse = deployment && !sr.wasReported("deploymentStrategy") ? { service: name, strategy: deployment.strategy, inherited: STRATEGY_KEYS.filter(k => !sr.owns(k)) } : undefined;
    return { settings, summary: { name, kind, paths, hosts, priority, port: container.port, serviceConnect, callers, deployment }, strategyUse };
}

function readKind(sr: ServiceReader): ServiceKind | undefined {
    const kind = sr.has("kind") ? fromEntry("string", sr.field("kind")) : undefined;
    if (typeof kind === "string" && (KINDS as readonly string[]).includes(kind)) {
        return kind as ServiceKind;
    }
    sr.problems.push(`${sr.path("kind")} is ${kind === undefined ? "not set" : sr.shownField("kind", kind)}; allowed: ${describeAllowed(KINDS)}`);
    return undefined;
}

/** Fields no service has (with a did-you-mean), stack-wide keys, and fields of another kind. */
function fieldProblems(sr: ServiceReader, kind: ServiceKind): void {
    for (const field of sr.fields()) {
        // Own properties only: "toString" or "__proto__" must not pass for declared fields.
        const declared = Object.hasOwn(CONFIG_KEYS, field) ? (CONFIG_KEYS as Record<string, { scope: string; kinds?: readonly ServiceKind[] }>)[field] : undefined;
        const own = Object.hasOwn(SERVICE_FIELDS, field) ? (SERVICE_FIELDS as Record<string, { kinds?: readonly ServiceKind[] }>)[field] : undefined;
        if (declared?.scope === "stack") {
            sr.problems.push(`${sr.path(field)} is set, but ${field} is stack-wide; set ${sr.project}:${field} instead`);
        } else if (!declared && !own) {
            const suggestion = closestName(field, ENTRY_FIELDS);
            sr.problems.push(`${sr.path(field)} is not a field of a service; ${suggestion ? `did you mean ${sr.path(suggestion)}?` : "see the services table in README"}`);
        } else {
            const kinds = (declared ?? own)?.kinds;
            if (kinds && !kinds.includes(kind)) {
                sr.problems.push(`${sr.path(field)} is set on a ${kind} service; it applies to ${kinds.join(" and ")} services only, so remove it`);
            }
        }
    }
}

/** A list of strings under a service-only field, each judged by `check`. */
function stringList(sr: ServiceReader, field: ServiceField, check?: (value: string) => string | undefined): string[] {
    if (!sr.has(field)) {
        return [];
    }
    const value = sr.field(field);
    if (!Array.isArray(value) || !value.every(v => typeof v === "string" && v !== "")) {
        sr.problems.push(`${sr.path(field)} is ${sr.shownField(field, value)}; expected a list of strings`);
        return [];
    }
    const seen = new Set<string>();
    for (const item of value as string[]) {
        const problem = check?.(item) ?? (seen.has(item) ? "listed twice" : undefined);
        if (problem) {
            sr.problems.push(`${sr.path(field)} has ${sr.shownField(field, item)}; ${problem}`);
        }
        seen.add(item);
    }
    return value as string[];
}

function optionalInteger(sr: ServiceReader, field: "priority"): number | undefined {
    if (!sr.has(field)) {
        return undefined;
    }
    const { min, max } = SERVICE_FIELDS[field];
    const value = fromEntry("integer", sr.field(field));
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        sr.problems.push(`${sr.path(field)} is ${sr.shownField(field, value)}; expected an integer from ${min} to ${max}`);
        return undefined;
    }
    return value;
}

function booleanField(sr: ServiceReader, field: "serviceConnect"): boolean {
    if (!sr.has(field)) {
        return SERVICE_FIELDS[field].default;
    }
    const value = fromEntry("boolean", sr.field(field));
    if (typeof value !== "boolean") {
        sr.problems.push(`${sr.path(field)} is ${sr.shownField(field, value)}; expected true or false`);
        return false;
    }
    return value;
}

function stringField(sr: ServiceReader, field: "schedule" | "scheduleTimezone", check: (value: string) => string | undefined): string | undefined {
    const value = sr.has(field) ? fromEntry("string", sr.field(field)) : SERVICE_FIELDS[field].default;
    if (typeof value !== "string") {
        sr.problems.push(`${sr.path(field)} is ${sr.shownField(field, value)}; expected a string`);
        return undefined;
    }
    const problem = check(value);
    if (problem) {
        sr.problems.push(`${sr.path(field)} is ${sr.shownField(field, value)}; ${problem}`);
        return undefined;
    }
    return value;
}

function readSchedule(sr: ServiceReader): ServiceSettings["schedule"] {
    const expression = stringField(sr, "schedule", v => (v === "" ? "a scheduled service needs one" : scheduleExpressionProblem(v)));
    const timezone = stringField(sr, "scheduleTimezone", timezoneProblem);
    return { expression: expression ?? "", timezone: timezone ?? "UTC" };
}

/** Target tracking on a custom metric: every field required but `dimensions` and `statistic`. */
function readQueueScaling(sr: ServiceReader): QueueScalingSettings | undefined {
    if (!sr.has("queueScaling")) {
        return undefined;
    }
    const value = sr.field("queueScaling");
    const path = sr.path("queueScaling");
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        sr.problems.push(`${path} is ${sr.shownField("queueScaling", value)}; expected {namespace, metricName, dimensions, statistic, targetValue}`);
        return undefined;
    }
    const q = value as Record<string, unknown>;
    const before = sr.count;
    for (const field of Object.keys(q).filter(f => !QUEUE_FIELDS.includes(f))) {
        const suggestion = closestName(field, QUEUE_FIELDS);
        sr.problems.push(`${path}.${field} is not a field of queueScaling; ${suggestion ? `did you mean ${path}.${suggestion}?` : `fields: ${QUEUE_FIELDS.join(", ")}`}`);
    }
    const text = (field: string, pattern: RegExp, rule: string): string => {
        const v = q[field];
        if (typeof v !== "string" || !pattern.test(v)) {
            sr.problems.push(`${path}.${field} is ${v === undefined ? "not set" : sr.shownField("queueScaling", v)}; expected ${rule}`);
            return "";
        }
        return v;
    };
    // CloudWatch: namespaces and metric names of 1 to 255 ASCII characters.
    // Reading a metric is allowed in any namespace, AWS's own included (AWS/SQS queue depth is the usual one).
    const namespace = text("namespace", /^[\x20-\x7e]{1,255}$/, "a CloudWatch namespace of 1 to 255 characters");
    const metricName = text("metricName", /^[\x20-\x7e]{1,255}$/, "a metric name of 1 to 255 characters");
    const dimensions: Record<string, string> = {};
    const rawDimensions = q.dimensions ?? {};
    if (rawDimensions === null || typeof rawDimensions !== "object" || Array.isArray(rawDimensions) || !Object.values(rawDimensions).every(v => typeof v === "string")) {
        sr.problems.push(`${path}.dimensions is ${sr.shownField("queueScaling", rawDimensions)}; expected an object of NAME: value`);
    } else {
        Object.assign(dimensions, rawDimensions);
        if (Object.keys(dimensions).length > 30) {
            sr.problems.push(`${path}.dimensions has ${Object.keys(dimensions).length} dimensions; CloudWatch allows 30`);
        }
    }
    const statistic = q.statistic ?? "Average";
    if (!(STATISTICS as readonly unknown[]).includes(statistic)) {
        sr.problems.push(`${path}.statistic is ${sr.shownField("queueScaling", statistic)}; allowed: ${describeAllowed(STATISTICS)}`);
    }
    const targetValue = q.targetValue;
    if (typeof targetValue !== "number" || !(targetValue > 0) || !Number.isFinite(targetValue)) {
        sr.problems.push(`${path}.targetValue is ${targetValue === undefined ? "not set" : sr.shownField("queueScaling", targetValue)}; expected a number above 0 (the metric's value per task)`);
    }
    return sr.count === before ? { namespace, metricName, dimensions, statistic: statistic as QueueScalingSettings["statistic"], targetValue: targetValue as number } : undefined;
}

/**
 * EventBridge PutRule and PutTargets requests checked offline without an SDK model: the project pins no
 * `@aws-sdk/client-eventbridge` (a rule has four string members and a target a handful; a model would add a
 * dependency to check what these few lines state). Sources:
 * - PutRule (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html): Name 1–64 of
 *   `[.\-_A-Za-z0-9]`, Description up to 512, EventPattern up to 4096 characters.
 * - PutTargets, Target and InputTransformer (API_PutTargets.html, API_Target.html, API_InputTransformer.html):
 *   Target Id 1–64 of `[.\-_A-Za-z0-9]`, Arn 1–1600; Input, InputPath and InputTransformer exclusive;
 *   InputPathsMap up to 100 entries, keys of `[A-Za-z0-9_-]` up to 256, values (JSON paths) up to 256;
 *   InputTemplate 1–8192; terraform-provider-aws (internal/service/events/target.go) also refuses path keys
 *   starting with "AWS" (reserved for EventBridge's own variables).
 * - Event patterns (EventBridge user guide, "Creating event patterns" and "Content filtering"): a JSON object
 *   whose leaves are non-empty arrays of values or of filter objects with one operator (prefix, suffix,
 *   anything-but, numeric, exists, cidr, equals-ignore-case, wildcard), `$or` a list of patterns.
 * Each problem starts "documented limit:", as in `documentedLimits.ts`.
 */

/** The fields of an event's envelope (EventBridge "Amazon EventBridge events" structure). */
const ENVELOPE = ["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"];
const FILTER_OPERATORS = ["prefix", "suffix", "anything-but", "numeric", "exists", "cidr", "equals-ignore-case", "wildcard"];
const NAME = /^[.\-_A-Za-z0-9]{1,64}$/;
const PATH_KEY = /^[A-Za-z0-9_-]{1,256}$/;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Every problem of an event pattern's shape, with the path of each. */
export function eventPatternProblems(pattern: unknown, at = "EventPattern"): string[] {
    if (!isObject(pattern) || Object.keys(pattern).length === 0) {
        return [`documented limit: ${at} must be a non-empty JSON object`];
    }
    const problems: string[] = [];
    for (const [key, value] of Object.entries(pattern)) {
        const path = `${at}.${key}`;
        if (key === "$or") {
            if (!Array.isArray(value) || value.length < 2) problems.push(`documented limit: ${path} must list at least two patterns`);
            else value.forEach((p, i) => problems.push(...eventPatternProblems(p, `${path}[${i}]`)));
        } else if (isObject(value)) {
            problems.push(...eventPatternProblems(value, path));
        } else if (!Array.isArray(value) || value.length === 0) {
            problems.push(`documented limit: ${path} must be a non-empty array of values or filters, got ${JSON.stringify(value)}`);
        } else {
            value.forEach((v, i) => {
                if (isObject(v)) {
                    const ops = Object.keys(v);
                    if (ops.length !== 1 || !FILTER_OPERATORS.includes(ops[0])) problems.push(`documented limit: ${path}[${i}] is a filter with operators ${JSON.stringify(ops)}; expected one of ${FILTER_OPERATORS.join(", ")}`);
                } else if (!["string", "number", "boolean"].includes(typeof v) && v !== null) {
                    problems.push(`documented limit: ${path}[${i}] is ${JSON.stringify(v)}; expected a string, number, boolean, null or filter`);
                }
            });
        }
    }
    if (at === "EventPattern") {
        const foreign = Object.keys(pattern).filter(k => k !== "$or" && !ENVELOPE.includes(k));
        if (foreign.length > 0) problems.push(`documented limit: EventPattern matches ${foreign.join(", ")}, not fields of an event (${ENVELOPE.join(", ")})`);
    }
    return problems;
}

/** A PutRule request as the provider sends it from an `aws.cloudwatch.EventRule`'s inputs. */
export interface PutRuleRequest {
    readonly Name: string;
    readonly Description?: string;
    readonly EventPattern?: string;
}

/** PutRule's documented limits, the event pattern's shape included. */
export function putRuleLimits(rule: PutRuleRequest): string[] {
    const problems: string[] = [];
    if (!NAME.test(rule.Name)) problems.push(`documented limit: Name ${JSON.stringify(rule.Name)} must be 1 to 64 of . - _ A-Z a-z 0-9`);
    if ((rule.Description?.length ?? 0) > 512) problems.push(`documented limit: Description has ${rule.Description!.length} characters; at most 512`);
    if (rule.EventPattern === undefined) return [...problems, "documented limit: a rule without ScheduleExpression needs an EventPattern"];
    if (rule.EventPattern.length > 4096) problems.push(`documented limit: EventPattern has ${rule.EventPattern.length} characters; at most 4096`);
    let pattern: unknown;
    try {
        pattern = JSON.parse(rule.EventPattern);
    } catch {
        return [...problems, "documented limit: EventPattern is not JSON"];
    }
    return [...problems, ...eventPatternProblems(pattern)];
}

/** One PutTargets Target as the provider sends it from an `aws.cloudwatch.EventTarget`'s inputs. */
export interface Target {
    readonly Id: string;
    readonly Arn: string;
    readonly Input?: string;
    readonly InputPath?: string;
    readonly InputTransformer?: { readonly InputPathsMap?: Record<string, string>; readonly InputTemplate: string };
}

/** PutTargets' documented limits of one target, and placeholders of the template without a path. */
export function targetLimits(t: Target): string[] {
    const problems: string[] = [];
    const check = (ok: boolean, message: string) => ok || problems.push(`documented limit: ${message}`);
    check(NAME.test(t.Id), `Id ${JSON.stringify(t.Id)} must be 1 to 64 of . - _ A-Z a-z 0-9`);
    check(t.Arn.length >= 1 && t.Arn.length <= 1600, `Arn has ${t.Arn.length} characters; expected 1 to 1600`);
    check([t.Input, t.InputPath, t.InputTransformer].filter(v => v !== undefined).length <= 1, "Input, InputPath and InputTransformer are exclusive");
    const transformer = t.InputTransformer;
    if (transformer) {
        const paths = Object.entries(transformer.InputPathsMap ?? {});
        check(paths.length <= 100, `InputPathsMap has ${paths.length} entries; at most 100`);
        for (const [key, path] of paths) {
            check(PATH_KEY.test(key) && !key.startsWith("AWS"), `InputPathsMap key ${JSON.stringify(key)} must be 1 to 256 of A-Z a-z 0-9 _ -, not starting with "AWS"`);
            check(path.length <= 256 && path.startsWith("$"), `InputPathsMap.${key} ${JSON.stringify(path)} must be a JSON path of at most 256 characters`);
        }
        check(transformer.InputTemplate.length >= 1 && transformer.InputTemplate.length <= 8192, `InputTemplate has ${transformer.InputTemplate.length} characters; expected 1 to 8192`);
        const unknown = [...transformer.InputTemplate.matchAll(/<([A-Za-z0-9_-]+)>/g)].map(m => m[1]).filter(k => !(k in (transformer.InputPathsMap ?? {})));
        check(unknown.length === 0, `InputTemplate uses ${unknown.map(k => `<${k}>`).join(", ")} without an InputPathsMap entry`);
    }
    return problems;
}

/**
 * Whether `event` matches `pattern`, for the operators the stack uses (exact values and `prefix`): enough to
 * run the documented sample events through the stack's patterns.
 */
export function matchesEventPattern(pattern: Record<string, unknown>, event: Record<string, unknown>): boolean {
    return Object.entries(pattern).every(([key, expected]) => {
        const actual = event[key];
        if (isObject(expected)) return isObject(actual) && matchesEventPattern(expected, actual);
        const values = Array.isArray(actual) ? actual : [actual];
        return (expected as unknown[]).some(e =>
            values.some(v => (isObject(e) && typeof e.prefix === "string" ? typeof v === "string" && v.startsWith(e.prefix) : v === e)),
        );
    });
}

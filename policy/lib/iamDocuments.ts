/**
 * Defensive parsing of IAM policy documents as `@pulumi/aws` 7 accepts them: a JSON string or a
 * `PolicyDocument` object; `Statement` a single object or an array; `Action`/`NotAction`/`Resource`/
 * `NotResource` a string or an array of strings; `Principal` `"*"` or `{ AWS | Service | Federated |
 * CanonicalUser: string | string[] }`.
 *
 * `parsePolicyDocument` never throws for malformed input: it returns `{ ok: false, reason }` where `reason`
 * completes the sentence "… is not a valid policy document: …". A document parsed from a JSON string is
 * wrapped in the engine's unknown-checking proxy, so an unknown sentinel inside it throws `UnknownValueError`
 * when read, like an unknown property.
 *
 * Matching follows IAM: action names are case-insensitive, resource ARNs case-sensitive, and both use `*`
 * (any run of characters, `:` and `/` included) and `?` (one character) as wildcards. Conditions are not
 * evaluated: a conditional Allow counts as a grant, a conditional Deny does not count as a denial.
 */
import { unknownCheckingProxy } from "@pulumi/policy";
import { isRecord } from "./coerce";
import { IAM_ROLE, isOneOf } from "./types";

/** One statement, normalised. Lists are undefined when the key is absent. */
export interface PolicyStatement {
    /** 0-based position in the document. */
    readonly index: number;
    readonly sid?: string;
    /** "Allow" or "Deny". */
    readonly effect: "Allow" | "Deny";
    readonly actions?: string[];
    readonly notActions?: string[];
    readonly resources?: string[];
    readonly notResources?: string[];
    /** The raw `Principal` (see {@link principalsOf}). */
    readonly principal?: unknown;
    readonly notPrincipal?: unknown;
    readonly hasCondition: boolean;
    /** The raw `Condition` block (see `./principalScope`). */
    readonly condition?: unknown;
}

export type PolicyDocumentResult =
    | { readonly ok: true; readonly statements: PolicyStatement[] }
    | { readonly ok: false; readonly reason: string };

/** A string or a list of strings; undefined when absent; an error text when of any other shape. */
function stringList(value: unknown, key: string): string[] | undefined | { error: string } {
    if (value === undefined) {
        return undefined;
    }
    if (typeof value === "string") {
        return [value];
    }
    if (Array.isArray(value) && (value as unknown[]).every(v => typeof v === "string")) {
        return [...(value as string[])];
    }
    return { error: `"${key}" must be a string or a list of strings` };
}

const isError = (v: unknown): v is { error: string } => isRecord(v) && typeof v.error === "string";

/** Parses a policy document; see the module comment. */
export function parsePolicyDocument(document: unknown): PolicyDocumentResult {
    let doc: unknown = document;
    if (typeof document === "string") {
        try {
            doc = unknownCheckingProxy(JSON.parse(document));
        } catch (e) {
            return { ok: false, reason: `it is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
        }
    }
    if (!isRecord(doc)) {
        return { ok: false, reason: doc === undefined || doc === null ? "it is missing" : "it is not a JSON object" };
    }
    const raw = doc.Statement;
    const list: unknown[] = Array.isArray(raw) ? (raw as unknown[]) : isRecord(raw) ? [raw] : [];
    if (!Array.isArray(raw) && !isRecord(raw)) {
        return { ok: false, reason: `"Statement" must be an object or a list of objects` };
    }
    const statements: PolicyStatement[] = [];
    for (let index = 0; index < list.length; index++) {
        const s = list[index];
        if (!isRecord(s)) {
            return { ok: false, reason: `statement ${index + 1} is not an object` };
        }
        if (s.Effect !== "Allow" && s.Effect !== "Deny") {
            const given = typeof s.Effect === "string" ? `"Effect" "${s.Effect}"` : `no "Effect"`;
            return { ok: false, reason: `statement ${index + 1} has ${given}; use "Allow" or "Deny"` };
        }
        const fields = {
            actions: stringList(s.Action, "Action"),
            notActions: stringList(s.NotAction, "NotAction"),
            resources: stringList(s.Resource, "Resource"),
            notResources: stringList(s.NotResource, "NotResource"),
        };
        for (const v of Object.values(fields)) {
            if (isError(v)) {
                return { ok: false, reason: `statement ${index + 1}: ${v.error}` };
            }
        }
        statements.push({
            index,
            sid: typeof s.Sid === "string" && s.Sid !== "" ? s.Sid : undefined,
            effect: s.Effect,
            actions: fields.actions as string[] | undefined,
            notActions: fields.notActions as string[] | undefined,
            resources: fields.resources as string[] | undefined,
            notResources: fields.notResources as string[] | undefined,
            principal: s.Principal,
            notPrincipal: s.NotPrincipal,
            hasCondition: isRecord(s.Condition) && Object.keys(s.Condition).length > 0,
            condition: s.Condition,
        });
    }
    return { ok: true, statements };
}

/** `Statement 2` or `Statement 2 ("AllowPull")`, 1-based, for messages. */
export const describeStatement = (s: PolicyStatement): string =>
    s.sid !== undefined ? `Statement ${s.index + 1} ("${s.sid}")` : `Statement ${s.index + 1}`;

const globCache = new Map<string, RegExp>();

/** True when the IAM wildcard pattern (`*`, `?`) matches `text`. */
export function globMatches(pattern: string, text: string, caseInsensitive = false): boolean {
    const key = `${caseInsensitive ? "i" : "s"}${pattern}`;
    let re = globCache.get(key);
    if (!re) {
        const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
        re = new RegExp(`^${body}$`, caseInsensitive ? "is" : "s");
        globCache.set(key, re);
    }
    return re.test(text);
}

/** True when an action pattern (`s3:Get*`, `*`) matches `action`, case-insensitively. */
export const actionMatches = (pattern: string, action: string): boolean => globMatches(pattern, action, true);

/** True when the statement applies to `action` (through `Action`, or by not excluding it with `NotAction`). */
export function statementCoversAction(s: PolicyStatement, action: string): boolean {
    if (s.actions !== undefined) {
        return s.actions.some(p => actionMatches(p, action));
    }
    if (s.notActions !== undefined) {
        return !s.notActions.some(p => actionMatches(p, action));
    }
    return false;
}

/** True when the statement applies to the resource ARN (through `Resource`, or by not excluding it with `NotResource`). */
export function statementCoversResource(s: PolicyStatement, arn: string): boolean {
    if (s.resources !== undefined) {
        return s.resources.some(p => globMatches(p, arn));
    }
    if (s.notResources !== undefined) {
        return !s.notResources.some(p => globMatches(p, arn));
    }
    return false;
}

/**
 * True when `statements` allow `action` on the resource `arn` and no unconditional Deny takes it back.
 * `covers` can widen the resource test (e.g. to accept partial secret ARNs).
 */
export function allows(
    statements: readonly PolicyStatement[],
    action: string,
    arn: string,
    covers: (s: PolicyStatement, arn: string) => boolean = statementCoversResource,
): boolean {
    const applies = (s: PolicyStatement) => statementCoversAction(s, action) && covers(s, arn);
    return (
        statements.some(s => s.effect === "Allow" && applies(s)) &&
        !statements.some(s => s.effect === "Deny" && !s.hasCondition && applies(s))
    );
}

/** One principal of a `Principal` element: `{ kind: "*", value: "*" }` for the bare wildcard. */
export interface Principal {
    readonly kind: "*" | "AWS" | "Service" | "Federated" | "CanonicalUser" | string;
    readonly value: string;
}

/** The principals named by a `Principal`/`NotPrincipal` element; non-string entries are skipped. */
export function principalsOf(principal: unknown): Principal[] {
    if (typeof principal === "string") {
        return [{ kind: principal === "*" ? "*" : "AWS", value: principal }];
    }
    if (!isRecord(principal)) {
        return [];
    }
    const result: Principal[] = [];
    for (const [kind, raw] of Object.entries(principal)) {
        const values = typeof raw === "string" ? [raw] : Array.isArray(raw) ? (raw as unknown[]) : [];
        for (const value of values) {
            if (typeof value === "string") {
                result.push({ kind, value });
            }
        }
    }
    return result;
}

/** `Statement 1`, or `Inline policy "x" statement 1` when the document has a label. */
export const statementWhere = (documentLabel: string | undefined, s: PolicyStatement): string => {
    const statement = describeStatement(s);
    return documentLabel ? `${documentLabel} ${statement.charAt(0).toLowerCase()}${statement.slice(1)}` : statement;
};

/**
 * The policy documents a resource carries in its inputs: `policy` of `aws.iam.Policy`/`RolePolicy`
 * (`label` undefined), or each of an `aws.iam.Role`'s `inlinePolicies` (`label` `Inline policy "name"`).
 */
export function documentsOfResource(type: string, props: Record<string, any>): { label?: string; field: string; document: unknown }[] {
    if (isOneOf(type, IAM_ROLE)) {
        const inline = props.inlinePolicies;
        if (!Array.isArray(inline)) {
            return [];
        }
        return (inline as unknown[]).flatMap((p, i) => {
            if (!isRecord(p) || p.policy === undefined || p.policy === null || p.policy === "") {
                return [];
            }
            const name = typeof p.name === "string" && p.name !== "" ? `"${p.name}"` : `#${i + 1}`;
            return [{ label: `Inline policy ${name}`, field: `inlinePolicies[${i}].policy`, document: p.policy }];
        });
    }
    return [{ field: "policy", document: props.policy }];
}

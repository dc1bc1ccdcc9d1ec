/**
 * `aws.iam.getPolicyDocument` rendered offline exactly as the AWS provider renders it, so that policies
 * read the same JSON the provider would hand to IAM. Pure.
 *
 * Mirrored from terraform-provider-aws `internal/service/iam/policy_document_data_source.go` and
 * `policy_model.go` (which the Pulumi AWS provider wraps):
 * - statements keep their order; `effect` defaults to `Allow`; an empty `sid` is left out;
 * - `actions`, `notActions`, `resources`, `notResources` and principal identifiers are sets: one value is
 *   written as a string, several as a list sorted in reverse;
 * - principals and conditions are maps (Go writes map keys sorted); `{type: "*", identifiers: ["*"]}`
 *   alone becomes `"*"`; condition values keep their order and a single one is written as a string;
 * - `&{` becomes `${` in resources, identifiers and condition values (IAM policy variables);
 * - `sourcePolicyDocuments`, then the statements, then `overridePolicyDocuments` are merged by `Sid`;
 * - `json` is Go's `json.MarshalIndent(doc, "", "  ")`, `minifiedJson` is `json.Marshal(doc)` (both escape
 *   `<`, `>`, `&`), and `id` is the CRC-32 hash code of `json`.
 */

type StringSet = string | string[];

interface Principal {
    readonly type: string;
    readonly identifiers: StringSet;
}

interface Condition {
    readonly test: string;
    readonly variable: string;
    readonly values: StringSet;
}

interface Statement {
    Sid?: string;
    Effect?: string;
    Action?: unknown;
    NotAction?: unknown;
    Resource?: unknown;
    NotResource?: unknown;
    Principal?: Principal[];
    NotPrincipal?: Principal[];
    Condition?: Condition[];
}

interface Doc {
    Version?: string;
    Id?: string;
    Statement: Statement[];
}

/** A `getPolicyDocument` input the provider would reject; the message says which and why. */
export class PolicyDocumentError extends Error {}

const strings = (value: unknown, what: string): string[] => {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some(v => typeof v !== "string")) {
        throw new PolicyDocumentError(`${what} must be a list of strings, got ${JSON.stringify(value)}`);
    }
    return value as string[];
};

/** A set as the provider writes it: one value as a string, several sorted in reverse. */
function decodeSet(values: readonly string[]): StringSet {
    const unique = [...new Set(values)];
    return unique.length === 1 ? unique[0] : unique.sort().reverse();
}

const replaceVars = (value: StringSet, version: string, what: string): StringSet => {
    const one = (v: string) => {
        if (version === "2008-10-17" && v.includes("&{")) {
            throw new PolicyDocumentError(`${what}: found &{ sequence in (${v}), which is not supported in document version 2008-10-17`);
        }
        return v.split("&{").join("${");
    };
    return typeof value === "string" ? one(value) : value.map(one);
};

function principals(value: unknown, version: string, what: string): Principal[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw new PolicyDocumentError(`${what} must be a list of {type, identifiers}`);
    const out = value.map((p, i) => {
        if (typeof p?.type !== "string") throw new PolicyDocumentError(`${what}[${i}].type must be a string`);
        return { type: p.type, identifiers: replaceVars(decodeSet(strings(p.identifiers, `${what}[${i}].identifiers`)), version, `${what}[${i}].identifiers`) };
    });
    return out.length > 0 ? out : undefined;
}

function conditions(value: unknown, version: string, what: string): Condition[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw new PolicyDocumentError(`${what} must be a list of {test, variable, values}`);
    const out = value.map((c, i) => {
        if (typeof c?.test !== "string" || typeof c?.variable !== "string") {
            throw new PolicyDocumentError(`${what}[${i}] needs a test and a variable`);
        }
        const values = replaceVars(strings(c.values, `${what}[${i}].values`), version, `${what}[${i}].values`) as string[];
        return { test: c.test, variable: c.variable, values: values.length === 1 ? values[0] : values };
    });
    return out.length > 0 ? out : undefined;
}

/** Principal map as the provider's `MarshalJSON` writes it. */
function principalJson(set: readonly Principal[]): unknown {
    if (set.length === 1 && set[0].type === "*") {
        const ids = set[0].identifiers;
        if (ids === "*" || (Array.isArray(ids) && ids.length === 1 && ids[0] === "*")) return "*";
    }
    const raw: Record<string, StringSet> = {};
    for (const p of set) {
        const existing = raw[p.type];
        if (Array.isArray(p.identifiers)) {
            const list = existing === undefined ? [] : typeof existing === "string" ? [existing] : existing;
            raw[p.type] = [...list, ...[...p.identifiers].sort().reverse()];
        } else {
            raw[p.type] = existing === undefined ? p.identifiers : [...(typeof existing === "string" ? [existing] : existing), p.identifiers];
        }
    }
    return sortedKeys(raw);
}

function conditionJson(set: readonly Condition[]): unknown {
    const raw: Record<string, Record<string, string[]>> = {};
    for (const c of set) {
        raw[c.test] ??= {};
        raw[c.test][c.variable] = [...(raw[c.test][c.variable] ?? []), ...(typeof c.values === "string" ? [c.values] : c.values)];
    }
    return sortedKeys(
        Object.fromEntries(Object.entries(raw).map(([test, vars]) => [test, sortedKeys(Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, v.length === 1 ? v[0] : v])))])),
    );
}

/** Go writes map keys in sorted (byte) order. */
function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
    return Object.fromEntries(Object.keys(record).sort().map(k => [k, record[k]]));
}

/** A statement in the field order of the provider's struct, empty fields left out (`omitempty`). */
function statementJson(s: Statement): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (s.Sid) out.Sid = s.Sid;
    if (s.Effect) out.Effect = s.Effect;
    for (const key of ["Action", "NotAction", "Resource", "NotResource"] as const) {
        if (s[key] !== undefined && !(Array.isArray(s[key]) && s[key].length === 0) && s[key] !== "") out[key] = s[key];
    }
    if (s.Principal?.length) out.Principal = principalJson(s.Principal);
    if (s.NotPrincipal?.length) out.NotPrincipal = principalJson(s.NotPrincipal);
    if (s.Condition?.length) out.Condition = conditionJson(s.Condition);
    return out;
}

/** A JSON policy (a source or override document) read back as the provider's `UnmarshalJSON` does. */
function parseDocument(text: unknown, what: string): Doc {
    let parsed: any;
    try {
        parsed = JSON.parse(String(text));
    } catch (e) {
        throw new PolicyDocumentError(`${what}: ${(e as Error).message}`);
    }
    const statements: any[] = parsed?.Statement === undefined ? [] : Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
    const readPrincipals = (p: unknown): Principal[] | undefined => {
        if (p === undefined) return undefined;
        if (typeof p === "string") return [{ type: "*", identifiers: ["*"] }];
        return Object.entries(p as Record<string, unknown>).map(([type, ids]) => ({
            type,
            identifiers: typeof ids === "string" ? ids : strings(ids, `${what}: principal ${type}`).slice().sort(),
        }));
    };
    const readConditions = (c: unknown): Condition[] | undefined =>
        c === undefined
            ? undefined
            : Object.entries(c as Record<string, Record<string, unknown>>).flatMap(([test, vars]) =>
                  Object.entries(vars).map(([variable, v]) => ({
                      test,
                      variable,
                      values: typeof v === "boolean" ? String(v) : typeof v === "string" ? [v] : (v as string[]),
                  })),
              );
    return {
        Version: parsed?.Version,
        Id: parsed?.Id,
        Statement: statements.map(s => ({
            Sid: s.Sid,
            Effect: s.Effect,
            Action: s.Action,
            NotAction: s.NotAction,
            Resource: s.Resource,
            NotResource: s.NotResource,
            Principal: readPrincipals(s.Principal),
            NotPrincipal: readPrincipals(s.NotPrincipal),
            Condition: readConditions(s.Condition),
        })),
    };
}

/** The provider's `Merge`: adopt the newer Id and Version, replace statements with the same Sid. */
function merge(into: Doc, doc: Doc): void {
    if (doc.Id) into.Id = doc.Id;
    if ((doc.Version ?? "") > (into.Version ?? "")) into.Version = doc.Version;
    for (const s of doc.Statement) {
        const at = s.Sid ? into.Statement.findIndex(e => e.Sid === s.Sid) : -1;
        if (at >= 0) into.Statement[at] = s;
        else into.Statement.push(s);
    }
}

/** Go's `encoding/json` escapes these even inside strings; they only ever occur inside strings here. */
const goEscape = (json: string): string =>
    json.replace(/[<>&\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});

/** terraform-plugin-sdk's `StringHashcode`: CRC-32 (IEEE) of the text, made non-negative. */
function hashcode(text: string): number {
    let crc = 0xffffffff;
    for (const byte of Buffer.from(text, "utf8")) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    const v = (crc ^ 0xffffffff) | 0;
    return v >= 0 ? v : -v;
}

/** The result of `aws:iam/getPolicyDocument:getPolicyDocument` for `inputs` (the call's arguments). */
export function renderPolicyDocument(inputs: Record<string, any>): { json: string; minifiedJson: string; id: string } {
    const version = typeof inputs.version === "string" ? inputs.version : "2012-10-17";
    if (version !== "2012-10-17" && version !== "2008-10-17") {
        throw new PolicyDocumentError(`version must be 2012-10-17 or 2008-10-17, got ${JSON.stringify(version)}`);
    }
    const merged: Doc = { Statement: [] };
    const sids = new Set<string>();
    strings(inputs.sourcePolicyDocuments, "sourcePolicyDocuments").forEach((text, i) => {
        const doc = parseDocument(text, `sourcePolicyDocuments[${i}]`);
        for (const s of doc.Statement) {
            if (s.Sid) {
                if (sids.has(s.Sid)) throw new PolicyDocumentError(`merging source document ${i}: duplicate Sid (${s.Sid}) in sourcePolicyDocuments`);
                sids.add(s.Sid);
            }
        }
        merge(merged, doc);
    });
    const own: Doc = { Version: version, Id: typeof inputs.policyId === "string" && inputs.policyId ? inputs.policyId : undefined, Statement: [] };
    const seen = new Set<string>();
    (Array.isArray(inputs.statements) ? inputs.statements : []).forEach((s: any, i: number) => {
        const at = `statements[${i}]`;
        if (s.sid) {
            if (seen.has(s.sid)) throw new PolicyDocumentError(`duplicate Sid (${s.sid}). Remove the Sid or ensure the Sid is unique.`);
            seen.add(s.sid);
        }
        const effect = s.effect ?? "Allow";
        if (effect !== "Allow" && effect !== "Deny") throw new PolicyDocumentError(`${at}.effect must be Allow or Deny, got ${JSON.stringify(effect)}`);
        const set = (key: string, vars: boolean) => {
            const list = strings(s[key], `${at}.${key}`);
            return list.length === 0 ? undefined : vars ? replaceVars(decodeSet(list), version, `${at}.${key}`) : decodeSet(list);
        };
        own.Statement.push({
            Sid: s.sid || undefined,
            Effect: effect,
            Action: set("actions", false),
            NotAction: set("notActions", false),
            Resource: set("resources", true),
            NotResource: set("notResources", true),
            Principal: principals(s.principals, version, `${at}.principals`),
            NotPrincipal: principals(s.notPrincipals, version, `${at}.notPrincipals`),
            Condition: conditions(s.conditions, version, `${at}.conditions`),
        });
    });
    merge(merged, own);
    strings(inputs.overridePolicyDocuments, "overridePolicyDocuments").forEach((text, i) => merge(merged, parseDocument(text, `overridePolicyDocuments[${i}]`)));

    const doc: Record<string, unknown> = {};
    if (merged.Version) doc.Version = merged.Version;
    if (merged.Id) doc.Id = merged.Id;
    if (merged.Statement.length > 0) doc.Statement = merged.Statement.map(statementJson);
    const json = goEscape(JSON.stringify(doc, null, 2));
    return { json, minifiedJson: goEscape(JSON.stringify(doc)), id: String(hashcode(json)) };
}

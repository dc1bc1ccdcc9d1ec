/**
 * Whether a resource or trust policy statement lets anyone in: a wildcard principal is excused only by a
 * condition that restricts WHO the caller is. Conditions on anything else (source IP, TLS, time, tags the
 * caller may set, `Null` checks) still let any AWS account in.
 *
 * A condition restricts the principal when, under a plain operator — `StringEquals`,
 * `StringEqualsIgnoreCase`, `StringLike`, `ArnEquals`, `ArnLike` (no `IfExists`, which passes when the key
 * is absent; no `ForAllValues:`, which passes on an absent key; no `ForAnyValue:`, meant for multivalued
 * keys) — it tests an identity key: `aws:PrincipalAccount`, `aws:PrincipalOrgID`, `aws:PrincipalArn`,
 * and for service principals also `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOrgID` (for a direct
 * caller those keys say nothing about who the caller is). Every value must be specific: `*`-only values,
 * ARN values whose account is a wildcard, and policy variables other than the resource's own account or
 * organization do not restrict.
 * Sources: IAM User Guide, "Condition operators" and "AWS global condition context keys"; confused-deputy
 * guidance for aws:SourceArn / aws:SourceAccount.
 */
import { isRecord } from "./coerce";
import { Principal, PolicyStatement, principalsOf } from "./iamDocuments";

const OPERATORS = new Set(["stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike"]);
const PRINCIPAL_KEYS = new Set(["aws:principalaccount", "aws:principalorgid", "aws:principalarn"]);
const SERVICE_KEYS = new Set(["aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid"]);

/** True for a principal value that matches every principal of its kind ("*", `arn:aws:iam::*:root`, …). */
export const isWildcardPrincipal = (p: Principal): boolean => /[*?]/.test(p.value);

/**
 * The resource's own account and organization, as policy variables: a condition pinning the caller to them
 * (`aws:PrincipalAccount` = `${aws:ResourceAccount}`) names one identity. They stand for a concrete value
 * while the value is judged.
 */
const SELF_VARIABLES: readonly [RegExp, string][] = [
    [/\$\{aws:ResourceAccount\}/gi, "000000000000"],
    [/\$\{aws:ResourceOrgID\}/gi, "o-resourceorg"],
];

/**
 * True when one condition value names a specific identity (not only wildcards; an ARN with a concrete
 * account). Any other policy variable (`${aws:PrincipalAccount}`, `${aws:SourceAccount}`, …) is replaced
 * by IAM with the caller's own value (policy version 2012-10-17), so a condition comparing a key with
 * itself is true for every caller: it names no one.
 */
function specific(raw: unknown, key: string): boolean {
    if (typeof raw !== "string") {
        return false;
    }
    const value = SELF_VARIABLES.reduce((v, [variable, stand]) => v.replace(variable, stand), raw);
    if (value.trim() === "" || /^[*?]+$/.test(value) || value.includes("${")) {
        return false;
    }
    if (key.endsWith("arn")) {
        const parts = value.split(":");
        return parts.length >= 6 && parts[0] === "arn" && !/[*?]/.test(parts[4]) && parts[4] !== "";
    }
    return !/[*?]/.test(value);
}

/** Every key a condition tests under a plain operator (see `OPERATORS`), lower-cased, with its values. */
function plainTests(condition: unknown): { key: string; values: unknown[] }[] {
    if (!isRecord(condition)) {
        return [];
    }
    return Object.entries(condition)
        .filter(([operator, tests]) => OPERATORS.has(operator.toLowerCase()) && isRecord(tests))
        .flatMap(([, tests]) =>
            Object.entries(tests as Record<string, unknown>).map(([key, raw]) => ({ key: key.toLowerCase(), values: Array.isArray(raw) ? (raw as unknown[]) : [raw] })),
        );
}

/** True when `condition` restricts who the principal is; `service` when the statement's principals are services. */
export function conditionRestrictsPrincipal(condition: unknown, service: boolean): boolean {
    return plainTests(condition).some(
        ({ key, values }) => (PRINCIPAL_KEYS.has(key) || (service && SERVICE_KEYS.has(key))) && values.length > 0 && values.every(v => specific(v, key)),
    );
}

/** Why an Allow statement lets anyone in, or undefined when it does not. */
export function publicAccess(s: PolicyStatement): string | undefined {
    if (s.effect !== "Allow") {
        return undefined;
    }
    if (s.notPrincipal !== undefined) {
        return `uses "NotPrincipal" with "Allow", which lets in every principal not listed`;
    }
    const principals = principalsOf(s.principal);
    const wild = principals.filter(isWildcardPrincipal);
    if (wild.length === 0) {
        return undefined;
    }
    const service = wild.every(p => p.kind === "Service");
    if (conditionRestrictsPrincipal(s.condition, service)) {
        return undefined;
    }
    const given = wild.map(p => (p.kind === "*" ? '"*"' : `{"${p.kind}": "${p.value}"}`)).join(", ");
    return s.hasCondition
        ? `allows any principal (${given}); its condition does not restrict who the principal is`
        : `allows any principal (${given})`;
}

/**
 * Identity providers shared by everyone: a role that federates one of them trusts every identity the
 * provider issues (any GitHub repository's workflows, any Cognito identity pool of any account, any Google
 * account) unless a condition pins the key that names whose identity it is. Sources: IAM User Guide,
 * "Available keys for AWS web identity federation"; GitHub Docs, "Configuring OpenID Connect in Amazon
 * Web Services" (the `sub` condition); Checkov CKV_AWS_358.
 */
const SHARED_PROVIDERS: readonly { readonly match: RegExp; readonly who: string; readonly key: string; readonly value: RegExp }[] = [
    {
        match: /(^|:oidc-provider\/)token\.actions\.githubusercontent\.com$/,
        who: "any GitHub Actions workflow of any repository",
        key: "token.actions.githubusercontent.com:sub",
        value: /^repo:[^*?/]+\//, // a named owner; a repository, branch or environment under it may follow
    },
    { match: /^cognito-identity\.amazonaws\.com$/, who: "any Cognito identity pool of any AWS account", key: "cognito-identity.amazonaws.com:aud", value: /^[^*?]+$/ },
    { match: /^accounts\.google\.com$/, who: "any Google account", key: "accounts.google.com:aud", value: /^[^*?]+$/ },
];

/** True when `condition` pins `key` under a plain operator to values that each match `value`. */
const conditionPins = (condition: unknown, key: string, value: RegExp): boolean =>
    plainTests(condition).some(t => t.key === key && t.values.length > 0 && t.values.every(v => typeof v === "string" && value.test(v)));

/**
 * Why an Allow statement of a trust policy lets in every identity of a shared identity provider (see
 * `SHARED_PROVIDERS`), or undefined when it does not. The reason ends with what pins it.
 */
export function sharedFederatedAccess(s: PolicyStatement): string | undefined {
    if (s.effect !== "Allow") {
        return undefined;
    }
    for (const p of principalsOf(s.principal).filter(x => x.kind === "Federated")) {
        const provider = SHARED_PROVIDERS.find(sp => sp.match.test(p.value));
        if (provider && !conditionPins(s.condition, provider.key, provider.value)) {
            return (
                `trusts the identity provider "${p.value}" without pinning "${provider.key}" (StringEquals or StringLike, ` +
                `specific values), so ${provider.who} can assume the role; pin "${provider.key}" to your own ` +
                (provider.key.endsWith(":sub") ? `repositories ("repo:<owner>/<repository>:…").` : `identity pool or client ID.`)
            );
        }
    }
    return undefined;
}

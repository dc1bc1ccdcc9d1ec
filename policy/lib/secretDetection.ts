/**
 * Pure helpers that decide whether a plain environment variable holds a secret, and whether a
 * `secrets[].valueFrom` names a Secrets Manager secret or an SSM parameter by ARN.
 *
 * Detection runs three tiers, from most to least certain:
 * 1. VALUE patterns that identify a credential outright (AWS access key ids, AWS secret access keys, URLs
 *    and connection strings with a password, PEM private keys, JWTs, GitHub/Slack/Stripe/Google/npm
 *    tokens). These apply to every variable, allow-listed or not.
 * 2. NAME patterns (PASSWORD, SECRET, TOKEN, API_KEY, ACCESS_KEY, PRIVATE_KEY, CREDENTIAL, …) matched on
 *    the words of the name, so `DB_PASSWORD`, `dbPassword` and `JWTSECRET` match but `TOKENIZER_MODEL` does
 *    not. Names that describe a reference rather than the secret (`…_ARN`, `…_PATH`, `…_FILE`, `…_TTL`, …)
 *    and values that cannot be a credential (empty, booleans, short integers, ARNs, absolute paths, URLs
 *    without credentials, `${VAR}` placeholders) are not reported.
 * 3. ENTROPY: the value is cut into tokens at whitespace and `, ; " ' = .`; a token counts as random when it
 *    has at least `minLength` characters (default 20), mixes letters and digits, is not a URL, path, ARN,
 *    image reference, host name, e-mail address or UUID, does not read like words (vowels make up less than
 *    35 % of its letters: about 19 % in random base62, about 40 % in identifiers such as
 *    `K8sClusterNameProductionEU1`), and has a Shannon entropy of at least `threshold` bits per character
 *    (default 4.0). Why 4.0: a random base62/base64 token of 20 characters scores about 4.0-4.1 and one of
 *    24+ characters 4.2 or more, while bucket names, cluster names and dates stay below 3.9; the vowel test
 *    removes the long identifiers that also pass 4.0 because they use many distinct letters. Hexadecimal
 *    strings cannot exceed 4.0 bits (16 symbols), so git SHAs, image digests and UUIDs are deliberately
 *    left alone; hex keys are caught by their name only.
 *
 * Reasons never contain the value itself: messages must not leak the secret they report.
 */

/** Why a variable was reported. `kind` tells which tier found it. */
export interface SecretFinding {
    readonly kind: "value" | "name" | "entropy";
    /** Completes "… sets NAME in plain environment and …", e.g. "its value contains credentials". */
    readonly reason: string;
}

export interface SecretDetectionOptions {
    /** Names (case-insensitive) exempt from the name and entropy tiers; value patterns still apply. */
    readonly allowedNames?: readonly string[];
    /** Bits per character at or above which a token counts as random. Default 4.0. */
    readonly entropyThreshold?: number;
    /** Shortest token the entropy tier considers. Default 20. */
    readonly entropyMinLength?: number;
}

export const DEFAULT_ENTROPY_THRESHOLD = 4.0;
export const DEFAULT_ENTROPY_MIN_LENGTH = 20;

/** Shannon entropy of `text` in bits per character (0 for the empty string). */
export function shannonEntropy(text: string): number {
    if (text.length === 0) {
        return 0;
    }
    const counts = new Map<string, number>();
    for (const ch of text) {
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    const length = [...text].length;
    let bits = 0;
    for (const count of counts.values()) {
        const p = count / length;
        bits -= p * Math.log2(p);
    }
    return bits;
}

// ---------------------------------------------------------------------------------------------------------
// Tier 1: value patterns

/** `scheme://user:password@host` or `scheme://:password@host`, where the password is not a `${VAR}` placeholder. */
function urlHasCredentials(value: string): boolean {
    const re = /[a-z][a-z0-9+.-]*:\/\/([^\s/?#@]*):([^\s/?#@]+)@/gi;
    for (const m of value.matchAll(re)) {
        if (!isPlaceholder(m[2])) {
            return true;
        }
    }
    return false;
}

/** `Server=…;User Id=…;Password=…;` style connection strings. */
function connectionStringHasPassword(value: string): boolean {
    const re = /(?:^|[;?&\s])\s*(?:password|pwd)\s*=\s*([^;&\s]+)/gi;
    for (const m of value.matchAll(re)) {
        if (!isPlaceholder(m[1])) {
            return true;
        }
    }
    return false;
}

const isPlaceholder = (text: string): boolean =>
    /^(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\{\{.*\}\}|%s|<[^>]*>|\*+)$/.test(text.trim());

function looksLikeAwsSecretKey(value: string): boolean {
    const re = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
    for (const m of value.matchAll(re)) {
        const candidate = m[0];
        if (
            /[A-Z]/.test(candidate) &&
            /[a-z]/.test(candidate) &&
            /[0-9]/.test(candidate) &&
            !candidate.startsWith("/") &&
            !candidate.includes("//")
        ) {
            return true;
        }
    }
    return false;
}

const VALUE_PATTERNS: readonly { readonly reason: string; readonly test: (value: string) => boolean }[] = [
    { reason: "its value contains a PEM private key", test: v => /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/.test(v) },
    { reason: "its value contains credentials", test: v => urlHasCredentials(v) || connectionStringHasPassword(v) },
    { reason: "its value looks like an AWS access key id", test: v => /(?<![A-Z0-9])(AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}(?![A-Z0-9])/.test(v) },
    { reason: "its value looks like a JSON Web Token", test: v => /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{10,}/.test(v) },
    { reason: "its value looks like a GitHub token", test: v => /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/.test(v) },
    { reason: "its value looks like a Slack token", test: v => /\bxox[abposre]-[A-Za-z0-9-]{10,}/.test(v) },
    { reason: "its value is a Slack webhook URL", test: v => /hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]+/.test(v) },
    { reason: "its value looks like a Stripe secret key", test: v => /\b[sr]k_live_[A-Za-z0-9]{20,}\b/.test(v) },
    { reason: "its value looks like a Google API key", test: v => /\bAIza[0-9A-Za-z_-]{35}\b/.test(v) },
    { reason: "its value looks like an npm token", test: v => /\bnpm_[A-Za-z0-9]{36}\b/.test(v) },
    { reason: "its value looks like an AWS secret access key", test: looksLikeAwsSecretKey },
];

/** The reason a value is a credential by its shape alone, or undefined. */
export function valueSecretReason(value: string): string | undefined {
    return VALUE_PATTERNS.find(p => p.test(value))?.reason;
}

// ---------------------------------------------------------------------------------------------------------
// Tier 2: names

/** Upper-case words of an identifier: `dbPassword` → DB, PASSWORD; `API-KEY.v2` → API, KEY, V2. */
export function nameWords(name: string): string[] {
    return name
        .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
        .split(/[^A-Za-z0-9]+/)
        .filter(w => w !== "")
        .map(w => w.toUpperCase());
}

/** Words that mark a secret on their own, also as the end of a compound word (DBPASSWORD, APITOKEN). */
const SECRET_WORDS = ["PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "APIKEY", "ACCESSKEY", "PRIVATEKEY", "SECRETKEY", "CREDENTIAL", "CREDENTIALS", "CREDS"];
/** Words that mark a secret only as a whole word (BYPASS and COMPASS are not passwords). */
const EXACT_SECRET_WORDS = ["PASS", "PWD"];
/** Word pairs that mark a secret (API_KEY, ACCESS_KEY, PRIVATE_KEY, …). */
const SECRET_PAIRS: readonly (readonly [string, string])[] = [
    ["API", "KEY"],
    ["ACCESS", "KEY"],
    ["PRIVATE", "KEY"],
    ["SIGNING", "KEY"],
    ["ENCRYPTION", "KEY"],
    ["MASTER", "KEY"],
    ["AUTH", "KEY"],
    ["LICENSE", "KEY"],
    ["CLIENT", "KEY"],
];
/** Names that are always secret, whatever their suffix says. */
const ALWAYS_SECRET = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];
/** Final words that make the variable a reference to or a property of a secret, not the secret itself. */
const REFERENCE_SUFFIXES = [
    "ARN", "NAME", "ID", "PATH", "FILE", "DIR", "URL", "URI", "ENDPOINT", "HOST", "PORT", "REGION", "TTL",
    "TIMEOUT", "EXPIRY", "EXPIRES", "EXPIRATION", "LENGTH", "TYPE", "ALGORITHM", "HEADER", "ENABLED", "LOCATION",
    "PARAM", "PARAMETER", "VERSION", "MODE", "PROVIDER", "SIZE", "COUNT", "DAYS", "SECONDS", "MINUTES", "HOURS",
    "PREFIX", "FORMAT", "FIELD", "KEYS",
];

/** True when the name, by its words, calls for a secret (see the module comment). */
export function isSecretName(name: string): boolean {
    const upper = name.toUpperCase();
    if (ALWAYS_SECRET.includes(upper)) {
        return true;
    }
    const words = nameWords(name);
    if (words.length === 0 || (words.length === 1 && (words[0] === "PWD" || words[0] === "OLDPWD"))) {
        return false;
    }
    const hasSequence = (...seq: string[]) =>
        words.some((_, i) => seq.every((w, j) => words[i + j] === w));
    const isAccessKeyId = hasSequence("ACCESS", "KEY", "ID");
    if (!isAccessKeyId && REFERENCE_SUFFIXES.includes(words[words.length - 1])) {
        return false;
    }
    return (
        isAccessKeyId ||
        words.some(w => SECRET_WORDS.some(s => w === s || w === `${s}S` || w.endsWith(s))) ||
        words.some(w => EXACT_SECRET_WORDS.includes(w)) ||
        SECRET_PAIRS.some(([a, b]) => hasSequence(a, b))
    );
}

/** Values that cannot be a credential even under a secret-sounding name. */
function isInnocuousValue(value: string): boolean {
    const v = value.trim();
    return (
        v === "" ||
        /^(true|false|yes|no|on|off|enabled|disabled|none|null|required|optional)$/i.test(v) ||
        /^\d{1,7}$/.test(v) ||
        v.startsWith("arn:") ||
        v.startsWith("/") ||
        v.startsWith("file://") ||
        (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !urlHasCredentials(v)) ||
        isPlaceholder(v)
    );
}

// ---------------------------------------------------------------------------------------------------------
// Tier 3: entropy

/** Tokens that are structured (URLs, paths, ARNs, image references, host names, …), never random secrets. */
function isStructuredToken(token: string): boolean {
    return (
        token.includes("://") ||
        /^(\/|\.\/|\.\.\/|~\/)/.test(token) ||
        token.startsWith("arn:") ||
        token.includes("@sha256:") ||
        (token.includes(".") && token.includes("/")) ||
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token) ||
        /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\.?(:\d+)?$/i.test(token) ||
        /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(token)
    );
}

/** True when the token has no letters, or when vowels make up 35 % or more of them (words, not noise). */
function readsLikeWords(token: string): boolean {
    const letters = token.replace(/[^A-Za-z]/g, "");
    if (letters.length === 0) {
        return true;
    }
    const vowels = letters.replace(/[^AEIOUaeiou]/g, "").length;
    return vowels / letters.length >= 0.35;
}

/** The highest-entropy qualifying token of `value`, or undefined when none reaches the threshold. */
export function randomTokenEntropy(value: string, threshold: number, minLength: number): number | undefined {
    let best: number | undefined;
    for (const token of value.split(/[\s,;"'=.]+/)) {
        if (token.length < minLength || isStructuredToken(token) || !/[0-9]/.test(token) || readsLikeWords(token)) {
            continue;
        }
        const bits = shannonEntropy(token);
        if (bits >= threshold && (best === undefined || bits > best)) {
            best = bits;
        }
    }
    return best;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Decides whether the plain environment variable `name=value` holds a secret. `value` may be of any type:
 * numbers are checked as their decimal text, anything else that is not a string is ignored.
 */
export function detectPlaintextSecret(name: string, value: unknown, options: SecretDetectionOptions = {}): SecretFinding | undefined {
    const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
    if (text === undefined || text.trim() === "") {
        return undefined;
    }
    const byValue = valueSecretReason(text);
    if (byValue) {
        return { kind: "value", reason: byValue };
    }
    const allowed = (options.allowedNames ?? []).some(n => typeof n === "string" && n.toUpperCase() === name.toUpperCase());
    if (allowed) {
        return undefined;
    }
    if (isSecretName(name) && !isInnocuousValue(text)) {
        return { kind: "name", reason: "its name suggests a secret" };
    }
    const bits = randomTokenEntropy(
        text,
        options.entropyThreshold ?? DEFAULT_ENTROPY_THRESHOLD,
        options.entropyMinLength ?? DEFAULT_ENTROPY_MIN_LENGTH,
    );
    if (bits !== undefined) {
        return { kind: "entropy", reason: `its value looks random (${bits.toFixed(1)} bits of entropy per character), like a key or token` };
    }
    return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Secret references (`secrets[].valueFrom`)

/** A `valueFrom` classified: a Secrets Manager secret (by its ARN without the JSON-key suffix), an SSM parameter, or neither. */
export type SecretReference =
    | { readonly kind: "secretsmanager"; readonly secretArn: string }
    | { readonly kind: "ssm"; readonly parameterArn: string }
    | { readonly kind: "other" };

const PARTITION = "aws(?:-[a-z]+)*";
const SECRETS_MANAGER_ARN = new RegExp(`^arn:${PARTITION}:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[^:\\s]+`);
const SSM_PARAMETER_ARN = new RegExp(`^arn:${PARTITION}:ssm:[a-z0-9-]+:\\d{12}:parameter\\/?\\S+$`);

/**
 * Classifies a `valueFrom`. For Secrets Manager the result is the secret's own ARN: ECS accepts
 * `<secret-arn>:<json-key>:<version-stage>:<version-id>`, and IAM grants apply to `<secret-arn>`.
 */
export function classifySecretReference(valueFrom: unknown): SecretReference {
    if (typeof valueFrom !== "string") {
        return { kind: "other" };
    }
    const sm = SECRETS_MANAGER_ARN.exec(valueFrom);
    if (sm) {
        return { kind: "secretsmanager", secretArn: sm[0] };
    }
    if (SSM_PARAMETER_ARN.test(valueFrom)) {
        return { kind: "ssm", parameterArn: valueFrom };
    }
    return { kind: "other" };
}

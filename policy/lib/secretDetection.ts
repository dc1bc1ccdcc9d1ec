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
 *    and values that cannot be a credential (empty, booleans, ARNs, URLs without credentials, `${VAR}`
 *    placeholders, paths to credential files such as `/var/secrets/key.json`, integers under quantity
 *    names such as MAX_TOKENS) are not reported. A short value or a bare path under `DB_PASSWORD` is: it is
 *    the password the application will use.
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
 * Argument lists and shell strings (`detectSecretsInArguments`) are read for `NAME=value`, `--name=value`,
 * `--name value`, `export NAME=value`, `"name": "value"`, `-u user:password` and authorization headers,
 * each named value going through the three tiers, and for passwords given to a known program by a short flag
 * (`mysql -pS3cret`, `redis-cli -a x`, `sshpass -p x`, `curl -u user:pw`; `./passwordFlags`), in an argument
 * list as ECS runs it and in each shell command of a string; `literalSecretInReference` finds a secret pasted where
 * a reference (`valueFrom`) belongs.
 *
 * Reasons never contain the value itself: messages must not leak the secret they report.
 */

import { PasswordFlagUse, passwordFlagUses } from "./passwordFlags";
import { markExpansions, parseShell, shellWords } from "./shellCommands";

export { shellCommands, shellWords } from "./shellCommands";

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
    const re = /(?:^|[;?&,\s])\s*(?:password|passwd|pwd)\s*=\s*([^;&,\s]+)/gi;
    for (const m of value.matchAll(re)) {
        if (!isPlaceholder(m[1])) {
            return true;
        }
    }
    return false;
}

/** `$VAR`, `${VAR}`, a whole command substitution (`$(cat /run/secrets/db)`, backquotes), `{{…}}`, `%s`, `<…>`, `***`. */
const isPlaceholder = (text: string): boolean =>
    /^(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\([^()]*\)|`[^`]*`|\{\{.*\}\}|%s|<[^>]*>|\*+)$/.test(text.trim());

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
    // an Authorization header value, whatever the variable is called (`AUTH_HEADER`, `UPSTREAM_AUTH`)
    { reason: "its value is an HTTP Basic or Bearer credential", test: v => /^\s*(?:Basic|Bearer)\s+(?!realm=)[A-Za-z0-9+/=._~-]{8,}\s*$/i.test(v) },
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
    // where the secret is read from: `docker login --password-stdin`, gpg `--passphrase-fd 0`
    "STDIN", "FD",
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

/** Words that make a name a quantity (MAX_TOKENS, PASSWORD_MIN_LENGTH): a number under it is a setting. */
const QUANTITY_WORDS = ["MAX", "MIN", "LIMIT", "COUNT", "NUM", "NUMBER", "SIZE", "LENGTH", "LEN", "TTL", "TIMEOUT", "AGE", "LIFETIME", "RETRIES", "ATTEMPTS", "BYTES", "BITS", "ROUNDS", "DAYS", "SECONDS", "MINUTES", "HOURS"];

/** File names a credential setting points at (`GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/key.json`). */
const FILE_PATH = /^(\/|\.\/|~\/)[^\s]*\/[^\s/]+\.(json|pem|key|crt|cer|p12|pfx|jks|keystore|txt|ya?ml|env|ini|conf|cfg|properties|toml)$/i;

/**
 * Values that cannot be a credential even under a secret-sounding name. Deliberately narrow: a short number
 * (a PIN) or a bare path under `DB_PASSWORD` is what the application will use as the password, so only
 * numbers under quantity names and paths to files with a credential-file extension are let through.
 */
function isInnocuousValue(name: string, value: string): boolean {
    const v = value.trim();
    return (
        v === "" ||
        /^(true|false|yes|no|on|off|enabled|disabled|none|null|required|optional)$/i.test(v) ||
        (/^\d{1,7}$/.test(v) && nameWords(name).some(w => QUANTITY_WORDS.includes(w))) ||
        v.startsWith("arn:") ||
        FILE_PATH.test(v) ||
        v.startsWith("file://") ||
        // a source, not the secret: openssl(1) pass phrase arguments `env:VAR`, `file:/path`, `fd:N`
        /^(env:[A-Za-z_][A-Za-z0-9_]*|file:\/\S+|fd:\d+)$/.test(v) ||
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
        /^(sha1|sha256|sha384|sha512|md5):[0-9a-f]+$/i.test(token) ||
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
    if (isSecretName(name) && !isInnocuousValue(name, text)) {
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
// Arguments and shell strings (`command`, `entryPoint`, `healthCheck.command`)

/** Why a password given to a program by a flag (`mysql -pS3cret`) is reported; see `./passwordFlags`. */
const passwordFlagReason = (use: PasswordFlagUse): string =>
    `passes a password to ${use.program} on its command line (${use.flag})` +
    (use.unexpanded === true ? ", as written: no shell reads an exec-form argument, so its $ is not filled in" : "");

/**
 * The first password a shell string gives a program by a flag, in any of its commands, and in the commands
 * of a quoted word that holds another shell string (`su app -c 'mysql -pS3cret'`, `bash -c "…"`), a few
 * levels deep. What the shell fills in (`-p"$PW"`, `$(cat /run/secrets/pw)`) is no password; what it
 * leaves alone (`-p'$uperS3cret'`) is.
 */
function passwordFlagInShell(text: string, depth = 0): PasswordFlagUse | undefined {
    for (const command of parseShell(text)) {
        const [use] = passwordFlagUses(command.words, (word, offset) => command.expansions[word].has(offset));
        if (use !== undefined) {
            return use;
        }
        for (const [index, word] of depth < 3 ? command.words.entries() : []) {
            const inner = /\s/.test(word.trim()) ? passwordFlagInShell(markExpansions(word, command.expansions[index]), depth + 1) : undefined;
            if (inner !== undefined) {
                return inner;
            }
        }
    }
    return undefined;
}

/** A value an argument gives under a name: `NAME=value`, `--name=value`, `--name value`, `"name": "value"`. */
export interface NamedValue {
    readonly name: string;
    readonly value: string;
}

const ASSIGNMENT = /^-{0,2}([A-Za-z_][A-Za-z0-9_.-]*)=([\s\S]*)$/;
const FLAG = /^-{1,2}([A-Za-z][A-Za-z0-9_.-]*)$/;
const QUOTED_PAIR = /["']([A-Za-z_][\w.-]*)["']\s*:\s*["']([^"']*)["']/g;

/** The named values in a list of words (see {@link NamedValue}); a flag takes the next word only under a secret name. */
function namedValuesInWords(words: readonly string[]): NamedValue[] {
    const found: NamedValue[] = [];
    words.forEach((word, i) => {
        const assignment = ASSIGNMENT.exec(word);
        if (assignment) {
            found.push({ name: assignment[1], value: assignment[2] });
            return;
        }
        const flag = FLAG.exec(word);
        const next = words[i + 1];
        if (flag && next !== undefined && !next.startsWith("-") && isSecretName(flag[1])) {
            found.push({ name: flag[1], value: next });
        }
    });
    return found;
}

/** The named values of one argument, read as a shell string and as JSON-like text. */
export function namedValuesIn(text: string): NamedValue[] {
    const quoted = [...text.matchAll(QUOTED_PAIR)].map(m => ({ name: m[1], value: m[2] }));
    return [...namedValuesInWords(shellWords(text)), ...quoted];
}

/** `curl -u user:password`, `--user user:password`, and an `Authorization:` header carrying a credential. */
function argumentCredentialReason(words: readonly string[], text: string): string | undefined {
    for (let i = 0; i + 1 < words.length; i++) {
        const userFlag = words[i] === "-u" || words[i] === "--user" || words[i] === "--proxy-user";
        const pair = /^[^:\s]*:(.+)$/.exec(words[i + 1]);
        if (userFlag && pair && !isPlaceholder(pair[1])) {
            return "it passes a user name and password";
        }
    }
    const header = /\b(?:authorization|proxy-authorization|x-api-key|api-key|x-auth-token)\s*:\s*(?:(?:bearer|basic|token|digest)\s+)?([^\s"']+)/i.exec(text);
    if (header && !isPlaceholder(header[1])) {
        return "it sends a credential in an authorization header";
    }
    return undefined;
}

/**
 * {@link detectPlaintextSecret} for a named value, then for the named values inside it: a variable, label
 * or option whose value passes another setting (`JAVA_OPTS=-Ddb.password=x`, `SPRING_APPLICATION_JSON=
 * {"spring.datasource.password": "x"}`, `--token=x`) is judged by that setting's name too.
 */
export function detectSecretInNamedValue(name: string, value: unknown, options: SecretDetectionOptions = {}): SecretFinding | undefined {
    const direct = detectPlaintextSecret(name, value, options);
    if (direct || typeof value !== "string") {
        return direct;
    }
    const allowed = (options.allowedNames ?? []).filter((n): n is string => typeof n === "string").map(n => n.toUpperCase());
    for (const inner of namedValuesIn(value)) {
        if (!allowed.includes(inner.name.toUpperCase()) && isSecretName(inner.name) && !isInnocuousValue(inner.name, inner.value)) {
            return { kind: "name", reason: `its value sets ${inner.name}, whose name suggests a secret` };
        }
    }
    const use = passwordFlagInShell(value);
    return use === undefined ? undefined : { kind: "value", reason: `its value ${passwordFlagReason(use)}` };
}

/** A secret found in one argument of an argument list; `name` is the variable or flag it was given under. */
export interface ArgumentFinding extends SecretFinding {
    /** 0-based position of the argument in the list. */
    readonly index: number;
    readonly name?: string;
}

/**
 * Secrets in an argument list, at most one finding per argument: value patterns over the whole argument;
 * then every `NAME=value`, `--name=value`, `--name value` (the value may be the next argument), `export
 * NAME=value` and `"name": "value"` through all three tiers of {@link detectPlaintextSecret}; then
 * `-u user:password` and authorization headers; then passwords given to a known program by a short flag
 * (`./passwordFlags`: `mysql -pS3cret`, `redis-cli -a x`), read in the list as ECS runs it (`leading` holds
 * the entryPoint a `command` follows, so `entryPoint: ["mysql"]`, `command: ["-pS3cret"]` is read as one
 * command) and in each shell command of an argument; then the entropy tier over the argument's own words.
 * Non-string elements are skipped.
 */
export function detectSecretsInArguments(args: readonly unknown[], options: SecretDetectionOptions = {}, leading: readonly unknown[] = []): ArgumentFinding[] {
    const findings: ArgumentFinding[] = [];
    // the list as ECS runs it (after `leading`, the entryPoint a command follows), then each argument as a shell string
    const execWords = [...leading, ...args].map(a => (typeof a === "string" ? a : ""));
    const passwordFlags = new Map<number, PasswordFlagUse>();
    for (const use of passwordFlagUses(execWords).filter(u => u.index >= leading.length)) {
        passwordFlags.set(use.index - leading.length, use);
    }
    args.forEach((arg, index) => {
        const use = typeof arg === "string" && !passwordFlags.has(index) ? passwordFlagInShell(arg) : undefined;
        if (use !== undefined) {
            passwordFlags.set(index, use);
        }
    });
    args.forEach((arg, index) => {
        if (typeof arg !== "string" || arg.trim() === "") {
            return;
        }
        const byValue = valueSecretReason(arg);
        if (byValue) {
            findings.push({ index, kind: "value", reason: byValue });
            return;
        }
        const words = shellWords(arg);
        const previous = index > 0 && typeof args[index - 1] === "string" ? FLAG.exec(args[index - 1] as string) : null;
        const named = [
            ...(previous && !arg.startsWith("-") && isSecretName(previous[1]) ? [{ name: previous[1], value: arg }] : []),
            ...namedValuesIn(arg),
        ];
        for (const { name, value } of named) {
            const finding = detectPlaintextSecret(name, value, options);
            if (finding) {
                findings.push({ index, name, ...finding });
                return;
            }
        }
        const credential = argumentCredentialReason(words, arg);
        if (credential) {
            findings.push({ index, kind: "value", reason: credential });
            return;
        }
        const flagged = passwordFlags.get(index);
        if (flagged) {
            findings.push({ index, kind: "value", reason: `it ${passwordFlagReason(flagged)}` });
            return;
        }
        const bits = randomTokenEntropy(
            words.join(" "),
            options.entropyThreshold ?? DEFAULT_ENTROPY_THRESHOLD,
            options.entropyMinLength ?? DEFAULT_ENTROPY_MIN_LENGTH,
        );
        if (bits !== undefined) {
            findings.push({ index, kind: "entropy", reason: `it holds a random-looking token (${bits.toFixed(1)} bits of entropy per character), like a key or token` });
        }
    });
    return findings;
}

/**
 * A secret reference (`valueFrom`, `credentialsParameter`) that holds the secret itself rather than naming
 * where it is stored: the value patterns and the entropy tier, never the name tier (an SSM parameter may be
 * named anything). Undefined for ARNs and for text that reads like a parameter name.
 */
export function literalSecretInReference(reference: unknown, options: SecretDetectionOptions = {}): SecretFinding | undefined {
    if (typeof reference !== "string" || reference.startsWith("arn:")) {
        return undefined;
    }
    const byValue = valueSecretReason(reference);
    if (byValue) {
        return { kind: "value", reason: byValue };
    }
    const bits = randomTokenEntropy(
        reference,
        options.entropyThreshold ?? DEFAULT_ENTROPY_THRESHOLD,
        options.entropyMinLength ?? DEFAULT_ENTROPY_MIN_LENGTH,
    );
    return bits === undefined
        ? undefined
        : { kind: "entropy", reason: `it looks random (${bits.toFixed(1)} bits of entropy per character), like the secret itself` };
}

// ---------------------------------------------------------------------------------------------------------
// Secret references (`secrets[].valueFrom`)

/**
 * A `valueFrom` classified: a Secrets Manager secret (by its ARN without the JSON-key suffix), an SSM
 * parameter by ARN, an SSM parameter by name (valid for a parameter in the task's own Region), or neither.
 */
export type SecretReference =
    | { readonly kind: "secretsmanager"; readonly secretArn: string }
    | { readonly kind: "ssm"; readonly parameterArn: string }
    | { readonly kind: "ssm-name"; readonly parameterName: string }
    | { readonly kind: "other" };

const PARTITION = "aws(?:-[a-z]+)*";
const SECRETS_MANAGER_ARN = new RegExp(`^arn:${PARTITION}:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[^:\\s]+`);
const SSM_PARAMETER_ARN = new RegExp(`^arn:${PARTITION}:ssm:[a-z0-9-]+:\\d{12}:parameter\\/?\\S+$`);
/**
 * An SSM parameter name: letters, digits and `_.-`, either one segment or a `/`-rooted hierarchy of up to
 * 15 levels, at most 1011 characters; a one-segment name may not start with "aws" or "ssm". (SSM
 * PutParameter "Name" rules; ECS: "If the SSM Parameter Store parameter exists in the same Region as the
 * task you're launching, then you can use either the full ARN or name of the parameter" — API_Secret.)
 */
const SSM_PARAMETER_NAME = /^(?:(?:\/[A-Za-z0-9_.-]+){1,15}|(?!aws|ssm)[A-Za-z0-9_.-]+)$/i;

/**
 * Classifies a `valueFrom`. For Secrets Manager the result is the secret's own ARN: ECS accepts
 * `<secret-arn>:<json-key>:<version-stage>:<version-id>`, and IAM grants apply to `<secret-arn>`.
 * Secrets Manager secrets are only accepted by ARN; SSM parameters by ARN or, in the same Region, by name.
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
    if (valueFrom.length <= 1011 && SSM_PARAMETER_NAME.test(valueFrom)) {
        return { kind: "ssm-name", parameterName: valueFrom };
    }
    return { kind: "other" };
}

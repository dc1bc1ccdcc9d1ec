/**
 * ELB TLS security policies: the families the pack counts as modern, the policy the program's HTTPS
 * listeners use, and what AWS applies when a listener names none. Pure, with no import: the policy pack
 * and the components read this one module.
 *
 * Source: "Security policies for your Application Load Balancer",
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html, and
 * "Security policies for your Network Load Balancer",
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/network/describe-ssl-policies.html, checked
 * 2026-11-30.
 *
 * AWS publishes each family in dated revisions and adds FIPS and post-quantum (PQ) variants over time, so
 * the pack matches the family rather than a list that ages:
 * - `ELBSecurityPolicy-TLS13-1-2[-Res][-FIPS][-PQ]-<yyyy-mm>`: TLS 1.3 and 1.2 only (Res: restricted to
 *   AEAD forward-secret ciphers), e.g. TLS13-1-2-2021-06, TLS13-1-2-Res-2021-06, TLS13-1-2-FIPS-2023-04,
 *   TLS13-1-2-Res-PQ-2025-09 (the console default since 2025-09);
 * - `ELBSecurityPolicy-TLS13-1-3[-FIPS][-PQ]-<yyyy-mm>`: TLS 1.3 only;
 * - `ELBSecurityPolicy-FS-1-2-Res-<yyyy-mm>`: TLS 1.2 only, forward-secret AEAD ciphers.
 * Not modern: anything that still accepts TLS 1.0 or 1.1 (`ELBSecurityPolicy-2016-08`, the API default;
 * `TLS13-1-0-…`, `TLS13-1-1-…`, `TLS-1-1-…`, `FS-2018-06`), and the `Ext0`/`Ext1`/`Ext2` variants of
 * TLS13-1-2, which extend the cipher list with CBC and non-forward-secret suites for legacy clients.
 */
const FAMILIES: readonly { readonly pattern: RegExp; readonly shape: string }[] = [
    { pattern: /^ELBSecurityPolicy-TLS13-1-2(-Res)?(-FIPS)?(-PQ)?-\d{4}-\d{2}$/, shape: "ELBSecurityPolicy-TLS13-1-2[-Res][-FIPS][-PQ]-<date>" },
    { pattern: /^ELBSecurityPolicy-TLS13-1-3(-FIPS)?(-PQ)?-\d{4}-\d{2}$/, shape: "ELBSecurityPolicy-TLS13-1-3[-FIPS][-PQ]-<date>" },
    { pattern: /^ELBSecurityPolicy-FS-1-2-Res-\d{4}-\d{2}$/, shape: "ELBSecurityPolicy-FS-1-2-Res-<date>" },
];

/** The family shapes, for messages. */
export const MODERN_SSL_POLICY_FAMILIES: readonly string[] = FAMILIES.map(f => f.shape);

/** True when `name` belongs to one of the modern families. */
export const isModernSslPolicy = (name: string): boolean => FAMILIES.some(f => f.pattern.test(name));

/** What AWS applies to an HTTPS/TLS listener created through the API without `sslPolicy`. */
export const AWS_DEFAULT_SSL_POLICY = "ELBSecurityPolicy-2016-08";

/**
 * The TLS policy the program's HTTPS listeners use: TLS 1.3 and 1.2 with forward secrecy only, of the
 * first modern family, and the example the pack's messages give.
 */
export const RECOMMENDED_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

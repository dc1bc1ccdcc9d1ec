import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { LISTENER } from "../lib/types";
import { asStringList, quoteList } from "../lib/coerce";
import { listenerProtocol } from "./props";
import { AWS_DEFAULT_SSL_POLICY, isModernSslPolicy, MODERN_SSL_POLICY_FAMILIES, RECOMMENDED_TLS_POLICY } from "../facts/tlsPolicies";

interface Config {
    allowedPolicies: string[];
}

/**
 * Catalog #16 — Security Hub ELB.17, Checkov CKV_AWS_103, Trivy AVD-AWS-0047, compliance-policies.
 * High/critical.
 *
 * HTTPS and TLS listeners must name an `sslPolicy` of a modern family (TLS 1.2 or later only, AEAD ciphers;
 * FIPS and post-quantum variants included: see `../facts/tlsPolicies.ts`), or, when `allowedPolicies` is set, one
 * of exactly those. A missing `sslPolicy` is reported: AWS then applies ELBSecurityPolicy-2016-08, which
 * still negotiates TLS 1.0.
 */
export const lbListenerModernTlsPolicy: ResourceValidationPolicy = {
    name: "lb-listener-modern-tls-policy",
    description: "HTTPS and TLS listeners use a modern TLS security policy.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowedPolicies: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "ELB security policies a listener may use, instead of any policy of the modern families (TLS13-1-2, TLS13-1-3, FS-1-2-Res, with FIPS and PQ variants).",
            },
        },
    },
    validateResource: validateTypes(LISTENER, (props, args, reportViolation) => {
        const protocol = listenerProtocol(props);
        if (protocol !== "HTTPS" && protocol !== "TLS") {
            return;
        }
        const allowed = asStringList(args.getConfig<Config>().allowedPolicies);
        const accepts = (name: string) => (allowed.length > 0 ? allowed.includes(name) : isModernSslPolicy(name));
        const choices =
            allowed.length > 0
                ? `one of ${quoteList(allowed, "or")}`
                : `a policy of the families ${quoteList(MODERN_SSL_POLICY_FAMILIES, "or")} (e.g. "${RECOMMENDED_TLS_POLICY}")`;
        const label = `Listener "${args.name}" (${protocol})`;
        const policy = props.sslPolicy;
        if (typeof policy !== "string" || policy.trim() === "") {
            reportViolation(`${label} has no sslPolicy, so AWS applies "${AWS_DEFAULT_SSL_POLICY}", which accepts TLS 1.0; set sslPolicy to ${choices}.`);
        } else if (!accepts(policy.trim())) {
            reportViolation(`${label} uses sslPolicy "${policy}"; set it to ${choices}.`);
        }
    }),
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { LISTENER } from "../lib/types";
import { asStringList, quoteList } from "../lib/coerce";
import { listenerProtocol } from "./props";

/** TLS 1.3/1.2 and forward-secrecy policies; every one refuses TLS 1.0 and 1.1. */
export const DEFAULT_ALLOWED_SSL_POLICIES = [
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-FS-1-2-Res-2020-10",
    "ELBSecurityPolicy-FS-1-2-Res-2019-08",
];

/** What AWS applies to an HTTPS/TLS listener created without `sslPolicy`. */
export const AWS_DEFAULT_SSL_POLICY = "ELBSecurityPolicy-2016-08";

interface Config {
    allowedPolicies: string[];
}

/**
 * Catalog #16 — Security Hub ELB.17, Checkov CKV_AWS_103, Trivy AVD-AWS-0047, compliance-policies.
 * High/critical.
 *
 * HTTPS and TLS listeners must name an `sslPolicy` from `allowedPolicies`. A missing `sslPolicy` is
 * reported: AWS then applies ELBSecurityPolicy-2016-08, which still negotiates TLS 1.0.
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
                default: DEFAULT_ALLOWED_SSL_POLICIES,
                description: "ELB security policies a listener may use.",
            },
        },
    },
    validateResource: validateTypes(LISTENER, (props, args, reportViolation) => {
        const protocol = listenerProtocol(props);
        if (protocol !== "HTTPS" && protocol !== "TLS") {
            return;
        }
        const allowed = asStringList(args.getConfig<Config>().allowedPolicies);
        const label = `Listener "${args.name}" (${protocol})`;
        const policy = props.sslPolicy;
        if (typeof policy !== "string" || policy.trim() === "") {
            reportViolation(
                `${label} has no sslPolicy, so AWS applies "${AWS_DEFAULT_SSL_POLICY}", which accepts TLS 1.0; ` +
                    `set sslPolicy to one of ${quoteList(allowed, "or")}.`,
            );
        } else if (!allowed.includes(policy)) {
            reportViolation(`${label} uses sslPolicy "${policy}"; set it to one of ${quoteList(allowed, "or")}.`);
        }
    }),
};

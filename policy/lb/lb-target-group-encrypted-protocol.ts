import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { TARGET_GROUP } from "../lib/types";
import { upper } from "../lib/coerce";

const ENCRYPTED: Record<string, string> = { HTTP: "HTTPS", TCP: "TLS" };

/**
 * Catalog #15 (target side) — Checkov CKV_AWS_378.
 *
 * Traffic from the load balancer to its targets is plaintext when the target group speaks HTTP, TCP,
 * UDP or TCP_UDP. Advisory: terminating TLS at the load balancer and speaking HTTP inside the VPC (as
 * this project's service does) is a common, deliberate trade-off; this policy keeps it visible.
 * Lambda and GENEVE target groups have no such protocol and are skipped.
 */
export const lbTargetGroupEncryptedProtocol: ResourceValidationPolicy = {
    name: "lb-target-group-encrypted-protocol",
    description: "Target groups encrypt traffic to their targets (HTTPS or TLS).",
    enforcementLevel: "advisory",
    severity: "low",
    validateResource: validateTypes(TARGET_GROUP, (props, args, reportViolation) => {
        const protocol = upper(props.protocol);
        if (protocol === undefined || !["HTTP", "TCP", "UDP", "TCP_UDP"].includes(protocol)) {
            return;
        }
        const fix = ENCRYPTED[protocol]
            ? `use protocol "${ENCRYPTED[protocol]}" (the targets must then serve TLS)`
            : "encrypt in the application, since the load balancer cannot re-encrypt UDP";
        reportViolation(`Target group "${args.name}" sends plaintext ${protocol} to its targets; ${fix}.`);
    }),
};

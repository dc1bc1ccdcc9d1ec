import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { LISTENER } from "../lib/types";
import { listenerProtocol } from "./props";

const PLAINTEXT = ["TCP", "UDP", "TCP_UDP"];

/**
 * Catalog #15 (listener side) — Security Hub ELB.18.
 *
 * Network Load Balancer listeners on TCP, UDP or TCP_UDP accept unencrypted connections; use TLS.
 * Plain HTTP listeners are the concern of `lb-listener-http-redirects-to-https` (#14), so they are not
 * reported twice; the target side of #15 is `lb-target-group-encrypted-protocol`.
 */
export const lbListenerEncryptedProtocol: ResourceValidationPolicy = {
    name: "lb-listener-encrypted-protocol",
    description: "Network listeners use TLS rather than plain TCP or UDP.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateTypes(LISTENER, (props, args, reportViolation) => {
        const protocol = listenerProtocol(props);
        if (protocol === undefined || !PLAINTEXT.includes(protocol)) {
            return;
        }
        const fix =
            protocol === "TCP"
                ? 'switch protocol to "TLS" with an ACM certificateArn and a modern sslPolicy'
                : "the load balancer cannot encrypt UDP, so encrypt in the application (DTLS/QUIC) or serve the traffic over TLS";
        reportViolation(`Listener "${args.name}" (${protocol}) accepts unencrypted connections; ${fix}.`);
    }),
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { LISTENER, LISTENER_CERTIFICATE } from "../lib/types";
import { listenerProtocol } from "./props";

const ACM_ARN = /^arn:aws[a-z-]*:acm:/;

/**
 * Catalog #17 — cdk-nag.
 *
 * HTTPS and TLS listeners, and extra listener certificates, use a certificate from AWS Certificate
 * Manager: ACM renews it automatically, where an IAM server certificate silently expires.
 */
export const lbListenerAcmCertificate: ResourceValidationPolicy = {
    name: "lb-listener-acm-certificate",
    description: "HTTPS and TLS listeners use an ACM certificate.",
    enforcementLevel: "mandatory",
    severity: "medium",
    validateResource: validateTypes([...LISTENER, ...LISTENER_CERTIFICATE], (props, args, reportViolation) => {
        let label: string;
        if ((LISTENER_CERTIFICATE as readonly string[]).includes(args.type)) {
            label = `Listener certificate "${args.name}"`;
        } else {
            const protocol = listenerProtocol(props);
            if (protocol !== "HTTPS" && protocol !== "TLS") {
                return;
            }
            label = `Listener "${args.name}" (${protocol})`;
        }
        const arn = props.certificateArn;
        if (typeof arn !== "string" || arn.trim() === "") {
            reportViolation(`${label} has no certificateArn; request a certificate from ACM and set certificateArn to its ARN.`);
        } else if (!ACM_ARN.test(arn.trim())) {
            reportViolation(
                `${label} uses certificate "${arn}", which is not from ACM; use an ACM certificate (arn:aws:acm:…) so it renews automatically.`,
            );
        }
    }),
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { LISTENER } from "../lib/types";
import { isRecord, upper } from "../lib/coerce";
import { listenerProtocol } from "./props";

const FIX = 'make its only default action { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }';

/**
 * Catalog #14 — Security Hub ELB.1, Checkov CKV_AWS_2 / CKV2_AWS_20, Trivy AVD-AWS-0054, awsguard,
 * compliance-policies. Severity medium to critical across tools.
 *
 * An HTTP listener must have exactly one default action: a redirect whose protocol is HTTPS (an unset
 * redirect protocol means `#{protocol}`, i.e. HTTP again). A listener without a protocol is HTTP, the
 * AWS default for Application Load Balancers. Advisory by default because a dev stack without a
 * certificate legitimately forwards HTTP; make it mandatory where TLS is configured (prod).
 */
export const lbListenerHttpRedirectsToHttps: ResourceValidationPolicy = {
    name: "lb-listener-http-redirects-to-https",
    description: "HTTP listeners only redirect to HTTPS.",
    enforcementLevel: "advisory",
    severity: "high",
    validateResource: validateTypes(LISTENER, (props, args, reportViolation) => {
        if (listenerProtocol(props) !== "HTTP") {
            return;
        }
        const label = `Listener "${args.name}" (HTTP)`;
        const actions = props.defaultActions;
        if (!Array.isArray(actions) || actions.length === 0) {
            reportViolation(`${label} has no default action; ${FIX}.`);
            return;
        }
        if (actions.length > 1) {
            reportViolation(`${label} has ${actions.length} default actions; ${FIX}.`);
            return;
        }
        const action = actions[0];
        const type = isRecord(action) && typeof action.type === "string" ? action.type : undefined;
        if (type?.trim().toLowerCase() !== "redirect") {
            const what = type === undefined ? "a default action without a type" : `a "${type}" default action`;
            reportViolation(`${label} serves plain HTTP with ${what}; ${FIX}.`);
            return;
        }
        const redirect = action.redirect;
        const target = isRecord(redirect) ? redirect.protocol : undefined;
        if (upper(target) !== "HTTPS") {
            const shown = typeof target === "string" && target !== "" ? target : "#{protocol}";
            reportViolation(`${label} redirects to protocol "${shown}", not HTTPS; set redirect.protocol to "HTTPS".`);
        }
    }),
};

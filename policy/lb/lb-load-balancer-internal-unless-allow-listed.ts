import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { LOAD_BALANCER } from "../lib/types";
import { asStringList, isRecord } from "../lib/coerce";
import { isInternetFacing } from "./props";

interface Config {
    allowInternetFacing: boolean;
    exposureTagKey: string;
    exposureTagValue: string;
    allowedNames: string[];
}

/**
 * Catalog #24 — Trivy AVD-AWS-0053. High.
 *
 * Load balancers are internal unless deliberately exposed. An internet-facing load balancer (AWS's
 * default when `internal` is unset) passes when it is allow-listed by one of:
 * - the tag `exposureTagKey` = `exposureTagValue` (default `Exposure = public`) on the load balancer,
 *   which keeps the decision next to the resource and visible in the console (this project's ALB
 *   carries it);
 * - its logical name in `allowedNames`;
 * - `allowInternetFacing: true` for the whole stack.
 */
export const lbLoadBalancerInternalUnlessAllowListed: ResourceValidationPolicy = {
    name: "lb-load-balancer-internal-unless-allow-listed",
    description: "Load balancers are internal unless explicitly allow-listed as public.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            allowInternetFacing: {
                type: "boolean",
                default: false,
                description: "Accept every internet-facing load balancer of the stack.",
            },
            exposureTagKey: { type: "string", default: "Exposure", description: "Tag that marks a deliberately public load balancer." },
            exposureTagValue: { type: "string", default: "public", description: "Value of that tag." },
            allowedNames: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Logical names of load balancers allowed to be internet-facing.",
            },
        },
    },
    validateResource: validateTypes(LOAD_BALANCER, (props, args, reportViolation) => {
        if (!isInternetFacing(props)) {
            return;
        }
        const config = args.getConfig<Config>();
        if (config.allowInternetFacing === true || asStringList(config.allowedNames).includes(args.name)) {
            return;
        }
        const tags = props.tags;
        const key = config.exposureTagKey;
        if (isRecord(tags) && typeof key === "string" && tags[key] === config.exposureTagValue) {
            return;
        }
        reportViolation(
            `Load balancer "${args.name}" is internet-facing; set internal: true, or mark it as deliberately public ` +
                `with the tag ${key} = "${config.exposureTagValue}".`,
        );
    }),
};

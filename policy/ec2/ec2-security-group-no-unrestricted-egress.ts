import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { coversAllPorts } from "../lib/cidr";
import { RULE_BEARING_TYPES, securityGroupRules } from "../lib/securityGroupRules";

/**
 * Catalog #33 — Trivy AVD-AWS-0104, Checkov CKV_AWS_382. Critical.
 *
 * No egress rule sends all traffic (protocol "-1"/"all", or TCP/UDP on every port) to the world
 * (0.0.0.0/0 or ::/0). Egress to the world on a specific port — e.g. TCP 443 to pull images and call
 * AWS APIs — is accepted. All three rule forms are checked.
 */
export const ec2SecurityGroupNoUnrestrictedEgress: ResourceValidationPolicy = {
    name: "ec2-security-group-no-unrestricted-egress",
    description: "Security groups do not allow unrestricted egress to the internet.",
    enforcementLevel: "mandatory",
    severity: "critical",
    validateResource: validateTypes(RULE_BEARING_TYPES, (props, args, reportViolation) => {
        for (const rule of securityGroupRules(args.type, args.name, props)) {
            if (rule.direction !== "egress") {
                continue;
            }
            const world = rule.worldPeers();
            if (world.length === 0) {
                continue;
            }
            const range = rule.ports();
            if (rule.protocol() === "all" || (range && coversAllPorts(range))) {
                reportViolation(
                    `${rule.label} allows ${rule.traffic()} to the world (${world.join(", ")}); limit egress to the ports the workload needs (e.g. tcp 443).`,
                );
            }
        }
    }),
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { portList, rangeWithin } from "../lib/cidr";
import { RULE_BEARING_TYPES, securityGroupRules } from "../lib/securityGroupRules";

interface Config {
    authorizedPorts: number[];
}

/**
 * Catalog #32 — Security Hub EC2.18/EC2.19, Checkov CKV_AWS_277/CKV_AWS_260, cdk-nag EC23,
 * compliance-policies. High/critical.
 *
 * Ingress from the world (0.0.0.0/0 or ::/0) is allowed only on TCP/UDP ports in `authorizedPorts`
 * (default 80 and 443), never for all protocols ("-1") or all ports, and never for other protocols
 * such as ICMP. All three rule forms are checked.
 */
export const ec2SecurityGroupWorldIngressAuthorizedPorts: ResourceValidationPolicy = {
    name: "ec2-security-group-world-ingress-authorized-ports",
    description: "Security groups admit internet traffic only on authorised ports.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            authorizedPorts: {
                type: "array",
                items: { type: "integer" },
                default: [80, 443],
                description: "TCP/UDP ports that may be open to 0.0.0.0/0 or ::/0.",
            },
        },
    },
    validateResource: validateTypes(RULE_BEARING_TYPES, (props, args, reportViolation) => {
        const authorized = portList(args.getConfig<Config>().authorizedPorts);
        const allowed = authorized.length > 0 ? `TCP/UDP port${authorized.length === 1 ? "" : "s"} ${authorized.join(", ")}` : "no port";
        for (const rule of securityGroupRules(args.type, args.name, props)) {
            if (rule.direction !== "ingress") {
                continue;
            }
            const world = rule.worldPeers();
            if (world.length === 0) {
                continue;
            }
            const protocol = rule.protocol();
            const range = rule.ports();
            if (protocol === "all" || !range || !rangeWithin(range, authorized)) {
                reportViolation(
                    `${rule.label} allows ${rule.traffic()} from the world (${world.join(", ")}); world ingress is limited to ${allowed}: ` +
                        "narrow the rule to those ports or restrict its source.",
                );
            }
        }
    }),
};

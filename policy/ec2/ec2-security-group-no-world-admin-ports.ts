import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { portList, portsCovered } from "../lib/cidr";
import { RULE_BEARING_TYPES, securityGroupRules } from "../lib/securityGroupRules";

/** SSH, RDP, databases and caches, search, Docker daemon, telnet, FTP. */
export const DEFAULT_ADMIN_PORTS = [22, 3389, 3306, 5432, 1433, 1521, 6379, 11211, 27017, 9200, 5601, 2375, 2376, 23, 21];

interface Config {
    adminPorts: number[];
}

/**
 * Catalog #31 — Security Hub EC2.13/EC2.14, Checkov CKV_AWS_24/CKV_AWS_25, Trivy AVD-AWS-0107, cdk-nag.
 * High.
 *
 * No ingress rule open to the world (0.0.0.0/0 or ::/0) covers an administrative or data port
 * (`adminPorts`). Checks all three rule forms: inline `ingress` on security groups (and default
 * security groups), `aws.ec2.SecurityGroupRule`, and `aws.vpc.SecurityGroupIngressRule`. Protocol
 * "-1"/"all" opens every port; a TCP/UDP rule without ports is judged as all ports.
 */
export const ec2SecurityGroupNoWorldAdminPorts: ResourceValidationPolicy = {
    name: "ec2-security-group-no-world-admin-ports",
    description: "Security groups do not open administrative or database ports to the internet.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            adminPorts: {
                type: "array",
                items: { type: "integer" },
                default: DEFAULT_ADMIN_PORTS,
                description: "Ports that must never be reachable from 0.0.0.0/0 or ::/0.",
            },
        },
    },
    validateResource: validateTypes(RULE_BEARING_TYPES, (props, args, reportViolation) => {
        const adminPorts = portList(args.getConfig<Config>().adminPorts);
        for (const rule of securityGroupRules(args.type, args.name, props)) {
            if (rule.direction !== "ingress") {
                continue;
            }
            const world = rule.worldPeers();
            const range = world.length > 0 ? rule.ports() : undefined;
            const exposed = range ? portsCovered(range, adminPorts).sort((a, b) => a - b) : [];
            if (exposed.length > 0) {
                reportViolation(
                    `${rule.label} opens admin port${exposed.length === 1 ? "" : "s"} ${exposed.join(", ")} (${rule.traffic()}) ` +
                        `to the world (${world.join(", ")}); allow only a known CIDR or a security group, or reach hosts through SSM Session Manager.`,
                );
            }
        }
    }),
};

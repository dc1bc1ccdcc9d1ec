import { StackValidationPolicy } from "@pulumi/policy";
import { STANDALONE_RULE_TYPES, hasInlineRules } from "../lib/securityGroupRules";
import { SECURITY_GROUP } from "../lib/types";

/**
 * Catalog #35 [S] — awsguard.
 *
 * A security group either declares its rules inline (`ingress`/`egress`) or receives standalone rule
 * resources (`aws.ec2.SecurityGroupRule`, `aws.vpc.SecurityGroup{Ingress,Egress}Rule`), never both:
 * each side deletes the other's rules on the next update. A standalone rule is matched to its group by
 * `securityGroupId` = the group's `id`. Empty inline lists count as no inline rules.
 */
export const ec2SecurityGroupNoMixedRules: StackValidationPolicy = {
    name: "ec2-security-group-no-mixed-rules",
    description: "Security groups do not mix inline rules with standalone rule resources.",
    enforcementLevel: "mandatory",
    severity: "medium",
    validateStack: (args, reportViolation) => {
        const inline = new Map<string, string>();
        for (const r of args.resources) {
            if ((SECURITY_GROUP as readonly string[]).includes(r.type) && hasInlineRules(r.props)) {
                const id = r.props.id;
                if (typeof id === "string" && id !== "") {
                    inline.set(id, r.name);
                }
            }
        }
        if (inline.size === 0) {
            return;
        }
        for (const r of args.resources) {
            if (!STANDALONE_RULE_TYPES.includes(r.type)) {
                continue;
            }
            const groupId = r.props.securityGroupId;
            const group = typeof groupId === "string" ? inline.get(groupId) : undefined;
            if (group !== undefined) {
                reportViolation(
                    `Rule "${r.name}" adds to security group "${group}", which also declares inline ingress/egress rules; ` +
                        `move all of "${group}"'s rules to standalone rule resources (or all inline) so they stop overwriting each other.`,
                    r.urn,
                );
            }
        }
    },
};

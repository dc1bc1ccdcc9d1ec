import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { securityGroupRules } from "../lib/securityGroupRules";
import { SECURITY_GROUP, SECURITY_GROUP_RULE, SG_EGRESS_RULE, SG_INGRESS_RULE } from "../lib/types";

/** What the provider writes when a security group has no description. */
export const PULUMI_DEFAULT_DESCRIPTION = "Managed by Pulumi";

const blank = (value: unknown): boolean => typeof value !== "string" || value.trim() === "";

/**
 * Catalog #34 — Checkov CKV_AWS_23, Trivy AVD-AWS-0099/AVD-AWS-0124, cdk-nag EC27,
 * compliance-policies. Low.
 *
 * Security groups have a real description (not the provider default "Managed by Pulumi"), and every
 * rule — inline, `aws.ec2.SecurityGroupRule` or `aws.vpc.SecurityGroup{Ingress,Egress}Rule` — says
 * why it exists. Changing a security group's description replaces it, so there is no remediation.
 */
export const ec2SecurityGroupDescriptions: ResourceValidationPolicy = {
    name: "ec2-security-group-descriptions",
    description: "Security groups and their rules have descriptions.",
    enforcementLevel: "advisory",
    severity: "low",
    validateResource: validateTypes(
        [...SECURITY_GROUP, ...SECURITY_GROUP_RULE, ...SG_INGRESS_RULE, ...SG_EGRESS_RULE],
        (props, args, reportViolation) => {
            if ((SECURITY_GROUP as readonly string[]).includes(args.type)) {
                const description = props.description;
                if (blank(description)) {
                    reportViolation(
                        `Security group "${args.name}" has no description (AWS shows "${PULUMI_DEFAULT_DESCRIPTION}"); set description to what the group protects.`,
                    );
                } else if (description.trim() === PULUMI_DEFAULT_DESCRIPTION) {
                    reportViolation(
                        `Security group "${args.name}" keeps the default description "${PULUMI_DEFAULT_DESCRIPTION}"; set description to what the group protects.`,
                    );
                }
            }
            for (const rule of securityGroupRules(args.type, args.name, props)) {
                if (blank(rule.description())) {
                    reportViolation(`${rule.label} has no description; set description to why the rule exists.`);
                }
            }
        },
    ),
};

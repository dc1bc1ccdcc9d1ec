import { ResourceValidationPolicy } from "@pulumi/policy";
import { remediateTypes, validateTypes } from "../lib/applies";
import { DEFAULT_SECURITY_GROUP } from "../lib/types";
import { copyProps } from "../lib/coerce";

const nonEmpty = (value: unknown): value is unknown[] => Array.isArray(value) && value.length > 0;

/**
 * Catalog #36 (resource side) — Security Hub EC2.2, Checkov CKV2_AWS_12, Trivy AVD-AWS-0173, cdk-nag.
 * High.
 *
 * An adopted `aws.ec2.DefaultSecurityGroup` declares no ingress and no egress, which revokes AWS's
 * allow-all defaults: anything launched without a security group then gets no network access.
 * Remediation empties both lists. `ec2-vpc-default-security-group-managed` checks that every VPC
 * adopts its default security group.
 */
export const ec2DefaultSecurityGroupNoRules: ResourceValidationPolicy = {
    name: "ec2-default-security-group-no-rules",
    description: "Default security groups allow no traffic.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(DEFAULT_SECURITY_GROUP, (props, args, reportViolation) => {
        for (const direction of ["ingress", "egress"] as const) {
            const rules = props[direction];
            if (nonEmpty(rules)) {
                reportViolation(
                    `Default security group "${args.name}" declares ${rules.length} ${direction} rule${rules.length === 1 ? "" : "s"}; ` +
                        `remove them (${direction}: []) and give workloads their own security groups.`,
                );
            }
        }
    }),
    remediateResource: remediateTypes(DEFAULT_SECURITY_GROUP, props => {
        if (!nonEmpty(props.ingress) && !nonEmpty(props.egress)) {
            return undefined;
        }
        return { ...copyProps(props), ingress: [], egress: [] };
    }),
};

import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { SECURITY_GROUP } from "../lib/types";

/**
 * Catalog #39 (resource side) — Checkov CKV_AWS_148, Trivy AVD-AWS-0101. High.
 *
 * A security group without `vpcId` is created in the account's default VPC, and so is whatever uses it.
 */
export const ec2SecurityGroupVpcSet: ResourceValidationPolicy = {
    name: "ec2-security-group-vpc-set",
    description: "Security groups belong to an explicit VPC, not the default one.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes(SECURITY_GROUP, (props, args, reportViolation) => {
        const vpcId = props.vpcId;
        if (typeof vpcId !== "string" || vpcId.trim() === "") {
            reportViolation(
                `Security group "${args.name}" has no vpcId, so AWS creates it in the default VPC; set vpcId to the service's VPC.`,
            );
        }
    }),
};

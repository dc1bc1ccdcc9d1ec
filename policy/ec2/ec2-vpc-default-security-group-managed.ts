import { StackValidationPolicy } from "@pulumi/policy";
import { DEFAULT_SECURITY_GROUP } from "../lib/types";
import { fieldValues, vpcsOf } from "./vpcs";

/**
 * Catalog #36 [S] — Security Hub EC2.2, Checkov CKV2_AWS_12, Trivy AVD-AWS-0173, cdk-nag. High.
 *
 * Every VPC the stack creates (`aws.ec2.Vpc` id or `awsx.ec2.Vpc` `vpcId`) has an
 * `aws.ec2.DefaultSecurityGroup` with that `vpcId`; otherwise AWS's default group keeps allowing all
 * traffic between its members and all egress. Its rules are checked by `ec2-default-security-group-no-rules`.
 */
export const ec2VpcDefaultSecurityGroupManaged: StackValidationPolicy = {
    name: "ec2-vpc-default-security-group-managed",
    description: "Every VPC's default security group is adopted and closed.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, reportViolation) => {
        const vpcs = vpcsOf(args.resources);
        if (vpcs.length === 0) {
            return;
        }
        const managed = new Set(fieldValues(args.resources, DEFAULT_SECURITY_GROUP, "vpcId").map(r => r.props.vpcId as string));
        for (const vpc of vpcs) {
            if (!managed.has(vpc.id)) {
                reportViolation(
                    `VPC "${vpc.name}" leaves its default security group open; add an aws.ec2.DefaultSecurityGroup with vpcId set to it and no ingress or egress.`,
                    vpc.urn,
                );
            }
        }
    },
};

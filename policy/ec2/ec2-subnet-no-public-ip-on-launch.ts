import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { SUBNET } from "../lib/types";

/**
 * Catalog #38 — Security Hub EC2.15, Checkov CKV_AWS_130, Trivy AVD-AWS-0164, cdk-nag. Medium/high.
 *
 * Subnets do not give every network interface a public IP (`mapPublicIpOnLaunch: true`); load
 * balancers do not need it and tasks should not have it. Advisory, because VPC libraries (awsx
 * included) turn it on for their public subnets; make it mandatory where subnets are defined by hand.
 */
export const ec2SubnetNoPublicIpOnLaunch: ResourceValidationPolicy = {
    name: "ec2-subnet-no-public-ip-on-launch",
    description: "Subnets do not assign public IPs on launch.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateResource: validateTypes(SUBNET, (props, args, reportViolation) => {
        if (props.mapPublicIpOnLaunch === true) {
            reportViolation(
                `Subnet "${args.name}" gives every network interface a public IP; set mapPublicIpOnLaunch: false and attach Elastic IPs only where needed.`,
            );
        }
    }),
};

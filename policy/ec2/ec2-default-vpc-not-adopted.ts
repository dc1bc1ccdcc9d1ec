import { ResourceValidationPolicy } from "@pulumi/policy";
import { validateTypes } from "../lib/applies";
import { DEFAULT_SUBNET, DEFAULT_VPC } from "../lib/types";

/**
 * The resource-level half of `ec2-vpc-no-default-vpc` (catalog #39): adopting the account's default VPC or
 * one of its subnets (`aws.ec2.DefaultVpc`, `aws.ec2.DefaultSubnet`) shows on the resource itself, so it is
 * refused before `pulumi up` adopts it; a stack policy would only run after. The stack policy keeps the
 * `awsx.ec2.DefaultVpc` component, which resource policies do not see.
 */
export const ec2DefaultVpcNotAdopted: ResourceValidationPolicy = {
    name: "ec2-default-vpc-not-adopted",
    description: "The account's default VPC and its subnets are not adopted into the stack.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateResource: validateTypes([...DEFAULT_VPC, ...DEFAULT_SUBNET], (_props, args, reportViolation) => {
        const kind = (DEFAULT_VPC as readonly string[]).includes(args.type) ? "aws.ec2.DefaultVpc" : "aws.ec2.DefaultSubnet";
        reportViolation(`${kind} "${args.name}" uses the account's default VPC; create a dedicated VPC (e.g. awsx.ec2.Vpc) and deploy the service into it.`);
    }),
};

import { StackValidationPolicy } from "@pulumi/policy";
import { AWSX_DEFAULT_VPC } from "../lib/types";

/** Only the component: `aws.ec2.DefaultVpc`/`DefaultSubnet` are refused before creation by `ec2-default-vpc-not-adopted`. */
const KINDS: Record<string, string> = {
    [AWSX_DEFAULT_VPC[0]]: "awsx.ec2.DefaultVpc",
};

/**
 * Catalog #39 [S] — Checkov CKV_AWS_148, Trivy AVD-AWS-0101. High.
 *
 * The stack does not deploy into the account's default VPC through the `awsx.ec2.DefaultVpc` component,
 * which a resource policy cannot see (adopting it with `aws.ec2.DefaultVpc`/`DefaultSubnet` is the
 * resource-level `ec2-default-vpc-not-adopted`, which blocks before creation):
 * its subnets are all public and shared with whatever else was launched without a VPC. See also
 * `ec2-security-group-vpc-set`, which catches security groups that silently land in the default VPC.
 */
export const ec2VpcNoDefaultVpc: StackValidationPolicy = {
    name: "ec2-vpc-no-default-vpc",
    description: "Services are not deployed into the default VPC.",
    enforcementLevel: "mandatory",
    severity: "high",
    validateStack: (args, reportViolation) => {
        for (const r of args.resources) {
            const kind = KINDS[r.type];
            if (kind !== undefined) {
                reportViolation(
                    `${kind} "${r.name}" uses the account's default VPC; create a dedicated VPC (e.g. awsx.ec2.Vpc) and deploy the service into it.`,
                    r.urn,
                );
            }
        }
    },
};

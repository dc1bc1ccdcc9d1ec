import { StackValidationPolicy } from "@pulumi/policy";
import { FLOW_LOG } from "../lib/types";
import { upper } from "../lib/coerce";
import { fieldValues, vpcsOf } from "./vpcs";

/**
 * Catalog #37 [S] — Security Hub EC2.6, Checkov CKV2_AWS_11, Trivy AVD-AWS-0178, cdk-nag VPC7. Medium.
 *
 * Every VPC the stack creates has an `aws.ec2.FlowLog` whose `vpcId` is the VPC's id and that records
 * rejected traffic (`trafficType` "ALL" or "REJECT"; "ACCEPT" alone hides probes and misconfigurations).
 * Advisory by default because flow logs cost money; mandatory in production.
 */
export const ec2VpcFlowLogs: StackValidationPolicy = {
    name: "ec2-vpc-flow-logs",
    description: "Every VPC has flow logs that record rejected traffic.",
    enforcementLevel: "advisory",
    severity: "medium",
    validateStack: (args, reportViolation) => {
        const vpcs = vpcsOf(args.resources);
        if (vpcs.length === 0) {
            return;
        }
        const logs = fieldValues(args.resources, FLOW_LOG, "vpcId");
        for (const vpc of vpcs) {
            const mine = logs.filter(r => r.props.vpcId === vpc.id);
            if (mine.length === 0) {
                reportViolation(
                    `VPC "${vpc.name}" has no flow log; add an aws.ec2.FlowLog with vpcId set to it and trafficType "ALL".`,
                    vpc.urn,
                );
            } else if (mine.every(r => upper(r.props.trafficType) === "ACCEPT")) {
                reportViolation(
                    `VPC "${vpc.name}" flow logs record only accepted traffic; set trafficType "ALL" (or "REJECT") so rejected connections are logged.`,
                    vpc.urn,
                );
            }
        }
    },
};

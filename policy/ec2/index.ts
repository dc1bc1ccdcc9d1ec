import { Policies } from "@pulumi/policy";
import { ec2DefaultVpcNotAdopted } from "./ec2-default-vpc-not-adopted";
import { ec2DefaultSecurityGroupNoRules } from "./ec2-default-security-group-no-rules";
import { ec2RoutePrivateEgressViaNat } from "./ec2-route-private-egress-via-nat";
import { ec2SecurityGroupDescriptions } from "./ec2-security-group-descriptions";
import { ec2SecurityGroupNoMixedRules } from "./ec2-security-group-no-mixed-rules";
import { ec2SecurityGroupNoUnrestrictedEgress } from "./ec2-security-group-no-unrestricted-egress";
import { ec2SecurityGroupNoWorldAdminPorts } from "./ec2-security-group-no-world-admin-ports";
import { ec2SecurityGroupPooledWorldExposure } from "./ec2-security-group-pooled-world-exposure";
import { ec2SecurityGroupVpcSet } from "./ec2-security-group-vpc-set";
import { ec2SecurityGroupWorldIngressAuthorizedPorts } from "./ec2-security-group-world-ingress-authorized-ports";
import { ec2SubnetNoPublicIpOnLaunch } from "./ec2-subnet-no-public-ip-on-launch";
import { ec2VpcDefaultSecurityGroupManaged } from "./ec2-vpc-default-security-group-managed";
import { ec2VpcFlowLogs } from "./ec2-vpc-flow-logs";
import { ec2VpcNoDefaultVpc } from "./ec2-vpc-no-default-vpc";

export const ec2Policies: Policies = [
    ec2SecurityGroupNoWorldAdminPorts,
    ec2SecurityGroupWorldIngressAuthorizedPorts,
    ec2SecurityGroupNoUnrestrictedEgress,
    ec2SecurityGroupPooledWorldExposure,
    ec2SecurityGroupDescriptions,
    ec2SecurityGroupNoMixedRules,
    ec2DefaultSecurityGroupNoRules,
    ec2VpcDefaultSecurityGroupManaged,
    ec2VpcFlowLogs,
    ec2SubnetNoPublicIpOnLaunch,
    ec2VpcNoDefaultVpc,
    ec2DefaultVpcNotAdopted,
    ec2SecurityGroupVpcSet,
    ec2RoutePrivateEgressViaNat,
];

/**
 * The apply-time rules, in the order the README lists them. Each row says what AWS (or the provider's own
 * plan-time validation, which the mock runtime skips) refuses, and where that is written.
 */
import { ec2CidrNetworkAddress } from "./cidr";
import { ec2SecurityGroupDescription, ec2SecurityGroupName, ec2SecurityGroupRuleDescription, iamDescription } from "./descriptions";
import { ecsName, elbLoadBalancerName, elbTargetGroupName, iamPolicyName, iamRoleName, logsLogGroupName, s3BucketName, secretsManagerSecretName } from "./names";
import { ecsFargatePlatform, ecsFargateTaskSizePlatform } from "./placement";
import { acmCertificateRegion, kmsKeyRegion } from "./regions";
import { schedulerScheduleExpression, schedulerScheduleName } from "./scheduler";
import { tagCharacters, tagLimits } from "./tags";
import { elbTargetGroupHealthCheckMatcher } from "./targetGroups";
import { ApplyRule } from "./types";

export const APPLY_RULES: readonly ApplyRule[] = [
    ec2SecurityGroupDescription,
    ec2SecurityGroupRuleDescription,
    ec2SecurityGroupName,
    iamDescription,
    elbLoadBalancerName,
    elbTargetGroupName,
    iamRoleName,
    iamPolicyName,
    secretsManagerSecretName,
    logsLogGroupName,
    ecsName,
    s3BucketName,
    tagLimits,
    tagCharacters,
    ec2CidrNetworkAddress,
    ecsFargatePlatform,
    ecsFargateTaskSizePlatform,
    acmCertificateRegion,
    kmsKeyRegion,
    schedulerScheduleName,
    schedulerScheduleExpression,
    elbTargetGroupHealthCheckMatcher,
];

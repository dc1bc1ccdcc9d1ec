/**
 * Who delivers a load balancer's access logs into S3, by region. Pure.
 *
 * AWS's "Enable access logs for your Application Load Balancer" (step 2, bucket policy) documents two
 * policies: regions available before August 2022 grant the region's Elastic Load Balancing account;
 * regions opened since grant the service principal `logdelivery.elasticloadbalancing.amazonaws.com`, and
 * have no ELB account at all — terraform-provider-aws's `aws_elb_service_account` (pulumi-aws
 * `aws.elb.getServiceAccount`) fails there (`accountIDPerRegionMap` in internal/service/elb). The
 * regions below are the ones with an account; every other region, including any opened later, gets
 * the service principal only, so the stack deploys in every region.
 */

/** Regions available before August 2022: their ELB account writes access logs. */
export const ELB_ACCOUNT_REGIONS: readonly string[] = [
    "af-south-1",
    "ap-east-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ca-central-1",
    "cn-north-1",
    "cn-northwest-1",
    "eu-central-1",
    "eu-north-1",
    "eu-south-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "me-south-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-gov-east-1",
    "us-gov-west-1",
    "us-west-1",
    "us-west-2",
];

/** The service principal ELB delivers access logs as, in every region that has no ELB account. */
export const ELB_LOG_DELIVERY_PRINCIPAL = "logdelivery.elasticloadbalancing.amazonaws.com";

/** True when `region` has an ELB account that AWS documents for access-log delivery. */
export const hasElbAccount = (region: string): boolean => ELB_ACCOUNT_REGIONS.includes(region);

/**
 * Regional ARNs: a load balancer can only use an ACM certificate of its own region (CloudFront only one
 * of us-east-1), and a KMS key encrypts only resources of its own region.
 */
import { AWS_TYPES, ECR_REPOSITORY, ECS_CLUSTER, LISTENER, LISTENER_CERTIFICATE, LOG_GROUP, SECRET } from "../../policy/facts/typeTokens";
import { arnRegion, isKnownString, knownStrings, objects } from "./read";
import { ApplyRule, Finding, RuleResource } from "./types";

const CLOUDFRONT_DISTRIBUTION = [AWS_TYPES.cloudfrontDistribution] as const;

/** A finding when `arn` (an ARN of `service`) is in another region than `expected`. */
function sameRegion(path: string, arn: unknown, service: string, expected: string | undefined, why: string): Finding[] {
    if (!isKnownString(arn) || !expected) return [];
    const region = arn.startsWith(`arn:`) && arn.split(":")[2] === service ? arnRegion(arn) : undefined;
    return region !== undefined && region !== expected ? [{ path, given: arn, allowed: `${why} ${expected} (this ARN is in ${region})` }] : [];
}

export const acmCertificateRegion: ApplyRule = {
    id: "acm-certificate-region",
    types: [...LISTENER, ...LISTENER_CERTIFICATE, ...CLOUDFRONT_DISTRIBUTION],
    aws: "A load balancer uses ACM certificates of its own region; CloudFront only certificates in us-east-1",
    source: "https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html",
    configKeys: ["certificateArn"],
    check: (r, context) => {
        if ((CLOUDFRONT_DISTRIBUTION as readonly string[]).includes(r.type)) {
            return sameRegion("viewerCertificate.acmCertificateArn", r.inputs.viewerCertificate?.acmCertificateArn, "acm", "us-east-1", "a certificate in");
        }
        return sameRegion("certificateArn", r.inputs.certificateArn, "acm", context.regionOf(r), "a certificate in the load balancer's region");
    },
};

/** Paths of KMS key inputs per type. */
function kmsKeys(r: RuleResource): Array<{ path: string; value: string }> {
    const i = r.inputs;
    switch (true) {
        case (ECR_REPOSITORY as readonly string[]).includes(r.type):
            return objects(i.encryptionConfigurations, "encryptionConfigurations").flatMap(c => knownStrings(c.value.kmsKey, `${c.path}.kmsKey`));
        case (ECS_CLUSTER as readonly string[]).includes(r.type):
            return knownStrings(i.configuration?.executeCommandConfiguration?.kmsKeyId, "configuration.executeCommandConfiguration.kmsKeyId");
        default:
            return knownStrings(i.kmsKeyId, "kmsKeyId");
    }
}

export const kmsKeyRegion: ApplyRule = {
    id: "kms-key-region",
    types: [...LOG_GROUP, ...SECRET, ...ECR_REPOSITORY, ...ECS_CLUSTER],
    aws: "KMS keys are regional: a resource is encrypted only with a key (or multi-Region replica) in its own region",
    source: "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id-key-ARN",
    configKeys: ["kmsKeyArn"],
    check: (r, context) => kmsKeys(r).flatMap(k => sameRegion(k.path, k.value, "kms", context.regionOf(r), "a key in the resource's region")),
};

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ELB_LOG_DELIVERY_PRINCIPAL, hasElbAccount } from "./elbLogDelivery";
import { childName } from "./naming";

/** Arguments of {@link AccessLogBucket}. */
export interface AccessLogBucketArgs {
    /**
     * Days before log objects expire.
     * @default 365
     */
    readonly expireAfterDays?: number;
    /** Keep the bucket (and its logs) when the stack is destroyed; when false it is emptied and deleted. @default false */
    readonly protect?: boolean;
    /** Tags for every resource. @default {} */
    readonly tags?: Record<string, string>;
    /** Region of the bucket (and of the load balancer writing to it). @default the `aws:region` config */
    readonly region?: string;
}

/**
 * The bucket policy that lets Elastic Load Balancing deliver access logs: the log-delivery service principal
 * and, in regions opened before August 2022, the region's ELB account (`elbAccountArn`; see
 * elbLogDelivery.ts) may put objects under `AWSLogs/<account>/`, and nothing may reach the bucket without
 * TLS.
 */
export function accessLogBucketPolicy(bucketArn: string, accountId: string, elbAccountArn?: string): string {
    const logs = `${bucketArn}/*/AWSLogs/${accountId}/*`;
    const elbAccount = elbAccountArn ? [{ Sid: "ElbAccount", Effect: "Allow", Principal: { AWS: elbAccountArn }, Action: "s3:PutObject", Resource: logs }] : [];
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            ...elbAccount,
            { Sid: "ElbLogDelivery", Effect: "Allow", Principal: { Service: ELB_LOG_DELIVERY_PRINCIPAL }, Action: "s3:PutObject", Resource: logs },
            {
                Sid: "TlsOnly",
                Effect: "Deny",
                Principal: "*",
                Action: "s3:*",
                Resource: [bucketArn, `${bucketArn}/*`],
                Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
        ],
    });
}

/**
 * A private, encrypted S3 bucket that a load balancer can write access logs to, with expiry. Access logs
 * support only SSE-S3 encryption, hence AES256.
 */
export class AccessLogBucket extends pulumi.ComponentResource {
    /** Bucket name; resolves only after the bucket policy exists, so a load balancer using it can be created. */
    public readonly bucketName: pulumi.Output<string>;

    constructor(name: string, args: AccessLogBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component itself registers: bad arguments leave nothing behind.
        const region = args.region ?? aws.config.region;
        if (!region) {
            throw new Error(`AccessLogBucket ${name}: region is not set and neither is aws:region; set one, e.g. "us-east-1".`);
        }
        super("fargate-web:lb:AccessLogBucket", name, {}, opts);
        const protect = args.protect ?? false;
        const expireAfterDays = args.expireAfterDays ?? 365;
        const tags = args.tags ?? {};
        const bucket = new aws.s3.Bucket(childName(name, "bucket"), { forceDestroy: !protect, tags }, { parent: this, protect, retainOnDelete: protect });
        new aws.s3.BucketPublicAccessBlock(
            childName(name, "public-access"),
            { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            { parent: this },
        );
        new aws.s3.BucketOwnershipControls(
            childName(name, "ownership"),
            { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
            { parent: this },
        );
        new aws.s3.BucketServerSideEncryptionConfiguration(
            childName(name, "encryption"),
            { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
            { parent: this },
        );
        new aws.s3.BucketLifecycleConfiguration(
            childName(name, "expiry"),
            { bucket: bucket.id, rules: [{ id: "expire-access-logs", status: "Enabled", filter: {}, expiration: { days: expireAfterDays } }] },
            { parent: this },
        );
        const accountId = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        // Looked up only where the account exists: the lookup fails in newer regions.
        const elbAccount = hasElbAccount(region) ? aws.elb.getServiceAccountOutput({ region }, { parent: this }).arn : undefined;
        // Same logical name in every region, so an existing stack's policy is updated in place, never replaced.
        const policy = new aws.s3.BucketPolicy(
            childName(name, "policy"),
            { bucket: bucket.id, policy: pulumi.all([bucket.arn, accountId, elbAccount]).apply(([arn, account, elb]) => accessLogBucketPolicy(arn, account, elb)) },
            { parent: this },
        );
        this.bucketName = pulumi.all([bucket.bucket, policy.id]).apply(([bucketName]) => bucketName);
        this.registerOutputs({ bucketName: this.bucketName });
    }
}

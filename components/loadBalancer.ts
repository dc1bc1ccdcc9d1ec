import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ec2Description } from "./ec2Description";
import { childName } from "./naming";
import { RECOMMENDED_TLS_POLICY as TLS_POLICY } from "../policy/facts/tlsPolicies";

/** The TLS policy every HTTPS listener uses: TLS 1.3 and 1.2 with forward secrecy only. */
export { TLS_POLICY };

/** Load balancer health check of the targets. */
export interface TargetHealthCheck {
    /** Path probed on each task. @default "/health" */
    readonly path?: string;
    /** HTTP codes that count as healthy. @default "200-399" */
    readonly matcher?: string;
    /** Seconds between probes. @default 10 */
    readonly intervalSeconds?: number;
    /** Seconds before a probe fails; less than the interval. @default 5 */
    readonly timeoutSeconds?: number;
    /** Successes before a target is healthy. @default 2 */
    readonly healthyThreshold?: number;
    /** Failures before a target is unhealthy. @default 3 */
    readonly unhealthyThreshold?: number;
}

/** HTTPS set-up: an existing certificate, or a domain in a Route 53 zone (the stack issues the certificate). */
export interface LoadBalancerTls {
    /** ACM certificate ARN; when unset and `domainName` is set, a DNS-validated certificate is created. */
    readonly certificateArn?: string;
    /** Domain name served; with `hostedZoneId` an alias record points it at the load balancer. */
    readonly domainName?: string;
    /** Route 53 hosted zone of `domainName`. */
    readonly hostedZoneId?: string;
}

/** Arguments of {@link LoadBalancer}. */
export interface LoadBalancerArgs {
    /** VPC of the load balancer and its targets. */
    readonly vpcId: pulumi.Input<string>;
    /** VPC CIDR block: the load balancer may only send traffic into the VPC. */
    readonly vpcCidrBlock: pulumi.Input<string>;
    /** Public subnets, in at least two zones. */
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    /** Port the targets listen on. */
    readonly targetPort: number;
    /** Target health check. */
    readonly healthCheck?: TargetHealthCheck;
    /**
     * Seconds a stopping target drains; AWS's 300 s default makes every rollout wave wait five minutes.
     * @default 10
     */
    readonly deregistrationDelaySeconds?: number;
    /** Idle connection timeout in seconds. @default 60 */
    readonly idleTimeoutSeconds?: number;
    /** Refuse deletion of the load balancer (prod). @default false */
    readonly deletionProtection?: boolean;
    /** S3 bucket for access logs (it must let ELB write); none when unset. @default undefined */
    readonly accessLogsBucket?: pulumi.Input<string>;
    /** HTTPS; HTTP only when unset. @default undefined */
    readonly tls?: LoadBalancerTls;
    /** Tags for every resource. @default {} */
    readonly tags?: Record<string, string>;
}

/** The fully defaulted, validated form of {@link LoadBalancerArgs}. */
export function resolveLoadBalancerArgs(args: LoadBalancerArgs) {
    const hc = args.healthCheck ?? {};
    const resolved = {
        targetPort: args.targetPort,
        healthCheck: {
            path: hc.path ?? "/health",
            matcher: hc.matcher ?? "200-399",
            intervalSeconds: hc.intervalSeconds ?? 10,
            timeoutSeconds: hc.timeoutSeconds ?? 5,
            healthyThreshold: hc.healthyThreshold ?? 2,
            unhealthyThreshold: hc.unhealthyThreshold ?? 3,
        },
        deregistrationDelaySeconds: args.deregistrationDelaySeconds ?? 10,
        idleTimeoutSeconds: args.idleTimeoutSeconds ?? 60,
        deletionProtection: args.deletionProtection ?? false,
        accessLogsBucket: args.accessLogsBucket,
        tls: args.tls && (args.tls.certificateArn || args.tls.domainName) ? args.tls : undefined,
        tags: args.tags ?? {},
    };
    if (!Number.isInteger(resolved.targetPort) || resolved.targetPort < 1 || resolved.targetPort > 65535) {
        throw new Error(`LoadBalancer: targetPort is ${resolved.targetPort}; expected a port from 1 to 65535.`);
    }
    if (!resolved.healthCheck.path.startsWith("/")) {
        throw new Error(`LoadBalancer: healthCheck.path is ${JSON.stringify(resolved.healthCheck.path)}; it must start with "/".`);
    }
    if (resolved.healthCheck.timeoutSeconds >= resolved.healthCheck.intervalSeconds) {
        throw new Error(
            `LoadBalancer: healthCheck.timeoutSeconds (${resolved.healthCheck.timeoutSeconds}) must be less than intervalSeconds (${resolved.healthCheck.intervalSeconds}).`,
        );
    }
    if (resolved.tls && !resolved.tls.certificateArn && !resolved.tls.hostedZoneId) {
        throw new Error("LoadBalancer: tls.domainName without certificateArn needs tls.hostedZoneId to validate the certificate it creates.");
    }
    return resolved;
}

/**
 * An internet-facing Application Load Balancer over public subnets, an `ip` target group for Fargate
 * tasks, and listeners: HTTP forwarding when there is no certificate; otherwise HTTP redirecting to HTTPS
 * and HTTPS with {@link TLS_POLICY}. Its security group admits only the listener ports and sends only to
 * the VPC on the target port.
 */
export class LoadBalancer extends pulumi.ComponentResource {
    /** Load balancer ARN. */
    public readonly loadBalancerArn: pulumi.Output<string>;
    /** The `app/<name>/<id>` suffix CloudWatch metrics and scaling use. */
    public readonly loadBalancerArnSuffix: pulumi.Output<string>;
    /** Public DNS name of the load balancer. */
    public readonly dnsName: pulumi.Output<string>;
    /** Security group of the load balancer: the only source the tasks admit. */
    public readonly securityGroupId: pulumi.Output<string>;
    /** Target group the service registers tasks in. */
    public readonly targetGroupArn: pulumi.Output<string>;
    /** The `targetgroup/<name>/<id>` suffix CloudWatch metrics and scaling use. */
    public readonly targetGroupArnSuffix: pulumi.Output<string>;
    /** The listener that forwards to the target group (HTTPS with TLS, else HTTP); services depend on it. */
    public readonly listenerArn: pulumi.Output<string>;
    /** That listener as a resource, for `dependsOn`. */
    public readonly listener: aws.lb.Listener;
    /** Where the service answers: `https://<domain>` or `http(s)://<dns name>`. */
    public readonly url: pulumi.Output<string>;
    /** How long a new target takes to turn healthy and an old one to drain, in seconds: a service sizes its deploy timeout from them. */
    public readonly targetTiming: { readonly secondsToHealthy: number; readonly deregistrationDelaySeconds: number };

    constructor(name: string, args: LoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component itself registers: bad arguments leave nothing behind.
        const a = resolveLoadBalancerArgs(args);
        // A group description change replaces the group: the text stays as it was.
        const groupDescription = ec2Description(`LoadBalancer ${name}`, "security group description", `Load balancer ${name}: listener ports from the internet`);
        super("fargate-web:lb:LoadBalancer", name, {}, opts);
        const tags = a.tags;
        const ports = a.tls ? [80, 443] : [80];

        const securityGroup = new aws.ec2.SecurityGroup(
            childName(name, "alb-sg"),
            { vpcId: args.vpcId, description: groupDescription, tags: { ...tags, Name: childName(name, "alb") } },
            { parent: this },
        );
        for (const port of ports) {
            new aws.vpc.SecurityGroupIngressRule(
                childName(name, `ingress-${port}`),
                {
                    securityGroupId: securityGroup.id,
                    ipProtocol: "tcp",
                    fromPort: port,
                    toPort: port,
                    cidrIpv4: "0.0.0.0/0",
                    description: `${port === 443 ? "HTTPS" : "HTTP"} from the internet`,
                    tags,
                },
                { parent: this },
            );
        }
        new aws.vpc.SecurityGroupEgressRule(
            childName(name, "egress-targets"),
            {
                securityGroupId: securityGroup.id,
                ipProtocol: "tcp",
                fromPort: a.targetPort,
                toPort: a.targetPort,
                cidrIpv4: args.vpcCidrBlock,
                // No apostrophe: EC2 refuses it in rule descriptions (see ec2Description.ts). Rule descriptions
                // update in place, so this fix replaces nothing.
                description: "To the target port inside the VPC",
                tags,
            },
            { parent: this },
        );

        const lb = new aws.lb.LoadBalancer(
            childName(name, "alb"),
            {
                loadBalancerType: "application",
                internal: false,
                ipAddressType: "ipv4",
                subnets: args.subnetIds,
                securityGroups: [securityGroup.id],
                dropInvalidHeaderFields: true,
                desyncMitigationMode: "defensive",
                idleTimeout: a.idleTimeoutSeconds,
                enableDeletionProtection: a.deletionProtection,
                accessLogs: a.accessLogsBucket ? { bucket: a.accessLogsBucket, prefix: name, enabled: true } : undefined,
                // Marks the intended internet exposure for the policy pack's allow-list.
                tags: { ...tags, Exposure: "public" },
            },
            { parent: this, protect: a.deletionProtection },
        );

        const targetGroup = new aws.lb.TargetGroup(
            childName(name, "tg"),
            {
                vpcId: args.vpcId,
                targetType: "ip",
                protocol: "HTTP",
                port: a.targetPort,
                deregistrationDelay: a.deregistrationDelaySeconds,
                healthCheck: {
                    enabled: true,
                    protocol: "HTTP",
                    port: "traffic-port",
                    path: a.healthCheck.path,
                    matcher: a.healthCheck.matcher,
                    interval: a.healthCheck.intervalSeconds,
                    timeout: a.healthCheck.timeoutSeconds,
                    healthyThreshold: a.healthCheck.healthyThreshold,
                    unhealthyThreshold: a.healthCheck.unhealthyThreshold,
                },
                tags,
            },
            { parent: this },
        );
        const forward = [{ type: "forward", targetGroupArn: targetGroup.arn }];

        let listener: aws.lb.Listener;
        let host: pulumi.Output<string> = lb.dnsName;
        if (a.tls) {
            const certificateArn = a.tls.certificateArn
                ? pulumi.output(a.tls.certificateArn)
                : this.issueCertificate(name, a.tls.domainName!, a.tls.hostedZoneId!, tags);
            new aws.lb.Listener(
                childName(name, "http"),
                {
                    loadBalancerArn: lb.arn,
                    port: 80,
                    protocol: "HTTP",
                    defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
                    tags,
                },
                { parent: this },
            );
            listener = new aws.lb.Listener(
                childName(name, "https"),
                { loadBalancerArn: lb.arn, port: 443, protocol: "HTTPS", sslPolicy: TLS_POLICY, certificateArn, defaultActions: forward, tags },
                { parent: this },
            );
            if (a.tls.domainName && a.tls.hostedZoneId) {
                new aws.route53.Record(
                    childName(name, "alias"),
                    {
                        zoneId: a.tls.hostedZoneId,
                        name: a.tls.domainName,
                        type: "A",
                        aliases: [{ name: lb.dnsName, zoneId: lb.zoneId, evaluateTargetHealth: true }],
                    },
                    { parent: this },
                );
                host = pulumi.output(a.tls.domainName);
            }
        } else {
            listener = new aws.lb.Listener(
                childName(name, "http"),
                { loadBalancerArn: lb.arn, port: 80, protocol: "HTTP", defaultActions: forward, tags },
                { parent: this },
            );
        }

        this.targetTiming = {
            secondsToHealthy: a.healthCheck.intervalSeconds * a.healthCheck.healthyThreshold,
            deregistrationDelaySeconds: a.deregistrationDelaySeconds,
        };
        this.loadBalancerArn = lb.arn;
        this.loadBalancerArnSuffix = lb.arnSuffix;
        this.dnsName = lb.dnsName;
        this.securityGroupId = securityGroup.id;
        this.targetGroupArn = targetGroup.arn;
        this.targetGroupArnSuffix = targetGroup.arnSuffix;
        this.listener = listener;
        this.listenerArn = listener.arn;
        this.url = pulumi.interpolate`${a.tls ? "https" : "http"}://${host}`;
        this.registerOutputs({ url: this.url, dnsName: this.dnsName, targetGroupArn: this.targetGroupArn });
    }

    /** A DNS-validated ACM certificate for `domainName`, validated through a record in `hostedZoneId`. */
    private issueCertificate(name: string, domainName: string, hostedZoneId: string, tags: Record<string, string>): pulumi.Output<string> {
        const certificate = new aws.acm.Certificate(
            childName(name, "cert"),
            { domainName, validationMethod: "DNS", tags },
            { parent: this },
        );
        // One domain has exactly one validation record; lifting its fields keeps the record out of apply.
        const option = certificate.domainValidationOptions.apply(options => options[0]);
        const validationRecord = new aws.route53.Record(
            childName(name, "cert-validation"),
            {
                zoneId: hostedZoneId,
                name: option.resourceRecordName,
                type: option.resourceRecordType,
                records: [option.resourceRecordValue],
                ttl: 60,
                allowOverwrite: true,
            },
            { parent: this },
        );
        const validation = new aws.acm.CertificateValidation(
            childName(name, "cert-validated"),
            { certificateArn: certificate.arn, validationRecordFqdns: [validationRecord.fqdn] },
            { parent: this },
        );
        return validation.certificateArn;
    }
}

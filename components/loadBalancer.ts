import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ec2Description } from "./ec2Description";
import type { ServiceLoadBalancer } from "./fargateServiceArgs";
import { LoadBalancerArgs, resolveLoadBalancerArgs, targetPorts } from "./loadBalancerArgs";
import { childName } from "./naming";
import { createTrafficShift, ServiceRoute, targetGroupArgs, TrafficShift } from "./serviceRoute";
import { RECOMMENDED_TLS_POLICY as TLS_POLICY } from "../policy/facts/tlsPolicies";

export { LoadBalancerArgs, LoadBalancerRoute, LoadBalancerTls, TargetHealthCheck, resolveLoadBalancerArgs, targetPorts } from "./loadBalancerArgs";
export { ServiceRoute } from "./serviceRoute";

/** The TLS policy every HTTPS listener uses: TLS 1.3 and 1.2 with forward secrecy only. */
export { TLS_POLICY };

/** What a service and its scaling need of its route: {@link ServiceLoadBalancer} and the metric suffix. */
export interface ServiceTarget extends ServiceLoadBalancer {
    readonly targetGroupArn: pulumi.Output<string>;
    /** The `targetgroup/<name>/<id>` suffix CloudWatch metrics and scaling use. */
    readonly targetGroupArnSuffix: pulumi.Output<string>;
    readonly secondsToHealthy: number;
    readonly deregistrationDelaySeconds: number;
}

/**
 * An internet-facing Application Load Balancer over public subnets, shared by the stack's services, and
 * listeners: HTTP when there is no certificate; otherwise HTTP redirecting to HTTPS and HTTPS with
 * {@link TLS_POLICY}. The serving listener's default action forwards to the default service's target group
 * (`targetPort`, or the route with no paths or hosts) or answers 404; every other route gets its own
 * target group and a listener rule ({@link ServiceRoute}). Its security group admits only the listener
 * ports and sends only to the VPC, on each target port once.
 *
 * A service deployed blue/green, canary or linear (`defaultDeployment`, `routes[].deployment`) also gets an
 * alternate target group and listener rules whose weights ECS moves (`createTrafficShift`); its
 * `targets[name].trafficShift` is what its `FargateService` hands to ECS.
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
    /** The traffic shift of the `targetPort` service (children of this component); undefined when it deploys rolling. */
    public readonly defaultTrafficShift?: TrafficShift;
    /** The default target group of `targetPort` (`<name>-tg`); undefined without `targetPort`. */
    public readonly targetGroup?: aws.lb.TargetGroup;
    /** ARN of that target group. */
    public readonly targetGroupArn?: pulumi.Output<string>;
    /** The `targetgroup/<name>/<id>` suffix CloudWatch metrics and scaling use. */
    public readonly targetGroupArnSuffix?: pulumi.Output<string>;
    /** The serving listener (HTTPS with TLS, else HTTP): its default action and every rule live there. */
    public readonly listenerArn: pulumi.Output<string>;
    /** That listener as a resource, for `dependsOn`. */
    public readonly listener: aws.lb.Listener;
    /** The load balancer itself. */
    public readonly loadBalancer: aws.lb.LoadBalancer;
    /** Its security group. */
    public readonly securityGroup: aws.ec2.SecurityGroup;
    /** Each route of `routes`, by service name. */
    public readonly routes: Readonly<Record<string, ServiceRoute>>;
    /** What each routed service needs (pass it as `FargateService`'s `loadBalancer`), by service name. */
    public readonly targets: Readonly<Record<string, ServiceTarget>>;
    /** Where the service answers: `https://<domain>` or `http(s)://<dns name>`. */
    public readonly url: pulumi.Output<string>;
    /** How long a new target takes to turn healthy and an old one to drain, in seconds: a service sizes its deploy timeout from them. */
    public readonly targetTiming: { readonly secondsToHealthy: number; readonly deregistrationDelaySeconds: number };

    constructor(name: string, args: LoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validated before the component itself registers: bad arguments leave nothing behind.
        const a = resolveLoadBalancerArgs(name, args);
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
        for (const port of targetPorts(a.targetPort, a.routes)) {
            new aws.vpc.SecurityGroupEgressRule(
                // The default target group's port keeps the rule's original name: renaming would replace it.
                childName(name, port === a.targetPort ? "egress-targets" : `egress-${port}`),
                {
                    securityGroupId: securityGroup.id,
                    ipProtocol: "tcp",
                    fromPort: port,
                    toPort: port,
                    cidrIpv4: args.vpcCidrBlock,
                    // No apostrophe: EC2 refuses it in rule descriptions (see ec2Description.ts). Rule descriptions
                    // update in place, so this fix replaces nothing.
                    description: "To the target port inside the VPC",
                    tags,
                },
                { parent: this },
            );
        }

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

        const defaultGroupArgs = a.targetPort === undefined ? undefined : targetGroupArgs(args.vpcId, a.targetPort, a.healthCheck, a.deregistrationDelaySeconds, tags);
        const targetGroup = defaultGroupArgs === undefined ? undefined : new aws.lb.TargetGroup(childName(name, "tg"), defaultGroupArgs, { parent: this });
        const routes: Record<string, ServiceRoute> = {};
        const defaultRoute = a.defaultRoute;
        if (defaultRoute) {
            routes[defaultRoute.name] = new ServiceRoute(
                defaultRoute.name,
                {
                    vpcId: args.vpcId,
                    port: defaultRoute.port,
                    healthCheck: defaultRoute.healthCheck,
                    deregistrationDelaySeconds: defaultRoute.deregistrationDelaySeconds,
                    tags: defaultRoute.tags,
                },
                { parent: this },
            );
        }
        const defaultTargetGroupArn = targetGroup?.arn ?? (defaultRoute ? routes[defaultRoute.name].targetGroupArn : undefined);
        const forward = defaultTargetGroupArn
            ? [{ type: "forward", targetGroupArn: defaultTargetGroupArn }]
            : // No default service: requests no rule matches get a plain 404 rather than some service's page.
              [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "Not found", statusCode: "404" } }];

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

        // Blue/green, canary and linear services: their rules join the serving listener, so they come after it.
        if (targetGroup && defaultGroupArgs && a.defaultTrafficShift) {
            this.defaultTrafficShift = createTrafficShift(this, a.defaultService!, {
                primaryTargetGroupArn: targetGroup.arn,
                targetGroup: defaultGroupArgs,
                paths: [],
                hosts: [],
                plan: { listenerArn: listener.arn, ...a.defaultTrafficShift },
                tags,
            });
        }
        if (defaultRoute?.trafficShift) {
            routes[defaultRoute.name].shiftTraffic({ listenerArn: listener.arn, ...defaultRoute.trafficShift });
        }
        for (const route of a.routes) {
            if (route.priority === undefined) continue;
            routes[route.name] = new ServiceRoute(
                route.name,
                {
                    vpcId: args.vpcId,
                    port: route.port,
                    healthCheck: route.healthCheck,
                    deregistrationDelaySeconds: route.deregistrationDelaySeconds,
                    rule: { listenerArn: listener.arn, priority: route.priority, paths: route.paths, hosts: route.hosts },
                    ...(route.trafficShift ? { trafficShift: { listenerArn: listener.arn, ...route.trafficShift } } : {}),
                    tags: route.tags,
                },
                { parent: this },
            );
        }

        this.targetTiming = {
            secondsToHealthy: a.healthCheck.intervalSeconds * a.healthCheck.healthyThreshold,
            deregistrationDelaySeconds: a.deregistrationDelaySeconds,
        };
        const targets: Record<string, ServiceTarget> = {};
        if (targetGroup && a.defaultService !== undefined) {
            targets[a.defaultService] = {
                securityGroupId: securityGroup.id,
                targetGroupArn: targetGroup.arn,
                targetGroupArnSuffix: targetGroup.arnSuffix,
                // ECS shifts traffic through the production rule: the service waits for it, not only the listener.
                listener: this.defaultTrafficShift?.productionRule ?? listener,
                ...this.targetTiming,
                ...(this.defaultTrafficShift ? { trafficShift: this.defaultTrafficShift.target } : {}),
            };
        }
        for (const route of a.routes) {
            const r = routes[route.name];
            targets[route.name] = {
                securityGroupId: securityGroup.id,
                targetGroupArn: r.targetGroupArn,
                targetGroupArnSuffix: r.targetGroupArnSuffix,
                // ECS refuses a target group no listener or rule uses: the service waits for the one that does.
                listener: r.trafficShift?.productionRule ?? r.listenerRule ?? listener,
                secondsToHealthy: route.healthCheck.intervalSeconds * route.healthCheck.healthyThreshold,
                deregistrationDelaySeconds: route.deregistrationDelaySeconds,
                ...(r.trafficShift ? { trafficShift: r.trafficShift.target } : {}),
            };
        }
        this.routes = routes;
        this.targets = targets;
        this.loadBalancer = lb;
        this.securityGroup = securityGroup;
        this.targetGroup = targetGroup;
        this.loadBalancerArn = lb.arn;
        this.loadBalancerArnSuffix = lb.arnSuffix;
        this.dnsName = lb.dnsName;
        this.securityGroupId = securityGroup.id;
        this.targetGroupArn = targetGroup?.arn;
        this.targetGroupArnSuffix = targetGroup?.arnSuffix;
        this.listener = listener;
        this.listenerArn = listener.arn;
        this.url = pulumi.interpolate`${a.tls ? "https" : "http"}://${host}`;
        this.registerOutputs({
            url: this.url,
            dnsName: this.dnsName,
            loadBalancerArn: this.loadBalancerArn,
            loadBalancerArnSuffix: this.loadBalancerArnSuffix,
            securityGroupId: this.securityGroupId,
            listenerArn: this.listenerArn,
            targetGroupArn: this.targetGroupArn,
            targetGroupArnSuffix: this.targetGroupArnSuffix,
        });
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

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ResolvedHealthCheck } from "./loadBalancerArgs";
import { childName } from "./naming";

/** Arguments of {@link ServiceRoute}, already resolved by `resolveLoadBalancerArgs`. */
export interface ServiceRouteArgs {
    readonly vpcId: pulumi.Input<string>;
    readonly port: number;
    readonly healthCheck: ResolvedHealthCheck;
    readonly deregistrationDelaySeconds: number;
    /** The listener the rule joins; none for the route the listener's default action forwards to. */
    readonly rule?: {
        readonly listenerArn: pulumi.Input<string>;
        readonly priority: number;
        readonly paths: readonly string[];
        readonly hosts: readonly string[];
    };
    readonly tags: Record<string, string>;
}

/** The target group of one service behind the shared load balancer, as ELB wants it for Fargate tasks. */
export function targetGroupArgs(vpcId: pulumi.Input<string>, port: number, hc: ResolvedHealthCheck, deregistrationDelaySeconds: number, tags: Record<string, string>): aws.lb.TargetGroupArgs {
    return {
        vpcId,
        targetType: "ip",
        protocol: "HTTP",
        port,
        deregistrationDelay: deregistrationDelaySeconds,
        healthCheck: {
            enabled: true,
            protocol: "HTTP",
            port: "traffic-port",
            path: hc.path,
            matcher: hc.matcher,
            interval: hc.intervalSeconds,
            timeout: hc.timeoutSeconds,
            healthyThreshold: hc.healthyThreshold,
            unhealthyThreshold: hc.unhealthyThreshold,
        },
        tags,
    };
}

/**
 * One service's way in through the shared load balancer: its own target group and, unless it is the
 * listener's default, a listener rule forwarding requests that match its paths and hosts. Created by
 * {@link LoadBalancer} for each of its `routes`.
 */
export class ServiceRoute extends pulumi.ComponentResource {
    public readonly targetGroup: aws.lb.TargetGroup;
    /** The listener rule; undefined for the default route. */
    public readonly listenerRule?: aws.lb.ListenerRule;
    public readonly targetGroupArn: pulumi.Output<string>;
    /** The `targetgroup/<name>/<id>` suffix CloudWatch metrics and scaling use. */
    public readonly targetGroupArnSuffix: pulumi.Output<string>;

    constructor(name: string, args: ServiceRouteArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:lb:ServiceRoute", name, {}, opts);
        this.targetGroup = new aws.lb.TargetGroup(
            childName(name, "tg"),
            targetGroupArgs(args.vpcId, args.port, args.healthCheck, args.deregistrationDelaySeconds, args.tags),
            { parent: this },
        );
        if (args.rule) {
            this.listenerRule = new aws.lb.ListenerRule(
                childName(name, "rule"),
                {
                    listenerArn: args.rule.listenerArn,
                    priority: args.rule.priority,
                    actions: [{ type: "forward", targetGroupArn: this.targetGroup.arn }],
                    conditions: [
                        ...(args.rule.paths.length > 0 ? [{ pathPattern: { values: [...args.rule.paths] } }] : []),
                        ...(args.rule.hosts.length > 0 ? [{ hostHeader: { values: [...args.rule.hosts] } }] : []),
                    ],
                    tags: args.tags,
                },
                { parent: this },
            );
        }
        this.targetGroupArn = this.targetGroup.arn;
        this.targetGroupArnSuffix = this.targetGroup.arnSuffix;
        this.registerOutputs({ targetGroupArn: this.targetGroupArn, listenerRuleArn: this.listenerRule?.arn });
    }
}

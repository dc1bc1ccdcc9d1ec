import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { catchAllConditions, FORWARD_TARGET_GROUPS_PATH, routeConditions, ShiftRules, testRuleConditions, weightedForward } from "./deploymentRules";
import type { ResolvedHealthCheck } from "./loadBalancerArgs";
import { childName } from "./naming";

/** Where a route's traffic is shifted from blue/green, canary and linear deployments (see `deploymentRules.ts`). */
export interface TrafficShiftPlan {
    readonly listenerArn: pulumi.Input<string>;
    /** The route's production and test rule priorities. */
    readonly rules: ShiftRules;
    /** Source CIDRs of test traffic; empty when the service has no test rule. */
    readonly testCidrs: readonly string[];
}

/** What ECS needs to shift a service's traffic: `loadBalancers[].advancedConfiguration` less the role. */
export interface TrafficShiftTarget {
    readonly alternateTargetGroupArn: pulumi.Output<string>;
    /**
     * The alternate group's `targetgroup/<name>/<id>` suffix. ECS alternates production between the two groups
     * from one deployment to the next, so per-target-group metrics (alarms, request-count scaling, dashboard)
     * of the service need both.
     */
    readonly alternateTargetGroupArnSuffix: pulumi.Output<string>;
    readonly productionListenerRuleArn: pulumi.Output<string>;
    /** Undefined without test traffic. */
    readonly testListenerRuleArn?: pulumi.Output<string>;
}

/** The resources of one service's traffic shift. */
export interface TrafficShift {
    readonly alternateTargetGroup: aws.lb.TargetGroup;
    readonly productionRule: aws.lb.ListenerRule;
    readonly testRule?: aws.lb.ListenerRule;
    readonly target: TrafficShiftTarget;
}

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
    /**
     * The route's blue/green, canary or linear deployment: an alternate target group, a production rule in
     * place of the route's own (for the listener's default, a catch-all rule) forwarding with weights, and a
     * test rule. Undefined: rolling.
     */
    readonly trafficShift?: TrafficShiftPlan;
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

/** What {@link createTrafficShift} needs of the primary target group and the route. */
export interface TrafficShiftArgs {
    readonly primaryTargetGroupArn: pulumi.Input<string>;
    /** The primary group's arguments; the alternate group is made the same. */
    readonly targetGroup: aws.lb.TargetGroupArgs;
    readonly paths: readonly string[];
    readonly hosts: readonly string[];
    readonly plan: TrafficShiftPlan;
    readonly tags: Record<string, string>;
}

/**
 * Creates, as children of `parent`, what ECS shifts a service's traffic with: the alternate target group
 * `<name>-alt` (same settings as the primary), the production rule `<name>-prod-rule` (on the route's
 * conditions just ahead of the route's priority, or, for the listener's default, a catch-all at the lowest
 * priority), and, with test CIDRs, `<name>-test-rule` just ahead of it. Both rules forward 100/0 to
 * primary/alternate and ignore the target groups' weights, which ECS moves (see `FORWARD_TARGET_GROUPS_PATH`).
 * A routed service's rolling rule `<name>-rule` is not reused: why, in `planShiftRules`.
 *
 * The listener's default action is left as it is: ECS takes a listener *rule* as an Application Load
 * Balancer's production route, and the default action would only change the existing listener (and cannot
 * carry a test route). The catch-all rule answers every request no other rule takes, so the default action
 * is never reached while it exists; going back to rolling removes the rule and the default action serves again.
 */
export function createTrafficShift(parent: pulumi.Resource, name: string, args: TrafficShiftArgs): TrafficShift {
    const opts = { parent, ignoreChanges: [FORWARD_TARGET_GROUPS_PATH] };
    // The alternate group's logical name fits ELB's 32 characters with the 20-character service names and
    // Pulumi's 8-character suffix, as `<name>-tg` does.
    const alternateTargetGroup = new aws.lb.TargetGroup(childName(name, "alt"), args.targetGroup, { parent });
    const { rules, listenerArn, testCidrs } = args.plan;
    const actions = weightedForward(args.primaryTargetGroupArn, alternateTargetGroup.arn);
    const productionRule = new aws.lb.ListenerRule(
        childName(name, "prod-rule"),
        {
            listenerArn,
            priority: rules.productionPriority,
            actions,
            conditions: rules.catchAll ? catchAllConditions() : routeConditions(args.paths, args.hosts),
            tags: args.tags,
        },
        opts,
    );
    const testRule =
        rules.testPriority === undefined
            ? undefined
            : new aws.lb.ListenerRule(
                  childName(name, "test-rule"),
                  { listenerArn, priority: rules.testPriority, actions, conditions: testRuleConditions(name, args.paths, args.hosts, testCidrs), tags: args.tags },
                  opts,
              );
    return {
        alternateTargetGroup,
        productionRule,
        testRule,
        target: {
            alternateTargetGroupArn: alternateTargetGroup.arn,
            alternateTargetGroupArnSuffix: alternateTargetGroup.arnSuffix,
            productionListenerRuleArn: productionRule.arn, testListenerRuleArn: testRule?.arn },
    };
}

/**
 * One service's way in through the shared load balancer: its own target group and, unless it is the
 * listener's default, a listener rule forwarding requests that match its paths and hosts. Created by
 * {@link LoadBalancer} for each of its `routes`.
 */
export class ServiceRoute extends pulumi.ComponentResource {
    public readonly targetGroup: aws.lb.TargetGroup;
    /** The listener rule (the production rule when traffic is shifted); undefined for a rolling default route. */
    public readonly listenerRule?: aws.lb.ListenerRule;
    public readonly targetGroupArn: pulumi.Output<string>;
    /** The `targetgroup/<name>/<id>` suffix CloudWatch metrics and scaling use. */
    public readonly targetGroupArnSuffix: pulumi.Output<string>;

    private readonly baseName: string;
    private readonly groupArgs: aws.lb.TargetGroupArgs;
    private readonly routeArgs: ServiceRouteArgs;
    private shift?: TrafficShift;

    constructor(name: string, args: ServiceRouteArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fargate-web:lb:ServiceRoute", name, {}, opts);
        this.baseName = name;
        this.routeArgs = args;
        this.groupArgs = targetGroupArgs(args.vpcId, args.port, args.healthCheck, args.deregistrationDelaySeconds, args.tags);
        this.targetGroup = new aws.lb.TargetGroup(childName(name, "tg"), this.groupArgs, { parent: this });
        if (args.trafficShift) {
            this.listenerRule = this.shiftTraffic(args.trafficShift).productionRule;
        } else if (args.rule) {
            this.listenerRule = new aws.lb.ListenerRule(
                childName(name, "rule"),
                {
                    listenerArn: args.rule.listenerArn,
                    priority: args.rule.priority,
                    actions: [{ type: "forward", targetGroupArn: this.targetGroup.arn }],
                    conditions: routeConditions(args.rule.paths, args.rule.hosts),
                    tags: args.tags,
                },
                { parent: this },
            );
        }
        this.targetGroupArn = this.targetGroup.arn;
        this.targetGroupArnSuffix = this.targetGroup.arnSuffix;
        this.registerOutputs({ targetGroupArn: this.targetGroupArn, listenerRuleArn: this.listenerRule?.arn });
    }

    /** The alternate target group and the rules ECS shifts; undefined for a rolling service. */
    public get trafficShift(): TrafficShift | undefined {
        return this.shift;
    }

    /**
     * Adds the traffic shift of a blue/green, canary or linear service (see {@link createTrafficShift}); for
     * the listener's default route, called once the listener exists. Throws when the route already has one.
     */
    public shiftTraffic(plan: TrafficShiftPlan): TrafficShift {
        if (this.shift) {
            throw new Error(`ServiceRoute ${this.baseName}: its traffic is already shifted; a route has one alternate target group.`);
        }
        this.shift = createTrafficShift(this, this.baseName, {
            primaryTargetGroupArn: this.targetGroup.arn,
            targetGroup: this.groupArgs,
            paths: this.routeArgs.rule?.paths ?? [],
            hosts: this.routeArgs.rule?.hosts ?? [],
            plan,
            tags: this.routeArgs.tags,
        });
        return this.shift;
    }
}

/**
 * What a stack reports through: an SNS topic every alarm notifies (with an optional email subscription),
 * once the cluster exists its ECS events (see `ecsEventRules.ts`) with the topic policy that lets exactly
 * those rules and the account's alarms publish, and, once the services exist, a CloudWatch dashboard of
 * them all.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { alarmTopicPolicy } from "./alarmTopicPolicy";
import { DashboardService, dashboardBody, dashboardNameOf, dashboardUrl } from "./dashboardBody";
import { EcsEventRules } from "./ecsEventRules";
import type { AlarmTarget } from "./serviceAlarms";
import { childName } from "./naming";

/** The component's type token. */
export const STACK_OBSERVABILITY_TYPE = "fargate-web:cloudwatch:StackObservability";

/** Inputs of {@link StackObservability}. */
export interface StackObservabilityArgs {
    readonly project: string;
    readonly stack: string;
    readonly region: string;
    /** An address that gets every alarm by email (AWS asks it to confirm first); none when undefined. */
    readonly alarmEmail?: string;
    /**
     * A customer-managed KMS key for the topic. No key: the topic is not encrypted, since CloudWatch cannot
     * publish to a topic under the AWS-managed `alias/aws/sns` key
     * (https://repost.aws/knowledge-center/cloudwatch-receive-sns-for-alarm-trigger).
     */
    readonly kmsKeyArn?: string;
    readonly tags?: Record<string, string>;
}

/** A dashboard panel of one service, with unresolved names. */
export interface DashboardServiceInput {
    readonly name: string;
    readonly clusterName: pulumi.Input<string>;
    readonly serviceName: pulumi.Input<string>;
    /** Its target groups behind the load balancer; both of a service whose traffic ECS shifts between two. */
    readonly target?: AlarmTarget;
}

/** The stack's alarm topic and dashboard. */
export class StackObservability extends pulumi.ComponentResource {
    public readonly topic: aws.sns.Topic;
    public readonly topicArn: pulumi.Output<string>;
    public readonly dashboardName: string;
    public readonly dashboardUrl: string;
    public dashboard?: aws.cloudwatch.Dashboard;
    public ecsEvents?: EcsEventRules;
    public topicPolicy?: aws.sns.TopicPolicy;

    private readonly baseName: string;
    private readonly region: string;
    private readonly tags?: Record<string, string>;

    constructor(name: string, args: StackObservabilityArgs, opts?: pulumi.ComponentResourceOptions) {
        super(STACK_OBSERVABILITY_TYPE, name, {}, opts);
        this.baseName = name;
        this.region = args.region;
        this.tags = args.tags;
        this.topic = new aws.sns.Topic(childName(name, "alarms"), { kmsMasterKeyId: args.kmsKeyArn, tags: args.tags }, { parent: this });
        this.topicArn = this.topic.arn;
        if (args.alarmEmail) {
            new aws.sns.TopicSubscription(childName(name, "alarm-email"), { topic: this.topic.arn, protocol: "email", endpoint: args.alarmEmail }, { parent: this });
        }
        this.dashboardName = dashboardNameOf(args.project, args.stack);
        this.dashboardUrl = dashboardUrl(args.region, this.dashboardName);
        this.registerOutputs({ topicArn: this.topicArn, dashboardUrl: this.dashboardUrl });
    }

    /**
     * Sends the ECS events of the cluster of ARN `clusterArn` to the topic (completed deployments too when
     * `notifyCompleted`), and sets the topic's policy: the account, its CloudWatch alarms, and exactly these
     * rules. A KMS-encrypted topic also needs the key policy of `kmsKeyPolicy.ts`.
     */
    notifyEcsEvents(clusterArn: pulumi.Input<string>, notifyCompleted: boolean): EcsEventRules {
        this.ecsEvents = new EcsEventRules(this.baseName, { clusterArn, topicArn: this.topic.arn, notifyCompleted, tags: this.tags }, { parent: this });
        this.topicPolicy = new aws.sns.TopicPolicy(
            childName(this.baseName, "alarms-policy"),
            { arn: this.topic.arn, policy: pulumi.all([this.topic.arn, ...this.ecsEvents.ruleArns]).apply(([topicArn, ...rules]) => JSON.stringify(alarmTopicPolicy(topicArn, rules))) },
            { parent: this },
        );
        return this.ecsEvents;
    }

    /** Creates the dashboard of `services`, once they exist. */
    addDashboard(services: readonly DashboardServiceInput[]): aws.cloudwatch.Dashboard {
        const resolved = pulumi.all(
            services.map(s =>
                pulumi.all([s.clusterName, s.serviceName, s.target?.loadBalancerArnSuffix, s.target?.targetGroupArnSuffix, s.target?.alternateTargetGroupArnSuffix]).apply(
                    ([clusterName, serviceName, loadBalancer, targetGroup, alternateTargetGroup]): DashboardService => ({
                        name: s.name,
                        clusterName,
                        serviceName,
                        target: s.target
                            ? { loadBalancer: loadBalancer!, targetGroup: targetGroup!, ...(alternateTargetGroup !== undefined ? { alternateTargetGroup } : {}) }
                            : undefined,
                    }),
                ),
            ),
        );
        this.dashboard = new aws.cloudwatch.Dashboard(
            childName(this.baseName, "dashboard"),
            { dashboardName: this.dashboardName, dashboardBody: resolved.apply(list => dashboardBody(this.region, list)) },
            { parent: this },
        );
        return this.dashboard;
    }
}

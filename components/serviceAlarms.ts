/**
 * A service's CloudWatch alarms (see `alarmRules.ts` for what each watches), each notifying the stack's
 * topic. The load balancer's alarms (5xx rate, p99 latency, unhealthy hosts) exist before the service, whose
 * `alarms` roll back a deployment that sets one off; the alarms on the service itself (CPU, memory, running
 * tasks) need its name, so `watchService` adds them once the service exists.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { alarmThresholdsProblems, AlarmRule, AlarmThresholds, QueueMetric, queueBacklogAlarmRule, serviceAlarmRules, targetAlarmRules } from "./alarmRules";
import { childName } from "./naming";

/** The component's type token. */
export const SERVICE_ALARMS_TYPE = "fargate-web:cloudwatch:ServiceAlarms";

/** The target groups a service's load-balancer alarms watch, by the ARN suffixes CloudWatch's dimensions use. */
export interface AlarmTarget {
    readonly loadBalancerArnSuffix: pulumi.Input<string>;
    readonly targetGroupArnSuffix: pulumi.Input<string>;
    /**
     * The alternate target group of a blue/green, canary or linear service: the alarms then read both groups,
     * whichever carries production (see `targetAlarmRules`). @default undefined: rolling, one group
     */
    readonly alternateTargetGroupArnSuffix?: pulumi.Input<string>;
}

/** Inputs of {@link ServiceAlarms}. */
export interface ServiceAlarmsArgs {
    /** The topic every alarm notifies, when it fires and when it recovers. */
    readonly topicArn: pulumi.Input<string>;
    /** Thresholds and evaluation periods; the 5xx and latency ones are needed with `target`. */
    readonly thresholds: AlarmThresholds;
    /**
     * The service's target group behind the load balancer: the ARN suffixes CloudWatch's dimensions use.
     * @default undefined: no load-balancer alarms, and so none that rolls a deployment back
     */
    readonly target?: AlarmTarget;
    /**
     * The metric a worker's queue scaling tracks; with `thresholds.queueBacklog`, a notify-only alarm when it
     * stays above that value. @default undefined: no backlog alarm
     */
    readonly queueMetric?: QueueMetric<string>;
    /** @default undefined: no tags */
    readonly tags?: Record<string, string>;
}

/** One service's alarms, named `<service>-<role>`. */
export class ServiceAlarms extends pulumi.ComponentResource {
    /** Every alarm, by role (`target-5xx`, `latency-p99`, `unhealthy-hosts`, `queue-backlog`, `cpu-high`, `memory-high`, `running-tasks`). */
    public readonly alarms: Record<string, aws.cloudwatch.MetricAlarm> = {};
    /** Names of the alarms that roll a deployment back: the service's `alarms.alarmNames`. Empty without a target group. */
    public readonly rollbackAlarmNames: pulumi.Output<string>[];

    private readonly baseName: string;
    private readonly args: ServiceAlarmsArgs;

    /** @throws Error naming the component and each wrong threshold, before anything is registered. */
    constructor(name: string, args: ServiceAlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        const problems = [
            ...alarmThresholdsProblems(args.thresholds),
            ...(args.target && (args.thresholds.target5xxPercent === undefined || args.thresholds.latencyP99Ms === undefined)
                ? ["a service behind the load balancer needs target5xxPercent and latencyP99Ms"]
                : []),
            ...(args.thresholds.queueBacklog !== undefined && !args.queueMetric ? ["queueBacklog needs queueMetric, the metric the alarm watches"] : []),
        ];
        if (problems.length > 0) {
            throw new Error(`ServiceAlarms ${name}: ${problems.join("; ")}`);
        }
        super(SERVICE_ALARMS_TYPE, name, {}, opts);
        this.baseName = name;
        this.args = args;
        const rules = args.target
            ? targetAlarmRules(
                  {
                      loadBalancer: args.target.loadBalancerArnSuffix,
                      targetGroup: args.target.targetGroupArnSuffix,
                      // Only when there is one: a rolling service's alarm inputs stay as they always were.
                      ...(args.target.alternateTargetGroupArnSuffix !== undefined ? { alternateTargetGroup: args.target.alternateTargetGroupArnSuffix } : {}),
                  },
                  args.thresholds,
              )
            : [];
        this.rollbackAlarmNames = rules.filter(r => r.rollback).map(r => this.alarm(r).name);
        if (args.queueMetric && args.thresholds.queueBacklog !== undefined) {
            this.alarm(queueBacklogAlarmRule(args.queueMetric, args.thresholds));
        }
        this.registerOutputs({});
    }

    /** Adds the alarms on the ECS service itself, once it exists. */
    watchService(service: { readonly clusterName: pulumi.Input<string>; readonly serviceName: pulumi.Input<string> }): void {
        for (const rule of serviceAlarmRules(service, this.args.thresholds)) {
            this.alarm(rule);
        }
    }

    private alarm(rule: AlarmRule<pulumi.Input<string>>): aws.cloudwatch.MetricAlarm {
        const actions = [this.args.topicArn];
        const alarm = new aws.cloudwatch.MetricAlarm(
            childName(this.baseName, rule.role),
            {
                alarmDescription: `${this.baseName}: ${rule.description}`,
                comparisonOperator: rule.comparisonOperator,
                threshold: rule.threshold,
                evaluationPeriods: rule.evaluationPeriods,
                datapointsToAlarm: rule.datapointsToAlarm,
                treatMissingData: rule.treatMissingData,
                actionsEnabled: true,
                alarmActions: actions,
                okActions: actions,
                ...(rule.metric
                    ? {
                          namespace: rule.metric.namespace,
                          metricName: rule.metric.metricName,
                          dimensions: rule.metric.dimensions,
                          statistic: rule.metric.statistic,
                          extendedStatistic: rule.metric.extendedStatistic,
                          period: rule.metric.period,
                      }
                    : {
                          metricQueries: rule.metricQueries!.map(q => ({
                              id: q.id,
                              label: q.label,
                              returnData: q.returnData,
                              expression: q.expression,
                              metric: q.metric && {
                                  namespace: q.metric.namespace,
                                  metricName: q.metric.metricName,
                                  dimensions: q.metric.dimensions,
                                  stat: q.metric.stat,
                                  period: q.metric.period,
                              },
                          })),
                      }),
                tags: this.args.tags,
            },
            { parent: this },
        );
        this.alarms[rule.role] = alarm;
        return alarm;
    }
}

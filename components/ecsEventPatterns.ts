/**
 * Which ECS events of a stack's cluster reach its alarm topic, as plain data: the EventBridge event pattern
 * of each rule and the input transformer that turns the event into a one-line notification. Pure, so the
 * patterns and messages are tested apart from the resources.
 *
 * Event names and fields, from the ECS developer guide:
 * - "Amazon ECS service deployment state change events" (detail type `ECS Deployment State Change`):
 *   `SERVICE_DEPLOYMENT_IN_PROGRESS`, `SERVICE_DEPLOYMENT_COMPLETED` (INFO), `SERVICE_DEPLOYMENT_FAILED`
 *   (ERROR); a rollback starts as another IN_PROGRESS and ends as COMPLETED, told apart only by the free-text
 *   `reason`. The documented event carries the service's ARN in `resources` and no cluster in `detail`, so
 *   the rule matches the ARN prefix of the cluster's services
 *   (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service_deployment_events.html).
 * - "Amazon ECS service action events" (`ECS Service Action`): INFO (steady state, reported periodically),
 *   WARN (`SERVICE_TASK_START_IMPAIRED`, `SERVICE_DISCOVERY_INSTANCE_UNHEALTHY`,
 *   `VPC_LATTICE_TARGET_UNHEALTHY`) and ERROR (`SERVICE_TASK_PLACEMENT_FAILURE`, e.g. no Fargate Spot
 *   capacity, `SERVICE_TASK_CONFIGURATION_FAILURE`, `ECS_OPERATION_THROTTLED`,
 *   `SERVICE_DISCOVERY_OPERATION_THROTTLED`, `SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED`), with
 *   `detail.clusterArn` (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service_events.html).
 * - "Amazon ECS task state change events" (`ECS Task State Change`) and "AWS Fargate capacity providers":
 *   a Fargate Spot interruption is announced two minutes ahead by a task state change with
 *   `desiredStatus: STOPPED`, `lastStatus: RUNNING`, `stopCode: SpotInterruption`, `stoppedReason: "Your
 *   Spot Task was interrupted."`, and `detail.clusterArn`
 *   (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html).
 */

/** The detail types ECS sends to EventBridge that the stack listens to. */
export const ECS_DETAIL_TYPES = {
    deployment: "ECS Deployment State Change",
    serviceAction: "ECS Service Action",
    task: "ECS Task State Change",
} as const;

/** A deployment that failed (the circuit breaker or an alarm stopped it; with rollback, the rollback starts). */
export const DEPLOYMENT_FAILED = "SERVICE_DEPLOYMENT_FAILED";
/** A deployment, or the rollback after a failed one, reached steady state. */
export const DEPLOYMENT_COMPLETED = "SERVICE_DEPLOYMENT_COMPLETED";
/** Service action event types worth a notification: every WARN and ERROR, never the periodic INFO. */
export const SERVICE_ACTION_EVENT_TYPES = ["WARN", "ERROR"] as const;
/** The task `stopCode` of a Fargate Spot interruption. */
export const SPOT_INTERRUPTION = "SpotInterruption";

/** An EventBridge input transformer: JSON paths into the event, and the text they fill in. */
export interface InputTransformer {
    readonly inputPaths: Readonly<Record<string, string>>;
    readonly inputTemplate: string;
}

/** One rule: what it matches and what the notification says. `role` names it (`<stack>-ecs-<role>`). */
export interface EcsEventRule {
    readonly role: string;
    readonly description: string;
    /** The event pattern for the cluster of ARN `clusterArn` (`arn:<partition>:ecs:<region>:<account>:cluster/<name>`). */
    readonly eventPattern: (clusterArn: string) => Record<string, unknown>;
    readonly input: InputTransformer;
}

/** The ARN prefix of every service of a cluster: `…:service/<cluster>/`. */
export function serviceArnPrefix(clusterArn: string): string {
    const match = /^(arn:[^:]+:ecs:[^:]+:\d{12}:)cluster\/([A-Za-z0-9_-]+)$/.exec(clusterArn);
    if (!match) {
        throw new Error(`expected a cluster ARN (arn:<partition>:ecs:<region>:<account>:cluster/<name>), got ${JSON.stringify(clusterArn)}`);
    }
    return `${match[1]}service/${match[2]}/`;
}

/**
 * A one-line message: a template in double quotes is EventBridge's documented form for a text output
 * ("Amazon EventBridge input transformation" in the EventBridge user guide). Only the paths named here
 * reach the message: names, ARNs, states and AWS's reason text, never the task's overrides, containers or
 * environment.
 */
const oneLine = (text: string): string => JSON.stringify(text);

/**
 * The rules of a cluster, in the order the stack creates them. `notifyCompleted`: whether a completed
 * deployment notifies too. In prod a deployment is rare and its end is news: after a blue/green bake it says
 * the old version is gone, after a rollback that the service is back on its last good version. In dev
 * deployments are many and a failure is what matters.
 */
export function ecsEventRules(notifyCompleted: boolean): EcsEventRule[] {
    const deploymentEvents = notifyCompleted ? [DEPLOYMENT_FAILED, DEPLOYMENT_COMPLETED] : [DEPLOYMENT_FAILED];
    return [
        {
            role: "deployments",
            description: notifyCompleted
                ? "ECS deployments of the stack's services that fail (and roll back) or complete"
                : "ECS deployments of the stack's services that fail (and roll back)",
            eventPattern: clusterArn => ({
                source: ["aws.ecs"],
                "detail-type": [ECS_DETAIL_TYPES.deployment],
                resources: [{ prefix: serviceArnPrefix(clusterArn) }],
                detail: { eventName: deploymentEvents },
            }),
            input: {
                inputPaths: { service: "$.resources[0]", event: "$.detail.eventName", deployment: "$.detail.deploymentId", reason: "$.detail.reason", time: "$.time" },
                inputTemplate: oneLine("<event> for <service> (deployment <deployment>) at <time>: <reason>"),
            },
        },
        {
            role: "service-actions",
            description: "ECS warnings and errors of the stack's services (tasks that cannot start or be placed, throttling)",
            eventPattern: clusterArn => ({
                source: ["aws.ecs"],
                "detail-type": [ECS_DETAIL_TYPES.serviceAction],
                detail: { clusterArn: [clusterArn], eventType: [...SERVICE_ACTION_EVENT_TYPES] },
            }),
            input: {
                inputPaths: { service: "$.resources[0]", type: "$.detail.eventType", event: "$.detail.eventName", time: "$.time" },
                inputTemplate: oneLine("ECS <type> <event> for <service> at <time>; see the service's events in the ECS console"),
            },
        },
        {
            role: "spot-interruptions",
            description: "Fargate Spot reclaiming a task of the stack (two minutes' notice)",
            eventPattern: clusterArn => ({
                source: ["aws.ecs"],
                "detail-type": [ECS_DETAIL_TYPES.task],
                // The two-minute notice, once per task: later state changes of the same task carry the stopCode too.
                detail: { clusterArn: [clusterArn], stopCode: [SPOT_INTERRUPTION], desiredStatus: ["STOPPED"], lastStatus: ["RUNNING"] },
            }),
            input: {
                inputPaths: { task: "$.detail.taskArn", group: "$.detail.group", zone: "$.detail.availabilityZone", reason: "$.detail.stoppedReason", time: "$.time" },
                inputTemplate: oneLine("Fargate Spot interruption of <task> (<group>, <zone>) at <time>: <reason> ECS starts a replacement if capacity allows."),
            },
        },
    ];
}

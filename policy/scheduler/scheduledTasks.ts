/**
 * The ECS tasks a stack schedules, read the same way from both resources that can start one:
 * - EventBridge Scheduler `aws:scheduler/schedule:Schedule`: `target.ecsParameters` (task definition,
 *   network), `target.roleArn` assumed by "scheduler.amazonaws.com";
 * - an EventBridge rule's `aws:cloudwatch/eventTarget:EventTarget`: `ecsTarget`, `roleArn` assumed by
 *   "events.amazonaws.com".
 * Sources: `@pulumi/aws` 7 input types `ScheduleTargetEcsParameters` and `EventTargetEcsTarget`;
 * EventBridge Scheduler User Guide, "Set up the execution role" (trust "scheduler.amazonaws.com");
 * EventBridge User Guide, "Amazon ECS targets" (the rule target's role, trusted by "events.amazonaws.com").
 */
import { isRecord, upper } from "../lib/coerce";
import { EVENT_TARGET, SCHEDULE, isOneOf } from "../lib/types";

/** One resource's ECS target. */
export interface ScheduledEcsTarget {
    /** `schedule "nightly"` or `event target "nightly"` — for messages. */
    readonly label: string;
    /** Where the ECS settings sit: `target.ecsParameters` or `ecsTarget`. */
    readonly path: string;
    /** The ECS settings block. */
    readonly ecs: Record<string, any>;
    /** The input naming the role the scheduler assumes: `target.roleArn` or `roleArn`. */
    readonly roleField: string;
    /** Reads the role reference (may throw `UnknownValueError` during preview). */
    readonly roleArn: () => unknown;
    /** The service principal that assumes that role. */
    readonly service: "scheduler.amazonaws.com" | "events.amazonaws.com";
}

/** The ECS target of a Schedule or EventTarget, or undefined when the resource starts no ECS task. */
export function scheduledEcsTarget(type: string, name: string, props: Record<string, any>): ScheduledEcsTarget | undefined {
    if (isOneOf(type, SCHEDULE)) {
        const target = props.target;
        if (!isRecord(target) || !isRecord(target.ecsParameters)) {
            return undefined;
        }
        return {
            label: `schedule "${name}"`,
            path: "target.ecsParameters",
            ecs: target.ecsParameters,
            roleField: "target.roleArn",
            roleArn: () => target.roleArn,
            service: "scheduler.amazonaws.com",
        };
    }
    if (isOneOf(type, EVENT_TARGET) && isRecord(props.ecsTarget)) {
        return {
            label: `event target "${name}"`,
            path: "ecsTarget",
            ecs: props.ecsTarget,
            roleField: "roleArn",
            roleArn: () => props.roleArn,
            service: "events.amazonaws.com",
        };
    }
    return undefined;
}

/**
 * True when a task's network configuration asks for a public IP: `true`, or as the ECS and Scheduler APIs
 * spell it, "ENABLED" (any case, any surrounding space), or the string "true".
 */
export function assignsPublicIp(value: unknown): boolean {
    return value === true || upper(value) === "ENABLED" || upper(value) === "TRUE";
}

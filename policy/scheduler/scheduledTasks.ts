/**
 * The ECS tasks a stack schedules, read the same way from every resource that can start one:
 * - an EventBridge Scheduler `aws:scheduler/schedule:Schedule` with the templated ECS target
 *   (`target.ecsParameters`), or with the universal target `arn:aws:scheduler:::aws-sdk:ecs:runTask`
 *   whose `target.input` is the RunTask request as JSON (keys in any case: the API's `taskDefinition`,
 *   `networkConfiguration.awsvpcConfiguration.assignPublicIp`); its role `target.roleArn` is assumed by
 *   "scheduler.amazonaws.com";
 * - an EventBridge rule's `aws:cloudwatch/eventTarget:EventTarget` with `ecsTarget`; its role `roleArn`
 *   is assumed by "events.amazonaws.com".
 * Sources: `@pulumi/aws` 7 input types `ScheduleTargetEcsParameters` and `EventTargetEcsTarget`;
 * EventBridge Scheduler API Reference, `Target` ("templated target … as well as universal targets");
 * EventBridge Scheduler User Guide, "Using universal targets" (`arn:aws:scheduler:::aws-sdk:<service>:<apiAction>`)
 * and "Set up the execution role"; EventBridge User Guide, "Amazon ECS targets".
 */
import { isRecord, upper } from "../lib/coerce";
import { EVENT_TARGET, SCHEDULE, isOneOf } from "../lib/types";

/** One resource's ECS target. Readers may throw `UnknownValueError` during preview. */
export interface ScheduledEcsTarget {
    /** `schedule "nightly"` or `event target "nightly"` — for messages. */
    readonly label: string;
    /** The task definition reference (ARN, family or family:revision). */
    readonly taskDefinition: () => unknown;
    /** The public-IP setting, and the input path it was read from, for messages. */
    readonly publicIp: () => { value: unknown; field: string };
    /** The input naming the role the scheduler assumes: `target.roleArn` or `roleArn`. */
    readonly roleField: string;
    /** The top-level inputs the role and the task definition are read from, for their dependencies. */
    readonly roleProperty: string;
    readonly ecsProperty: string;
    readonly roleArn: () => unknown;
    /** The service principal that assumes that role. */
    readonly service: "scheduler.amazonaws.com" | "events.amazonaws.com";
}

const UNIVERSAL_RUN_TASK = /^arn:aws[a-z-]*:scheduler:::aws-sdk:ecs:runtask$/i;

/** `record[key]` with the key matched case-insensitively (the first match), for JSON request bodies. */
function field(record: unknown, key: string): unknown {
    if (!isRecord(record)) {
        return undefined;
    }
    const found = Object.keys(record).find(k => k.toLowerCase() === key.toLowerCase());
    return found === undefined ? undefined : record[found];
}

function parseJson(text: unknown): unknown {
    if (typeof text !== "string") {
        return undefined;
    }
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

/** The ECS target of a Schedule or EventTarget, or undefined when the resource starts no ECS task. */
export function scheduledEcsTarget(type: string, name: string, props: Record<string, any>): ScheduledEcsTarget | undefined {
    if (isOneOf(type, SCHEDULE)) {
        const target = props.target;
        if (!isRecord(target)) {
            return undefined;
        }
        const common = {
            label: `schedule "${name}"`,
            roleField: "target.roleArn",
            roleProperty: "target",
            ecsProperty: "target",
            roleArn: () => target.roleArn,
            service: "scheduler.amazonaws.com" as const,
        };
        if (isRecord(target.ecsParameters)) {
            const ecs = target.ecsParameters;
            return {
                ...common,
                taskDefinition: () => ecs.taskDefinitionArn,
                publicIp: () => ({
                    value: isRecord(ecs.networkConfiguration) ? ecs.networkConfiguration.assignPublicIp : undefined,
                    field: "target.ecsParameters.networkConfiguration.assignPublicIp",
                }),
            };
        }
        if (typeof target.arn === "string" && UNIVERSAL_RUN_TASK.test(target.arn.trim())) {
            const request = () => parseJson(target.input);
            return {
                ...common,
                taskDefinition: () => field(request(), "taskDefinition"),
                publicIp: () => ({
                    value: field(field(field(request(), "networkConfiguration"), "awsvpcConfiguration"), "assignPublicIp"),
                    field: "target.input's networkConfiguration.awsvpcConfiguration.assignPublicIp (universal ecs:runTask target)",
                }),
            };
        }
        return undefined;
    }
    if (isOneOf(type, EVENT_TARGET) && isRecord(props.ecsTarget)) {
        const ecs = props.ecsTarget;
        return {
            label: `event target "${name}"`,
            taskDefinition: () => ecs.taskDefinitionArn,
            publicIp: () => ({
                value: isRecord(ecs.networkConfiguration) ? ecs.networkConfiguration.assignPublicIp : undefined,
                field: "ecsTarget.networkConfiguration.assignPublicIp",
            }),
            roleField: "roleArn",
            roleProperty: "roleArn",
            ecsProperty: "ecsTarget",
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

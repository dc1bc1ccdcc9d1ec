/**
 * Reading recorded EventBridge Scheduler schedules that run ECS tasks: what the cost model needs to price
 * them (how often, how many tasks, for how long, on what). Pure.
 */
import { RecordedResource } from "../harness/types";
import { Json, known, linkedOne, num, ofTypes, Plain, TYPES } from "./recorded";

/**
 * Tag (on the schedule's `target.ecsParameters.tags`, else on the task definition) giving how many minutes
 * one run takes. EventBridge Scheduler schedules carry no tags of their own, so the run's tags hold it.
 */
export const EXPECTED_DURATION_TAG = "ExpectedDurationMinutes";

/** Minutes a run is assumed to take without the tag; every estimate that assumes it says so. */
export const ASSUMED_RUN_MINUTES = 10;

/** Fargate bills a task from its image pull to its stop, per second, for at least a minute (Fargate pricing page). */
export const MINIMUM_BILLED_MINUTES = 1;

/** A schedule whose target runs an ECS task definition. */
export interface ScheduledTaskView extends Plain {
    /** State `name`, else the logical name. */
    readonly name: string;
    /** `scheduleExpression`, or undefined when not known yet. */
    readonly expression?: string;
    /** A schedule with `state: "DISABLED"` never runs. */
    readonly enabled: boolean;
    /** Tasks each run starts (`taskCount`, default 1). */
    readonly taskCount: number;
    readonly taskDefinition?: Plain;
    /** `target.ecsParameters`: launch type, capacity providers, network configuration. */
    readonly ecs: Json;
    /** Minutes one run takes, from the tag or assumed. */
    readonly runMinutes: number;
    readonly durationFrom: "tag" | "assumed";
    /** Why the tag was not used, when it is present but unreadable. */
    readonly durationProblem?: string;
}

/** The run time a tag gives, or why it gives none. */
function durationFromTags(tags: unknown, where: string): { minutes?: number; problem?: string } {
    const value = tags !== null && typeof tags === "object" ? (tags as Json)[EXPECTED_DURATION_TAG] : undefined;
    if (value === undefined) return {};
    const minutes = num(value);
    return minutes !== undefined && minutes > 0
        ? { minutes }
        : { problem: `tag ${EXPECTED_DURATION_TAG} on ${where} is ${JSON.stringify(value)}; expected a number of minutes above 0` };
}

/** Every recorded schedule with an ECS target, with its task definition matched (by ARN, dependency or as the only one). */
export function scheduledTasks(resources: readonly RecordedResource[]): ScheduledTaskView[] {
    const taskDefinitions = ofTypes(resources, TYPES.taskDefinition);
    return ofTypes(resources, TYPES.schedule)
        .filter(s => s.inputs.target?.ecsParameters !== undefined && s.inputs.target?.ecsParameters !== null)
        .map(schedule => {
            const ecs: Json = schedule.inputs.target.ecsParameters;
            const taskDefinition = linkedOne(taskDefinitions, schedule.resource, "target", ecs.taskDefinitionArn);
            const fromRun = durationFromTags(ecs.tags, "target.ecsParameters");
            const fromTd = durationFromTags(taskDefinition?.inputs.tags, "the task definition");
            const minutes = fromRun.minutes ?? (fromRun.problem === undefined ? fromTd.minutes : undefined);
            return {
                ...schedule,
                name: known(schedule.state.name) ? schedule.state.name : schedule.resource.name,
                expression: known(schedule.inputs.scheduleExpression) ? schedule.inputs.scheduleExpression : undefined,
                enabled: schedule.inputs.state !== "DISABLED",
                taskCount: num(ecs.taskCount) ?? 1,
                taskDefinition,
                ecs,
                runMinutes: minutes ?? ASSUMED_RUN_MINUTES,
                durationFrom: minutes === undefined ? "assumed" : "tag",
                durationProblem: fromRun.problem ?? (minutes === undefined ? fromTd.problem : undefined),
            };
        });
}

/**
 * Cross-resource lookups for ECS stack policies. Stack policies see each resource's state (outputs), so a
 * service's `taskDefinition` is matched against the task definition's `arn` the way AWS resolves it.
 * Lookups read only the properties they compare; an unknown one throws `UnknownValueError` (the engine
 * then reports that the policy could not run during preview).
 */
import { PolicyResource } from "@pulumi/policy";
import { TASK_DEFINITION } from "./types";

/** The resources of the given types, in stack order. */
export const resourcesOfType = (resources: readonly PolicyResource[], types: readonly string[]): PolicyResource[] =>
    resources.filter(r => types.includes(r.type));

/**
 * The task definition a service or task set names in `taskDefinition`: by full ARN, ARN without revision,
 * `family:revision` or `family`. Undefined when the reference is not a string or names nothing in the stack.
 */
export function findTaskDefinition(resources: readonly PolicyResource[], reference: unknown): PolicyResource | undefined {
    if (typeof reference !== "string" || reference === "") {
        return undefined;
    }
    // Compared one property at a time, so a property that does not decide the match is never read.
    return resourcesOfType(resources, TASK_DEFINITION).find(
        td =>
            reference === td.props.arn ||
            reference === td.props.arnWithoutRevision ||
            (typeof td.props.family === "string" &&
                td.props.family !== "" &&
                (reference === td.props.family || reference === `${td.props.family}:${td.props.revision}`)),
    );
}

/** How messages name a task definition: its `family` when known, else its logical name. */
export const taskDefinitionLabel = (td: PolicyResource): string =>
    typeof td.props.family === "string" && td.props.family !== "" ? td.props.family : td.name;

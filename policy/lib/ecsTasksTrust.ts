/**
 * Who a role's trust policy lets in, as the two ECS trust rules read it: whether "ecs-tasks.amazonaws.com"
 * may assume the role, and every other principal its Allow statements name. One reading for both
 * `iam-role-ecs-tasks-trust-exclusive` (the role alone) and `iam-role-ecs-task-trust` (roles the stack's
 * task definitions use), so they cannot drift apart; the reading itself is `./serviceTrust`'s.
 */
import { PolicyStatement } from "./iamDocuments";
import { serviceTrust } from "./serviceTrust";

/** The service principal ECS tasks assume roles as. */
export const ECS_TASKS = "ecs-tasks.amazonaws.com";

/** What a trust policy's Allow statements let in. */
export interface EcsTasksTrust {
    /** True when "ecs-tasks.amazonaws.com" may assume the role. */
    readonly ecsTasks: boolean;
    /** Every other principal, once each, for messages: `"*"`, `AWS principal "arn:…"`, `Service principal "…"`. */
    readonly others: string[];
}

/** Reads `statements` (a parsed trust policy); see {@link EcsTasksTrust}. */
export function ecsTasksTrust(statements: readonly PolicyStatement[]): EcsTasksTrust {
    const { trusted, others } = serviceTrust(statements, ECS_TASKS);
    return { ecsTasks: trusted, others };
}

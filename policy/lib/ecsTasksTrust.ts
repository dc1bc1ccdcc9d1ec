/**
 * Who a role's trust policy lets in, as the two ECS trust rules read it: whether "ecs-tasks.amazonaws.com"
 * may assume the role, and every other principal its Allow statements name. One reading for both
 * `iam-role-ecs-tasks-trust-exclusive` (the role alone) and `iam-role-ecs-task-trust` (roles the stack's
 * task definitions use), so they cannot drift apart.
 */
import { PolicyStatement, principalsOf } from "./iamDocuments";

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
    const principals = statements.filter(s => s.effect === "Allow").flatMap(s => principalsOf(s.principal));
    const isEcsTasks = (p: (typeof principals)[number]) => p.kind === "Service" && p.value === ECS_TASKS;
    const others = new Set(principals.filter(p => !isEcsTasks(p)).map(p => (p.kind === "*" ? '"*"' : `${p.kind} principal "${p.value}"`)));
    return { ecsTasks: principals.some(isEcsTasks), others: [...others] };
}

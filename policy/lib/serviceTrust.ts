/**
 * Who a role's trust policy lets in, read against the one service principal that should assume it
 * ("ecs-tasks.amazonaws.com" for task roles, "scheduler.amazonaws.com" for EventBridge Scheduler,
 * "events.amazonaws.com" for EventBridge rule targets): whether that service may assume the role, and
 * every other principal its Allow statements name.
 */
import { PolicyStatement, principalsOf } from "./iamDocuments";

/** What a trust policy's Allow statements let in, against one service principal. */
export interface ServiceTrust {
    /** True when the service principal may assume the role. */
    readonly trusted: boolean;
    /** Every other principal, once each, for messages: `"*"`, `AWS principal "arn:…"`, `Service principal "…"`. */
    readonly others: string[];
}

/** Reads `statements` (a parsed trust policy) against `service`; see {@link ServiceTrust}. */
export function serviceTrust(statements: readonly PolicyStatement[], service: string): ServiceTrust {
    const principals = statements.filter(s => s.effect === "Allow").flatMap(s => principalsOf(s.principal));
    const isService = (p: (typeof principals)[number]) => p.kind === "Service" && p.value === service;
    const others = new Set(principals.filter(p => !isService(p)).map(p => (p.kind === "*" ? '"*"' : `${p.kind} principal "${p.value}"`)));
    return { trusted: principals.some(isService), others: [...others] };
}

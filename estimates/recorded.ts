/**
 * Reading recorded resources for the estimates: plain inputs and state, the task definition and scaling
 * target of each ECS service. Pure; shared by the cost and rollout models.
 */
import { normaliseForEngine, UNKNOWN } from "../harness/serialisation";
import { RecordedResource } from "../harness/types";
import { AWSX_TYPES, AWS_TYPES } from "../policy/facts/typeTokens";

/** Plain JSON object (secrets unwrapped). */
export type Json = Record<string, any>;

/** Type tokens the estimates read. */
export const TYPES = {
    service: AWS_TYPES.ecsService,
    taskDefinition: AWS_TYPES.ecsTaskDefinition,
    scalingTarget: AWS_TYPES.appautoscalingTarget,
    loadBalancers: [AWS_TYPES.lbLoadBalancer, AWS_TYPES.albLoadBalancer],
    targetGroups: [AWS_TYPES.lbTargetGroup, AWS_TYPES.albTargetGroup],
    natGateway: AWS_TYPES.ec2NatGateway,
    awsxVpc: AWSX_TYPES.ec2Vpc,
    secret: AWS_TYPES.secretsmanagerSecret,
} as const;

/** A recorded resource with its inputs and state as plain JSON. */
export interface Plain {
    readonly resource: RecordedResource;
    readonly inputs: Json;
    readonly state: Json;
}

/** Inputs and state of `r` as a policy sees them. */
export const plain = (r: RecordedResource): Plain => ({
    resource: r,
    inputs: (normaliseForEngine(r.inputs) ?? {}) as Json,
    state: (normaliseForEngine(r.state) ?? {}) as Json,
});

/** Every recorded resource whose type is one of `types`, as plain JSON. */
export const ofTypes = (resources: readonly RecordedResource[], ...types: readonly string[]): Plain[] =>
    resources.filter(r => types.includes(r.type)).map(plain);

/** A string known at preview time (not absent, not the unknown sentinel). */
export const known = (value: unknown): value is string => typeof value === "string" && value !== "" && value !== UNKNOWN;

/** `value` as a finite number when it is one or a numeric string (inputs may carry either). */
export function num(value: unknown): number | undefined {
    if (typeof value === "number" && Number.isFinite(value)) {
        return value;
    }
    return typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined;
}

/**
 * The candidate whose state `arn` equals `arn`; failing that, the only candidate (values not known during
 * preview cannot be matched, and a stack with one of a kind is unambiguous).
 */
export function byArnOrOnly(candidates: readonly Plain[], arn: unknown): Plain | undefined {
    const matched = known(arn) ? candidates.find(c => c.state.arn === arn) : undefined;
    return matched ?? (candidates.length === 1 ? candidates[0] : undefined);
}

/** Tasks a service runs at the bottom and top of its scaling range, and where the numbers came from. */
export interface TaskCount {
    readonly min: number;
    readonly max: number;
    readonly from: "scaling target" | "desiredCount";
}

/** An ECS service with what the estimates need around it. */
export interface ServiceView extends Plain {
    /** The service's name: state `name` (what the scaling target's resourceId names), else its logical name. */
    readonly name: string;
    readonly taskDefinition?: Plain;
    readonly tasks: TaskCount;
}

/**
 * Each recorded ECS service with its task definition (by ARN, else the only one) and task count: the
 * scaling target whose resourceId `service/<cluster>/<name>` names it gives min and max; a lone target
 * is taken for a lone service; otherwise `desiredCount` (ECS default 1) is both.
 */
export function ecsServices(resources: readonly RecordedResource[]): ServiceView[] {
    const services = ofTypes(resources, TYPES.service);
    const taskDefinitions = ofTypes(resources, TYPES.taskDefinition);
    const targets = ofTypes(resources, TYPES.scalingTarget).filter(t => t.inputs.serviceNamespace === undefined || t.inputs.serviceNamespace === "ecs");
    return services.map(service => {
        const name = known(service.state.name) ? service.state.name : service.resource.name;
        const named = targets.find(t => known(t.inputs.resourceId) && t.inputs.resourceId.split("/")[2] === name);
        // A target scales exactly one service, so the lone-target fallback is safe only with one service.
        const target = named ?? (targets.length === 1 && services.length === 1 ? targets[0] : undefined);
        const desired = num(service.inputs.desiredCount) ?? 1;
        const min = num(target?.inputs.minCapacity);
        const max = num(target?.inputs.maxCapacity);
        const tasks: TaskCount =
            min !== undefined ? { min, max: Math.max(min, max ?? min), from: "scaling target" } : { min: desired, max: desired, from: "desiredCount" };
        return { ...service, name, taskDefinition: byArnOrOnly(taskDefinitions, service.inputs.taskDefinition), tasks };
    });
}

/** Container definitions of a task definition (a JSON string in the inputs), or [] when unreadable. */
export function containerDefinitions(taskDefinition: Plain | undefined): Json[] {
    const raw = taskDefinition?.inputs.containerDefinitions;
    try {
        const parsed = typeof raw === "string" ? JSON.parse(raw) : raw;
        return Array.isArray(parsed) ? parsed : [];
    } catch {
        return [];
    }
}

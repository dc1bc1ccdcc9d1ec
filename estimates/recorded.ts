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
    listeners: [AWS_TYPES.lbListener, AWS_TYPES.albListener],
    listenerRules: [AWS_TYPES.lbListenerRule, AWS_TYPES.albListenerRule],
    natGateway: AWS_TYPES.ec2NatGateway,
    awsxVpc: AWSX_TYPES.ec2Vpc,
    secret: AWS_TYPES.secretsmanagerSecret,
    schedule: AWS_TYPES.schedulerSchedule,
    metricAlarm: AWS_TYPES.cloudwatchMetricAlarm,
    dashboard: AWS_TYPES.cloudwatchDashboard,
    topicSubscription: AWS_TYPES.snsTopicSubscription,
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
 * The candidates an input of `from` names: those whose state `arn` equals `arn`; failing that, those whose
 * URN the engine lists as that input's dependencies (an ARN not known during a preview still records which
 * resource it came from). Only when there is no such record (resources built by hand) is the only
 * candidate taken: with the record, an ARN matching nothing names something outside the stack.
 */
export function linked(candidates: readonly Plain[], from: RecordedResource, input: string, arn: unknown): Plain[] {
    const urns = from.propertyDependencies[input];
    const byDependency = candidates.filter(c => urns?.includes(c.resource.urn));
    const byArn = known(arn) ? candidates.filter(c => c.state.arn === arn) : [];
    if (byArn.length > 0) {
        // Two resources reporting one ARN (a copy of a stack, say): the dependency record tells them apart.
        const both = byArn.filter(c => byDependency.includes(c));
        return both.length > 0 ? both : byArn;
    }
    if (byDependency.length > 0) {
        return byDependency;
    }
    return urns === undefined && candidates.length === 1 ? [candidates[0]] : [];
}

/**
 * The one candidate input `input` of `from` names (see {@link linked}); undefined when none or several
 * match, so an ambiguous match falls back to AWS's defaults instead of a guess.
 */
export function linkedOne(candidates: readonly Plain[], from: RecordedResource, input: string, arn: unknown): Plain | undefined {
    const found = linked(candidates, from, input, arn);
    return found.length === 1 ? found[0] : undefined;
}

/** Tasks a service runs at the bottom and top of its scaling range, and where the numbers came from. */
export interface TaskCount {
    readonly min: number;
    readonly max: number;
    readonly from: "scaling target" | "desiredCount";
}

/** What a service does: serve a load balancer's traffic (`web`) or run without one (`worker`). */
export type ServiceKind = "web" | "worker";

/** An ECS service with what the estimates need around it. */
export interface ServiceView extends Plain {
    /** The service's name: state `name` (what the scaling target's resourceId names), else its logical name. */
    readonly name: string;
    readonly kind: ServiceKind;
    readonly taskDefinition?: Plain;
    /** The target groups its `loadBalancers` entries name ([] for a worker, or when none could be told apart). */
    readonly targetGroups: readonly Plain[];
    readonly tasks: TaskCount;
}

/** The `loadBalancers` entries of a service's inputs ([] when unset or not a list). */
const loadBalancerEntries = (inputs: Json): Array<{ targetGroupArn?: unknown; advancedConfiguration?: { alternateTargetGroupArn?: unknown } }> =>
    Array.isArray(inputs.loadBalancers) ? inputs.loadBalancers : [];

/**
 * Each recorded ECS service with its task definition, target groups and task count. The task definition and
 * target groups are matched by ARN, else by the engine's record of which resource the input came from (the
 * way during a first preview, when every ARN is unknown), else as the only one of their type. The scaling
 * target whose resourceId `service/<cluster>/<name>` names the service, or that depends on it, gives min and
 * max; a lone target is taken for a lone service; otherwise `desiredCount` (ECS default 1) is both.
 */
export function ecsServices(resources: readonly RecordedResource[]): ServiceView[] {
    const services = ofTypes(resources, TYPES.service);
    const taskDefinitions = ofTypes(resources, TYPES.taskDefinition);
    const targetGroups = ofTypes(resources, ...TYPES.targetGroups);
    const targets = ofTypes(resources, TYPES.scalingTarget).filter(t => t.inputs.serviceNamespace === undefined || t.inputs.serviceNamespace === "ecs");
    return services.map(service => {
        const name = known(service.state.name) ? service.state.name : service.resource.name;
        const named =
            targets.find(t => known(t.inputs.resourceId) && t.inputs.resourceId.split("/")[2] === name) ??
            targets.find(t => !known(t.inputs.resourceId) && (t.resource.propertyDependencies.resourceId ?? []).includes(service.resource.urn));
        // A target scales exactly one service, so the lone-target fallback is safe only with one service.
        const target = named ?? (targets.length === 1 && services.length === 1 ? targets[0] : undefined);
        const desired = num(service.inputs.desiredCount) ?? 1;
        const min = num(target?.inputs.minCapacity);
        const max = num(target?.inputs.maxCapacity);
        const tasks: TaskCount =
            min !== undefined ? { min, max: Math.max(min, max ?? min), from: "scaling target" } : { min: desired, max: desired, from: "desiredCount" };
        const entries = loadBalancerEntries(service.inputs);
        // With unknown ARNs the dependencies name the service's target groups, not which entry holds which:
        // every one of them is the service's, which is all the estimates need.
        // A blue/green, canary or linear deployment starts the new revision in whichever group is not live:
        // the alternate group's health checks and drain count as much as the primary's.
        const groups = entries.flatMap(entry => [
            ...linked(targetGroups, service.resource, "loadBalancers", entry.targetGroupArn),
            ...(entry.advancedConfiguration?.alternateTargetGroupArn !== undefined
                ? linked(targetGroups, service.resource, "loadBalancers", entry.advancedConfiguration.alternateTargetGroupArn)
                : []),
        ]);
        return {
            ...service,
            name,
            kind: entries.length > 0 ? "web" : "worker",
            taskDefinition: linkedOne(taskDefinitions, service.resource, "taskDefinition", service.inputs.taskDefinition),
            targetGroups: [...new Set(groups)],
            tasks,
        };
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

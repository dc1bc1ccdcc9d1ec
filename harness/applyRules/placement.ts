/**
 * Where ECS can place a service's Fargate tasks: capacity provider, platform version and the task
 * definition's runtime platform must fit together, or the service never starts a task.
 */
import { CPU_UNITS_NEEDING_1_4_0, platformMinimumFor } from "../../components/platformVersion";
import { AWS_TYPES, ECS_CLUSTER, ECS_SERVICE, TASK_DEFINITION } from "../../policy/facts/typeTokens";
import { UNKNOWN } from "../serialisation";
import { isKnownString, objects } from "./read";
import { ApplyRule, Finding, RuleContext, RuleResource } from "./types";

const CLUSTER_CAPACITY_PROVIDERS = [AWS_TYPES.ecsClusterCapacityProviders] as const;

/** `1.4.0` → [1, 4, 0]; LATEST and unset → undefined (the newest version, which fits every rule here). */
const versionOf = (value: unknown): number[] | undefined =>
    isKnownString(value) && /^\d+\.\d+\.\d+$/.test(value) ? value.split(".").map(Number) : undefined;
const atLeast = (v: number[], min: number[]): boolean => {
    for (let i = 0; i < 3; i++) if (v[i] !== min[i]) return v[i] > min[i];
    return true;
};

/**
 * The capacity providers a service places tasks on: its own strategy, else its launch type, else the
 * default strategy of its cluster's capacity providers; undefined when that is unknown.
 */
function providersOf(service: RuleResource, context: RuleContext): { path: string; providers: string[] } | undefined {
    // A strategy or launch type not known yet decides placement: nothing else may be guessed in its place.
    if (service.inputs.capacityProviderStrategies === UNKNOWN || service.inputs.launchType === UNKNOWN) return undefined;
    const strategy = objects(service.inputs.capacityProviderStrategies, "capacityProviderStrategies");
    if (strategy.length > 0) {
        const providers = strategy.map(s => s.value.capacityProvider);
        return providers.every(isKnownString) ? { path: "capacityProviderStrategies", providers } : undefined;
    }
    if (isKnownString(service.inputs.launchType)) return { path: "launchType", providers: [service.inputs.launchType] };
    const cluster = context.dependencyOf(service, "cluster", ECS_CLUSTER);
    if (!cluster) return undefined;
    const defaults = context
        .resourcesOf(CLUSTER_CAPACITY_PROVIDERS)
        .find(c => (c.recorded.propertyDependencies.clusterName ?? []).includes(cluster.urn));
    const providers = objects(defaults?.inputs.defaultCapacityProviderStrategies, "defaultCapacityProviderStrategies").map(s => s.value.capacityProvider);
    return providers.length > 0 && providers.every(isKnownString) ? { path: `cluster default strategy (${defaults!.name})`, providers } : undefined;
}

export const ecsFargatePlatform: ApplyRule = {
    id: "ecs-fargate-platform",
    types: ECS_SERVICE,
    aws: "Fargate Spot runs Linux X86_64 tasks from platform version 1.3.0 and Linux ARM64 tasks from 1.4.0; ARM64 needs 1.4.0 on Fargate too; Windows tasks run on X86_64 only, not on Fargate Spot",
    source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html",
    configKeys: ["cpuArchitecture", "capacityProvider"],
    check: (service, context) => {
        const taskDefinition = context.dependencyOf(service, "taskDefinition", TASK_DEFINITION);
        const placement = providersOf(service, context);
        if (!taskDefinition || !placement) return [];
        const platform = taskDefinition.inputs.runtimePlatform ?? {};
        if (platform === null || typeof platform !== "object") return [];
        const architecture = platform.cpuArchitecture ?? "X86_64";
        const os = platform.operatingSystemFamily ?? "LINUX";
        if (!isKnownString(architecture) || !isKnownString(os)) return [];
        const version = versionOf(service.inputs.platformVersion);
        const given = (extra: string) => `${placement.providers.join(", ")} with ${os} ${architecture} (${taskDefinition.name})${extra}`;
        const findings: Finding[] = [];
        const spot = placement.providers.includes("FARGATE_SPOT");
        if (os !== "LINUX") {
            if (architecture !== "X86_64") findings.push({ path: "taskDefinition", described: true, given: given(""), allowed: "Windows tasks on Fargate run on X86_64 only" });
            if (spot) findings.push({ path: placement.path, described: true, given: given(""), allowed: "FARGATE only: Fargate Spot does not run Windows tasks" });
            return findings;
        }
        if (!version) return findings;
        const shown = ` on platform ${service.inputs.platformVersion}`;
        const minimum = platformMinimumFor(architecture, spot);
        if (minimum && !atLeast(version, minimum.split(".").map(Number))) {
            const allowed =
                architecture === "ARM64"
                    ? `platform version ${minimum} or LATEST: ${spot ? "Fargate Spot runs " : ""}ARM64 tasks from ${minimum}`
                    : `platform version ${minimum} or later, or LATEST: Fargate Spot runs X86_64 tasks from ${minimum}`;
            findings.push({ path: "platformVersion", described: true, given: given(shown), allowed });
        }
        return findings;
    },
};

/** Task CPU units as the provider sends them (a string or a number); undefined when unknown or not a number. */
const cpuUnitsOf = (value: unknown): number | undefined => {
    const n = typeof value === "number" ? value : isKnownString(value) && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
    return n !== undefined && Number.isFinite(n) ? n : undefined;
};

export const ecsFargateTaskSizePlatform: ApplyRule = {
    id: "ecs-fargate-task-size-platform",
    types: ECS_SERVICE,
    aws: "Linux tasks of 8 or 16 vCPU (cpu 8192 or 16384) run on Fargate platform version 1.4.0 or later only",
    source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size",
    configKeys: ["cpu", "platformVersion"],
    check: (service, context) => {
        const taskDefinition = context.dependencyOf(service, "taskDefinition", TASK_DEFINITION);
        if (!taskDefinition) return [];
        const cpu = cpuUnitsOf(taskDefinition.inputs.cpu);
        const version = versionOf(service.inputs.platformVersion);
        const os = taskDefinition.inputs.runtimePlatform?.operatingSystemFamily ?? "LINUX";
        if (cpu === undefined || cpu < CPU_UNITS_NEEDING_1_4_0 || !version || os !== "LINUX" || atLeast(version, [1, 4, 0])) return [];
        return [
            {
                path: "platformVersion",
                described: true,
                given: `${service.inputs.platformVersion} with cpu ${cpu} (${cpu / 1024} vCPU, ${taskDefinition.name})`,
                allowed: "platform version 1.4.0 or LATEST: Fargate offers 8 and 16 vCPU tasks from 1.4.0",
            },
        ];
    },
};

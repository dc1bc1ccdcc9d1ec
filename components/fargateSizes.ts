/**
 * The task sizes Fargate accepts (Linux), from the ECS developer guide's "Task CPU and memory" table.
 * Pure: used by the config loader, the FargateService component and its tests.
 */

/** Task CPU units (1024 = 1 vCPU) Fargate offers. */
export const FARGATE_CPU_UNITS = [256, 512, 1024, 2048, 4096, 8192, 16384] as const;

/** A task CPU value Fargate offers. */
export type FargateCpu = (typeof FARGATE_CPU_UNITS)[number];

const range = (from: number, to: number, step: number): number[] =>
    Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);

const MEMORY_BY_CPU: Readonly<Record<FargateCpu, readonly number[]>> = {
    256: [512, 1024, 2048],
    512: range(1024, 4096, 1024),
    1024: range(2048, 8192, 1024),
    2048: range(4096, 16384, 1024),
    4096: range(8192, 30720, 1024),
    8192: range(16384, 61440, 4096),
    16384: range(32768, 122880, 8192),
};

/** True when `cpu` is one of Fargate's task CPU values. */
export const isFargateCpu = (cpu: number): cpu is FargateCpu => (FARGATE_CPU_UNITS as readonly number[]).includes(cpu);

/** Memory values (MiB) Fargate accepts with `cpu`; empty for a CPU value Fargate does not offer. */
export const fargateMemoryOptions = (cpu: number): readonly number[] => (isFargateCpu(cpu) ? MEMORY_BY_CPU[cpu] : []);

/** True when Fargate runs a task of `cpu` units and `memory` MiB. */
export const isFargateSize = (cpu: number, memory: number): boolean => fargateMemoryOptions(cpu).includes(memory);

/** "512, 1024 or 2048": a readable list of allowed values for error messages. */
export function describeChoices(values: readonly (number | string)[]): string {
    if (values.length <= 1) {
        return values.join("");
    }
    const shown = values.length > 12 ? [...values.slice(0, 3), "…", ...values.slice(-2)] : values;
    return `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
}

/**
 * Why a cpu/memory pair is not a Fargate size, or undefined when it is.
 * The message names both values and what Fargate accepts instead.
 */
export function fargateSizeProblem(cpu: number, memory: number): string | undefined {
    if (!isFargateCpu(cpu)) {
        return `cpu ${cpu} is not a Fargate task size; use ${describeChoices(FARGATE_CPU_UNITS)}`;
    }
    if (!isFargateSize(cpu, memory)) {
        const options = MEMORY_BY_CPU[cpu];
        const last = options[options.length - 1];
        const allowed =
            options.length > 3 ? `${options[0]} to ${last} in steps of ${options[1] - options[0]}` : describeChoices(options);
        return `memory ${memory} is not offered with cpu ${cpu}; use ${allowed}`;
    }
    return undefined;
}

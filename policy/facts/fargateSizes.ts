/**
 * The task sizes Fargate runs: task-level `cpu` (CPU units, 1024 = 1 vCPU) and the `memory` (MiB) Fargate
 * accepts with each. Pure, with no import: the policy pack, the components, the config loader, the
 * estimates and the tests all read this one table.
 *
 * Source: "Task CPU and memory", Amazon ECS Developer Guide,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
 * (Linux and Windows tables), checked 2026-11-30; the same table is quoted in the ECS API reference for
 * `RegisterTaskDefinition` `memory`, which `test/policy/facts/fargateSizes.test.ts` reads from the
 * installed `@aws-sdk/client-ecs`.
 */

/** Task CPU units Fargate offers on Linux, smallest first. */
export const FARGATE_CPU_UNITS = [256, 512, 1024, 2048, 4096, 8192, 16384] as const;

/** A task CPU value Fargate offers. */
export type FargateCpu = (typeof FARGATE_CPU_UNITS)[number];

const range = (from: number, to: number, step: number): number[] =>
    Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/** CPU units → memory values (MiB) Fargate accepts on Linux. 8 and 16 vCPU need platform 1.4.0 or later. */
export const FARGATE_LINUX_SIZES: Readonly<Record<FargateCpu, readonly number[]>> = {
    256: [512, 1024, 2048],
    512: range(1024, 4096, 1024),
    1024: range(2048, 8192, 1024),
    2048: range(4096, 16384, 1024),
    4096: range(8192, 30720, 1024),
    8192: range(16384, 61440, 4096),
    16384: range(32768, 122880, 8192),
};

/** CPU units → memory values (MiB) Fargate accepts on Windows: 1 to 4 vCPU only. */
export const FARGATE_WINDOWS_SIZES: Readonly<Partial<Record<FargateCpu, readonly number[]>>> = {
    1024: range(2048, 8192, 1024),
    2048: range(4096, 16384, 1024),
    4096: range(8192, 30720, 1024),
};

const table = (windows: boolean): Readonly<Partial<Record<number, readonly number[]>>> => (windows ? FARGATE_WINDOWS_SIZES : FARGATE_LINUX_SIZES);

/** True when `cpu` is one of Fargate's (Linux) task CPU values. */
export const isFargateCpu = (cpu: number): cpu is FargateCpu => (FARGATE_CPU_UNITS as readonly number[]).includes(cpu);

/** The CPU values Fargate offers, smallest first (Windows: 1 to 4 vCPU). */
export const fargateCpuOptions = (windows = false): number[] => Object.keys(table(windows)).map(Number);

/** Memory values (MiB) Fargate accepts with `cpu`; empty for a CPU value Fargate does not offer. */
export const fargateMemoryOptions = (cpu: number, windows = false): readonly number[] => table(windows)[cpu] ?? [];

/** True when Fargate runs a task of `cpu` units and `memory` MiB. */
export const isFargateSize = (cpu: number, memory: number, windows = false): boolean => fargateMemoryOptions(cpu, windows).includes(memory);

/** The largest task CPU value Fargate offers (16 vCPU). */
export const FARGATE_MAX_CPU: FargateCpu = FARGATE_CPU_UNITS[FARGATE_CPU_UNITS.length - 1];

/** The most memory (MiB) a Fargate task can have, with {@link FARGATE_MAX_CPU}. */
export const FARGATE_MAX_MEMORY_MIB: number = Math.max(...FARGATE_LINUX_SIZES[FARGATE_MAX_CPU]);

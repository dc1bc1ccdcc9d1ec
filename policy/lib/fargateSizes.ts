/**
 * The task sizes Fargate accepts, and parsers for the forms ECS takes `cpu` and `memory` in
 * (`"1024"` or `"1 vCPU"`; `"2048"` or `"2 GB"`). Pure: the Fargate cpu/memory policy and its tests use it.
 * Source: "Task CPU and memory" in the Amazon ECS developer guide (Linux and Windows tables).
 */

const range = (from: number, to: number, step: number): number[] =>
    Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/** cpu units → memory values (MiB) Fargate accepts on Linux. */
export const FARGATE_LINUX_SIZES: Readonly<Record<number, readonly number[]>> = {
    256: [512, 1024, 2048],
    512: range(1024, 4096, 1024),
    1024: range(2048, 8192, 1024),
    2048: range(4096, 16384, 1024),
    4096: range(8192, 30720, 1024),
    8192: range(16384, 61440, 4096),
    16384: range(32768, 122880, 8192),
};

/** cpu units → memory values (MiB) Fargate accepts on Windows (1 to 4 vCPU only). */
export const FARGATE_WINDOWS_SIZES: Readonly<Record<number, readonly number[]>> = {
    1024: range(2048, 8192, 1024),
    2048: range(4096, 16384, 1024),
    4096: range(8192, 30720, 1024),
};

/** Task `cpu` in CPU units: `"256"`, `256`, `"1 vCPU"`, `"0.25 vcpu"`; undefined when not in either form. */
export function parseCpuUnits(value: unknown): number | undefined {
    if (typeof value === "number") {
        return Number.isFinite(value) ? value : undefined;
    }
    if (typeof value !== "string") {
        return undefined;
    }
    const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(vcpu)?\s*$/i.exec(value);
    if (!m) {
        return undefined;
    }
    return m[2] ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}

/** Task `memory` in MiB: `"512"`, `512`, `"2 GB"`, `"0.5GB"`; undefined when not in either form. */
export function parseMemoryMiB(value: unknown): number | undefined {
    if (typeof value === "number") {
        return Number.isFinite(value) ? value : undefined;
    }
    if (typeof value !== "string") {
        return undefined;
    }
    const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(gb)?\s*$/i.exec(value);
    if (!m) {
        return undefined;
    }
    return m[2] ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}

/** The memory values Fargate accepts with `cpu` units, or undefined when Fargate has no such cpu size. */
export function fargateMemoryOptions(cpu: number, windows = false): readonly number[] | undefined {
    return (windows ? FARGATE_WINDOWS_SIZES : FARGATE_LINUX_SIZES)[cpu];
}

/** The cpu sizes Fargate accepts. */
export const fargateCpuOptions = (windows = false): number[] =>
    Object.keys(windows ? FARGATE_WINDOWS_SIZES : FARGATE_LINUX_SIZES).map(Number);

/** "512, 1024 or 2048", or "8192 to 30720 in steps of 1024" for long lists. */
export function describeMemoryOptions(options: readonly number[]): string {
    if (options.length > 8) {
        return `${options[0]} to ${options[options.length - 1]} in steps of ${options[1] - options[0]}`;
    }
    return options.length <= 1 ? options.join("") : `${options.slice(0, -1).join(", ")} or ${options[options.length - 1]}`;
}

/**
 * How the program words Fargate sizes in its errors. The table itself has one owner,
 * `policy/facts/fargateSizes.ts`, re-exported here for the components' public API. Pure.
 */
import { FARGATE_CPU_UNITS, FARGATE_LINUX_SIZES, isFargateCpu, isFargateSize } from "../policy/facts/fargateSizes";

export { FARGATE_CPU_UNITS, fargateMemoryOptions, isFargateCpu, isFargateSize } from "../policy/facts/fargateSizes";
export type { FargateCpu } from "../policy/facts/fargateSizes";

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
        const options = FARGATE_LINUX_SIZES[cpu];
        const last = options[options.length - 1];
        const allowed =
            options.length > 3 ? `${options[0]} to ${last} in steps of ${options[1] - options[0]}` : describeChoices(options);
        return `memory ${memory} is not offered with cpu ${cpu}; use ${allowed}`;
    }
    return undefined;
}

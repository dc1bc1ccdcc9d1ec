/**
 * Parsers for the forms ECS takes task `cpu` and `memory` in (`"1024"` or `"1 vCPU"`; `"2048"` or
 * `"2 GB"`), and how the pack lists memory options in messages. Pure. The table of sizes Fargate accepts
 * is a fact of its own: `../facts/fargateSizes.ts`.
 */

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

/** "512, 1024 or 2048", or "8192 to 30720 in steps of 1024" for long lists. */
export function describeMemoryOptions(options: readonly number[]): string {
    if (options.length > 8) {
        return `${options[0]} to ${options[options.length - 1]} in steps of ${options[1] - options[0]}`;
    }
    return options.length <= 1 ? options.join("") : `${options.slice(0, -1).join(", ")} or ${options[options.length - 1]}`;
}

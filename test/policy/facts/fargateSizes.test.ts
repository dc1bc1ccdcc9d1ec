import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import {
    fargateCpuOptions,
    fargateMemoryOptions,
    FARGATE_CPU_UNITS,
    FARGATE_LINUX_SIZES,
    FARGATE_WINDOWS_SIZES,
    isFargateCpu,
    isFargateSize,
} from "../../../policy/facts/fargateSizes";

/**
 * The "Task CPU and memory" table as the ECS API reference states it for `RegisterTaskDefinition`
 * `memory`, read from the installed `@aws-sdk/client-ecs` declarations: one `<li>` per cpu value.
 */
function documentedTable(): Map<number, number[]> {
    const modelsDir = path.join(path.dirname(require.resolve("@aws-sdk/client-ecs/package.json")), "dist-types", "models");
    const text = fs
        .readdirSync(modelsDir)
        .filter(f => f.endsWith(".d.ts"))
        .map(f => fs.readFileSync(path.join(modelsDir, f), "utf8"))
        .join("\n");
    const line = text.split("\n").find(l => l.includes("The amount (in MiB) of memory used by the task") && l.includes("Available <code>cpu</code> values"));
    assert.ok(line, "the ECS client no longer quotes the Fargate memory table");
    const table = new Map<number, number[]>();
    const gb = (n: string) => Number(n) * 1024;
    for (const item of line.matchAll(/<li> <p>(.*?) - Available <code>cpu<\/code> values: (\d+) \(/g)) {
        const [, memory, cpu] = item;
        const between = /^Between (\d+) (?:\(\d+ GB\) )?and (\d+) (?:\(\d+ GB\) )?in increments of (\d+)/.exec(memory);
        const betweenGb = /^Between (\d+) ?GB and (\d+) GB in (\d+) GB increments$/.exec(memory);
        let values: number[];
        if (between) {
            const [from, to, step] = between.slice(1).map(Number);
            values = Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
        } else if (betweenGb) {
            const [from, to, step] = betweenGb.slice(1).map(gb);
            values = Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
        } else {
            values = [...memory.matchAll(/(\d+) \(\d+(?:\.\d+)? GB\)/g)].map(m => Number(m[1]));
        }
        assert.ok(values.length > 0, `cannot read the documented memory "${memory}" for cpu ${cpu}`);
        table.set(Number(cpu), values);
    }
    return table;
}

describe("facts: Fargate task sizes", () => {
    it("GIVEN the table AWS documents (quoted by the installed ECS client) THEN the Linux table is exactly it", () => {
        const documented = documentedTable();
        assert.deepEqual([...documented.keys()], [...FARGATE_CPU_UNITS]);
        for (const cpu of FARGATE_CPU_UNITS) {
            assert.deepEqual([...FARGATE_LINUX_SIZES[cpu]], documented.get(cpu), `cpu ${cpu}`);
        }
    });

    it("GIVEN Windows THEN 1 to 4 vCPU with the Linux memory of each (no less than 1 vCPU on Windows)", () => {
        assert.deepEqual(fargateCpuOptions(true), [1024, 2048, 4096]);
        for (const cpu of fargateCpuOptions(true)) {
            assert.deepEqual(FARGATE_WINDOWS_SIZES[cpu as 1024], FARGATE_LINUX_SIZES[cpu as 1024]);
        }
        assert.deepEqual(fargateMemoryOptions(256, true), []);
        assert.deepEqual(fargateMemoryOptions(8192, true), []);
    });

    it("GIVEN a cpu or pair outside the table THEN no memory options and not a size", () => {
        assert.deepEqual(fargateCpuOptions(), [...FARGATE_CPU_UNITS]);
        assert.deepEqual(fargateMemoryOptions(300), []);
        assert.equal(isFargateCpu(300), false);
        assert.equal(isFargateCpu(16384), true);
        assert.equal(isFargateSize(256, 512), true);
        assert.equal(isFargateSize(256, 4096), false);
        assert.equal(isFargateSize(8192, 18432), false);
        assert.equal(isFargateSize(16384, 40960), true);
        let pairs = 0;
        for (const cpu of FARGATE_CPU_UNITS) pairs += fargateMemoryOptions(cpu).length;
        assert.equal(pairs, 3 + 4 + 7 + 13 + 23 + 12 + 12);
    });
});

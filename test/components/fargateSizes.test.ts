import { strict as assert } from "node:assert";
import { fargateMemoryOptions, fargateSizeProblem, FARGATE_CPU_UNITS, isFargateSize } from "../../components/fargateSizes";
import { FARGATE_LINUX_SIZES } from "../../policy/lib/fargateSizes";

describe("Fargate size table", () => {
    it("offers the documented memory for each cpu", () => {
        assert.deepEqual(fargateMemoryOptions(256), [512, 1024, 2048]);
        assert.deepEqual(fargateMemoryOptions(512), [1024, 2048, 3072, 4096]);
        assert.equal(fargateMemoryOptions(1024).length, 7);
        assert.deepEqual([fargateMemoryOptions(4096)[0], fargateMemoryOptions(4096).at(-1)], [8192, 30720]);
        assert.deepEqual(fargateMemoryOptions(8192).slice(0, 2), [16384, 20480]);
        assert.deepEqual([fargateMemoryOptions(16384)[0], fargateMemoryOptions(16384)[1], fargateMemoryOptions(16384).at(-1)], [32768, 40960, 122880]);
        assert.deepEqual(fargateMemoryOptions(300), []);
    });

    it("accepts every listed pair and nothing between", () => {
        let pairs = 0;
        for (const cpu of FARGATE_CPU_UNITS) {
            for (const memory of fargateMemoryOptions(cpu)) {
                assert.ok(isFargateSize(cpu, memory));
                assert.equal(isFargateSize(cpu, memory + 512), fargateMemoryOptions(cpu).includes(memory + 512));
                pairs++;
            }
        }
        assert.equal(pairs, 3 + 4 + 7 + 13 + 23 + 12 + 12);
    });

    it("explains a pair Fargate does not run", () => {
        assert.equal(fargateSizeProblem(256, 512), undefined);
        assert.equal(fargateSizeProblem(256, 4096), "memory 4096 is not offered with cpu 256; use 512, 1024 or 2048");
        assert.equal(fargateSizeProblem(2048, 3000), "memory 3000 is not offered with cpu 2048; use 4096 to 16384 in steps of 1024");
        assert.equal(fargateSizeProblem(100, 512), "cpu 100 is not a Fargate task size; use 256, 512, 1024, 2048, 4096, 8192 or 16384");
    });
});

describe("Fargate size tables of the program and of the policy pack", () => {
    it("agree: the pack is a separate package with its own copy, and neither may drift", () => {
        assert.deepEqual(Object.keys(FARGATE_LINUX_SIZES).map(Number), [...FARGATE_CPU_UNITS]);
        for (const cpu of FARGATE_CPU_UNITS) {
            assert.deepEqual([...FARGATE_LINUX_SIZES[cpu]], [...fargateMemoryOptions(cpu)], `cpu ${cpu}`);
        }
    });
});

import { strict as assert } from "node:assert";
import { describeChoices, fargateSizeProblem } from "../../components/fargateSizes";

// The table itself is a fact of the policy package: test/policy/facts/fargateSizes.test.ts.
describe("Fargate sizes in the program's errors", () => {
    it("explains a pair Fargate does not run", () => {
        assert.equal(fargateSizeProblem(256, 512), undefined);
        assert.equal(fargateSizeProblem(256, 4096), "memory 4096 is not offered with cpu 256; use 512, 1024 or 2048");
        assert.equal(fargateSizeProblem(2048, 3000), "memory 3000 is not offered with cpu 2048; use 4096 to 16384 in steps of 1024");
        assert.equal(fargateSizeProblem(100, 512), "cpu 100 is not a Fargate task size; use 256, 512, 1024, 2048, 4096, 8192 or 16384");
    });

    it("lists short choices and shortens long ones", () => {
        assert.equal(describeChoices([1]), "1");
        assert.equal(describeChoices(["a", "b"]), "a or b");
        assert.equal(describeChoices(Array.from({ length: 14 }, (_, i) => i)), "0, 1, 2, …, 12 or 13");
    });
});

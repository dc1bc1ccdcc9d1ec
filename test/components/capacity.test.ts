import { strict as assert } from "node:assert";
import { capacityProviderStrategy } from "../../components/capacity";

describe("capacity-provider strategy", () => {
    it("runs everything on Spot without a base", () => {
        assert.deepEqual(capacityProviderStrategy("FARGATE_SPOT", 0), [{ capacityProvider: "FARGATE_SPOT", base: 0, weight: 1 }]);
    });

    it("keeps the on-demand base at weight 0 so that tasks above it go to Spot", () => {
        assert.deepEqual(capacityProviderStrategy("FARGATE_SPOT", 2), [
            { capacityProvider: "FARGATE", base: 2, weight: 0 },
            { capacityProvider: "FARGATE_SPOT", base: 0, weight: 1 },
        ]);
    });

    it("uses one on-demand entry carrying the base for FARGATE", () => {
        assert.deepEqual(capacityProviderStrategy("FARGATE", 2), [{ capacityProvider: "FARGATE", base: 2, weight: 1 }]);
    });

    it("rejects a negative or fractional base", () => {
        assert.throws(() => capacityProviderStrategy("FARGATE", -1), /onDemandBase is -1/);
        assert.throws(() => capacityProviderStrategy("FARGATE", 1.5), /onDemandBase is 1.5/);
    });
});

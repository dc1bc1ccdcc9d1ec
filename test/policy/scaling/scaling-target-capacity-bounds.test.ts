import { scalingTargetCapacityBounds as policy } from "../../../policy/scaling/scaling-target-capacity-bounds";
import { assertViolations, evaluate, resourceOf, SCALING_TARGET } from "../baselines/ecs";

const NAME = "scaling-target-capacity-bounds";
const run = (overrides: Record<string, unknown>, config = {}) => evaluate(policy, [resourceOf(SCALING_TARGET, "web", overrides)], config);

describe(NAME, () => {
    it("GIVEN the baseline (2–10) and dev's 1–2 THEN no violation by default", async () => {
        assertViolations(await run({}), NAME, "advisory", []);
        assertViolations(await run({ minCapacity: 1, maxCapacity: "2" }), NAME, "advisory", []);
    });

    it("GIVEN minCapacity 0 THEN below the default minimum of 1", async () => {
        assertViolations(await run({ minCapacity: 0 }), NAME, "advisory", [
            "minCapacity is 0, below the required 1; set minCapacity to at least 1 so the service keeps running when a task or an Availability Zone fails.",
        ]);
    });

    it("GIVEN production config (mandatory, minimumCapacity 2) THEN minCapacity 1 is mandatory", async () => {
        assertViolations(await run({ minCapacity: 1 }, { [NAME]: { enforcementLevel: "mandatory", minimumCapacity: 2 } }), NAME, "mandatory", [
            "minCapacity is 1, below the required 2; set minCapacity to at least 2 so the service keeps running when a task or an Availability Zone fails.",
        ]);
    });

    it("GIVEN maxCapacity above the limit, or below minCapacity THEN reported", async () => {
        assertViolations(await run({ maxCapacity: 500 }), NAME, "advisory", [
            "maxCapacity is 500, above the limit of 50; lower it so a scaling runaway cannot multiply the bill.",
        ]);
        assertViolations(await run({ minCapacity: 4, maxCapacity: 3 }), NAME, "advisory", ["maxCapacity 3 is below minCapacity 4; set maxCapacity to at least minCapacity."]);
        assertViolations(await run({ maxCapacity: 100 }, { [NAME]: { maximumCapacity: 100 } }), NAME, "advisory", []);
    });

    it("GIVEN capacities that are not numbers THEN reported", async () => {
        assertViolations(await run({ minCapacity: undefined, maxCapacity: "many" }), NAME, "advisory", [
            "minCapacity is not set to a number; set it to at least 1.",
            "maxCapacity is not set to a number; set it to at most 50.",
        ]);
    });
});

import { scalingScheduledActionCapacityBounds as policy } from "../../../policy/scaling/scaling-scheduled-action-capacity-bounds";
import { fixture } from "../../../harness/fixtures";
import { assertViolations, evaluate } from "../baselines/ecs";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const NAME = "scaling-scheduled-action-capacity-bounds";
const TYPE = AWS_TYPES.appautoscalingScheduledAction;
const PROD = { [NAME]: { enforcementLevel: "mandatory", minimumCapacity: 2 } } as const;
const action = (name: string, scalableTargetAction: unknown) =>
    fixture(TYPE, name, {
        resourceId: "service/web/web",
        scalableDimension: "ecs:service:DesiredCount",
        serviceNamespace: "ecs",
        schedule: "cron(0 20 * * ? *)",
        scalableTargetAction,
    });

describe(NAME, () => {
    it("GIVEN actions that keep at least the minimum, or leave a bound unchanged THEN no violation", async () => {
        const result = await evaluate(policy, [action("evening", { minCapacity: 2, maxCapacity: 4 }), action("peak", { maxCapacity: 20 })], PROD);
        assertViolations(result, NAME, "mandatory", []);
    });

    it("GIVEN a nightly scale-in to 0 or a max below the minimum THEN each bound reported", async () => {
        const result = await evaluate(policy, [action("night", { minCapacity: 0, maxCapacity: 1 }), action("weekend", { minCapacity: "1" })], PROD);
        assertViolations(result, NAME, "mandatory", [
            'Scheduled action "night" sets scalableTargetAction.minCapacity to 0, below the minimum of 2 tasks; set it to at least 2.',
            'Scheduled action "night" sets scalableTargetAction.maxCapacity to 1, below the minimum of 2 tasks; set it to at least 2.',
            'Scheduled action "weekend" sets scalableTargetAction.minCapacity to "1", below the minimum of 2 tasks; set it to at least 2.',
        ]);
    });

    it("GIVEN the default minimum of 1 THEN only 0 is reported (advisory)", async () => {
        assertViolations(await evaluate(policy, [action("night", { minCapacity: 0, maxCapacity: 1 })]), NAME, "advisory", [
            'Scheduled action "night" sets scalableTargetAction.minCapacity to 0, below the minimum of 1 tasks; set it to at least 1.',
        ]);
    });
});

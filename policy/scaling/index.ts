import { scalingScheduledActionCapacityBounds } from "./scaling-scheduled-action-capacity-bounds";
import { scalingPolicyCooldowns } from "./scaling-policy-cooldowns";
import { scalingPolicyRequestCountBothTargetGroups } from "./scaling-policy-request-count-both-target-groups";
import { scalingPolicyTargetValueRange } from "./scaling-policy-target-value-range";
import { scalingTargetCapacityBounds } from "./scaling-target-capacity-bounds";

/** Application Auto Scaling policies. */
export const scalingPolicies = [scalingTargetCapacityBounds, scalingScheduledActionCapacityBounds, scalingPolicyTargetValueRange, scalingPolicyCooldowns, scalingPolicyRequestCountBothTargetGroups];

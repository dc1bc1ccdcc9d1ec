/**
 * Shared helpers for the network group's policy tests: evaluate one policy with the lead's harness and
 * assert exactly which details it reported.
 */
import * as assert from "node:assert/strict";
import { PolicyPackConfig, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { fixture } from "../../../harness/fixtures";
import { EvaluationResult, evaluatePack } from "../../../harness/policyEngine";
import { RecordedResource } from "../../../harness/types";
import { networkBaselines } from "../baselines/network";

export type AnyPolicy = ResourceValidationPolicy | StackValidationPolicy;

/** Evaluates `policy` alone over `resources`. */
export const evaluate = (policy: AnyPolicy, resources: RecordedResource[], config?: PolicyPackConfig): Promise<EvaluationResult> =>
    evaluatePack({ name: "test", policies: [policy] }, resources, config);

/** A fixture built from the baseline of `type`, with `change` applied (`undefined` deletes a key). */
export function baseline(type: string, name: string, change: Record<string, unknown> = {}, extra?: Parameters<typeof fixture>[3]): RecordedResource {
    const inputs: Record<string, unknown> = structuredClone(networkBaselines[type]);
    assert.ok(inputs, `no baseline for ${type}`);
    for (const [key, value] of Object.entries(change)) {
        if (value === undefined) {
            delete inputs[key];
        } else {
            inputs[key] = value;
        }
    }
    return fixture(type, name, inputs, extra);
}

/** Asserts the policy reported exactly `details`, in order, at `level`. */
export function assertReported(
    result: EvaluationResult,
    policy: AnyPolicy,
    details: string[],
    level: "advisory" | "mandatory" = policy.enforcementLevel === "mandatory" ? "mandatory" : "advisory",
): void {
    assert.deepEqual(
        result.diagnostics.map(d => d.detail),
        details,
    );
    for (const d of result.diagnostics) {
        assert.equal(d.policyName, policy.name);
        assert.equal(d.enforcementLevel, level);
    }
}

/** Evaluates and asserts in one step. */
export async function expectDetails(
    policy: AnyPolicy,
    resources: RecordedResource[],
    details: string[],
    config?: PolicyPackConfig,
): Promise<EvaluationResult> {
    const result = await evaluate(policy, resources, config);
    assertReported(result, policy, details);
    return result;
}

/**
 * Shared by the conformance tests: one run per stack per mocha process, and the problem list a mapped
 * request gets (unmapped inputs, values unknown in preview, the SDK model, documented limits).
 */
import * as assert from "node:assert/strict";
import { ProgramRun } from "../../harness/runProgram";
import { UNKNOWN } from "../../harness/serialisation";
import { RecordedResource } from "../../harness/types";
import { ApiModel, AwsClientPackage, loadApiModel, validateAgainst } from "../support/awsApiModel";
import { runStack, state } from "../support/stacks";
import type { CreateRuleInput } from "@aws-sdk/client-elastic-load-balancing-v2";
import { createRule, Mapped } from "./mapping";
import { inputs, ofType } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

/** The stacks every conformance test covers. */
export const STACKS = ["dev", "prod"] as const;
export type Stack = (typeof STACKS)[number];

/**
 * A conformance suite over every stack: `body` declares the tests of one stack, with the API model loaded
 * once and `run()` giving that stack's program run. Runs are made once per process (see `runStack`) in a
 * `before` hook, in sequence, since the harness's mock runtime is process-wide.
 */
export function describeConformance(title: string, modelPackage: AwsClientPackage, body: (model: ApiModel, stack: Stack, run: () => ProgramRun) => void): void {
    describe(title, () => {
        const model = loadApiModel(modelPackage);
        const runs: Partial<Record<Stack, ProgramRun>> = {};
        before(async function () {
            this.timeout(60_000); // the first suite to run pays for both stack runs
            for (const stack of STACKS) {
                runs[stack] = await runStack(stack);
            }
        });
        for (const stack of STACKS) {
            describe(`stack ${stack}`, () => body(model, stack, () => runs[stack]!));
        }
    });
}

/** Paths inside `value` that hold the preview's unknown sentinel: validating those would prove nothing. */
export function unknownPaths(value: unknown, at = ""): string[] {
    if (value === UNKNOWN) return [at || "(root)"];
    if (Array.isArray(value)) return value.flatMap((v, i) => unknownPaths(v, `${at}[${i}]`));
    if (value !== null && typeof value === "object") {
        return Object.entries(value).flatMap(([k, v]) => unknownPaths(v, at ? `${at}.${k}` : k));
    }
    return [];
}

/** Everything wrong with a mapped request as `shape` of `model`, followed by the `limits` problems given. */
export function requestProblems<T>(shape: string, mapped: Mapped<T>, model: ApiModel, limits: string[] = []): string[] {
    return [
        ...mapped.unmapped.map(key => `Pulumi input "${key}" has no mapping to ${shape}; add it to test/conformance/mapping.ts`),
        ...unknownPaths(mapped.request).map(at => `${shape}.${at}: value not known in preview, nothing to validate`),
        ...validateAgainst(shape, mapped.request, model),
        ...limits,
    ];
}

/** Fails listing every problem, one per line, under `what`. */
export function assertNoProblems(what: string, problems: readonly string[]): void {
    assert.deepEqual(problems, [], `${what} would be rejected:\n  ${problems.join("\n  ")}`);
}

/** The recorded state's string `key` (physical names, ARNs, ARN suffixes the mocks computed). */
export function stateString(resource: RecordedResource, key: string): string {
    const value = state(resource)[key];
    assert.equal(typeof value, "string", `${resource.type} ${resource.name} has no ${key} in its recorded state`);
    return value as string;
}

/** The run's listener rules as CreateRule sends them, by the ARN the mocks gave each (what a service's advancedConfiguration names). */
export function listenerRulesByArn(run: ProgramRun): Record<string, CreateRuleInput> {
    return Object.fromEntries(ofType(run, AWS_TYPES.lbListenerRule).map(r => [stateString(r, "arn"), createRule(inputs(r)).request]));
}

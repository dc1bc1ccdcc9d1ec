import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ecs from "@aws-sdk/client-ecs";
import {
    BAKE_TIME_MINUTES,
    CANARY_PERCENT,
    ECS_DEPLOYMENT_CONTROLLERS,
    ECS_DEPLOYMENT_STRATEGIES,
    ECS_HOOK_TARGET_TYPES,
    ECS_HOOK_TIMEOUT_ACTIONS,
    ECS_LIFECYCLE_STAGES,
    HOOK_TIMEOUT_MINUTES,
    LINEAR_STEP_PERCENT,
    PAUSE_FORBIDDEN_STAGES,
    PROVIDER_LIFECYCLE_STAGES,
    describeRange,
    inRange,
} from "../../../policy/facts/ecsDeployments";

/** The ECS request model's documentation, as the installed SDK ships it. */
const ecsModel = (): string =>
    fs.readFileSync(path.join(path.dirname(require.resolve("@aws-sdk/client-ecs/package.json")), "dist-types", "models", "models_0.d.ts"), "utf8");

/** The doc comment of `member` inside `export interface <shape> {`. */
function memberDoc(shape: string, member: string): string {
    const text = ecsModel();
    const start = text.indexOf(`export interface ${shape} {`);
    assert.ok(start >= 0, `no ${shape} in the ECS model`);
    const end = text.indexOf("\n}", start);
    const body = text.slice(start, end);
    const at = body.indexOf(`    ${member}?:`);
    assert.ok(at >= 0, `no ${shape}.${member} in the ECS model`);
    return body.slice(body.lastIndexOf("/**", at), at);
}

const sorted = (values: readonly string[]) => [...values].sort();

describe("facts: ECS deployment strategies", () => {
    it("GIVEN the installed ECS SDK's enums THEN strategies, controllers, stages, hook types and timeout actions are exactly those", () => {
        assert.deepEqual(sorted(ECS_DEPLOYMENT_STRATEGIES), sorted(Object.values(ecs.DeploymentStrategy)));
        assert.deepEqual(sorted(ECS_DEPLOYMENT_CONTROLLERS), sorted(Object.values(ecs.DeploymentControllerType)));
        assert.deepEqual(sorted(ECS_LIFECYCLE_STAGES), sorted(Object.values(ecs.DeploymentLifecycleHookStage)));
        assert.deepEqual(sorted(ECS_HOOK_TARGET_TYPES), sorted(Object.values(ecs.DeploymentLifecycleHookTargetType)));
        assert.deepEqual(sorted(ECS_HOOK_TIMEOUT_ACTIONS), sorted(Object.values(ecs.DeploymentLifecycleHookAction)));
    });

    it("GIVEN the model's documentation THEN the ranges and the PAUSE-only restriction are the documented ones", () => {
        assert.match(memberDoc("CanaryConfiguration", "canaryPercent"), /multiples of 0\.1 from 0\.1 to 100\.0/);
        assert.match(memberDoc("CanaryConfiguration", "canaryBakeTimeInMinutes"), /0 to 1440 minutes/);
        assert.match(memberDoc("LinearConfiguration", "stepPercent"), /multiples of 0\.1 from 3\.0 to 100\.0/);
        assert.match(memberDoc("LinearConfiguration", "stepBakeTimeInMinutes"), /0 to 1440 minutes/);
        assert.match(memberDoc("DeploymentLifecycleHook", "lifecycleStages"), /<code>PAUSE<\/code> hooks cannot be configured at <code>TEST_TRAFFIC_SHIFT<\/code> or <code>PRODUCTION_TRAFFIC_SHIFT<\/code> stages/);
        assert.deepEqual({ ...CANARY_PERCENT }, { min: 0.1, max: 100, step: 0.1 });
        assert.deepEqual({ ...LINEAR_STEP_PERCENT }, { min: 3, max: 100, step: 0.1 });
        assert.deepEqual({ ...BAKE_TIME_MINUTES }, { min: 0, max: 1440, integer: true });
        assert.deepEqual({ ...HOOK_TIMEOUT_MINUTES }, { min: 1, max: 20160, integer: true });
        assert.deepEqual([...PAUSE_FORBIDDEN_STAGES], ["TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"]);
    });

    it("GIVEN the installed AWS provider's docs THEN its bake and hook-timeout ranges agree", () => {
        const input = fs.readFileSync(path.join(path.dirname(require.resolve("@pulumi/aws/package.json")), "types", "input.d.ts"), "utf8");
        assert.match(input, /Number of minutes to wait before executing the timeout action\. Valid range: 1-20160 minutes\./);
        assert.match(input, /Valid range: 0-1440 minutes\. Used with `BLUE_GREEN`, `LINEAR`, and `CANARY` strategies\./);
        assert.match(input, /Percentage of traffic to route to the canary deployment\. Valid range: 0\.1-100\.0\./);
        assert.match(input, /Percentage of traffic to shift in each step during a linear deployment\. Valid range: 3\.0-100\.0\./);
    });

    it("GIVEN the installed AWS provider's docs THEN the stages it accepts are PROVIDER_LIFECYCLE_STAGES, in ECS's order", () => {
        const input = fs.readFileSync(path.join(path.dirname(require.resolve("@pulumi/aws/package.json")), "types", "input.d.ts"), "utf8");
        const doc = /Stages during the deployment when the hook should be invoked\. Valid values: ([^\n]*)\./.exec(input);
        assert.ok(doc, "no lifecycleStages doc in @pulumi/aws types/input.d.ts");
        assert.deepEqual([...doc[1].matchAll(/`([A-Z_]+)`/g)].map(m => m[1]), [...PROVIDER_LIFECYCLE_STAGES]);
        assert.deepEqual(PROVIDER_LIFECYCLE_STAGES, ECS_LIFECYCLE_STAGES.filter(s => (PROVIDER_LIFECYCLE_STAGES as readonly string[]).includes(s)));
    });

    it("GIVEN values at and beyond the bounds THEN inRange accepts exactly the documented ones", () => {
        for (const ok of [0.1, 0.3, 5, 99.9, 100]) assert.equal(inRange(ok, CANARY_PERCENT), true, String(ok));
        for (const bad of [0, 0.05, 0.15, 100.1, -1, NaN, Infinity]) assert.equal(inRange(bad, CANARY_PERCENT), false, String(bad));
        for (const ok of [3, 3.3, 50, 100]) assert.equal(inRange(ok, LINEAR_STEP_PERCENT), true, String(ok));
        for (const bad of [2.9, 0, 100.5, 3.05]) assert.equal(inRange(bad, LINEAR_STEP_PERCENT), false, String(bad));
        for (const ok of [0, 1, 1440]) assert.equal(inRange(ok, BAKE_TIME_MINUTES), true, String(ok));
        for (const bad of [-1, 1441, 1.5]) assert.equal(inRange(bad, BAKE_TIME_MINUTES), false, String(bad));
        assert.equal(inRange(0, HOOK_TIMEOUT_MINUTES), false);
        assert.equal(inRange(20160, HOOK_TIMEOUT_MINUTES), true);
        assert.equal(describeRange(CANARY_PERCENT), "multiples of 0.1 from 0.1 to 100");
        assert.equal(describeRange(BAKE_TIME_MINUTES), "whole numbers 0 to 1440");
    });
});

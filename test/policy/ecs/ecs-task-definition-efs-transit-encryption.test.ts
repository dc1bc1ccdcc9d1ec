import * as assert from "node:assert/strict";
import { ecsTaskDefinitionEfsTransitEncryption as policy } from "../../../policy/ecs/ecs-task-definition-efs-transit-encryption";
import { assertViolations, evaluate, resourceOf, TD } from "../baselines/ecs";

const NAME = "ecs-task-definition-efs-transit-encryption";
const efs = (name: string, transitEncryption?: string) => ({ name, efsVolumeConfiguration: { fileSystemId: "fs-1", ...(transitEncryption ? { transitEncryption } : {}) } });

describe(NAME, () => {
    it("GIVEN the baseline (EFS with transit encryption) and non-EFS volumes THEN no violation", async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web"), resourceOf(TD, "bind", { volumes: [{ name: "scratch" }] })]);
        assertViolations(result, NAME, "mandatory", []);
    });

    it("GIVEN EFS volumes without or with disabled transit encryption THEN one violation per volume", async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web", { volumes: [efs("data"), efs("cache", "DISABLED"), { efsVolumeConfiguration: {} }] })]);
        assertViolations(result, NAME, "mandatory", [
            'Volume "data" mounts EFS without transit encryption; set efsVolumeConfiguration.transitEncryption to "ENABLED".',
            'Volume "cache" mounts EFS without transit encryption; set efsVolumeConfiguration.transitEncryption to "ENABLED".',
            'Volume #3 mounts EFS without transit encryption; set efsVolumeConfiguration.transitEncryption to "ENABLED".',
        ]);
    });

    it("GIVEN level remediate THEN transit encryption is enabled on those volumes only and the result passes", async () => {
        const result = await evaluate(policy, [resourceOf(TD, "web", { volumes: [efs("data"), { name: "scratch" }] })], { [NAME]: "remediate" });
        assert.deepEqual(result.diagnostics, []);
        assert.deepEqual(result.remediations[0].properties.volumes, [
            { name: "data", efsVolumeConfiguration: { fileSystemId: "fs-1", transitEncryption: "ENABLED" } },
            { name: "scratch" },
        ]);
    });
});

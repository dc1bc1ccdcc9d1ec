import * as assert from "node:assert/strict";
import { ecrRepositoryScanOnPush as policy } from "../../../policy/ecr/ecr-repository-scan-on-push";
import { baseline, evaluate, expectDetails } from "../lb/kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const REPO = AWS_TYPES.ecrRepository;
const message = (name: string) =>
    `Repository "${name}" does not scan images on push; set imageScanningConfiguration: { scanOnPush: true }.`;

describe("ecr-repository-scan-on-push (catalog #26)", () => {
    it("GIVEN the baseline repository THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(REPO, "web")], []);
    });

    it("GIVEN scanOnPush false, missing configuration, or a string value THEN each is reported (mandatory)", async () => {
        await expectDetails(policy, [
            baseline(REPO, "off", { imageScanningConfiguration: { scanOnPush: false } }),
            baseline(REPO, "none", { imageScanningConfiguration: undefined }),
            baseline(REPO, "text", { imageScanningConfiguration: { scanOnPush: "true" } }),
        ], [message("off"), message("none"), message("text")]);
    });

    it("GIVEN remediate WHEN scanning is off THEN it is turned on, other inputs kept, and validation passes", async () => {
        const result = await evaluate(policy, [baseline(REPO, "web", { imageScanningConfiguration: undefined })], { [policy.name]: "remediate" });
        assert.deepEqual(result.diagnostics, []);
        assert.equal(result.remediations.length, 1);
        assert.equal(result.remediations[0].policyName, policy.name);
        assert.deepEqual(result.remediations[0].properties.imageScanningConfiguration, { scanOnPush: true });
        assert.equal(result.remediations[0].properties.imageTagMutability, "IMMUTABLE");
    });

    it("GIVEN remediate WHEN the configuration has other keys THEN they are kept", async () => {
        const result = await evaluate(policy, [baseline(REPO, "web", { imageScanningConfiguration: { scanOnPush: false, extra: 1 } })], {
            [policy.name]: "remediate",
        });
        assert.deepEqual(result.remediations[0].properties.imageScanningConfiguration, { scanOnPush: true, extra: 1 });
    });

    it("GIVEN remediate WHEN compliant THEN nothing is remediated", async () => {
        const result = await evaluate(policy, [baseline(REPO, "web")], { [policy.name]: "remediate" });
        assert.deepEqual(result.remediations, []);
        assert.deepEqual(result.diagnostics, []);
    });
});

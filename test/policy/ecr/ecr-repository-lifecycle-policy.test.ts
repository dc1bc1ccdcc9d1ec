import * as assert from "node:assert/strict";
import { ecrRepositoryLifecyclePolicy as policy } from "../../../policy/ecr/ecr-repository-lifecycle-policy";
import { baseline, expectDetails } from "../lb/kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const REPO = AWS_TYPES.ecrRepository;
const LIFECYCLE = AWS_TYPES.ecrLifecyclePolicy;
const message = (name: string) =>
    `Repository "${name}" has no lifecycle policy; add an aws.ecr.LifecyclePolicy for it that expires old and untagged images.`;

describe("ecr-repository-lifecycle-policy (catalog #30, stack)", () => {
    it("GIVEN a repository and a lifecycle policy on its name THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(REPO, "web"), baseline(LIFECYCLE, "web-lifecycle")], []);
    });

    it("GIVEN a repository without a lifecycle policy THEN it is reported against the repository (advisory)", async () => {
        const result = await expectDetails(policy, [baseline(REPO, "web")], [message("web")]);
        assert.equal(result.diagnostics[0].urn, "urn:pulumi:test::fixtures::aws:ecr/repository:Repository::web");
    });

    it("GIVEN a lifecycle policy for another repository THEN the uncovered one is reported", async () => {
        await expectDetails(policy, [baseline(REPO, "web"), baseline(REPO, "worker", { name: "worker" }), baseline(LIFECYCLE, "web-lifecycle")], [
            message("worker"),
        ]);
    });

    it("GIVEN a repository named only by the provider (state name) THEN the lifecycle policy matches it", async () => {
        await expectDetails(policy, [
            baseline(REPO, "web", { name: undefined }, { state: { name: "web-4f2a" } }),
            baseline(LIFECYCLE, "web-lifecycle", { repository: "web-4f2a" }),
        ], []);
    });

    it("GIVEN a lifecycle policy naming the repository by id THEN it matches", async () => {
        await expectDetails(policy, [baseline(REPO, "web", { name: undefined }), baseline(LIFECYCLE, "lc", { repository: "web-id" })], []);
    });

    it("GIVEN no repositories THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(LIFECYCLE, "orphan")], []);
    });
});

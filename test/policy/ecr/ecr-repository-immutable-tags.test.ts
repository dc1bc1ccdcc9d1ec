import { ecrRepositoryImmutableTags as policy } from "../../../policy/ecr/ecr-repository-immutable-tags";
import { baseline, expectDetails } from "../lb/kit";

const REPO = "aws:ecr/repository:Repository";

describe("ecr-repository-immutable-tags (catalog #27)", () => {
    it("GIVEN IMMUTABLE THEN nothing is reported", async () => {
        await expectDetails(policy, [baseline(REPO, "web")], []);
    });

    it("GIVEN MUTABLE THEN it is reported (mandatory)", async () => {
        await expectDetails(policy, [baseline(REPO, "web", { imageTagMutability: "MUTABLE" })], [
            'Repository "web" has imageTagMutability "MUTABLE"; set imageTagMutability: "IMMUTABLE".',
        ]);
    });

    it("GIVEN no imageTagMutability THEN AWS's MUTABLE default is reported", async () => {
        await expectDetails(policy, [baseline(REPO, "web", { imageTagMutability: undefined })], [
            'Repository "web" has imageTagMutability unset (AWS default "MUTABLE"); set imageTagMutability: "IMMUTABLE".',
        ]);
    });

    it("GIVEN IMMUTABLE_WITH_EXCLUSION THEN it is reported unless allowed by config", async () => {
        const repo = baseline(REPO, "web", { imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" });
        await expectDetails(policy, [repo], [
            'Repository "web" has imageTagMutability "IMMUTABLE_WITH_EXCLUSION"; set imageTagMutability: "IMMUTABLE".',
        ]);
        await expectDetails(policy, [repo], [], { [policy.name]: { allowImmutableWithExclusion: true } });
    });

    it("GIVEN lower case \"immutable\" THEN it is accepted; a number THEN it is reported", async () => {
        await expectDetails(policy, [baseline(REPO, "a", { imageTagMutability: "immutable" }), baseline(REPO, "b", { imageTagMutability: 1 })], [
            'Repository "b" has imageTagMutability unset (AWS default "MUTABLE"); set imageTagMutability: "IMMUTABLE".',
        ]);
    });
});

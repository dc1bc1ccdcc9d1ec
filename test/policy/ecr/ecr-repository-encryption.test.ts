import { ecrRepositoryEncryption as policy } from "../../../policy/ecr/ecr-repository-encryption";
import { baseline, expectDetails } from "../lb/kit";
import { AWS_TYPES } from "../../../policy/facts/typeTokens";

const REPO = AWS_TYPES.ecrRepository;
const requireKms = { [policy.name]: { requireKms: true } };

describe("ecr-repository-encryption (catalog #28)", () => {
    it("GIVEN KMS, or AES256 declared explicitly (the program's shape) THEN nothing is reported by default", async () => {
        await expectDetails(policy, [
            baseline(REPO, "kms"),
            baseline(REPO, "aes", { encryptionConfigurations: [{ encryptionType: "AES256" }] }),
            baseline(REPO, "dsse", { encryptionConfigurations: [{ encryptionType: "KMS_DSSE" }] }),
        ], []);
    });

    it("GIVEN no encryptionConfigurations THEN it is reported (advisory)", async () => {
        await expectDetails(policy, [baseline(REPO, "web", { encryptionConfigurations: undefined })], [
            'Repository "web" does not declare its encryption; set encryptionConfigurations: [{ encryptionType: "AES256" }] (or "KMS" with a kmsKey).',
        ]);
        await expectDetails(policy, [baseline(REPO, "web", { encryptionConfigurations: [] })], [
            'Repository "web" does not declare its encryption; set encryptionConfigurations: [{ encryptionType: "AES256" }] (or "KMS" with a kmsKey).',
        ]);
    });

    it("GIVEN an unknown encryption type THEN it is reported", async () => {
        await expectDetails(policy, [baseline(REPO, "web", { encryptionConfigurations: [{ encryptionType: "ROT13" }] })], [
            'Repository "web" has encryptionType "ROT13"; use one of "AES256", "KMS", "KMS_DSSE".',
        ]);
    });

    it("GIVEN requireKms WHEN AES256 (explicit or implied) THEN it is reported; KMS passes", async () => {
        await expectDetails(policy, [
            baseline(REPO, "aes", { encryptionConfigurations: [{ encryptionType: "AES256" }] }),
            baseline(REPO, "implied", { encryptionConfigurations: [{}] }),
            baseline(REPO, "kms"),
        ], [
            'Repository "aes" is encrypted with AES256, not KMS; set encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: <key ARN> }].',
            'Repository "implied" is encrypted with AES256, not KMS; set encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: <key ARN> }].',
        ], requireKms);
    });

    it("GIVEN requireKms WHEN nothing is declared THEN the KMS fix is suggested", async () => {
        await expectDetails(policy, [baseline(REPO, "web", { encryptionConfigurations: undefined })], [
            'Repository "web" does not declare its encryption; set encryptionConfigurations: [{ encryptionType: "KMS" }] with a kmsKey.',
        ], requireKms);
    });
});

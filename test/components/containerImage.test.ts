import { strict as assert } from "node:assert";
import * as path from "path";
import { ContainerImage, ContainerImageArgs, digestOf } from "../../components/containerImage";
import { contentTag } from "../../components/imageTag";
import { secretPaths } from "../../harness/serialisation";
import { inputs, one, PROJECT_DIR, runInline, state } from "../support/stacks";

const APP = path.join(PROJECT_DIR, "app");
const build = (args: Partial<ContainerImageArgs> = {}) =>
    runInline(() => {
        const image = new ContainerImage("web", { context: APP, ...args });
        return { imageRef: image.imageRef, imageDigest: image.imageDigest, repositoryUrl: image.repositoryUrl };
    });

describe("ContainerImage (under mocks)", () => {
    it("THEN the repository scans on push, has immutable tags and encryption", async () => {
        const run = await build();
        const repo = one(run, "aws:ecr/repository:Repository");
        assert.equal(inputs(repo).imageTagMutability, "IMMUTABLE");
        assert.deepEqual(inputs(repo).imageScanningConfiguration, { scanOnPush: true });
        assert.deepEqual(inputs(repo).encryptionConfigurations, [{ encryptionType: "AES256" }]);
        assert.equal(inputs(repo).forceDelete, true);
        assert.equal(repo.opts.protect, false);
    });

    it("GIVEN protect THEN the repository is protected, retained and never force-deleted", async () => {
        const run = await build({ protect: true, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k" });
        const repo = one(run, "aws:ecr/repository:Repository");
        assert.equal(inputs(repo).forceDelete, false);
        assert.deepEqual([repo.opts.protect, repo.opts.retainOnDelete], [true, true]);
        assert.deepEqual(inputs(repo).encryptionConfigurations, [{ encryptionType: "KMS", kmsKey: "arn:aws:kms:us-east-1:123456789012:key/k" }]);
    });

    it("THEN the lifecycle policy expires untagged images and keeps the newest N", async () => {
        const run = await build({ keepImages: 25, untaggedExpiryDays: 3 });
        const lifecycle = inputs(one(run, "aws:ecr/lifecyclePolicy:LifecyclePolicy"));
        assert.equal(lifecycle.repository, state(one(run, "aws:ecr/repository:Repository")).name);
        const rules = JSON.parse(lifecycle.policy).rules;
        assert.deepEqual(rules.map((r: any) => [r.selection.tagStatus, r.selection.countType, r.selection.countNumber]), [
            ["untagged", "sinceImagePushed", 3],
            ["any", "imageCountMoreThan", 25],
        ]);
    });

    it("THEN the image is built for the task's platform under a content tag and referenced by digest", async () => {
        const run = await build({ architecture: "ARM64" });
        const image = one(run, "docker:index/image:Image");
        const repoUrl = state(one(run, "aws:ecr/repository:Repository")).repositoryUrl;
        assert.equal(inputs(image).build.platform, "linux/arm64");
        assert.equal(inputs(image).imageName, `${repoUrl}:${contentTag(APP, "linux/arm64")}`);
        assert.equal(inputs(image).registry.server, repoUrl);
        assert.equal(inputs(image).registry.username, "AWS");
        assert.match(String(run.outputs.imageRef), new RegExp(`^${repoUrl}@sha256:[0-9a-f]{64}$`));
        assert.equal(run.outputs.imageDigest, String(run.outputs.imageRef).split("@")[1]);
    });

    it("keeps the registry password secret", async () => {
        const run = await build();
        const image = one(run, "docker:index/image:Image");
        assert.deepEqual(secretPaths(image.inputs), ["registry.password"]);
        assert.equal(inputs(image).registry.password, "mock-token");
    });

    it("refuses a reference without a digest", () => {
        assert.equal(digestOf(`r@sha256:${"c".repeat(64)}`), `sha256:${"c".repeat(64)}`);
        assert.throws(() => digestOf("repo:latest"), /The pushed image has no digest reference \(got "repo:latest"\)\./);
    });
});

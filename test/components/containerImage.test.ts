import { strict as assert } from "node:assert";
import * as path from "path";
import { ContainerImage, ContainerImageArgs, digestOf } from "../../components/containerImage";
import { contentTag } from "../../components/imageTag";
import { secretPaths } from "../../harness/serialisation";
import { inputs, one, PROJECT_DIR, runInline, state } from "../support/stacks";
import { AWS_TYPES, DOCKER_TYPES } from "../../policy/facts/typeTokens";

const APP = path.join(PROJECT_DIR, "app");
const build = (args: Partial<ContainerImageArgs> = { context: APP }) =>
    runInline(() => {
        const image = new ContainerImage("web", { context: APP, ...args });
        return { imageRef: image.imageRef, imageDigest: image.imageDigest, repositoryUrl: image.repositoryUrl, imageRepositoryArn: image.imageRepositoryArn };
    });
const DIGEST = `sha256:${"ab".repeat(32)}`;
const PREBUILT = `210987654321.dkr.ecr.eu-west-1.amazonaws.com/ci/web@${DIGEST}`;
const prebuilt = (image = PREBUILT) => build({ context: undefined, prebuiltImage: image });
/** Every registered resource that is, or needs, a Docker provider. */
const dockerResources = (run: { resources: Array<{ type: string }> }) =>
    run.resources.map(r => r.type).filter(t => /^(pulumi:providers:docker|docker:|docker-build:)/.test(t));

describe("ContainerImage (under mocks)", () => {
    it("THEN the repository scans on push, has immutable tags except the build tags, and encryption", async () => {
        const run = await build();
        const repo = one(run, AWS_TYPES.ecrRepository);
        assert.equal(inputs(repo).imageTagMutability, "IMMUTABLE_WITH_EXCLUSION");
        assert.deepEqual(inputs(repo).imageTagMutabilityExclusionFilters, [{ filter: "sha-*", filterType: "WILDCARD" }]);
        assert.ok(contentTag(APP, "linux/amd64").startsWith("sha-"), "the build tag falls under the exclusion filter");
        assert.deepEqual(inputs(repo).imageScanningConfiguration, { scanOnPush: true });
        assert.deepEqual(inputs(repo).encryptionConfigurations, [{ encryptionType: "AES256" }]);
        assert.equal(inputs(repo).forceDelete, true);
        assert.equal(repo.opts.protect, false);
    });

    it("GIVEN protect THEN the repository is protected, retained and never force-deleted", async () => {
        const run = await build({ protect: true, kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k" });
        const repo = one(run, AWS_TYPES.ecrRepository);
        assert.equal(inputs(repo).forceDelete, false);
        assert.deepEqual([repo.opts.protect, repo.opts.retainOnDelete], [true, true]);
        assert.deepEqual(inputs(repo).encryptionConfigurations, [{ encryptionType: "KMS", kmsKey: "arn:aws:kms:us-east-1:123456789012:key/k" }]);
    });

    it("THEN the lifecycle policy expires untagged images and keeps the newest N", async () => {
        const run = await build({ keepImages: 25, untaggedExpiryDays: 3 });
        const lifecycle = inputs(one(run, AWS_TYPES.ecrLifecyclePolicy));
        assert.equal(lifecycle.repository, state(one(run, AWS_TYPES.ecrRepository)).name);
        const rules = JSON.parse(lifecycle.policy).rules;
        assert.deepEqual(rules.map((r: any) => [r.selection.tagStatus, r.selection.countType, r.selection.countNumber]), [
            ["untagged", "sinceImagePushed", 3],
            ["any", "imageCountMoreThan", 25],
        ]);
    });

    it("THEN the image is built for the task's platform under a content tag and referenced by digest", async () => {
        const run = await build({ architecture: "ARM64" });
        const image = one(run, DOCKER_TYPES.image);
        const repoUrl = state(one(run, AWS_TYPES.ecrRepository)).repositoryUrl;
        assert.equal(inputs(image).build.platform, "linux/arm64");
        assert.equal(inputs(image).imageName, `${repoUrl}:${contentTag(APP, "linux/arm64")}`);
        assert.equal(inputs(image).registry.server, repoUrl);
        assert.equal(inputs(image).registry.username, "AWS");
        assert.match(String(run.outputs.imageRef), new RegExp(`^${repoUrl}@sha256:[0-9a-f]{64}$`));
        assert.equal(run.outputs.imageDigest, String(run.outputs.imageRef).split("@")[1]);
    });

    it("keeps the registry password secret", async () => {
        const run = await build();
        const image = one(run, DOCKER_TYPES.image);
        assert.deepEqual(secretPaths(image.inputs), ["registry.password"]);
        assert.equal(inputs(image).registry.password, "mock-token");
    });

    it("THEN the image lives in the stack's repository, which the pull grant names", async () => {
        const run = await build();
        assert.equal(run.outputs.imageRepositoryArn, state(one(run, AWS_TYPES.ecrRepository)).arn);
    });

    describe("GIVEN a prebuilt image by digest", () => {
        it("THEN no Docker provider and no docker resource is registered, and the task image is the one given", async () => {
            const run = await prebuilt();
            assert.deepEqual(dockerResources(run), []);
            assert.deepEqual(dockerResources(await build()), [DOCKER_TYPES.image], "the build mode does register one");
            assert.equal(run.outputs.imageRef, PREBUILT);
            assert.equal(run.outputs.imageDigest, DIGEST);
        });

        it("THEN the repository stays (protected prod repositories must not be deleted) and the pull grant is the image's own repository", async () => {
            const run = await prebuilt();
            one(run, AWS_TYPES.ecrRepository);
            one(run, AWS_TYPES.ecrLifecyclePolicy);
            assert.equal(run.outputs.imageRepositoryArn, "arn:aws:ecr:eu-west-1:210987654321:repository/ci/web");
        });

        it("THEN a bad reference throws before anything registers, the component included", async () => {
            let thrown: unknown;
            const run = await runInline(() => {
                try {
                    new ContainerImage("web", { prebuiltImage: `web@${DIGEST}` });
                } catch (e) {
                    thrown = e;
                }
            });
            assert.match(String(thrown), /^Error: ContainerImage: prebuiltImage is "web@sha256:[0-9a-f]{64}"; it names no registry; expected /);
            assert.deepEqual(run.resources.map(r => r.type), []);
        });

        it("THEN a tag, a malformed digest or another registry is refused", async () => {
            for (const [image, why] of [
                [PREBUILT.replace(`@${DIGEST}`, ":v1"), "it names a tag"],
                [PREBUILT.replace(DIGEST, "sha256:abc"), "the digest must be sha256: followed by 64 lowercase hex digits"],
                [`ghcr.io/acme/web@${DIGEST}`, "the execution role can pull only from a private ECR registry"],
            ]) {
                await assert.rejects(prebuilt(image), (e: Error) => e.message.startsWith(`ContainerImage: prebuiltImage is ${JSON.stringify(image)}; ${why}`));
            }
        });

        it("THEN giving both context and prebuiltImage, or neither, is refused", async () => {
            await assert.rejects(build({ context: APP, prebuiltImage: PREBUILT }), /ContainerImage: give only one of context \(a folder to build with Docker\) or prebuiltImage/);
            await assert.rejects(build({ context: undefined }), /ContainerImage: give one of context \(a folder to build with Docker\) or prebuiltImage/);
        });
    });

    it("refuses a reference without a digest", () => {
        assert.equal(digestOf(`r@sha256:${"c".repeat(64)}`), `sha256:${"c".repeat(64)}`);
        assert.throws(() => digestOf("repo:latest"), /The pushed image has no digest reference \(got "repo:latest"\)\./);
    });
});

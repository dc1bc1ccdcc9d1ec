import { strict as assert } from "node:assert";
import * as fs from "fs";
import * as path from "path";
import { evaluatePack } from "../../harness/policyEngine";
import { readStackConfig } from "../../harness/projectConfig";
import { runProgram } from "../../harness/runProgram";
import { pack } from "../../policy/pack";
import { containers, inputs, named, ofType, one, PROJECT_DIR, runStack } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const DIGEST = `sha256:${"5e".repeat(32)}`;
const IMAGE = `210987654321.dkr.ecr.us-west-2.amazonaws.com/ci/web@${DIGEST}`;
const WORKER_DIGEST = `sha256:${"7a".repeat(32)}`;
const WORKER_IMAGE = `210987654321.dkr.ecr.us-west-2.amazonaws.com/ci/worker@${WORKER_DIGEST}`;

/** `services` of the dev stack file with fields added to the worker's entry (`pulumi config set --path 'services.worker.…'`). */
function devWorkerWith(fields: Record<string, string>): Record<string, string> {
    const services = JSON.parse(readStackConfig(PROJECT_DIR, "dev").config["fargate-web:services"]);
    return { "fargate-web:services": JSON.stringify({ ...services, worker: { ...services.worker, ...fields } }) };
}

/** The config of a stack in prebuilt-image mode: dev's worker, which builds its own folder, names its own image. */
const prebuilt = (stack: string): Record<string, string> => ({
    "fargate-web:prebuiltImage": IMAGE,
    ...(stack === "dev" ? devWorkerWith({ prebuiltImage: WORKER_IMAGE }) : {}),
});

describe("the program in prebuilt-image mode (fargate-web:prebuiltImage)", () => {
    for (const stack of ["dev", "prod"]) {
        it(`GIVEN ${stack} with an image by digest per service THEN nothing Docker is registered, each task runs its image and each execution role may pull exactly its repository`, async () => {
            const run = await runStack(stack, { values: prebuilt(stack) });
            assert.deepEqual(run.resources.map(r => r.type).filter(t => /^(pulumi:providers:docker|docker:|docker-build:)/.test(t)), []);
            const images: Array<[string, string, string]> =
                stack === "dev"
                    ? [["web", IMAGE, "ci/web"], ["worker", WORKER_IMAGE, "ci/worker"]]
                    : [["web", IMAGE, "ci/web"]];
            assert.equal(ofType(run, AWS_TYPES.ecsTaskDefinition).length, images.length);
            for (const [service, image, repository] of images) {
                assert.equal(containers(named(run, AWS_TYPES.ecsTaskDefinition, `${service}-task`))[0].image, image);
                const policy = JSON.parse(inputs(named(run, AWS_TYPES.iamRolePolicy, `${service}-execution-policy`)).policy);
                const pull = policy.Statement.find((s: { Sid?: string }) => s.Sid === "EcrPull");
                assert.equal(pull.Resource, `arn:aws:ecr:us-west-2:210987654321:repository/${repository}`);
                // The stack's own repository stays: prod's is protected and retained, and removing it would fail preview.
                assert.equal(named(run, AWS_TYPES.ecrRepository, `${service}-repo`).opts.protect, stack === "prod");
            }
            assert.equal(run.outputs.imageDigest, DIGEST);
        });
    }

    it("GIVEN dev's stack-wide image only THEN the program stops before any resource: the worker builds its own folder and would run web's image", async () => {
        await assert.rejects(runStack("dev", { values: { "fargate-web:prebuiltImage": IMAGE } }), (e: Error) => {
            assert.ok(
                e.message.includes(
                    `(1 problem):\n  - fargate-web:services.worker.prebuiltImage is "${IMAGE}" (from fargate-web:prebuiltImage); the service sets its own fargate-web:services.worker.appPath ("./worker"), and this image would run instead of it: set fargate-web:services.worker.prebuiltImage to the service's own image, or to "" to build "./worker"`,
                ),
                e.message,
            );
            return true;
        });
    });

    it("GIVEN dev's stack-wide image and the worker's prebuiltImage emptied THEN web runs the image and only the worker is built", async () => {
        const run = await runStack("dev", { values: { "fargate-web:prebuiltImage": IMAGE, ...devWorkerWith({ prebuiltImage: "" }) } });
        assert.equal(containers(named(run, AWS_TYPES.ecsTaskDefinition, "web-task"))[0].image, IMAGE);
        assert.deepEqual(ofType(run, "docker:index/image:Image").map(r => r.name), ["worker-image"]);
        assert.equal(inputs(one(run, "docker:index/image:Image")).build.context, "./worker");
    });

    it("GIVEN a tag instead of a digest THEN the program stops before any resource, naming the key", async () => {
        await assert.rejects(
            runStack("dev", { values: { "fargate-web:prebuiltImage": IMAGE.replace(`@${DIGEST}`, ":latest") } }),
            (e: Error) => e.message.includes(`fargate-web:prebuiltImage is "${IMAGE.replace(`@${DIGEST}`, ":latest")}"; it names a tag`),
        );
    });

    it("GIVEN prod's first preview (nothing exists yet) THEN the pack raises no mandatory violation", async () => {
        const config = readStackConfig(PROJECT_DIR, "prod");
        const run = await runProgram({
            program: path.join(PROJECT_DIR, "index.ts"),
            ...config,
            config: { ...config.config, "fargate-web:prebuiltImage": IMAGE },
            preview: true,
            mocks: { firstPreview: true },
        });
        const policyConfig = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", "prod.json"), "utf8"));
        const result = await evaluatePack(pack, run.resources, policyConfig);
        assert.deepEqual(result.diagnostics.filter(d => d.enforcementLevel === "mandatory").map(d => `${d.policyName}: ${d.detail}`), []);
    });

    it("GIVEN the images are built (no prebuiltImage) THEN each service's pull grant is its own repository", async () => {
        const run = await runStack("dev");
        for (const service of ["web", "worker"]) {
            const policy = JSON.parse(inputs(named(run, AWS_TYPES.iamRolePolicy, `${service}-execution-policy`)).policy);
            const repo = named(run, AWS_TYPES.ecrRepository, `${service}-repo`);
            assert.equal(policy.Statement.find((s: { Sid?: string }) => s.Sid === "EcrPull").Resource, (repo.state as { arn: string }).arn);
        }
    });
});

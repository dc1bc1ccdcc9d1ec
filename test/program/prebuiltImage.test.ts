import { strict as assert } from "node:assert";
import * as fs from "fs";
import * as path from "path";
import { evaluatePack } from "../../harness/policyEngine";
import { readStackConfig } from "../../harness/projectConfig";
import { runProgram } from "../../harness/runProgram";
import { pack } from "../../policy/pack";
import { containers, inputs, one, PROJECT_DIR, runStack } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const DIGEST = `sha256:${"5e".repeat(32)}`;
const IMAGE = `210987654321.dkr.ecr.us-west-2.amazonaws.com/ci/web@${DIGEST}`;

describe("the program in prebuilt-image mode (fargate-web:prebuiltImage)", () => {
    for (const stack of ["dev", "prod"]) {
        it(`GIVEN ${stack} with an image by digest THEN nothing Docker is registered, the task runs that image and the execution role may pull exactly its repository`, async () => {
            const run = await runStack(stack, { values: { "fargate-web:prebuiltImage": IMAGE } });
            assert.deepEqual(run.resources.map(r => r.type).filter(t => /^(pulumi:providers:docker|docker:|docker-build:)/.test(t)), []);
            assert.equal(containers(one(run, AWS_TYPES.ecsTaskDefinition))[0].image, IMAGE);
            const policy = JSON.parse(inputs(one(run, AWS_TYPES.iamRolePolicy, "web-execution-policy")).policy);
            const pull = policy.Statement.find((s: { Sid?: string }) => s.Sid === "EcrPull");
            assert.equal(pull.Resource, "arn:aws:ecr:us-west-2:210987654321:repository/ci/web");
            // The stack's own repository stays: prod's is protected and retained, and removing it would fail preview.
            assert.equal(one(run, AWS_TYPES.ecrRepository).opts.protect, stack === "prod");
            assert.equal(run.outputs.imageDigest, DIGEST);
        });
    }

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

    it("GIVEN the image is built (no prebuiltImage) THEN the pull grant is the stack's own repository", async () => {
        const run = await runStack("dev");
        const policy = JSON.parse(inputs(one(run, AWS_TYPES.iamRolePolicy, "web-execution-policy")).policy);
        const repo = one(run, AWS_TYPES.ecrRepository);
        assert.equal(policy.Statement.find((s: { Sid?: string }) => s.Sid === "EcrPull").Resource, (repo.state as { arn: string }).arn);
    });
});

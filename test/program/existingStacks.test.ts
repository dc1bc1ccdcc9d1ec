/**
 * Stacks already deployed must update in place. `test/fixtures/deployed/<stack>.json` records what the
 * deployed program registered: every URN (a logical name, type or parent that changes replaces the
 * resource unless an alias names the old URN, which counts as keeping it) and the repository's inputs that force a replacement in the provider
 * (`name` and `encryptionConfigurations` are ForceNew in terraform-provider-aws
 * `internal/service/ecr/repository.go`; `imageTagMutability` and its exclusion filters update in place
 * through PutImageTagMutability). New resources may be added; none of these may change.
 */
import { strict as assert } from "node:assert";
import * as fs from "fs";
import * as path from "path";
import { ProgramRun } from "../../harness/runProgram";
import { readStackConfig } from "../../harness/projectConfig";
import { inputs, named, one, PROJECT_DIR, runStack } from "../support/stacks";

interface Deployed {
    readonly urns: string[];
    readonly repository: { readonly name: string | null; readonly encryptionConfigurations: unknown };
}

/** Every URN the run keeps: current URNs and the old URNs their aliases name. */
const kept = (run: ProgramRun): Set<string> => new Set(run.resources.flatMap(r => [r.urn, ...r.opts.aliases]));

const deployed = (stack: string): Deployed =>
    JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "test", "fixtures", "deployed", `${stack}.json`), "utf8")) as Deployed;

describe("existing stacks update in place", () => {
    for (const stack of ["dev", "prod"]) {
        it(`GIVEN ${stack} as deployed THEN every resource keeps its URN`, async () => {
            const now = kept(await runStack(stack));
            assert.deepEqual(deployed(stack).urns.filter(urn => !now.has(urn)), []);
        });

        it(`GIVEN ${stack} as deployed THEN no input of the repository that forces a replacement changes`, async () => {
            // The deployed repository is web's (dev's worker and its repository are new).
            const repo = inputs(named(await runStack(stack), "aws:ecr/repository:Repository", "web-repo"));
            const before = deployed(stack).repository;
            assert.deepEqual({ name: repo.name ?? null, encryptionConfigurations: repo.encryptionConfigurations }, before);
        });
    }

    it("GIVEN prod given a kmsKeyArn after its first up THEN the repository's ForceNew input changes, and protect stops that replacement at preview", async () => {
        const key = "arn:aws:kms:us-east-1:123456789012:key/0123abcd-0123-4567-89ab-0123456789ab";
        const repo = one(await runStack("prod", { values: { "fargate-web:kmsKeyArn": key } }), "aws:ecr/repository:Repository");
        assert.notDeepEqual(inputs(repo).encryptionConfigurations, deployed("prod").repository.encryptionConfigurations);
        assert.deepEqual(inputs(repo).encryptionConfigurations, [{ encryptionType: "KMS", kmsKey: key }]);
        assert.equal(repo.opts.protect, true);
    });

    it("GIVEN dev switched to prebuilt images THEN only the image build goes; the repository and everything else stay", async () => {
        // The worker builds its own folder, so it names its own image too (a stack-wide one alone is refused).
        const services = JSON.parse(readStackConfig(PROJECT_DIR, "dev").config["fargate-web:services"]);
        services.worker.prebuiltImage = `123456789012.dkr.ecr.us-east-1.amazonaws.com/worker@sha256:${"1".repeat(64)}`;
        const run = await runStack("dev", {
            values: {
                "fargate-web:prebuiltImage": `123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:${"0".repeat(64)}`,
                "fargate-web:services": JSON.stringify(services),
            },
        });
        assert.equal(run.resources.some(r => r.type === "docker:index/image:Image"), false);
        const now = kept(run);
        assert.deepEqual(deployed("dev").urns.filter(urn => !now.has(urn)), [
            "urn:pulumi:dev::fargate-web::fargate-web:image:ContainerImage$docker:index/image:Image::web-image",
        ]);
    });
});

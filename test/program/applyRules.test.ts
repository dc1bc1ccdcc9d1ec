/**
 * Both stacks, and the placements their config allows, deploy without a value AWS refuses at apply time.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { evaluateApplyRules } from "../../harness/applyRules";
import { readStackConfig } from "../../harness/projectConfig";
import { ProgramRun, runProgram } from "../../harness/runProgram";
import { PROJECT_DIR, runStack } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const P = "fargate-web";
const judge = (stack: string, run: ProgramRun, extra: Record<string, string> = {}) =>
    evaluateApplyRules(run.resources, { config: { ...readStackConfig(PROJECT_DIR, stack).config, ...extra } });
const shown = (errors: ReturnType<typeof evaluateApplyRules>) => errors.map(e => `${e.rule} ${e.name} ${e.path}: ${e.given}; ${e.allowed}`).join("\n");

describe("the program against the apply-time rules", () => {
    for (const stack of ["dev", "prod"]) {
        it(`GIVEN the ${stack} stack THEN no resource holds a value AWS refuses at apply time`, async () => {
            const errors = judge(stack, await runStack(stack));
            assert.deepEqual(errors, [], shown(errors));
        });
    }

    it("GIVEN prod in prebuilt-image mode (no build, an image by digest) THEN still none", async () => {
        const values = { [`${P}:prebuiltImage`]: `123456789012.dkr.ecr.us-east-1.amazonaws.com/ci/web@sha256:${"5e".repeat(32)}` };
        const errors = judge("prod", await runStack("prod", { values }), values);
        assert.deepEqual(errors, [], shown(errors));
    });

    it("GIVEN a first preview, where every id and ARN is unknown THEN nothing is reported that the full run does not report", async () => {
        for (const stack of ["dev", "prod"]) {
            const config = readStackConfig(PROJECT_DIR, stack);
            const first = await runProgram({ program: path.join(PROJECT_DIR, "index.ts"), ...config, preview: true, mocks: { firstPreview: true } });
            const key = (e: { rule: string; urn: string; path: string }) => `${e.rule} ${e.urn} ${e.path}`;
            const full = new Set(judge(stack, await runStack(stack)).map(key));
            const extra = judge(stack, first).filter(e => !full.has(key(e)));
            assert.deepEqual(extra, [], shown(extra));
        }
    });

    it("GIVEN secret values, tags, a customer key and a certificate of the stack's region THEN still none", async () => {
        const values = {
            [`${P}:tags`]: JSON.stringify({ CostCentre: "cc-42", Owner: "platform@example.com" }),
            [`${P}:kmsKeyArn`]: "arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666",
            [`${P}:certificateArn`]: "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666",
            "aws:defaultTags": JSON.stringify({ tags: { ManagedBy: "pulumi" } }),
        };
        const run = await runStack("dev", { values, secrets: { [`${P}:secretValues`]: JSON.stringify({ DB_PASSWORD: "pw", API_TOKEN: "t" }) } });
        assert.ok(run.resources.some(r => r.type === AWS_TYPES.secretsmanagerSecret));
        const errors = judge("dev", run, values);
        assert.deepEqual(errors, [], shown(errors));
    });

    for (const [architecture, provider] of [["ARM64", "FARGATE_SPOT"], ["ARM64", "FARGATE"], ["X86_64", "FARGATE_SPOT"]]) {
        it(`GIVEN ${architecture} on ${provider} THEN each service's LATEST platform places it, and an older pin would be refused`, async () => {
            const values = { [`${P}:cpuArchitecture`]: architecture, [`${P}:capacityProvider`]: provider };
            const run = await runStack("dev", { values });
            assert.deepEqual(judge("dev", run, values).filter(e => e.rule === "ecs-fargate-platform"), []);
            // The rule really sees each service (dev runs web and worker) and its task definition: pinning 1.2.0 is refused.
            const pinned = run.resources.map(r => (r.type === AWS_TYPES.ecsService ? { ...r, inputs: { ...r.inputs, platformVersion: "1.2.0" } } : r));
            assert.deepEqual(
                evaluateApplyRules(pinned, { config: values })
                    .filter(e => e.rule === "ecs-fargate-platform")
                    .map(e => `${e.name} ${e.path}`)
                    .sort(),
                ["web-service platformVersion", "worker-service platformVersion"],
            );
        });
    }
});

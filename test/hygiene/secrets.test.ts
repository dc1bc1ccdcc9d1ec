/**
 * Secret hygiene of the dev stack under mocks: with secrets by ARN and secret config values, every place a
 * secret value reaches a resource input is a secret (encrypted in state, masked in previews), and no secret
 * value appears in plain text anywhere else: not in container environment variables, tags, names or
 * descriptions, nor in the stack outputs. The registry password the image push uses is secret too.
 */
import * as assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { ProgramRun } from "../../harness/runProgram";
import { normaliseForEngine, redactSecrets, secretPaths } from "../../harness/serialisation";
import { RecordedResource } from "../../harness/types";
import { containers, one, ofType, runStack } from "../support/stacks";
import { AWS_TYPES, DOCKER_TYPES } from "../../policy/facts/typeTokens";

const P = "fargate-web";

/** Distinctive secret values, different in each test process. */
const SECRET_VALUES = {
    API_KEY: `s3cr3t-value-${randomBytes(8).toString("hex")}`,
    SMTP_PASSWORD: `s3cr3t-value-${randomBytes(8).toString("hex")}`,
};
const ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:dev/db-AbCdEf";
const SECRETS_BY_ARN = {
    DB_PASSWORD: ARN,
    DB_USER: { arn: ARN, jsonKey: "username" },
    FEATURE_TOKEN: "arn:aws:ssm:us-east-1:123456789012:parameter/dev/feature-token",
};
/** dev's services (Pulumi.dev.yaml): each inherits the stack-wide secrets and secret values. */
const SERVICES = ["web", "worker"] as const;
/** What the mocked `ecr.getAuthorizationToken` returns as the registry password. */
const REGISTRY_PASSWORD = "mock-token";

/** Paths (in `secretPaths`' notation) of every string inside `value` that contains `needle`. */
function pathsContaining(value: unknown, needle: string, path = ""): string[] {
    if (typeof value === "string") {
        return value.includes(needle) ? [path || "(root)"] : [];
    }
    if (Array.isArray(value)) {
        return value.flatMap((v, i) => pathsContaining(v, needle, `${path}[${i}]`));
    }
    if (value !== null && typeof value === "object") {
        return Object.entries(value).flatMap(([k, v]) => pathsContaining(v, needle, path ? `${path}.${k}` : k));
    }
    return [];
}

const isUnder = (path: string, root: string): boolean => root === "(root)" || path === root || path.startsWith(`${root}.`) || path.startsWith(`${root}[`);

const label = (r: RecordedResource) => `${r.type} ${r.name}`;

describe("secret hygiene (dev with secrets by ARN and secret config values)", () => {
    let run: ProgramRun;
    before(async () => {
        run = await runStack("dev", {
            values: { [`${P}:secrets`]: JSON.stringify(SECRETS_BY_ARN) },
            secrets: { [`${P}:secretValues`]: JSON.stringify(SECRET_VALUES) },
        });
    });

    it("GIVEN the recorded inputs THEN every place a secret value reaches is under a secret path", () => {
        for (const value of Object.values(SECRET_VALUES)) {
            let found = 0;
            for (const r of run.resources) {
                const secretRoots = secretPaths(r.inputs);
                for (const p of pathsContaining(normaliseForEngine(r.inputs), value)) {
                    found++;
                    assert.ok(
                        secretRoots.some(root => isUnder(p, root)),
                        `${label(r)} carries a secret value at ${p} in plain text (secret paths: ${secretRoots.join(", ") || "none"})`,
                    );
                }
            }
            // The value must reach AWS somewhere, or this test would pass vacuously.
            assert.ok(found > 0, "no resource carries the secret value");
        }
        // dev's web and worker each inherit the stack-wide secret values: one version per value and service.
        const versions = ofType(run, AWS_TYPES.secretsmanagerSecretVersion);
        assert.deepEqual(
            versions.map(v => v.name).sort(),
            SERVICES.flatMap(service => Object.keys(SECRET_VALUES).map(name => `${service}-secret-${name}-value`)).sort(),
        );
        for (const v of versions) {
            assert.deepEqual(secretPaths(v.inputs), ["secretString"], `${label(v)}: secretString is not secret`);
        }
    });

    it("GIVEN every input with secrets redacted THEN no secret value appears in plain text (environment, tags, names, descriptions)", () => {
        for (const r of run.resources) {
            const plain = JSON.stringify(redactSecrets(r.inputs));
            for (const value of [...Object.values(SECRET_VALUES), REGISTRY_PASSWORD]) {
                assert.ok(!plain.includes(value), `${label(r)} shows a secret value in plain text: ${plain.slice(0, 300)}`);
            }
        }
    });

    for (const service of SERVICES) {
        it(`GIVEN ${service}'s container definition THEN its environment holds no secret and its secrets are all references`, () => {
            const [container] = containers(one(run, AWS_TYPES.ecsTaskDefinition, `${service}-task`));
            const environment = JSON.stringify(container.environment);
            for (const value of Object.values(SECRET_VALUES)) {
                assert.ok(!environment.includes(value));
            }
            assert.deepEqual(
                container.environment.map((e: { name: string }) => e.name).filter((n: string) => n in SECRET_VALUES || n in SECRETS_BY_ARN),
                [],
            );
            assert.deepEqual(container.secrets.map((s: { name: string }) => s.name).sort(), [...Object.keys(SECRET_VALUES), ...Object.keys(SECRETS_BY_ARN)].sort());
            for (const s of container.secrets) {
                assert.match(s.valueFrom, /^arn:aws:(secretsmanager|ssm):/, `${s.name} is not read by ARN`);
            }
            // A value set with --secret is read from the service's own secret, never another service's.
            for (const name of Object.keys(SECRET_VALUES)) {
                const { valueFrom } = container.secrets.find((s: { name: string }) => s.name === name);
                assert.match(valueFrom, new RegExp(`:secret:fargate-web/dev/${service}/${name}-`), name);
            }
        });
    }

    it("GIVEN the stack outputs THEN none contains a secret value, wrapped or not", () => {
        const outputs = JSON.stringify(run.outputs);
        for (const value of [...Object.values(SECRET_VALUES), REGISTRY_PASSWORD]) {
            assert.ok(!outputs.includes(value), `an output contains a secret value: ${outputs}`);
        }
    });

    for (const service of SERVICES) {
        it(`GIVEN ${service}'s image push THEN the registry password from the ECR auth token is secret`, () => {
            const image = one(run, DOCKER_TYPES.image, `${service}-image`);
            const roots = secretPaths(image.inputs);
            assert.equal((normaliseForEngine(image.inputs) as any).registry.password, REGISTRY_PASSWORD);
            // The SDK may mark the whole `registry` object secret; the password must be under some secret path.
            assert.ok(roots.some(root => isUnder("registry.password", root)), `secret paths: ${roots.join(", ") || "none"}`);
        });
    }
});

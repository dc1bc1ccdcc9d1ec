import * as assert from "node:assert/strict";
import { ecsTaskDefinitionNoPlaintextSecrets as policy } from "../../../policy/ecs/ecs-task-definition-no-plaintext-secrets";
import { assertViolations, baselineContainer, evaluate, resourceOf, TD, taskDefinitionWith, webWith } from "../baselines/ecs";

const NAME = "ecs-task-definition-no-plaintext-secrets";
const FIX = 'store it in Secrets Manager and reference it in "secrets" with valueFrom.';
const env = (...entries: unknown[]) => webWith({ environment: entries });

describe(NAME, () => {
    it("GIVEN the baseline task definition THEN no violation", async () => {
        assertViolations(await evaluate(policy, [resourceOf(TD, "web")]), NAME, "mandatory", []);
    });

    const cases: [string, unknown[], string[]][] = [
        [
            "a secret name with a literal value",
            [{ name: "DB_PASSWORD", value: "changeme" }],
            [`Container "web" sets DB_PASSWORD in plain environment and its name suggests a secret; ${FIX}`],
        ],
        [
            "DATABASE_URL with credentials",
            [{ name: "DATABASE_URL", value: "postgres://app:s3cr3t@db.internal:5432/app" }],
            [`Container "web" sets DATABASE_URL in plain environment and its value contains credentials; ${FIX}`],
        ],
        [
            "an AWS access key pair",
            [
                { name: "AWS_ACCESS_KEY_ID", value: "AKIAIOSFODNN7EXAMPLE" },
                { name: "AWS_SECRET_ACCESS_KEY", value: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
            ],
            [
                `Container "web" sets AWS_ACCESS_KEY_ID in plain environment and its value looks like an AWS access key id; ${FIX}`,
                `Container "web" sets AWS_SECRET_ACCESS_KEY in plain environment and its value looks like an AWS secret access key; ${FIX}`,
            ],
        ],
        [
            "a PEM key under an innocent name",
            [{ name: "TLS_MATERIAL", value: "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----" }],
            [`Container "web" sets TLS_MATERIAL in plain environment and its value contains a PEM private key; ${FIX}`],
        ],
        [
            "a high-entropy value under an innocent name",
            [{ name: "SESSION_SALT_VALUE", value: "Xk9mP2qR7vL4nT8wZ3yB6cF1" }],
            [`Container "web" sets SESSION_SALT_VALUE in plain environment and its value looks random (4.6 bits of entropy per character), like a key or token; ${FIX}`],
        ],
        [
            "an entry without a name",
            [{ value: "AKIAIOSFODNN7EXAMPLE" }],
            [`Container "web" sets environment[0] in plain environment and its value looks like an AWS access key id; ${FIX}`],
        ],
    ];
    for (const [label, entries, expected] of cases) {
        it(`GIVEN ${label} THEN a mandatory violation naming the variable, not its value`, async () => {
            const result = await evaluate(policy, [taskDefinitionWith([env(...entries)])]);
            assertViolations(result, NAME, "mandatory", expected);
            for (const d of result.diagnostics) {
                for (const entry of entries as { value?: string }[]) {
                    assert.ok(!d.message.includes(String(entry.value)), "the message must not echo the secret");
                }
            }
        });
    }

    it("GIVEN secret-sounding names that hold references, flags or placeholders THEN no violation", async () => {
        const entries = [
            { name: "DB_SECRET_ARN", value: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:web/db-AbCdEf" },
            { name: "PASSWORD_FILE", value: "/run/secrets/db" },
            { name: "TOKEN_URL", value: "https://auth.example.com/oauth/token" },
            { name: "REQUIRE_PASSWORD", value: "true" },
            { name: "DATABASE_URL", value: "postgres://app@db.internal:5432/app" },
            { name: "DB_PASSWORD", value: "${DB_PASSWORD}" },
            { name: "GIT_SHA", value: "3f1a9c0e5b7d2468ace013579bdf2468ace01357" },
            { name: "NODE_OPTIONS", value: "--max-old-space-size=384" },
        ];
        assertViolations(await evaluate(policy, [taskDefinitionWith([env(...entries)])]), NAME, "mandatory", []);
    });

    it("GIVEN allowedNames THEN name and entropy findings for those names are silenced, value patterns are not", async () => {
        const entries = [
            { name: "DB_PASSWORD", value: "changeme" },
            { name: "SESSION_SALT_VALUE", value: "Xk9mP2qR7vL4nT8wZ3yB6cF1" },
            { name: "LEGACY_KEY", value: "AKIAIOSFODNN7EXAMPLE" },
        ];
        const config = { [NAME]: { allowedNames: ["db_password", "SESSION_SALT_VALUE", "LEGACY_KEY"] } };
        const result = await evaluate(policy, [taskDefinitionWith([env(...entries)])], config);
        assertViolations(result, NAME, "mandatory", [
            `Container "web" sets LEGACY_KEY in plain environment and its value looks like an AWS access key id; ${FIX}`,
        ]);
    });

    it("GIVEN a higher entropyThreshold THEN the random value passes", async () => {
        const entries = [{ name: "SESSION_SALT_VALUE", value: "Xk9mP2qR7vL4nT8wZ3yB6cF1" }];
        const result = await evaluate(policy, [taskDefinitionWith([env(...entries)])], { [NAME]: { entropyThreshold: 5 } });
        assertViolations(result, NAME, "mandatory", []);
    });

    it("GIVEN a credential in command or entryPoint THEN reported with the argument position", async () => {
        const container = webWith({
            command: ["node", "server.js", "--db=postgres://app:s3cr3t@db/app"],
            entryPoint: ["sh", "-c", "export GH=ghp_a1B2c3D4e5a1B2c3D4e5a1B2c3D4e5a1B2c3D4e5 && exec node"],
        });
        const result = await evaluate(policy, [taskDefinitionWith([container])]);
        assertViolations(result, NAME, "mandatory", [
            'Container "web" has a secret in "command" argument 3 (its value contains credentials); store it in Secrets Manager, reference it in "secrets" with valueFrom and read it from the environment.',
            'Container "web" has a secret in "entryPoint" argument 3 (its value looks like a GitHub token); store it in Secrets Manager, reference it in "secrets" with valueFrom and read it from the environment.',
        ]);
    });

    it("GIVEN several containers THEN each is named in its own violation", async () => {
        const sidecar = { ...baselineContainer(), name: "proxy", environment: [{ name: "API_KEY", value: "abc123def" }] };
        const result = await evaluate(policy, [taskDefinitionWith([baselineContainer(), sidecar])]);
        assertViolations(result, NAME, "mandatory", [`Container "proxy" sets API_KEY in plain environment and its name suggests a secret; ${FIX}`]);
    });

    it("GIVEN malformed environment entries THEN they are skipped without a crash", async () => {
        const container = webWith({ environment: ["DB_PASSWORD=x", null, { name: 42, value: {} }, { name: "PORT" }] });
        assertViolations(await evaluate(policy, [taskDefinitionWith([container])]), NAME, "mandatory", []);
        assertViolations(await evaluate(policy, [taskDefinitionWith([webWith({ environment: "DB_PASSWORD=x" })])]), NAME, "mandatory", []);
    });

    it("GIVEN malformed containerDefinitions THEN nothing (reported by ecs-task-definition-container-definitions-valid)", async () => {
        assertViolations(await evaluate(policy, [resourceOf(TD, "web", { containerDefinitions: "{" })]), NAME, "mandatory", []);
    });
});

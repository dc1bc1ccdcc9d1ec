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

    describe("passwords given by a short flag (mysql -p, redis-cli -a, sshpass -p, curl -u, PGPASSWORD=)", () => {
        const ARGUMENT_FIX = 'store it in Secrets Manager, reference it in "secrets" with valueFrom and read it from the environment.';
        const variants: [string, Record<string, unknown>, string[]][] = [
            ["mysql -pS3cret in a shell command", { command: ["sh", "-c", "mysql -h db -uapp -pS3cret app < /init.sql"] }, [`Container "web" has a secret in "command" argument 3 (it passes a password to mysql on its command line (-p)); ${ARGUMENT_FIX}`]],
            ["mysql -p S3cret as separate arguments", { command: ["mysql", "-p", "S3cret"] }, [`Container "web" has a secret in "command" argument 3 (it passes a password to mysql on its command line (-p)); ${ARGUMENT_FIX}`]],
            ["the program in entryPoint, the flag in command", { entryPoint: ["/usr/bin/mysqladmin"], command: ["-pS3cret", "ping"] }, [`Container "web" has a secret in "command" argument 1 (it passes a password to mysqladmin on its command line (-p)); ${ARGUMENT_FIX}`]],
            ["redis-cli -a in a health check", { healthCheck: { command: ["CMD", "redis-cli", "-a", "S3cret", "ping"], interval: 15, timeout: 5, retries: 3 } }, [`Container "web" has a secret in "healthCheck.command" argument 4 (it passes a password to redis-cli on its command line (-a)); ${ARGUMENT_FIX}`]],
            ["sshpass -p in entryPoint", { entryPoint: ["sshpass", "-p", "S3cret", "rsync", "-a", "/data", "backup:/"] }, [`Container "web" has a secret in "entryPoint" argument 3 (it passes a password to sshpass on its command line (-p)); ${ARGUMENT_FIX}`]],
            ["curl -u user:pass as separate arguments", { command: ["curl", "-fsS", "-u", "deploy:S3cret", "https://hooks.example.com"] }, [`Container "web" has a secret in "command" argument 4 (it passes a password to curl on its command line (-u)); ${ARGUMENT_FIX}`]],
            ["--password=x", { command: ["mysql", "--password=x"] }, [`Container "web" has a secret in "command" argument 2 (password: its name suggests a secret); ${ARGUMENT_FIX}`]],
            ["PGPASSWORD=x psql", { command: ["sh", "-c", "PGPASSWORD=x psql -h db app"] }, [`Container "web" has a secret in "command" argument 3 (PGPASSWORD: its name suggests a secret); ${ARGUMENT_FIX}`]],
            ["a command in an environment value", { environment: [{ name: "BACKUP_CMD", value: "mysqldump -pS3cret app" }] }, [`Container "web" sets BACKUP_CMD in plain environment and its value passes a password to mysqldump on its command line (-p); ${FIX}`]],
            ["an init process in entryPoint, the program in command", { entryPoint: ["tini", "--"], command: ["redis-server", "--requirepass", "S3cretPw"] }, [`Container "web" has a secret in "command" argument 3 (it passes a password to redis-server on its command line (--requirepass)); ${ARGUMENT_FIX}`]],
            ["a wrapper with options of its own", { command: ["timeout", "-s", "KILL", "10", "mysql", "-pS3cretPw"] }, [`Container "web" has a secret in "command" argument 6 (it passes a password to mysql on its command line (-p)); ${ARGUMENT_FIX}`]],
            ["a wait loop in a health check", { healthCheck: { command: ["CMD-SHELL", "until mysqladmin ping -h 127.0.0.1 -pS3cretPw; do sleep 1; done"], interval: 15, timeout: 5, retries: 3 } }, [`Container "web" has a secret in "healthCheck.command" argument 2 (it passes a password to mysqladmin on its command line (-p)); ${ARGUMENT_FIX}`]],
            ["a literal $ in an exec-form argument", { command: ["mysql", "-p$uperS3cret"] }, [`Container "web" has a secret in "command" argument 2 (it passes a password to mysql on its command line (-p), as written: no shell reads an exec-form argument, so its $ is not filled in); ${ARGUMENT_FIX}`]],
            ["a bundled curl -fsSu", { command: ["curl", "-fsSu", "admin:S3cretPw", "http://x"] }, [`Container "web" has a secret in "command" argument 3 (it passes a password to curl on its command line (-u)); ${ARGUMENT_FIX}`]],
        ];
        for (const [label, fields, expected] of variants) {
            it(`GIVEN ${label} THEN reported without the value`, async () => {
                const result = await evaluate(policy, [taskDefinitionWith([webWith(fields)])]);
                assertViolations(result, NAME, "mandatory", expected);
                assert.ok(result.diagnostics.every(d => !d.message.includes("S3cret") && !d.message.includes("uperS3cret")));
            });
        }

        it("GIVEN ports, modules and flags of other programs, and passwords the shell fills in THEN no violation", async () => {
            const container = webWith({
                entryPoint: ["sh", "-c", 'exec mysql -h db -P 3306 -p"$DB_PASSWORD" app; nc -l -p 8080; ls -a'],
                command: ["python", "-m", "http.server", "-p", "8080"],
                healthCheck: { command: ["CMD-SHELL", "redis-cli -a $REDIS_PASSWORD ping && docker run -p 8080:80 x"], interval: 15, timeout: 5, retries: 3 },
                environment: [{ name: "PORTS", value: "-p8080:80" }],
            });
            assertViolations(await evaluate(policy, [taskDefinitionWith([container])]), NAME, "mandatory", []);
        });
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

    describe("text outside environment (evasions)", () => {
        const ARGS = 'store it in Secrets Manager, reference it in "secrets" with valueFrom and read it from the environment.';
        const LOG = "move it to logConfiguration.secretOptions with a valueFrom naming a Secrets Manager secret or SSM parameter.";
        const GH = "ghp_a1B2c3D4e5a1B2c3D4e5a1B2c3D4e5a1B2c3D4e5";
        const cases: [string, Record<string, unknown>, string[]][] = [
            [
                "NAME=value in a shell string, --name=value, --name value across arguments",
                {
                    entryPoint: ["sh", "-c", "export DB_PASSWORD=hunter2 && exec node server.js"],
                    command: ["node", "server.js", "--password=hunter2", "--api-key", "abc123def"],
                },
                [
                    `Container "web" has a secret in "command" argument 3 (password: its name suggests a secret); ${ARGS}`,
                    `Container "web" has a secret in "command" argument 5 (api-key: its name suggests a secret); ${ARGS}`,
                    `Container "web" has a secret in "entryPoint" argument 3 (DB_PASSWORD: its name suggests a secret); ${ARGS}`,
                ],
            ],
            [
                "a flag and its value inside one shell string, a JSON argument",
                { command: ["sh", "-c", "mysql --password 'hunter2' -h db", '{"clientSecret": "abc"}'] },
                [
                    `Container "web" has a secret in "command" argument 3 (password: its name suggests a secret); ${ARGS}`,
                    `Container "web" has a secret in "command" argument 4 (clientSecret: its name suggests a secret); ${ARGS}`,
                ],
            ],
            [
                "health-check commands with a user:password, an authorization header or an assignment",
                {
                    healthCheck: {
                        command: ["CMD-SHELL", "curl -fsS -u admin:hunter2 http://localhost:8080/health", "curl -H 'Authorization: Bearer abc123' http://x", "TOKEN=x1 ./probe"],
                    },
                },
                [
                    `Container "web" has a secret in "healthCheck.command" argument 2 (it passes a user name and password); ${ARGS}`,
                    `Container "web" has a secret in "healthCheck.command" argument 3 (it sends a credential in an authorization header); ${ARGS}`,
                    `Container "web" has a secret in "healthCheck.command" argument 4 (TOKEN: its name suggests a secret); ${ARGS}`,
                ],
            ],
            [
                "docker labels, log driver options and FireLens options under secret names",
                {
                    dockerLabels: { "com.example.team": "web", "db.password": "hunter2" },
                    logConfiguration: { logDriver: "splunk", options: { "splunk-url": "https://splunk.example.com", "splunk-token": "5f2b9a1c-0d3e-4f6a-8b7c-9d0e1f2a3b4c" } },
                    firelensConfiguration: { type: "fluentbit", options: { "enable-ecs-log-metadata": "true", HTTP_Passwd: "pw" } },
                },
                [
                    `Container "web" sets docker label "db.password" and its name suggests a secret; labels are readable by anyone who can describe the task, so remove it and ${FIX}`,
                    `Container "web" sets logConfiguration.options "splunk-token" and its name suggests a secret; ${LOG}`,
                    `Container "web" sets firelensConfiguration.options "HTTP_Passwd" and its name suggests a secret; ${LOG}`,
                ],
            ],
            [
                "the secret itself in valueFrom, secretOptions and repositoryCredentials",
                {
                    secrets: [{ name: "GH_TOKEN", valueFrom: GH }],
                    logConfiguration: { logDriver: "splunk", secretOptions: [{ name: "splunk-token", valueFrom: "Xk9mP2qR7vL4nT8wZ3yB6cF1" }] },
                    repositoryCredentials: { credentialsParameter: `bot:${GH}` },
                },
                [
                    `Container "web" puts the secret itself in secrets[0].valueFrom (its value looks like a GitHub token); store it in Secrets Manager and set secrets[0].valueFrom to the secret's ARN.`,
                    `Container "web" puts the secret itself in logConfiguration.secretOptions[0].valueFrom (it looks random (4.6 bits of entropy per character), like the secret itself); store it in Secrets Manager and set logConfiguration.secretOptions[0].valueFrom to the secret's ARN.`,
                    `Container "web" puts the secret itself in repositoryCredentials.credentialsParameter (its value looks like a GitHub token); store it in Secrets Manager and set repositoryCredentials.credentialsParameter to the secret's ARN.`,
                ],
            ],
            [
                "a credential in any other field",
                { hostname: "AKIAIOSFODNN7EXAMPLE", extraHosts: [{ hostname: "db", ipAddress: "postgres://app:s3cr3t@10.0.0.1/app" }] },
                [
                    `Container "web" has a secret in "hostname" (it looks like an AWS access key id); remove it and ${FIX}`,
                    `Container "web" has a secret in "extraHosts[0].ipAddress" (it contains credentials); remove it and ${FIX}`,
                ],
            ],
            [
                "settings passed inside a value (JVM flags, Spring JSON, a label holding flags)",
                {
                    environment: [
                        { name: "JAVA_OPTS", value: "-Xmx512m -Ddb.password=hunter2" },
                        { name: "SPRING_APPLICATION_JSON", value: '{"spring.datasource.password": "hunter2"}' },
                    ],
                    dockerLabels: { "com.example.args": "--api-token=abc123def" },
                },
                [
                    `Container "web" sets JAVA_OPTS in plain environment and its value sets Ddb.password, whose name suggests a secret; ${FIX}`,
                    `Container "web" sets SPRING_APPLICATION_JSON in plain environment and its value sets spring.datasource.password, whose name suggests a secret; ${FIX}`,
                    `Container "web" sets docker label "com.example.args" and its value sets api-token, whose name suggests a secret; labels are readable by anyone who can describe the task, so remove it and ${FIX}`,
                ],
            ],
            [
                "short and path-like values under secret names",
                { environment: [{ name: "DB_PASSWORD", value: "1234" }, { name: "API_TOKEN", value: "/x9" }] },
                [
                    `Container "web" sets DB_PASSWORD in plain environment and its name suggests a secret; ${FIX}`,
                    `Container "web" sets API_TOKEN in plain environment and its name suggests a secret; ${FIX}`,
                ],
            ],
        ];
        for (const [label, overrides, expected] of cases) {
            it(`GIVEN ${label} THEN each is reported without the value`, async () => {
                const result = await evaluate(policy, [taskDefinitionWith([webWith(overrides)])]);
                assertViolations(result, NAME, "mandatory", expected);
                for (const d of result.diagnostics) {
                    for (const secret of ["hunter2", "abc123def", GH, "Xk9mP2qR7vL4nT8wZ3yB6cF1", "s3cr3t", "5f2b9a1c"]) {
                        assert.ok(!d.message.includes(secret), "the message must not echo the secret");
                    }
                }
            });
        }

        it("GIVEN credentials in a Docker volume's driver options THEN reported for the volume", async () => {
            const volumes = [{ name: "cifs", dockerVolumeConfiguration: { driver: "local", driverOpts: { type: "cifs", o: "addr=10.0.0.5,username=u,password=p4ss" } } }];
            assertViolations(await evaluate(policy, [resourceOf(TD, "web", { volumes })]), NAME, "mandatory", [
                'Volume "cifs" sets dockerVolumeConfiguration.driverOpts "o" and its value contains credentials; keep credentials out of volume options (use an EFS volume with IAM authorization instead).',
            ]);
        });

        it("GIVEN ordinary arguments, labels, options, health checks and parameter names THEN no violation", async () => {
            const container = webWith({
                entryPoint: ["sh", "-c", "export TOKEN_URL=https://auth.example.com/token && exec node server.js --port=8080"],
                command: ["node", "server.js", "--log-level", "info", "--password-file", "/run/secrets/db", "--max-tokens=4096", "--digest=sha256:3f1a9c0e5b7d2468ace013579bdf2468ace013579bdf2468ace013579bdf2468"],
                healthCheck: { command: ["CMD-SHELL", "curl -fsS http://localhost:8080/health || exit 1"], interval: 15, timeout: 5, retries: 3 },
                dockerLabels: { "com.example.team": "web", "com.example.secret-arn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:x" },
                logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1" } },
                secrets: [{ name: "DB_PASSWORD", valueFrom: "/app/db-password" }, { name: "API_KEY", valueFrom: "db-password" }],
                environment: [{ name: "MAX_TOKENS", value: "4096" }],
                workingDirectory: "/srv/app",
            });
            assertViolations(await evaluate(policy, [taskDefinitionWith([container])]), NAME, "mandatory", []);
        });
    });
});

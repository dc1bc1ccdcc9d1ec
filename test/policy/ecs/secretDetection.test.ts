import * as assert from "node:assert/strict";
import {
    classifySecretReference,
    detectPlaintextSecret,
    isSecretName,
    nameWords,
    randomTokenEntropy,
    shannonEntropy,
    valueSecretReason,
} from "../../../policy/lib/secretDetection";

describe("secretDetection (pure helpers)", () => {
    describe("shannonEntropy", () => {
        it("GIVEN one repeated symbol THEN 0 bits; GIVEN 16 distinct symbols THEN 4 bits", () => {
            assert.equal(shannonEntropy(""), 0);
            assert.equal(shannonEntropy("aaaa"), 0);
            assert.equal(shannonEntropy("0123456789abcdef"), 4);
            assert.equal(shannonEntropy("ab"), 1);
        });
    });

    describe("nameWords / isSecretName", () => {
        it("GIVEN snake, camel, kebab and dotted names THEN they split into upper-case words", () => {
            assert.deepEqual(nameWords("dbPassword"), ["DB", "PASSWORD"]);
            assert.deepEqual(nameWords("api-key.v2"), ["API", "KEY", "V2"]);
            assert.deepEqual(nameWords("AWS_SECRET_ACCESS_KEY"), ["AWS", "SECRET", "ACCESS", "KEY"]);
        });

        for (const name of [
            "PASSWORD", "DB_PASSWORD", "dbPassword", "DBPASSWORD", "MYSQL_PASSWD", "REDIS_PASS", "DB_PWD", "JWT_SECRET",
            "jwtSecret", "CLIENT_SECRET", "SECRET_KEY_BASE", "GITHUB_TOKEN", "APITOKEN", "API_KEY", "apiKey", "APIKEY",
            "STRIPE_API_KEY", "ACCESS_KEY", "S3_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "PRIVATE_KEY", "SIGNING_KEY", "GOOGLE_CREDENTIALS", "SMTP_CREDENTIAL", "DB_CREDS", "SSH_PASSPHRASE", "AUTH_TOKENS",
        ]) {
            it(`GIVEN ${name} THEN it is a secret name`, () => assert.equal(isSecretName(name), true));
        }

        for (const name of [
            "PWD", "OLDPWD", "PATH", "NODE_ENV", "PORT", "TOKENIZER_MODEL", "BYPASS_CACHE", "COMPASS_URL", "SECRETARY_EMAIL",
            "DB_SECRET_ARN", "SECRET_NAME", "TOKEN_URL", "PASSWORD_FILE", "PASSWORD_MIN_LENGTH", "TOKEN_TTL", "JWT_SECRET_PATH",
            "KMS_KEY_ID", "CLIENT_ID", "PUBLIC_KEY", "SECRETS_PREFIX", "password-stdin", "passphrase-fd", "",
        ]) {
            it(`GIVEN ${JSON.stringify(name)} THEN it is not a secret name`, () => assert.equal(isSecretName(name), false));
        }
    });

    describe("valueSecretReason", () => {
        const cases: [string, string][] = [
            ["AKIAIOSFODNN7EXAMPLE", "its value looks like an AWS access key id"],
            ["ASIAY34FZKBOKMUTVV7A", "its value looks like an AWS access key id"],
            ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "its value looks like an AWS secret access key"],
            ["postgres://app:s3cr3t@db.internal:5432/app", "its value contains credentials"],
            ["redis://:hunter2@cache:6379", "its value contains credentials"],
            ["Server=db;User Id=app;Password=hunter2;", "its value contains credentials"],
            ["-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----", "its value contains a PEM private key"],
            ["-----BEGIN OPENSSH PRIVATE KEY-----", "its value contains a PEM private key"],
            ["-----BEGIN PRIVATE KEY-----", "its value contains a PEM private key"],
            [
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                "its value looks like a JSON Web Token",
            ],
            [`ghp_${"a1B2c3D4e5".repeat(4)}`, "its value looks like a GitHub token"],
            [`github_pat_${"11ABCDEFG0".repeat(3)}`, "its value looks like a GitHub token"],
            ["xoxb-123456789012-abcdefghijkl", "its value looks like a Slack token"],
            ["https://hooks.slack.com/services/T0000/B0000/XXXXXXXX", "its value is a Slack webhook URL"],
            [`sk_live_${"a1B2c3D4".repeat(3)}`, "its value looks like a Stripe secret key"],
            [`AIza${"a1B2c3D4e5".repeat(3)}abcde`, "its value looks like a Google API key"],
            [`npm_${"a1B2c3D4e5F6".repeat(3)}`, "its value looks like an npm token"],
            ["Basic dXNlcjpodW50ZXIy", "its value is an HTTP Basic or Bearer credential"],
            ["bearer abc123def456", "its value is an HTTP Basic or Bearer credential"],
        ];
        for (const [value, reason] of cases) {
            it(`GIVEN a value shaped like "${reason.replace(/^its value /, "")}" THEN that reason`, () => assert.equal(valueSecretReason(value), reason));
        }

        for (const value of [
            "https://api.example.com/v1",
            "postgres://app:${DB_PASSWORD}@db:5432/app",
            "postgres://app@db:5432/app",
            "Server=db;Password=${DB_PASSWORD};",
            "3f1a9c0e5b7d2468ace013579bdf2468ace01357",
            "/usr/local/lib/node_modules/SomeThing1/AbCdEfGhIj",
            "production",
            "Bearer ${API_TOKEN}",
            "Basic realm=internal",
            "Bearer",
        ]) {
            it(`GIVEN the non-secret ${JSON.stringify(value)} THEN no value pattern matches`, () => assert.equal(valueSecretReason(value), undefined));
        }
    });

    describe("randomTokenEntropy", () => {
        it("GIVEN a random base62 token of 24 characters THEN it is reported with its entropy", () => {
            assert.ok((randomTokenEntropy("Xk9mP2qR7vL4nT8wZ3yB6cF1", 4.0, 20) ?? 0) > 4.5);
        });

        for (const value of [
            "my-company-prod-assets-eu-west-1",
            "K8sClusterNameProductionEU1",
            "my-app-v1.2.3-build.456",
            "2024-01-01T00:00:00Z",
            "3f1a9c0e5b7d2468ace013579bdf2468ace01357",
            "0f8fad5b-d9cb-469f-a165-70867728950e",
            "web.internal.eu-west-1.example.com",
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:abc",
            "arn:aws:s3:::bucket-2024-xyz/key9",
            "correct-horse-battery-staple-horse",
        ]) {
            it(`GIVEN the structured or word-like ${JSON.stringify(value)} THEN it is not random`, () =>
                assert.equal(randomTokenEntropy(value, 4.0, 20), undefined));
        }

        it("GIVEN a short token THEN it is below the minimum length and ignored", () => {
            assert.equal(randomTokenEntropy("Xk9mP2qR7vL4", 4.0, 20), undefined);
            assert.ok(randomTokenEntropy("Xk9mP2qR7vL4", 3.0, 10) !== undefined);
        });
    });

    describe("detectPlaintextSecret", () => {
        it("GIVEN a value pattern THEN it wins over the name and ignores allowedNames", () => {
            assert.deepEqual(detectPlaintextSecret("FOO", "AKIAIOSFODNN7EXAMPLE", { allowedNames: ["foo"] }), {
                kind: "value",
                reason: "its value looks like an AWS access key id",
            });
        });

        it("GIVEN a secret name with a plausible value THEN the name tier reports it", () => {
            assert.deepEqual(detectPlaintextSecret("DB_PASSWORD", "changeme"), { kind: "name", reason: "its name suggests a secret" });
        });

        it("GIVEN a secret name with an innocuous value THEN nothing is reported", () => {
            for (const value of ["env:KEY_PASS", "file:/run/secrets/key", "fd:3"]) {
                assert.equal(detectPlaintextSecret("pass", value), undefined, value);
            }
            assert.deepEqual(detectPlaintextSecret("pass", "env:"), { kind: "name", reason: "its name suggests a secret" });
            for (const value of ["", "  ", "true", "disabled", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:x", "/run/secrets/db.json", "https://auth.example.com", "${DB_PASSWORD}"]) {
                assert.equal(detectPlaintextSecret("DB_PASSWORD", value), undefined, value);
            }
            assert.equal(detectPlaintextSecret("GOOGLE_APPLICATION_CREDENTIALS", "/var/secrets/google/key.json"), undefined);
            assert.equal(detectPlaintextSecret("MAX_TOKENS", "4096"), undefined);
            assert.equal(detectPlaintextSecret("PASSWORD_MIN_LENGTH", "12"), undefined);
        });

        it("GIVEN a secret name with a short or path-like value THEN the name tier still reports it (that is the password the app gets)", () => {
            for (const value of ["3600", "1234", "x", "/run/secrets/db", "/hunter2", "./p4ss"]) {
                assert.deepEqual(detectPlaintextSecret("DB_PASSWORD", value), { kind: "name", reason: "its name suggests a secret" }, value);
            }
        });

        it("GIVEN an allow-listed name THEN the name and entropy tiers are skipped", () => {
            assert.equal(detectPlaintextSecret("db_password", "changeme", { allowedNames: ["DB_PASSWORD"] }), undefined);
            assert.equal(detectPlaintextSecret("BUILD_ID", "Xk9mP2qR7vL4nT8wZ3yB6cF1", { allowedNames: ["BUILD_ID"] }), undefined);
        });

        it("GIVEN a random value under an innocent name THEN the entropy tier reports it, rounding the entropy", () => {
            assert.deepEqual(detectPlaintextSecret("SESSION_SALT_VALUE", "Xk9mP2qR7vL4nT8wZ3yB6cF1"), {
                kind: "entropy",
                reason: "its value looks random (4.6 bits of entropy per character), like a key or token",
            });
        });

        it("GIVEN a configurable threshold and length THEN they are honoured", () => {
            assert.equal(detectPlaintextSecret("X", "Xk9mP2qR7vL4nT8wZ3yB6cF1", { entropyThreshold: 4.8 }), undefined);
            assert.equal(detectPlaintextSecret("X", "Xk9mP2qR7vL4nT8wZ3yB6cF1", { entropyMinLength: 30 }), undefined);
        });

        it("GIVEN a numeric value THEN it is checked as text; other types are ignored", () => {
            assert.equal(detectPlaintextSecret("PORT", 8080), undefined);
            assert.deepEqual(detectPlaintextSecret("PIN_PASSWORD", 12345678), { kind: "name", reason: "its name suggests a secret" });
            assert.equal(detectPlaintextSecret("DB_PASSWORD", { nested: "x" }), undefined);
            assert.equal(detectPlaintextSecret("DB_PASSWORD", null), undefined);
        });
    });

    describe("classifySecretReference", () => {
        it("GIVEN a Secrets Manager ARN with or without a JSON-key suffix THEN the secret's own ARN", () => {
            const arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:web/db-AbCdEf";
            assert.deepEqual(classifySecretReference(arn), { kind: "secretsmanager", secretArn: arn });
            assert.deepEqual(classifySecretReference(`${arn}:password::`), { kind: "secretsmanager", secretArn: arn });
            assert.deepEqual(classifySecretReference(`${arn}:password:AWSCURRENT:`), { kind: "secretsmanager", secretArn: arn });
        });

        it("GIVEN other partitions THEN they are accepted", () => {
            assert.equal(classifySecretReference("arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:x-AbCdEf").kind, "secretsmanager");
            assert.equal(classifySecretReference("arn:aws-cn:ssm:cn-north-1:123456789012:parameter/x").kind, "ssm");
        });

        it("GIVEN an SSM parameter ARN THEN kind ssm with the ARN", () => {
            const arn = "arn:aws:ssm:eu-west-1:123456789012:parameter/web/db-password";
            assert.deepEqual(classifySecretReference(arn), { kind: "ssm", parameterArn: arn });
        });

        it("GIVEN an SSM parameter name (same Region) THEN kind ssm-name", () => {
            for (const name of ["db-password", "/web/db-password", "/a/b/c.d_e-f", "DB_PASSWORD"]) {
                assert.deepEqual(classifySecretReference(name), { kind: "ssm-name", parameterName: name }, name);
            }
        });

        it("GIVEN something no parameter can be named, another ARN or a non-string THEN other", () => {
            for (const value of ["web/db-password", "awsDbPassword", "ssm-db", "/web//x", "/web/", "a b", "/" + "a/".repeat(15) + "b", "arn:aws:s3:::bucket/key", "arn:aws:secretsmanager:eu-west-1:12345:secret:x", 42, undefined]) {
                assert.deepEqual(classifySecretReference(value), { kind: "other" }, String(value));
            }
        });
    });
});

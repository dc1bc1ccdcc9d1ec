import * as assert from "node:assert/strict";
import { passwordFlagUses } from "../../../policy/lib/passwordFlags";
import { detectSecretInNamedValue, detectSecretsInArguments, shellCommands, shellWords } from "../../../policy/lib/secretDetection";

describe("passwordFlags (short flags that carry a password, by program)", () => {
    describe("passwordFlagUses over one command's words", () => {
        const reported: [string, string[], { index: number; program: string; flag: string }][] = [
            ["mysql -pS3cret (attached)", ["mysql", "-uroot", "-pS3cret", "app"], { index: 2, program: "mysql", flag: "-p" }],
            ["mysql -p S3cret (a password in the database name's place)", ["mysql", "-p", "S3cret"], { index: 2, program: "mysql", flag: "-p" }],
            ["mysqldump by its path", ["/usr/bin/mysqldump", "-h", "db", "-pS3cret", "app"], { index: 3, program: "mysqldump", flag: "-p" }],
            ["mariadb-dump", ["mariadb-dump", "-pS3cret"], { index: 1, program: "mariadb-dump", flag: "-p" }],
            ["redis-cli -a", ["redis-cli", "-h", "cache", "-a", "S3cret", "ping"], { index: 4, program: "redis-cli", flag: "-a" }],
            ["sshpass -p", ["sshpass", "-p", "S3cret", "ssh", "host"], { index: 2, program: "sshpass", flag: "-p" }],
            ["sshpass -pS3cret", ["sshpass", "-pS3cret", "ssh", "host"], { index: 1, program: "sshpass", flag: "-p" }],
            ["curl -u user:pass", ["curl", "-fsS", "-u", "user:pass", "https://x"], { index: 3, program: "curl", flag: "-u" }],
            ["curl -uuser:pass", ["curl", "-uuser:pass", "https://x"], { index: 1, program: "curl", flag: "-u" }],
            ["curl --user=user:pass", ["curl", "--user=user:pass", "https://x"], { index: 1, program: "curl", flag: "--user" }],
            ["curl -U proxy credentials", ["curl", "-U", "proxy:pw", "https://x"], { index: 2, program: "curl", flag: "-U" }],
            ["mongosh -p", ["mongosh", "-u", "app", "-p", "S3cret"], { index: 4, program: "mongosh", flag: "-p" }],
            ["ldapsearch -w", ["ldapsearch", "-D", "cn=admin", "-w", "S3cret"], { index: 4, program: "ldapsearch", flag: "-w" }],
            ["sqlcmd -P", ["sqlcmd", "-S", "db", "-U", "sa", "-P", "S3cret"], { index: 6, program: "sqlcmd", flag: "-P" }],
            ["7z a -pS3cret", ["7z", "a", "-pS3cret", "out.7z"], { index: 2, program: "7z", flag: "-p" }],
            ["keytool -storepass", ["keytool", "-list", "-storepass", "changeit2"], { index: 3, program: "keytool", flag: "-storepass" }],
            ["openssl -passin pass:", ["openssl", "rsa", "-in", "k.pem", "-passin", "pass:S3cret"], { index: 5, program: "openssl", flag: "-passin" }],
            ["redis-server --requirepass", ["redis-server", "--port", "6380", "--requirepass", "S3cret"], { index: 4, program: "redis-server", flag: "--requirepass" }],
            ["docker login -p", ["docker", "login", "-u", "AWS", "-p", "S3cret", "123.dkr.ecr.eu-west-1.amazonaws.com"], { index: 5, program: "docker login", flag: "-p" }],
            ["helm registry login -p", ["helm", "registry", "login", "r.example.com", "-u", "ci", "-pS3cret"], { index: 6, program: "helm registry login", flag: "-p" }],
            ["mosquitto_pub -P", ["mosquitto_pub", "-u", "dev", "-P", "S3cret", "-t", "x"], { index: 4, program: "mosquitto_pub", flag: "-P" }],
            ["lftp -u user,pass", ["lftp", "-u", "ftp,S3cret", "ftp.example.com"], { index: 2, program: "lftp", flag: "-u" }],
            ["smbclient -U user%pass", ["smbclient", "//fs/share", "-U", "svc%S3cret"], { index: 3, program: "smbclient", flag: "-U" }],
            ["behind exec, env and an assignment", ["exec", "env", "-i", "LANG=C", "mysql", "-pS3cret"], { index: 5, program: "mysql", flag: "-p" }],
            ["behind gosu user", ["gosu", "app", "redis-cli", "-a", "S3cret"], { index: 4, program: "redis-cli", flag: "-a" }],
        ];
        for (const [label, words, expected] of reported) {
            it(`GIVEN ${label} THEN the password's word is reported`, () => assert.deepEqual(passwordFlagUses(words), [expected]));
        }

        const clean: [string, string[]][] = [
            ["docker -p 8080:80 (a port)", ["docker", "run", "-p", "8080:80", "img"]],
            ["nc -p 8080 (a port)", ["nc", "-l", "-p", "8080"]],
            ["python -m", ["python", "-m", "http.server"]],
            ["ls -a", ["ls", "-a"]],
            ["mysql -P 3306 (the port, upper case)", ["mysql", "-h", "db", "-P", "3306"]],
            ["mysql -p alone (prompt)", ["mysql", "-p"]],
            ["mysql -p then another option", ["mysql", "-p", "-h", "db"]],
            ["a value the shell fills in", ["mysql", '-p$DB_PASSWORD', "-h", "db"]],
            ["a command substitution", ["redis-cli", "-a", "$(cat /run/secrets/redis)"]],
            ["curl -u with a user only (curl prompts)", ["curl", "-u", "user", "https://x"]],
            ["curl -u with the password from the environment", ["curl", "-u", "user:$API_PASSWORD", "https://x"]],
            ["openssl -passin env:", ["openssl", "rsa", "-passin", "env:KEY_PASS"]],
            ["sshpass -f file, then ssh -p 2222 (ssh's port)", ["sshpass", "-f", "/run/secrets/pw", "ssh", "-p", "2222", "host"]],
            ["sshpass -e, then ssh -p 2222", ["sshpass", "-e", "ssh", "-p", "2222", "host"]],
            ["after --", ["mysql", "--", "-pnot-an-option"]],
            ["redis-cli -a as its last word", ["redis-cli", "-a"]],
            ["docker run -p (a port, not login)", ["docker", "run", "-p", "8080:80", "web"]],
            ["docker login with --password-stdin", ["docker", "login", "-u", "AWS", "--password-stdin", "r.example.com"]],
            ["lftp -u with a user only", ["lftp", "-u", "ftp", "ftp.example.com"]],
            ["smbclient -U with a user only", ["smbclient", "//fs/share", "-U", "svc"]],
        ];
        for (const [label, words] of clean) {
            it(`GIVEN ${label} THEN nothing`, () => assert.deepEqual(passwordFlagUses(words), []));
        }
    });

    describe("shellCommands", () => {
        it("GIVEN ; && | and line breaks THEN each simple command apart; shellWords is their concatenation", () => {
            const text = 'set -e; cd /app && mysql -p"S3 cret" app | tee out\nexec node';
            assert.deepEqual(shellCommands(text), [["set", "-e"], ["cd", "/app"], ["mysql", "-pS3 cret", "app"], ["tee", "out"], ["exec", "node"]]);
            assert.deepEqual(shellWords(text), shellCommands(text).flat());
        });
    });

    describe("in argument lists and environment values", () => {
        it("GIVEN exec-form lists, shell strings and an entryPoint's program THEN the argument holding the password", () => {
            const reason = (p: string, f: string) => `it passes a password to ${p} on its command line (${f})`;
            assert.deepEqual(detectSecretsInArguments(["mysql", "-p", "S3cret"]), [{ index: 2, kind: "value", reason: reason("mysql", "-p") }]);
            assert.deepEqual(detectSecretsInArguments(["sh", "-c", "cd /app && redis-cli -a S3cret ping"]), [{ index: 2, kind: "value", reason: reason("redis-cli", "-a") }]);
            assert.deepEqual(detectSecretsInArguments(["curl", "-u", "user:pass", "https://x"]), [{ index: 2, kind: "value", reason: reason("curl", "-u") }]);
            assert.deepEqual(detectSecretsInArguments(["-pS3cret", "app"], {}, ["mysql"]), [{ index: 0, kind: "value", reason: reason("mysql", "-p") }]);
            assert.deepEqual(detectSecretsInArguments(["-p", "8080:80"], {}, ["docker", "run"]), []);
            assert.deepEqual(detectSecretsInArguments(["sh", "-c", `su app -c "bash -c 'mysql -pS3cret'"`]), [{ index: 2, kind: "value", reason: reason("mysql", "-p") }]);
            assert.deepEqual(detectSecretsInArguments(["sh", "-c", `su app -c "echo 'docker run -p 8080:80'"`]), []);
        });

        it("GIVEN an environment value holding a command THEN reported by the value; a filled-in password is not", () => {
            assert.deepEqual(detectSecretInNamedValue("BACKUP_CMD", "mysqldump -h db -pS3cret app"), { kind: "value", reason: "its value passes a password to mysqldump on its command line (-p)" });
            assert.deepEqual(detectSecretInNamedValue("PROBE", "redis-cli -a $REDIS_PASSWORD ping"), undefined);
            assert.deepEqual(detectSecretInNamedValue("RUN", "docker run -p 8080:80 web"), undefined);
        });
    });
});

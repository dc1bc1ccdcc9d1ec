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
            ["curl -u with a user only (curl prompts)", ["curl", "-u", "user", "https://x"]],
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

    const S = "S3cretPw";
    const reason = (p: string, f: string) => `it passes a password to ${p} on its command line (${f})`;
    /** The findings of an exec-form list (after an entryPoint), with the password kept out of every message. */
    const findings = (args: string[], leading: string[] = []) => {
        const found = detectSecretsInArguments(args, {}, leading);
        for (const f of found) {
            assert.ok(!f.reason.includes(S) && !f.reason.includes("uperS3cret"), `the reason prints the password: ${f.reason}`);
        }
        return found;
    };
    /** The findings of one shell string, as `sh -c` runs it. */
    const inShell = (text: string) => findings(["sh", "-c", text]);

    describe("wrappers with options of their own, and init processes", () => {
        const cases: [string, string[], string[], number, string, string][] = [
            ["sudo -u app", ["sudo", "-u", "app", "mysql", `-p${S}`], [], 4, "mysql", "-p"],
            ["nice -n 10", ["nice", "-n", "10", "mysql", `-p${S}`], [], 4, "mysql", "-p"],
            ["timeout -s KILL 10", ["timeout", "-s", "KILL", "10", "mysql", `-p${S}`], [], 5, "mysql", "-p"],
            ["env -u X", ["env", "-u", "X", "mysql", `-p${S}`], [], 4, "mysql", "-p"],
            ["runuser -u app --", ["runuser", "-u", "app", "--", "mysql", `-p${S}`], [], 5, "mysql", "-p"],
            ["entryPoint tini --", ["mysql", `-p${S}`], ["tini", "--"], 1, "mysql", "-p"],
            ["entryPoint dumb-init --", ["mysql", `-p${S}`], ["dumb-init", "--"], 1, "mysql", "-p"],
            ["entryPoint docker-entrypoint.sh, redis-cli -a", ["redis-cli", "-a", S], ["docker-entrypoint.sh"], 2, "redis-cli", "-a"],
            ["entryPoint tini --, redis-server --requirepass", ["redis-server", "--requirepass", S], ["tini", "--"], 2, "redis-server", "--requirepass"],
            ["an argument of echo (printed, still written in the definition)", ["echo", "redis-cli", "-a", S], [], 3, "redis-cli", "-a"],
        ];
        for (const [label, args, leading, index, program, flag] of cases) {
            it(`GIVEN ${label} THEN the password's argument is reported`, () =>
                assert.deepEqual(findings(args, leading), [{ index, kind: "value", reason: reason(program, flag) }]));
        }
        it("GIVEN a program name that is only an argument, with no password flag after it THEN nothing", () => {
            assert.deepEqual(findings(["grep", "mysql", "/etc/services"]), []);
            assert.deepEqual(findings(["gosu", "mysql", "mysqld", "--port", "3306"]), []);
            assert.deepEqual(findings(["tini", "--", "docker", "run", "-p", "8080:80", "mysql"]), []);
        });
        it("GIVEN a host or user named like a program THEN the program before it is still judged", () => {
            assert.deepEqual(findings(["redis-cli", "-h", "mysql", "-a", S]), [{ index: 4, kind: "value", reason: reason("redis-cli", "-a") }]);
            assert.deepEqual(findings(["gosu", "mysql", "mysql", "-p", S]), [{ index: 4, kind: "value", reason: reason("mysql", "-p") }]);
            assert.deepEqual(findings(["sudo", "-u", "mysql", "mysql", `-p${S}`]), [{ index: 4, kind: "value", reason: reason("mysql", "-p") }]);
        });
        it("GIVEN a host named after a program, given to another program's -h THEN its port is no password", () => {
            assert.deepEqual(inShell("wait-for-it.sh -h mysql -p 3306 -t 60 -- node server.js"), []);
            assert.deepEqual(inShell("until psql -h mysql -p 5432 -U app -c 'select 1'; do sleep 1; done"), []);
            assert.deepEqual(findings(["wait-for-it.sh", "--host", "mongo", "-p", "27017"]), []);
        });
    });

    describe("shell control flow", () => {
        const cases: [string, string, string, string][] = [
            ["until … do … done", `until mysqladmin ping -h 127.0.0.1 -p${S}; do sleep 1; done`, "mysqladmin", "-p"],
            ["if … then … fi", `if mysql -p${S} -e 'select 1'; then echo ok; fi`, "mysql", "-p"],
            ["while ! …", `while ! redis-cli -a ${S} ping; do sleep 1; done`, "redis-cli", "-a"],
            ["$(…) in an assignment", `x=$(mysql -p${S} -e 'select 1')`, "mysql", "-p"],
            ["backquotes", `x=\`mysql -p${S} -e 'select 1'\``, "mysql", "-p"],
            ["$(…) inside double quotes", `echo "$(redis-cli -a ${S} ping)"`, "redis-cli", "-a"],
            ["a subshell", `(mysql -p${S})`, "mysql", "-p"],
            ["a brace group", `{ mysql -p${S}; }`, "mysql", "-p"],
            ["!", `! mysql -p${S}`, "mysql", "-p"],
            ["an assignment prefix", `VAR=1 mysql -p${S}`, "mysql", "-p"],
            ["a program found by $(which …)", `$(which mysql) -p${S}`, "mysql", "-p"],
            ["a program found by `command -v …`", `\`command -v redis-cli\` -a ${S} ping`, "redis-cli", "-a"],
        ];
        for (const [label, text, program, flag] of cases) {
            it(`GIVEN ${label} THEN reported`, () => assert.deepEqual(inShell(text), [{ index: 2, kind: "value", reason: reason(program, flag) }]));
        }
        it("GIVEN reserved words and substitutions THEN the simple commands they hold", () => {
            assert.deepEqual(shellCommands("if ! mysql -e 'x'; then { echo a; }; fi"), [["mysql", "-e", "x"], ["echo", "a"]]);
            assert.deepEqual(shellCommands("x=$(cat f) && (cd /app) && echo `id -u`"), [["x=$(cat f)"], ["cd", "/app"], ["echo", "`id -u`"], ["cat", "f"], ["id", "-u"]]);
            assert.deepEqual(shellCommands("echo 'if' done"), [["echo", "if", "done"]]);
        });
    });

    describe("flags whose argument is not optional", () => {
        const cases: [string, string[], number, string, string][] = [
            ["redis-cli -a -S3cretPw", ["redis-cli", "-a", `-${S}`], 2, "redis-cli", "-a"],
            ["sshpass -p -S3cretPw", ["sshpass", "-p", `-${S}`, "ssh", "host"], 2, "sshpass", "-p"],
            ["curl -u admin:…", ["curl", "-u", `-admin:${S}`, "http://x"], 2, "curl", "-u"],
            ["ldapsearch -w", ["ldapsearch", "-w", `-${S}`], 2, "ldapsearch", "-w"],
            ["sqlcmd -P", ["sqlcmd", "-P", `-${S}`], 2, "sqlcmd", "-P"],
            ["zip -P", ["zip", "-P", `-${S}`, "o.zip", "d"], 2, "zip", "-P"],
            ["mosquitto_pub -P", ["mosquitto_pub", "-P", `-${S}`], 2, "mosquitto_pub", "-P"],
            ["lftp -u", ["lftp", "-u", `-ftp,${S}`, "host"], 2, "lftp", "-u"],
            ["smbclient -U", ["smbclient", "//fs/s", "-U", `-svc%${S}`], 3, "smbclient", "-U"],
        ];
        for (const [label, args, index, program, flag] of cases) {
            it(`GIVEN ${label} THEN reported`, () => assert.deepEqual(findings(args), [{ index, kind: "value", reason: reason(program, flag) }]));
        }
        it("GIVEN mysql -p followed by an option THEN it prompts: nothing", () => {
            assert.deepEqual(findings(["mysql", "-p", "-h", "db"]), []);
            assert.deepEqual(findings(["mysql", "-p"]), []);
        });
    });

    describe("bundled short options of getopt programs", () => {
        it("GIVEN curl -fsSu admin:S3cretPw THEN reported", () =>
            assert.deepEqual(findings(["curl", "-fsSu", `admin:${S}`, "http://x"]), [{ index: 2, kind: "value", reason: reason("curl", "-u") }]));
        it("GIVEN curl -fsSuadmin:S3cretPw (attached) THEN reported", () =>
            assert.deepEqual(findings(["curl", `-fsSuadmin:${S}`, "http://x"]), [{ index: 1, kind: "value", reason: reason("curl", "-u") }]));
        it("GIVEN zip -rP S3cretPw THEN reported", () =>
            assert.deepEqual(findings(["zip", "-rP", S, "o.zip", "d"]), [{ index: 2, kind: "value", reason: reason("zip", "-P") }]));
        it("GIVEN unzip -qP, sshpass -ep and ldapsearch -xw bundles THEN reported", () => {
            assert.deepEqual(findings(["unzip", "-qP", S, "o.zip"]), [{ index: 2, kind: "value", reason: reason("unzip", "-P") }]);
            assert.deepEqual(passwordFlagUses(["sshpass", `-vp${S}`, "ssh", "h"]), [{ index: 1, program: "sshpass", flag: "-p" }]);
            assert.deepEqual(passwordFlagUses(["ldapsearch", "-xw", S]), [{ index: 2, program: "ldapsearch", flag: "-w" }]);
        });
        it("GIVEN mysql -vpS3cretPw and mysqldump -vp S3cretPw (my_getopt groups short options) THEN reported", () => {
            assert.deepEqual(findings(["mysql", "-h", "db", `-vp${S}`]), [{ index: 3, kind: "value", reason: reason("mysql", "-p") }]);
            assert.deepEqual(passwordFlagUses(["mysqldump", "-vp", S, "app"]), [{ index: 2, program: "mysqldump", flag: "-p" }]);
        });
        it("GIVEN mysql -vp followed by an option, and -hdbp (the host) THEN nothing", () => {
            assert.deepEqual(passwordFlagUses(["mysql", "-vp", "-h", "db"]), []);
            assert.deepEqual(passwordFlagUses(["mysql", "-hdbp", "-e", "select 1"]), []);
            assert.deepEqual(passwordFlagUses(["mysql", "-uapp", "-ep", "x"]), []);
        });
        it("GIVEN a bundle where another option's argument holds the letter THEN nothing", () => {
            assert.deepEqual(passwordFlagUses(["curl", "-ouser:x", "http://x"]), []);
            assert.deepEqual(passwordFlagUses(["curl", "-fsSu", "admin", "http://x"]), []);
            assert.deepEqual(passwordFlagUses(["zip", "-bP", "/tmp", "o.zip"]), []);
        });
    });

    describe("global options before a subcommand", () => {
        it("GIVEN docker --config /x login -p S3cretPw THEN reported", () =>
            assert.deepEqual(findings(["docker", "--config", "/x", "login", "-p", S, "reg"]), [{ index: 5, kind: "value", reason: reason("docker login", "-p") }]));
        it("GIVEN docker --debug login and helm --kube-context k registry login THEN reported", () => {
            assert.deepEqual(passwordFlagUses(["docker", "--debug", "login", "-p", S]), [{ index: 4, program: "docker login", flag: "-p" }]);
            assert.deepEqual(passwordFlagUses(["helm", "--kube-context", "k", "registry", "login", "r", `-p${S}`]), [{ index: 6, program: "helm registry login", flag: "-p" }]);
        });
        it("GIVEN docker --config /x login --password-stdin and openssl -pass env:KEY THEN nothing", () => {
            assert.deepEqual(inShell("docker --config /root/.docker login -u AWS --password-stdin r.example.com < /tmp/pw"), []);
            assert.deepEqual(inShell("tar -czf - /data | openssl enc -aes-256-cbc -pass env:KEY -out /b.enc"), []);
        });
        it("GIVEN docker --config /x run -p 8080:80 and docker run … login THEN nothing", () => {
            assert.deepEqual(findings(["docker", "--config", "/x", "run", "-p", "8080:80", "img"]), []);
            assert.deepEqual(findings(["docker", "run", "--name", "login", "-p", "8080:80", "img"]), []);
        });
    });

    describe("values a shell fills in, and values it does not", () => {
        const LITERAL = ", as written: no shell reads an exec-form argument, so its $ is not filled in";
        it("GIVEN -p$uperS3cret in an exec-form list (no shell) THEN reported, saying the $ is taken as written", () => {
            assert.deepEqual(findings(["mysql", "-p$uperS3cret"]), [{ index: 1, kind: "value", reason: reason("mysql", "-p") + LITERAL }]);
            assert.deepEqual(findings(["redis-cli", "-a", "$(cat /run/secrets/x)"]), [{ index: 2, kind: "value", reason: reason("redis-cli", "-a") + LITERAL }]);
            assert.deepEqual(passwordFlagUses(["curl", "-u", "user:$API_PASSWORD"]), [{ index: 2, program: "curl", flag: "-u", unexpanded: true }]);
        });
        it("GIVEN a $ the outer shell fills in before an inner shell single-quotes it THEN nothing; one the outer leaves alone THEN reported", () => {
            assert.deepEqual(inShell(`su app -c "mysql -p'$PW'"`), []);
            assert.deepEqual(inShell(`su app -c 'mysql -p"$PW"'`), []);
            assert.deepEqual(inShell(`su app -c 'mysql -p'$PW`), []); // the outer quote ends: $PW is the outer shell's
            assert.deepEqual(inShell(`su app -c "mysql -p'\\$uperS3cret'"`), [{ index: 2, kind: "value", reason: reason("mysql", "-p") }]);
        });
        it("GIVEN a line continuation THEN the lines are one command", () => {
            assert.deepEqual(shellCommands("mysql -h db \\\n  -pS3cretPw app"), [["mysql", "-h", "db", "-pS3cretPw", "app"]]);
            assert.deepEqual(inShell("exec \\\n redis-cli -a S3cretPw ping"), [{ index: 2, kind: "value", reason: reason("redis-cli", "-a") }]);
        });
        it("GIVEN -p'$uperS3cret' single-quoted in a shell string THEN reported", () =>
            assert.deepEqual(inShell("mysql -p'$uperS3cret'"), [{ index: 2, kind: "value", reason: reason("mysql", "-p") }]));
        it("GIVEN an escaped \\$ in a shell string THEN reported", () =>
            assert.deepEqual(inShell("mysql -p\\$uperS3cret"), [{ index: 2, kind: "value", reason: reason("mysql", "-p") }]));
        it("GIVEN $NAME, ${NAME}, \"$NAME\", $(…) and backquotes in a shell string THEN nothing", () => {
            for (const text of [
                'mysql -p"$DB_PASSWORD"',
                "mysql -p$DB_PASSWORD -h db",
                "mysql -p${DB_PASSWORD}",
                "redis-cli -a $(cat /run/secrets/x) ping",
                "redis-cli -a `cat /run/secrets/x` ping",
                'curl -u "user:$API_PASSWORD" https://x',
                "CMD-SHELL mysqladmin ping -p\"$PW\"",
            ]) {
                assert.deepEqual(inShell(text), [], text);
            }
            assert.deepEqual(findings(["CMD-SHELL", 'mysqladmin ping -p"$PW"']), []);
        });
    });

    describe("false-positive guards", () => {
        it("GIVEN a secret-named variable set from a command substitution THEN nothing; set to a literal THEN reported", () => {
            for (const text of ["export DB_PASSWORD=$(cat /run/secrets/db) && exec node", 'DB_PASSWORD="$(cat /run/secrets/db)" node', "DB_PASSWORD=`cat /run/secrets/db` node"]) {
                assert.deepEqual(inShell(text), [], text);
            }
            assert.deepEqual(inShell(`export DB_PASSWORD=${S} && exec node`), [{ index: 2, name: "DB_PASSWORD", kind: "name", reason: "its name suggests a secret" }]);
        });
        for (const args of [
            ["docker", "run", "-p", "8080:80", "img"],
            ["mysql", "-P", "3306"],
            ["nc", "-p", "1234"],
            ["python", "-m", "x"],
            ["ls", "-a"],
            ["mysql", "-p"],
            ["sudo", "-u", "app", "mysql", "-p"],
        ]) {
            it(`GIVEN ${args.join(" ")} THEN nothing, in exec form and in a shell string`, () => {
                assert.deepEqual(findings(args), []);
                assert.deepEqual(inShell(args.join(" ")), []);
            });
        }
    });
});

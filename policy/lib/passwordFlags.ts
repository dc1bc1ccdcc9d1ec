/**
 * Short command-line flags that carry a password, judged by the program they are given to: `-p` is a
 * password to mysql and sshpass but a port to docker and nc, and `-a` is a password to redis-cli but
 * "all" to ls. Only the programs below are judged, each flag in the forms its own manual documents
 * (attached `-pS3cret`, separate `-p S3cret`). Long flags (`--password=x`, `--password x`) need no table:
 * their name says what they carry (`./secretDetection` isSecretName).
 *
 * Sources (each program's manual page):
 * - mysql and the other MySQL/MariaDB clients, "Command Options for Connecting to the Server":
 *   `--password[=password], -p[password]`. mysql reads `-p S3cret` as "prompt, database S3cret", but a
 *   container has no terminal to answer the prompt, so such a word is a password written in the wrong
 *   place: it is reported too.
 * - redis-cli(1): "-a <password> Password to use when connecting to the server".
 * - sshpass(1): "-p password The password is given on the command line" (getopt: `-pS3cret` too).
 * - curl(1): "-u, --user <user:password>", "-U, --proxy-user <user:password>" (getopt style: `-uuser:pw`).
 * - mongosh / mongodump / mongorestore / mongoexport / mongoimport: "-p, --password <password>".
 * - cqlsh: "-p PASSWORD, --password=PASSWORD".
 * - ldapsearch(1), ldapmodify(1), … (OpenLDAP): "-w passwd Use passwd as the password for simple
 *   authentication".
 * - sqlcmd / bcp (SQL Server): "-P password".
 * - zip(1): "-P password --password password"; unzip(1): "-P password"; 7z: "-p{Password}" (attached only).
 * - keytool (JDK): "-storepass arg", "-keypass arg", "-srcstorepass", "-deststorepass", "-srckeypass",
 *   "-destkeypass", "-new".
 * - openssl(1) pass phrase options: "-passin arg", "-passout arg" (`pass:password`; `env:`, `file:`, `fd:`
 *   and `stdin` name a source, not the secret).
 * - redis-server / valkey-server take any redis.conf directive as `--<directive> <value>` (redis.conf:
 *   "requirepass", "masterauth"); valkey-cli(1) "-a <password>" as redis-cli.
 * - docker login / podman login / nerdctl login / buildah login / helm registry login: "-p, --password
 *   string" (`docker -p` elsewhere publishes a port, so only the `login` subcommand is judged).
 * - mosquitto_pub / mosquitto_sub / mosquitto_rr: "-P, --pw password".
 * - rabbitmqadmin: "-p PASSWORD, --password=PASSWORD".
 * - lftp(1): "-u user[,pass]"; smbclient(1): "-U|--user=[DOMAIN\]USERNAME[%PASSWORD]".
 */

/** One flag of a program that carries a password. */
interface PasswordFlag {
    readonly flag: string;
    /** The password may follow the flag in the same word (`-pS3cret`). */
    readonly attached: boolean;
    /** The password may be the next word (`-p S3cret`). */
    readonly separate: boolean;
    /** The password within the value (`user:password` → `password`); undefined when the value holds none. */
    readonly password?: (value: string) => string | undefined;
}

/** `user:password` → `password`; a bare `user` holds none (curl then prompts). */
const afterColon = (value: string): string | undefined => /^[^:]*:(.+)$/.exec(value)?.[1];
/** lftp's `user,password` → `password`. */
const afterComma = (value: string): string | undefined => /^[^,]*,(.+)$/.exec(value)?.[1];
/** smbclient's `user%password` → `password`. */
const afterPercent = (value: string): string | undefined => /^[^%]*%(.+)$/.exec(value)?.[1];
/** openssl's `pass:password` → `password`; `env:VAR`, `file:path`, `fd:n` and `stdin` name a source. */
const opensslPass = (value: string): string | undefined => /^pass:(.+)$/.exec(value)?.[1];

const both = (flag: string, password?: (value: string) => string | undefined): PasswordFlag => ({ flag, attached: true, separate: true, password });
const separateOnly = (flag: string, password?: (value: string) => string | undefined): PasswordFlag => ({ flag, attached: false, separate: true, password });
const attachedOnly = (flag: string): PasswordFlag => ({ flag, attached: true, separate: false });

const MYSQL_CLIENTS = [
    "mysql", "mysqldump", "mysqladmin", "mysqlimport", "mysqlcheck", "mysqlshow", "mysqlslap", "mysqlpump", "mysqlbinlog", "mysqlsh",
    "mariadb", "mariadb-dump", "mariadb-admin", "mariadb-import", "mariadb-check", "mariadb-show", "mariadb-slap", "mariadb-binlog",
];
const MONGO_CLIENTS = ["mongo", "mongosh", "mongodump", "mongorestore", "mongoexport", "mongoimport", "mongostat", "mongotop", "mongofiles"];
const LDAP_CLIENTS = ["ldapsearch", "ldapadd", "ldapmodify", "ldapdelete", "ldapmodrdn", "ldapcompare", "ldapwhoami", "ldappasswd", "ldapexop", "ldapurl"];
const KEYTOOL_FLAGS = ["-storepass", "-keypass", "-srcstorepass", "-deststorepass", "-srckeypass", "-destkeypass", "-new"];

/** Programs (by base name) and the short flags that carry their password. */
export const PASSWORD_FLAGS: ReadonlyMap<string, readonly PasswordFlag[]> = new Map<string, readonly PasswordFlag[]>([
    ...MYSQL_CLIENTS.map((p): [string, PasswordFlag[]] => [p, [both("-p")]]),
    ["redis-cli", [separateOnly("-a")]],
    ["sshpass", [both("-p")]],
    ["curl", [both("-u", afterColon), both("-U", afterColon), separateOnly("--user", afterColon), separateOnly("--proxy-user", afterColon)]],
    ...MONGO_CLIENTS.map((p): [string, PasswordFlag[]] => [p, [both("-p")]]),
    ["cqlsh", [separateOnly("-p")]],
    ...LDAP_CLIENTS.map((p): [string, PasswordFlag[]] => [p, [both("-w")]]),
    ["sqlcmd", [both("-P")]],
    ["bcp", [both("-P")]],
    ["zip", [separateOnly("-P")]],
    ["unzip", [separateOnly("-P")]],
    ...["7z", "7za", "7zr"].map((p): [string, PasswordFlag[]] => [p, [attachedOnly("-p")]]),
    ["keytool", KEYTOOL_FLAGS.map(f => separateOnly(f))],
    ["openssl", [separateOnly("-passin", opensslPass), separateOnly("-passout", opensslPass)]],
    ...["redis-server", "valkey-server"].map((p): [string, PasswordFlag[]] => [p, [separateOnly("--requirepass"), separateOnly("--masterauth")]]),
    ["valkey-cli", [separateOnly("-a")]],
    ...["docker login", "podman login", "nerdctl login", "buildah login", "helm registry login"].map((p): [string, PasswordFlag[]] => [p, [both("-p")]]),
    ...["mosquitto_pub", "mosquitto_sub", "mosquitto_rr"].map((p): [string, PasswordFlag[]] => [p, [separateOnly("-P")]]),
    ["rabbitmqadmin", [both("-p")]],
    ["lftp", [separateOnly("-u", afterComma)]],
    ["smbclient", [both("-U", afterPercent), separateOnly("--user", afterPercent)]],
]);

/**
 * Programs that run another command after their own options (sshpass(1): "sshpass [-ffilename|-dnum|-ppassword|-e]
 * [options] command arguments"): their option scan stops at the first operand, so `sshpass -f pw ssh -p 22 host`
 * gives ssh a port, not sshpass a password.
 */
const RUNS_A_COMMAND = new Set(["sshpass"]);

/** Words that run the command after them (`exec mysql …`, `env A=b mysql …`), and how many arguments of their own they take. */
const WRAPPERS: ReadonlyMap<string, number> = new Map([
    ["CMD", 0], // an ECS health check's exec form: ["CMD", program, args…]
    ["exec", 0],
    ["command", 0],
    ["env", 0],
    ["nohup", 0],
    ["time", 0],
    ["nice", 0],
    ["sudo", 0],
    ["gosu", 1],
    ["su-exec", 1],
    ["timeout", 1],
]);

/** A value that the shell or the program fills from elsewhere (`$DB_PASSWORD`, `${PW}`, `$(cat /run/secrets/pw)`), or empty. */
const isIndirect = (value: string): boolean => value === "" || value.startsWith("$") || /^<[^>]*>$/.test(value) || /^\*+$/.test(value);

/** A password given on a program's command line: the word it is in and the program and flag that carry it. */
export interface PasswordFlagUse {
    /** 0-based position of the word holding the password within the command's words. */
    readonly index: number;
    readonly program: string;
    readonly flag: string;
}

/** The program a command runs after leading `NAME=value` assignments and wrappers, with its position. */
function programOf(words: readonly string[]): { program: string; at: number } | undefined {
    let i = 0;
    while (i < words.length) {
        const word = words[i];
        const wrapper = WRAPPERS.get(word.slice(word.lastIndexOf("/") + 1));
        if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word) || (word.startsWith("-") && i > 0)) {
            i++; // an assignment, or a wrapper's own option (`env -i`, `sudo -E`)
        } else if (wrapper !== undefined) {
            i += 1 + wrapper;
        } else {
            return { program: word.slice(word.lastIndexOf("/") + 1), at: i };
        }
    }
    return undefined;
}

/**
 * The passwords one command (its words, as the shell or ECS splits them) gives a program of
 * {@link PASSWORD_FLAGS} through a flag. Values the shell fills in (`-p"$DB_PASSWORD"`) are not passwords
 * written in the definition and are not reported.
 */
export function passwordFlagUses(words: readonly string[]): PasswordFlagUse[] {
    const program = programOf(words);
    // a subcommand entry ("docker login", "helm registry login") before the program's own
    const found =
        program === undefined
            ? undefined
            : [3, 2, 1]
                  .map(n => ({ program: [program.program, ...words.slice(program.at + 1, program.at + n)].join(" "), at: program.at + n - 1 }))
                  .find(candidate => PASSWORD_FLAGS.has(candidate.program));
    const flags = found === undefined ? undefined : PASSWORD_FLAGS.get(found.program);
    if (found === undefined || flags === undefined) {
        return [];
    }
    const uses: PasswordFlagUse[] = [];
    for (let i = found.at + 1; i < words.length; i++) {
        const word = words[i];
        if (word === "--") {
            break; // what follows is operands, not options
        }
        if (RUNS_A_COMMAND.has(found.program) && !word.startsWith("-")) {
            break; // the command it runs, with that command's own flags
        }
        for (const f of flags) {
            let value: string | undefined;
            let index = i;
            if (word === f.flag && f.separate && i + 1 < words.length && !words[i + 1].startsWith("-")) {
                value = words[i + 1];
                index = i + 1;
            } else if (f.attached && word.length > f.flag.length && word.startsWith(f.flag)) {
                value = word.slice(f.flag.length);
            } else if (f.flag.startsWith("--") && word.startsWith(`${f.flag}=`)) {
                value = word.slice(f.flag.length + 1);
            }
            const password = value === undefined ? undefined : f.password === undefined ? value : f.password(value);
            if (password !== undefined && !isIndirect(password)) {
                uses.push({ index, program: found.program, flag: f.flag });
            }
            if (value !== undefined) {
                i = index; // the value is not an operand
                break;
            }
        }
    }
    return uses;
}
